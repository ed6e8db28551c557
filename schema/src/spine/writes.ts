// The one way a write runs: in a transaction, idempotent under a client mutation id, publishing only
// after commit. Every domain's mutations go through `runWrite` (aggregates through `changeAggregate`
// and `createAggregate` in aggregate.ts, which are built on it).
import { createHash } from 'node:crypto';
import type { Prisma } from '@whistlehub/prisma';
import { z } from 'zod';
import type { Context } from '../context.ts';
import { DomainError, IdempotencyKeyReusedError, reviveDomainError, validateInput } from '../errors/index.ts';

/** What a write's work returns: its result (plain JSON: ids and numbers, so it can be stored in its receipt and replayed), and what to do once the transaction has committed. */
export interface WorkResult<R extends object> {
  result: R;
  /** runs after commit only (publishing to subscribers): a rolled-back write announces nothing */
  afterCommit?: () => void;
}

/** How a write is named and keyed. */
export interface WriteOptions {
  /** the mutation field, e.g. dispatchTicket (stored with the receipt) */
  mutation: string;
  /** the client's id for this request; a repeat returns the stored outcome instead of writing again */
  clientMutationId?: string | null;
  /** the input as the client sent it: a repeat with another input is refused */
  input?: unknown;
}

/** The client mutation id, as every write mutation's input accepts it. */
export const clientMutationIdSchema = z.string().trim().min(8).max(128).regex(/^[\w.:-]+$/, 'letters, digits and . _ : - only').nullish();

/** Validates the client mutation id of an input (an InputValidationError on input.clientMutationId). */
export async function clientMutationIdOf(input: { clientMutationId?: string | null }): Promise<string | null> {
  return (await validateInput(z.object({ clientMutationId: clientMutationIdSchema }), { clientMutationId: input.clientMutationId })).clientMutationId ?? null;
}

// How long receipts are kept: longer than any client retries a request (see pruneReceipts).
const RECEIPT_TTL_MS = 7 * 24 * 3600 * 1000;

const actorKeyOf = (ctx: Context) => ctx.viewer?.userId ?? 'anonymous';

/** JSON with the keys of every object sorted, so equal inputs hash equally whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([k]) => k !== 'clientMutationId').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

const hashInput = (input: unknown) => createHash('sha256').update(canonical(input ?? null)).digest('hex');

type Outcome = { ok: object } | { error: { name: string; message: string; props: Record<string, unknown> } };

// Dates inside an error's properties (TicketConflictError.changedAt) survive the JSON round trip.
// (`this[key]` is the value before Date#toJSON turned it into a string)
const encodeProps = (error: DomainError) =>
  JSON.parse(JSON.stringify({ ...error }, function (this: Record<string, unknown>, key, v: unknown) {
    return this[key] instanceof Date ? { $date: v } : v;
  })) as Record<string, unknown>;
const decodeProps = (props: Record<string, unknown>) =>
  JSON.parse(JSON.stringify(props), (_k, v: unknown) => (v && typeof v === 'object' && '$date' in v ? new Date((v as { $date: string }).$date) : v)) as Record<string, unknown>;

/** The stored outcome as the client sees it again: the result (marked replayed) or the same typed error. */
function replay<R extends object>(outcome: Outcome): R & { replayed: true } {
  if ('ok' in outcome) return { ...outcome.ok, replayed: true } as R & { replayed: true };
  const error = reviveDomainError(outcome.error.name, decodeProps(outcome.error.props), outcome.error.message);
  // a receipt is only written for registered errors, so this is a bug, not bad input
  if (!error) throw new Error(`receipt holds an unregistered error ${outcome.error.name}`);
  throw error;
}

async function storedOutcome(ctx: Context, opts: WriteOptions & { clientMutationId: string }, inputHash: string): Promise<Outcome | null> {
  const receipt = await ctx.prisma.mutationReceipt.findUnique({
    where: { actorKey_clientMutationId: { actorKey: actorKeyOf(ctx), clientMutationId: opts.clientMutationId } },
  });
  if (!receipt) return null;
  if (receipt.mutation !== opts.mutation || receipt.inputHash !== inputHash) throw new IdempotencyKeyReusedError(opts.clientMutationId, receipt.mutation);
  return JSON.parse(receipt.outcome) as Outcome;
}

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === 'P2002';

const isSqliteBusy = (error: unknown) =>
  String((error as { meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } })?.meta?.driverAdapterError?.cause?.originalCode ?? '').startsWith('SQLITE_BUSY');

const BUSY_RETRIES = 10;

/**
 * Runs a transaction again when SQLite refused it as busy. With several api processes on one SQLite
 * file a transaction can be refused at once, without the busy timeout, when it holds a read snapshot
 * as it first writes (SQLITE_BUSY / SQLITE_BUSY_SNAPSHOT, https://www.sqlite.org/rescode.html#busy_snapshot):
 * Prisma's adapter opens transactions with a deferred BEGIN on the process's one connection. The
 * transaction rolled back and stored no receipt, so running it again is safe; a short random wait
 * lets the other process commit. (Aggregate writes also take their row's write lock first:
 * AggregateStore.lock.)
 */
async function retryWhenSqliteBusy<T>(transaction: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (!isSqliteBusy(error) || attempt >= BUSY_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, attempt * (5 + Math.random() * 20)));
    }
  }
}

/**
 * Runs `work` in one transaction. With a client mutation id: a first request stores its outcome — the
 * result in the same transaction as the write, or the typed error after the rollback — and a repeat
 * (same caller, same id, same input) gets that outcome back, marked `replayed`, and writes nothing; the
 * same id with another input is an IdempotencyKeyReusedError. Two concurrent requests with one id: the
 * receipt's unique key lets one commit, the other replays it. Unexpected errors store nothing, so a
 * retry after a crash or a lost connection runs again.
 */
export async function runWrite<R extends object>(
  ctx: Context,
  opts: WriteOptions,
  work: (tx: Prisma.TransactionClient, now: Date) => Promise<WorkResult<R>>,
): Promise<R & { replayed: boolean }> {
  const key = opts.clientMutationId ?? null;
  const inputHash = hashInput(opts.input);
  if (key) {
    const stored = await storedOutcome(ctx, { ...opts, clientMutationId: key }, inputHash);
    if (stored) return replay<R>(stored);
  }
  const record = (tx: Prisma.TransactionClient | Context['prisma'], outcome: Outcome) =>
    tx.mutationReceipt.create({ data: { actorKey: actorKeyOf(ctx), clientMutationId: key!, mutation: opts.mutation, inputHash, outcome: JSON.stringify(outcome) } });
  try {
    const done = await retryWhenSqliteBusy(() =>
      ctx.prisma.$transaction(
        async (tx) => {
          const out = await work(tx, new Date());
          if (key) await record(tx, { ok: out.result });
          return out;
        },
        // writers queue for SQLite's single write lock (and PostgreSQL row locks) under load
        { maxWait: 10_000, timeout: 20_000 },
      ),
    );
    done.afterCommit?.();
    return { ...(done.result as object), replayed: false } as R & { replayed: boolean };
  } catch (error) {
    if (!key) throw error;
    if (error instanceof DomainError) {
      try {
        await record(ctx.prisma, { error: { name: error.name, message: error.message, props: encodeProps(error) } });
      } catch (recordError) {
        if (!isUniqueViolation(recordError)) throw recordError;
        // a concurrent request with the same id finished first: answer what it answered
        const stored = await storedOutcome(ctx, { ...opts, clientMutationId: key }, inputHash);
        if (stored) return replay<R>(stored);
      }
      throw error;
    }
    if (isUniqueViolation(error)) {
      const stored = await storedOutcome(ctx, { ...opts, clientMutationId: key }, inputHash);
      if (stored) return replay<R>(stored);
    }
    throw error;
  }
}

/** Deletes receipts older than the retry window; returns how many. */
export async function pruneReceipts(prisma: Context['prisma'], now = new Date()): Promise<number> {
  const { count } = await prisma.mutationReceipt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - RECEIPT_TTL_MS) } } });
  return count;
}
