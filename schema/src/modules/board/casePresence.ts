// Who is on a case and which field each is editing (spine/presence.ts): a heartbeat mutation about
// every 10 s (gone 30 s after the last), a leave mutation, and a subscription that sends the list
// first and then every change. Only for those who may see the case; the field a staff member edits
// in the internal note shows to staff only.
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { validateInput } from '../../errors/index.ts';
import { mapFeed, watchViewer } from '../../spine/feeds.ts';
import { idOfType } from '../../spine/globalIds.ts';
import { type PresenceEntry, presenceHubFor } from '../../spine/presence.ts';
import { caseScopeSelect, caseVisibleTo, isCaseStaff, scopeOf } from './casePolicy.ts';
import { CASE_FIELDS, PRESENCE_HEARTBEAT_MS, PRESENCE_TTL_MS } from './caseRules.ts';

type View = { caseId: string; entries: PresenceEntry[]; staff: boolean };

const Viewer = builder.objectRef<PresenceEntry & { staff: boolean }>('CasePresenceViewer').implement({
  description: 'Someone on the case.',
  fields: (t) => ({
    userId: t.id({ description: 'Their user id.', resolve: (e) => e.userId }),
    name: t.exposeString('name', { description: 'Display name.' }),
    field: t.string({ nullable: true, description: 'The field they are editing (title, description … or item:<id>); null when only viewing.', resolve: (e) => (e.field === 'internalNote' && !e.staff ? null : e.field) }),
    since: t.field({ type: 'DateTime', description: 'On the case since.', resolve: (e) => new Date(e.since) }),
    lastSeenAt: t.field({ type: 'DateTime', description: 'Their last heartbeat.', resolve: (e) => new Date(e.lastSeen) }),
  }),
});

const CasePresence = builder.objectRef<View>('CasePresence').implement({
  description: `Who is on a case. Beat every ${PRESENCE_HEARTBEAT_MS / 1000} s; an entry is gone ${PRESENCE_TTL_MS / 1000} s after its last beat.`,
  fields: (t) => ({
    caseId: t.id({ description: 'The case.', resolve: (v) => v.caseId }),
    viewers: t.field({ type: [Viewer], description: 'Who is on it, longest present first.', resolve: (v) => v.entries.map((e) => ({ ...e, staff: v.staff })) }),
  }),
});

/** The case id if the viewer may see it, and whether they are its staff. */
async function caseFor(ctx: Context, gid: string | number) {
  const id = idOfType('Case', gid);
  const row = await ctx.prisma.case.findUnique({ where: { id }, select: caseScopeSelect });
  if (!row || !caseVisibleTo(ctx.viewer, scopeOf(row))) throw new GraphQLError('No such case', { extensions: { code: 'NOT_FOUND' } });
  return { id, staff: isCaseStaff(ctx.viewer, scopeOf(row)) };
}

const fieldSchema = z.string().refine((f) => (CASE_FIELDS as readonly string[]).includes(f) || f === 'status' || /^item:[\w-]+$/.test(f), 'a case field or item:<id>').nullish();

builder.mutationFields((t) => ({
  heartbeatCasePresence: t.field({
    type: CasePresence,
    description: `Says the viewer is on the case (and which field they are editing, if any). Send every ${PRESENCE_HEARTBEAT_MS / 1000} s while the case is open.`,
    authScopes: { signedIn: true },
    args: { caseId: t.arg.id({ description: 'Global id of the case.' }), field: t.arg.string({ required: false, description: 'The field being edited, or none.' }) },
    resolve: async (_root, args, ctx) => {
      const { field } = await validateInput(z.object({ field: fieldSchema }), { field: args.field });
      const c = await caseFor(ctx, args.caseId);
      const hub = presenceHubFor(ctx.pubsub);
      const user = await ctx.prisma.user.findUniqueOrThrow({ where: { id: ctx.viewer!.userId }, select: { displayName: true } });
      hub.beat({ key: `case:${c.id}`, userId: ctx.viewer!.userId, name: user.displayName, field: field ?? null });
      return { caseId: String(args.caseId), entries: hub.list(`case:${c.id}`), staff: c.staff };
    },
  }),
  leaveCasePresence: t.boolean({
    description: 'Says the viewer left the case (closing it); the others see them gone at once.',
    authScopes: { signedIn: true },
    args: { caseId: t.arg.id({ description: 'Global id of the case.' }) },
    resolve: async (_root, args, ctx) => {
      const c = await caseFor(ctx, args.caseId);
      presenceHubFor(ctx.pubsub).beat({ key: `case:${c.id}`, userId: ctx.viewer!.userId, name: '', field: null, gone: true });
      return true;
    },
  }),
}));

builder.subscriptionFields((t) => ({
  casePresence: t.field({
    type: CasePresence,
    description: 'Who is on a case: the list now, then again on every join, field change, leave or expiry (across api instances).',
    authScopes: { signedIn: true },
    args: { caseId: t.arg.id({ description: 'Global id of the case.' }) },
    subscribe: async (_root, args, ctx: Context) => {
      const c = await caseFor(ctx, args.caseId);
      const lists = presenceHubFor(ctx.pubsub).watch(`case:${c.id}`);
      const stop = watchViewer(ctx, () => void lists.return?.());
      return mapFeed(
        { [Symbol.asyncIterator]: () => ({ next: () => lists.next(), return: async () => (stop(), lists.return?.() ?? { done: true as const, value: undefined }) }) },
        (entries: PresenceEntry[]): View => ({ caseId: String(args.caseId), entries, staff: c.staff }),
      );
    },
    resolve: (v) => v as View,
  }),
}));
