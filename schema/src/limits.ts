// What each field costs and how large a page may be. The api enforces the limits before execution on
// HTTP and WebSocket alike (api/src/limits.ts, which holds the budget and the document limits); the
// schema only says what a field costs. Documented in the README ("Query limits").
import { GraphQLError, isListType, isNonNullType } from 'graphql';

/** Largest page a connection serves (`first` / `last`), and most ids a `nodes(ids:)` lookup takes. */
export const MAX_PAGE_SIZE = 200;
/** Page size when a connection is asked without `first` or `last`. */
export const DEFAULT_PAGE_SIZE = 20;
/** What a plain list field (not a connection) is assumed to hold, for the cost estimate. */
export const LIST_COST_MULTIPLIER = 10;

/**
 * Thrown while estimating cost when a field is asked for more than MAX_PAGE_SIZE items. A GraphQL
 * error with a stable code, so the api can hand it to the client as it is.
 */
export class PageSizeLimitError extends GraphQLError {
  override name = 'PageSizeLimitError';
  constructor(readonly field: string, readonly requested: number, what = 'first/last') {
    super(`${field}: ${what} may be at most ${MAX_PAGE_SIZE}, got ${requested}`, {
      extensions: { code: 'PAGE_SIZE_EXCEEDED', field, requested, limit: MAX_PAGE_SIZE },
    });
  }
}

interface FieldLike {
  name: string;
  args: readonly { name: string }[];
  type: unknown;
}

const isList = (type: unknown): boolean =>
  isListType(type) || (isNonNullType(type) && isListType((type as { ofType: unknown }).ofType));

/**
 * The cost of one field for @pothos/plugin-complexity: 1, and its sub-selection multiplied by the page
 * size for a connection (its `first` / `last`, or the default page), by the number of ids for a lookup
 * by ids (`nodes(ids:)`), by 1 for the `edges` of a connection (already counted by the page size), and
 * by LIST_COST_MULTIPLIER for other lists.
 * https://pothos-graphql.dev/docs/plugins/complexity
 */
export function fieldCost(args: Record<string, unknown>, _ctx: unknown, field: FieldLike): { field: number; multiplier: number } {
  const paged = field.args.some((a) => a.name === 'first') && field.args.some((a) => a.name === 'last');
  if (paged) {
    const requested = (args.first ?? args.last ?? DEFAULT_PAGE_SIZE) as number;
    if (requested > MAX_PAGE_SIZE) throw new PageSizeLimitError(field.name, requested);
    return { field: 1, multiplier: Math.max(requested, 0) };
  }
  // a variable can carry any number of ids, which the token limit on the document never sees
  if (Array.isArray(args.ids)) {
    if (args.ids.length > MAX_PAGE_SIZE) throw new PageSizeLimitError(field.name, args.ids.length, 'ids');
    return { field: 1, multiplier: args.ids.length };
  }
  if (field.name === 'edges') return { field: 1, multiplier: 1 };
  return { field: 1, multiplier: isList(field.type) ? LIST_COST_MULTIPLIER : 1 };
}
