// The GraphQL side of live feeds shared by every domain: the resync signal.
import { builder } from '../builder.ts';
import { readLogHead } from './log.ts';

/** The resync signal as the schema carries it. */
export interface FeedResyncValue {
  kind: 'resync';
  head: number;
  missed: number | null;
}

/** Sent instead of a replay that would be too long (or from a cursor the log never reached). */
export const FeedResync = builder.objectRef<FeedResyncValue>('FeedResync').implement({
  description:
    'The subscriber missed more events than the server replays (or passed a cursor the log never reached): reload the state with a query, then keep applying the events that follow, which start after `logSeq`.',
  fields: (t) => ({
    logSeq: t.exposeInt('head', { description: 'The newest log position of the feed now; events after it follow this signal. Pass it as `afterSeq` when you subscribe again.' }),
    missed: t.exposeInt('missed', { nullable: true, description: 'How many events were missed, when known.' }),
  }),
});

builder.queryField('logSeq', (t) =>
  t.int({
    description:
      'The newest position of the hub’s event log. To load a list and keep it live with nothing missed in between: read this first (in its own request), then load the list, then subscribe with `afterSeq` set to it — what was written meanwhile is replayed, and applying an event twice is harmless.',
    authScopes: { signedIn: true },
    resolve: (_root, _args, ctx) => readLogHead(ctx.prisma),
  }),
);
