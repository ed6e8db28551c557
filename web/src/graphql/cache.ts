// Graphcache, made schema-aware from the printed API schema. Keys and pagination follow the schema's
// conventions instead of a hand-kept list: every entity is a Relay node keyed by its global `id`;
// objects without an id (LngLat, SignInSuccess, SignOutPayload, Heartbeat, ValidationIssue, PageInfo,
// connections and edges …) are embedded in their parent; every `…Connection` field is paginated
// Relay-style. https://nearform.com/open-source/urql/docs/graphcache/normalized-caching/#custom-keys-and-non-keyable-entities
import { type Cache, cacheExchange, type KeyingConfig, type ResolverConfig, type UpdatesConfig } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import type { IntrospectionObjectType, IntrospectionQuery, IntrospectionTypeRef } from 'graphql';

const namedType = (ref: IntrospectionTypeRef): string | null => {
  if (ref.kind === 'NON_NULL' || ref.kind === 'LIST') return namedType(ref.ofType);
  return 'name' in ref ? ref.name : null;
};

/** The object types of a schema, without the root and introspection types. */
function objectTypes(schema: IntrospectionQuery): IntrospectionObjectType[] {
  const roots = new Set([schema.__schema.queryType.name, schema.__schema.mutationType?.name, schema.__schema.subscriptionType?.name]);
  return schema.__schema.types.filter(
    (type): type is IntrospectionObjectType => type.kind === 'OBJECT' && !roots.has(type.name) && !type.name.startsWith('__'),
  );
}

/** Key functions: `null` (embed in the parent) for every object type that has no `id` field. */
export function keysFor(schema: IntrospectionQuery): KeyingConfig {
  const keys: KeyingConfig = {};
  for (const type of objectTypes(schema)) {
    if (!type.fields.some((field) => field.name === 'id')) keys[type.name] = () => null;
  }
  return keys;
}

/** relayPagination() on every field whose type is a Relay connection, on any type including Query. */
export function paginationFor(schema: IntrospectionQuery): ResolverConfig {
  const resolvers: ResolverConfig = {};
  for (const type of schema.__schema.types) {
    if (type.kind !== 'OBJECT' || type.name.startsWith('__')) continue;
    for (const field of type.fields) {
      if (!namedType(field.type)?.endsWith('Connection')) continue;
      (resolvers[type.name] ??= {})[field.name] = relayPagination();
    }
  }
  return resolvers;
}

/**
 * Forgets every query result. Signing in or out changes what the API shows (contact data is masked
 * for anonymous viewers, `viewer` itself changes), so nothing cached under the old identity may be
 * reused; the active queries are re-run against the network.
 */
export function forgetViewerData(cache: Cache) {
  for (const field of cache.inspectFields('Query')) cache.invalidate('Query', field.fieldName, field.arguments ?? undefined);
}

/**
 * Drops every cached page of the `tickets` list, so the lists on screen are fetched again. A ticket
 * that changes is updated in place by its id; a new one has no place in a cached list until the API
 * says where it goes (the lists are sorted and filtered by the server).
 */
export function forgetTicketLists(cache: Cache) {
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName === 'tickets') cache.invalidate('Query', field.fieldName, field.arguments ?? undefined);
  }
}

/** Whether a ticket (by its cache key) is on any cached page of the `tickets` lists. */
function isListed(cache: Cache, ticketKey: string | null) {
  if (!ticketKey) return false;
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName !== 'tickets') continue;
    const connection = cache.resolve('Query', field.fieldKey);
    const edges = typeof connection === 'string' ? cache.resolve(connection, 'edges') : null;
    if (Array.isArray(edges) && edges.some((edge) => typeof edge === 'string' && cache.resolve(edge, 'node') === ticketKey)) return true;
  }
  return false;
}

/** A `TicketFeedItem` as the feeds' updater reads it. */
export type TicketFeedItem =
  | { __typename: 'FeedResync' }
  | { __typename: 'TicketEventNotice'; type: string; ticket: { __typename?: string; id: string } | null }
  | null
  | undefined;

// the events that bring a ticket into a feed it was not in: filed, or routed (out of the pool, 改派)
const PLACING_EVENTS = new Set(['RECEIVED', 'DISPATCHED']);

/**
 * Applies one item of a live ticket feed (ticketEvents, districtTicketEvents). Graphcache has written
 * a notice's ticket by id, so every row and page showing it changed in place. A ticket the cached
 * lists do not hold yet (just filed, or routed here) has no place in them until the API says where it
 * goes, and a ticket no longer visible must leave them: the lists are dropped and fetched again. A
 * FeedResync means events were missed, so nothing cached about the lists can be trusted: the same.
 */
export function applyTicketFeedItem(item: TicketFeedItem, cache: Cache) {
  if (!item) return;
  if (item.__typename === 'FeedResync') return forgetTicketLists(cache);
  if (!item.ticket) return forgetTicketLists(cache);
  if (PLACING_EVENTS.has(item.type) && !isListed(cache, cache.keyOfEntity({ __typename: 'Ticket', ...item.ticket }))) forgetTicketLists(cache);
}

/**
 * Drops every cached page of the `whistles` list, so the boards on screen are fetched again: a whistle
 * that changes is updated in place by its id, but one blown, closed or no longer visible changes which
 * whistles a filtered list (the live board) holds, which only the API can say.
 */
export function forgetWhistleLists(cache: Cache) {
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName === 'whistles') cache.invalidate('Query', field.fieldName, field.arguments ?? undefined);
  }
}

/** A `WhistleFeedItem` as the feeds' updater reads it. */
export type WhistleFeedItem =
  | { __typename: 'FeedResync' }
  | { __typename: 'WhistleEventNotice'; type: string; whistle: { __typename?: string; id: string } | null }
  | null
  | undefined;

// the events that move a whistle into or out of a list: blown, a new stage (closed, supervised)
const WHISTLE_LIST_EVENTS = new Set(['BLOWN', 'STAGE_CHANGED', 'CLOSED', 'SUPERVISED']);

/**
 * Applies one item of a live whistle feed (streetWhistleEvents, departmentWhistleEvents,
 * districtWhistleEvents). Graphcache has written the notice's whistle by id, so the board's card
 * changed in place (an acknowledgement, a check-in, an escalation); an event that changes which list a
 * whistle belongs in, a whistle no longer visible, or a FeedResync has the lists fetched again.
 */
export function applyWhistleFeedItem(item: WhistleFeedItem, cache: Cache) {
  if (!item) return;
  if (item.__typename === 'FeedResync' || !item.whistle || WHISTLE_LIST_EVENTS.has(item.type)) forgetWhistleLists(cache);
}

export interface CacheOptions {
  schema: IntrospectionQuery;
  /** called after a sign-in or sign-out succeeded, e.g. to reconnect the WebSocket with the new cookie */
  onIdentityChange?: () => void;
}

/** The cache exchange of the app's client. */
export function createCacheExchange(options: CacheOptions) {
  const identityChanged = (cache: Cache) => {
    forgetViewerData(cache);
    options.onIdentityChange?.();
  };
  const updates: UpdatesConfig = {
    Subscription: {
      ticketEvents: (result, _args, cache) => applyTicketFeedItem(result.ticketEvents as TicketFeedItem, cache),
      districtTicketEvents: (result, _args, cache) => applyTicketFeedItem(result.districtTicketEvents as TicketFeedItem, cache),
      streetWhistleEvents: (result, _args, cache) => applyWhistleFeedItem(result.streetWhistleEvents as WhistleFeedItem, cache),
      departmentWhistleEvents: (result, _args, cache) => applyWhistleFeedItem(result.departmentWhistleEvents as WhistleFeedItem, cache),
      districtWhistleEvents: (result, _args, cache) => applyWhistleFeedItem(result.districtWhistleEvents as WhistleFeedItem, cache),
    },
    Mutation: {
      createRevisitPlan(result, _args, cache) {
        const payload = result.createRevisitPlan as { __typename?: string } | null;
        if (payload?.__typename !== 'CreateRevisitPlanResult') return;
        for (const field of cache.inspectFields('Query')) {
          if (field.fieldName === 'revisitPlans') cache.invalidate('Query', field.fieldName, field.arguments ?? undefined);
        }
      },
      // a new whistle has no place in a cached board until the API says where it goes
      blowWhistle(result, _args, cache) {
        const payload = result.blowWhistle as { __typename?: string } | null;
        if (payload?.__typename === 'BlowWhistleResult') forgetWhistleLists(cache);
      },
      createTicket(result, _args, cache) {
        const payload = result.createTicket as { __typename?: string } | null;
        if (payload?.__typename === 'CreateTicketResult') forgetTicketLists(cache);
      },
      signIn(result, _args, cache) {
        const payload = result.signIn as { __typename?: string } | null;
        if (payload?.__typename === 'SignInResult') identityChanged(cache);
      },
      signOut(_result, _args, cache) {
        identityChanged(cache);
      },
    },
  };
  return cacheExchange({
    schema: options.schema,
    keys: keysFor(options.schema),
    resolvers: paginationFor(options.schema),
    updates,
  });
}
