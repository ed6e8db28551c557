// Versioned aggregates with an event log: the write path every domain shares. A ticket, a whistle,
// a motion, a volunteer claim and a board case each describe their table once (an AggregateStore);
// `changeAggregate` and `createAggregate` do the rest in one order:
//
//   load what the viewer may see → authorize → compare expectedVersion → apply the pure rule →
//   conditional update on the version → extra writes → take log positions → append events numbered
//   per aggregate (unique on aggregate + seq) → commit → publish ids and positions.
//
// Idempotency (client mutation ids) and publish-after-commit come from runWrite (writes.ts).
import type { Prisma } from '@whistlehub/prisma';
import { GraphQLError } from 'graphql';
import type { Viewer } from '../auth/viewer.ts';
import type { Context } from '../context.ts';
import { NotFoundError } from '../errors/index.ts';
import { takeLogPositions } from './log.ts';
import { runWrite, type WriteOptions } from './writes.ts';

type Tx = Prisma.TransactionClient;

/** The numbering every event carries: its place in the aggregate's history and in the hub's log. */
export interface EventStamp {
  seq: number;
  position: number;
  at: Date;
  actorId: string | null;
}

/** How one aggregate type is stored: its table, its event table, its conflict error and its feeds. */
export interface AggregateStore<Row extends { id: string; version: number }, Event, Data> {
  /** GraphQL type name (NotFound errors) */
  typename: string;
  /**
   * Takes the row's write lock as the write's first statement, before anything is read (a no-op
   * update, e.g. version + 0). On SQLite a transaction that reads first holds a snapshot that another
   * process's commit makes stale, and its first write is then refused at once; locking first waits
   * on the busy timeout instead and reads what the last writer committed. On PostgreSQL it queues
   * writers on the row lock instead of letting them lose the version and decide again.
   */
  lock?(tx: Tx, id: string): Promise<void>;
  /** the row if it exists and the viewer may see it, with whatever the rules need */
  load(tx: Tx, id: string, viewer: Viewer | null): Promise<Row | null>;
  /** UPDATE … WHERE id AND version: whether the row was still at `version` (then it is now at version + 1) */
  updateIfVersion(tx: Tx, id: string, version: number, data: Data): Promise<boolean>;
  /** the highest seq in the aggregate's history (0 for none) */
  lastSeq(tx: Tx, id: string): Promise<number>;
  /** inserts the events, stamped; `data` is the change just written (null on create), e.g. a new street */
  appendEvents(tx: Tx, row: Row, events: (Event & EventStamp)[], data: Data | null): Promise<void>;
  /** the typed error for a stale write: what is stored now, who changed it last and when */
  conflict(tx: Tx, id: string): Promise<Error>;
  /** publishes, after commit, that the aggregate changed (ids and positions only) */
  notify(ctx: Context, row: Row, events: { seq: number; position: number; type: string }[], data: Data | null): void;
}

/** What a rule decides for one write: the new column values, the events, extra writes. */
export interface AggregateChange<Event, Data> {
  data: Data;
  events: (Event & { type: string })[];
  /** further writes in the same transaction (child rows) */
  also?: (tx: Tx) => Promise<unknown>;
}

/** The result every aggregate write returns (and stores in its receipt). */
export interface AggregateWriteResult {
  id: string;
  version: number;
  /** seq of the last event written */
  seq: number;
  /** log position of the last event written */
  position: number;
}

/** A write without expectedVersion lost the version to a concurrent one and may decide again (see `retries`). */
class LostRace extends Error {
  override name = 'LostRace';
}

/** The refusal of an action the viewer may not take (a GraphQL error, not a typed one: nothing to fix in the input). */
export const forbidden = () => new GraphQLError('Not allowed', { extensions: { code: 'FORBIDDEN' } });

async function stampAndAppend<Row extends { id: string; version: number }, Event, Data>(
  tx: Tx,
  ctx: Context,
  store: AggregateStore<Row, Event, Data>,
  row: Row,
  firstSeq: number,
  events: (Event & { type: string })[],
  now: Date,
  data: Data | null,
) {
  if (events.length === 0) throw new Error(`${store.typename}: a write must record at least one event`);
  // last before the inserts: the log head stays locked until commit (see spine/log.ts)
  const first = await takeLogPositions(tx, events.length);
  const stamped = events.map((e, i) => ({ ...e, seq: firstSeq + i, position: first + i, at: now, actorId: ctx.viewer?.userId ?? null }));
  await store.appendEvents(tx, row, stamped, data);
  return stamped;
}

/**
 * Applies one decided change to a loaded row inside a write's transaction: the conditional update,
 * the extra writes, the stamped events. For writes that change several aggregates at once (a revisit
 * plan touches each of its tickets); `changeAggregate` is the one-aggregate case.
 */
export async function applyChange<Row extends { id: string; version: number }, Event, Data>(
  tx: Tx,
  ctx: Context,
  store: AggregateStore<Row, Event, Data>,
  row: Row,
  change: AggregateChange<Event, Data>,
  now: Date,
  /** a lost version race throws LostRace (changeAggregate decides again) instead of the store's conflict */
  mayRetry = false,
): Promise<{ result: AggregateWriteResult; notify: () => void }> {
  if (!(await store.updateIfVersion(tx, row.id, row.version, change.data))) throw mayRetry ? new LostRace() : await store.conflict(tx, row.id);
  await change.also?.(tx);
  const stamped = await stampAndAppend(tx, ctx, store, row, (await store.lastSeq(tx, row.id)) + 1, change.events, now, change.data);
  const last = stamped.at(-1)!;
  return {
    result: { id: row.id, version: row.version + 1, seq: last.seq, position: last.position },
    notify: () => store.notify(ctx, row, stamped.map((e) => ({ seq: e.seq, position: e.position, type: e.type })), change.data),
  };
}

/**
 * Changes one aggregate the viewer may see and `authorize`s. With `expectedVersion`, a row changed
 * meanwhile is the store's typed conflict; without it, the version read in the transaction is used,
 * so two writers still cannot both win: the update is conditional on that version. With `retries`
 * (and no expectedVersion: the caller did not decide on a version it saw), the loser of such a race
 * rolls back and decides again on the row as it is now, up to `retries` times — for writes many hands
 * make at once to one aggregate, where each decision stands on its own (ballots on a motion, claims on
 * a post's last places): the second voter's ballot is counted, not refused as a conflict.
 */
export async function changeAggregate<Row extends { id: string; version: number }, Event, Data>(
  ctx: Context,
  store: AggregateStore<Row, Event, Data>,
  args: WriteOptions & {
    id: string;
    expectedVersion?: number | null;
    authorize: (row: Row) => boolean;
    /** the id as the client gave it, for NotFound */
    clientId?: string;
    /** how often a write without expectedVersion that lost the version decides again (default 0: the conflict) */
    retries?: number;
  },
  decide: (row: Row, now: Date, tx: Tx) => AggregateChange<Event, Data> | Promise<AggregateChange<Event, Data>>,
): Promise<AggregateWriteResult & { replayed: boolean }> {
  for (let attempt = 0; ; attempt++) {
    const mayRetry = args.expectedVersion == null && attempt < (args.retries ?? 0);
    try {
      return await runWrite<AggregateWriteResult>(ctx, args, async (tx, now) => {
        await store.lock?.(tx, args.id);
        const row = await store.load(tx, args.id, ctx.viewer);
        if (!row) throw new NotFoundError(store.typename, args.clientId ?? args.id);
        if (!args.authorize(row)) throw forbidden();
        if (args.expectedVersion != null && args.expectedVersion !== row.version) throw await store.conflict(tx, row.id);
        const { result, notify } = await applyChange(tx, ctx, store, row, await decide(row, now, tx), now, mayRetry);
        return { result, afterCommit: notify };
      });
    } catch (error) {
      // nothing was written (the transaction rolled back) and no receipt stored: decide again
      if (!(error instanceof LostRace)) throw error;
    }
  }
}

/**
 * Creates an aggregate: `create` inserts the row (at version 1) and returns it with its first events,
 * which are numbered from seq 1 and placed in the log in the same transaction.
 */
export async function createAggregate<Row extends { id: string; version: number }, Event, Data>(
  ctx: Context,
  store: AggregateStore<Row, Event, Data>,
  args: WriteOptions,
  create: (tx: Tx, now: Date) => Promise<{ row: Row; events: (Event & { type: string })[] }>,
): Promise<AggregateWriteResult & { replayed: boolean }> {
  return runWrite<AggregateWriteResult>(ctx, args, async (tx, now) => {
    const { row, events } = await create(tx, now);
    const stamped = await stampAndAppend(tx, ctx, store, row, 1, events, now, null);
    const last = stamped.at(-1)!;
    return {
      result: { id: row.id, version: row.version, seq: last.seq, position: last.position },
      afterCommit: () => store.notify(ctx, row, stamped.map((e) => ({ seq: e.seq, position: e.position, type: e.type })), null),
    };
  });
}
