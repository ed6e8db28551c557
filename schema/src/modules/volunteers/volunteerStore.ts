// Volunteer posts as a versioned aggregate (spine/aggregate.ts): claims, the waitlist and every shift's
// check-in, check-out and verification are events of the post, numbered per post and placed in the hub log.
import type { Prisma } from '@whistlehub/prisma';
import type { Viewer } from '../../auth/viewer.ts';
import type { Context } from '../../context.ts';
import { type AggregateChange, type AggregateStore, type AggregateWriteResult, changeAggregate } from '../../spine/aggregate.ts';
import type { WriteOptions } from '../../spine/writes.ts';
import { VolunteerConflictError } from './volunteerErrors.ts';
import { communityScopeSelect, holdsPartyMemberGrant, postsWhereVisibleTo, scopeOfCommunity } from './volunteerPolicy.ts';

export const postForWrite = { community: { select: communityScopeSelect } } satisfies Prisma.VolunteerPostInclude;

/** A post as a write sees it: the row and its community's place. */
export type PostForWrite = Prisma.VolunteerPostGetPayload<{ include: typeof postForWrite }>;

/** The columns a post write may set (the version is the store's). */
export type PostData = Omit<Prisma.VolunteerPostUncheckedUpdateManyInput, 'version' | 'id'>;

/** One event to append; `note` holds the id of the claim or shift it is about. */
export interface PostEventInput {
  type: 'PUBLISHED' | 'CLOSED' | 'CLAIMED' | 'WAITLISTED' | 'CLAIM_CANCELLED' | 'PROMOTED' | 'CHECKED_IN' | 'CHECKED_OUT' | 'VERIFIED' | 'REJECTED';
  memberId?: string | null;
  note?: string | null;
}

/** What a post rule returns. */
export type PostChange = AggregateChange<PostEventInput, PostData>;

/** The result of a post write as the mutations return it: which claim or shift it concerned, when one. */
export type PostWriteResult = AggregateWriteResult & { replayed: boolean; claimId?: string | null; shiftId?: string | null };

/**
 * Takes the post's write lock as the transaction's first statement, before anything is read. Prisma's
 * SQLite adapter opens a transaction with a deferred BEGIN, so a transaction that reads first holds a
 * WAL snapshot, and when another process commits to the file before this one writes, its first write
 * fails at once with SQLITE_BUSY_SNAPSHOT ("database is locked": no busy timeout can help a stale
 * snapshot, https://www.sqlite.org/rescode.html#busy_snapshot); many claimants from two api processes
 * hit exactly that. A write first waits on the busy timeout instead and reads what the last writer
 * committed. On PostgreSQL the same statement locks the row, so claimants queue on it rather than
 * lose the version and decide again. (A no-op: version + 0.)
 */
export async function lockPost(tx: Prisma.TransactionClient, id: string): Promise<void> {
  await tx.volunteerPost.updateMany({ where: { id }, data: { version: { increment: 0 } } });
}

/** The post table and its events, for the shared write path. */
export const volunteerPostStore: AggregateStore<PostForWrite, PostEventInput, PostData> = {
  typename: 'VolunteerPost',
  load: async (tx, id, viewer: Viewer | null) => {
    await lockPost(tx, id);
    return tx.volunteerPost.findFirst({ where: { AND: [{ id }, postsWhereVisibleTo(viewer)] }, include: postForWrite });
  },
  updateIfVersion: async (tx, id, version, data) =>
    (await tx.volunteerPost.updateMany({ where: { id, version }, data: { ...data, version: version + 1 } })).count === 1,
  lastSeq: async (tx, id) => (await tx.volunteerEvent.findFirst({ where: { postId: id }, orderBy: { seq: 'desc' }, select: { seq: true } }))?.seq ?? 0,
  appendEvents: async (tx, row, events) => {
    await tx.volunteerEvent.createMany({
      data: events.map((e) => ({ id: `vev_${row.id}_${e.seq}`, postId: row.id, seq: e.seq, position: e.position, type: e.type, memberId: e.memberId ?? null, note: e.note ?? null, actorId: e.actorId, at: e.at })),
    });
  },
  conflict: async (tx, id) => {
    const now = await tx.volunteerPost.findUniqueOrThrow({ where: { id }, select: { version: true, claimed: true, places: true, open: true } });
    const last = await tx.volunteerEvent.findFirst({ where: { postId: id }, orderBy: { seq: 'desc' }, select: { at: true, actorId: true } });
    const actor = last?.actorId ? await tx.user.findUnique({ where: { id: last.actorId }, select: { displayName: true } }) : null;
    return new VolunteerConflictError(now.version, now.claimed, now.places, now.open, last?.at ?? null, actor?.displayName ?? null);
  },
  // no live feed of posts yet: the events are in the hub log, which is what a later feed tails
  notify: () => {},
};

/** The scope of a loaded post (for the policy). */
export const scopeOfPost = (p: PostForWrite) => scopeOfCommunity(p.community);

/**
 * How often a write without expectedVersion decides again after losing the post's version to a
 * concurrent one: every round one writer wins, so this bounds the claimants that can race at once
 * before the last one gets a conflict instead of its decision.
 */
const RACE_RETRIES = 50;

/**
 * Applies `change` to a post the viewer may see, through the shared write path. Without
 * expectedVersion a writer that lost the version race decides again on the post as it is now
 * (`retries`): a second claimant of the last place is waitlisted, not told of a conflict.
 */
export function changePost(
  ctx: Context,
  args: WriteOptions & { id: string; clientId?: string; expectedVersion?: number | null; authorize: (p: PostForWrite) => boolean },
  change: (p: PostForWrite, now: Date, tx: Prisma.TransactionClient) => PostChange | Promise<PostChange>,
) {
  return retryWhenSqliteBusy(() => changeAggregate(ctx, volunteerPostStore, { ...args, retries: RACE_RETRIES }, change));
}

const isSqliteBusy = (error: unknown) =>
  String((error as { meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } })?.meta?.driverAdapterError?.cause?.originalCode ?? '').startsWith('SQLITE_BUSY');

const BUSY_RETRIES = 10;

/**
 * Runs a write again when SQLite refused it as busy. With several api processes on one SQLite file,
 * a transaction can be refused at once, without the busy timeout, when it holds a read snapshot as it
 * first writes (SQLITE_BUSY / SQLITE_BUSY_SNAPSHOT): Prisma's adapter shares one connection between a
 * process's transactions and its other queries, so another request's read can open that snapshot
 * between BEGIN and `lockPost`. The transaction rolled back and stored no receipt, so running it again
 * is safe; a short random wait lets the other process commit.
 */
export async function retryWhenSqliteBusy<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!isSqliteBusy(error) || attempt >= BUSY_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, attempt * (5 + Math.random() * 20)));
    }
  }
}

/** The party member the viewer acts as: a PARTY_MEMBER grant and a PartyMember profile of the user's person; null otherwise. */
export async function viewerMember(tx: Prisma.TransactionClient | Context['prisma'], viewer: Viewer | null) {
  if (!viewer || !holdsPartyMemberGrant(viewer)) return null;
  return tx.partyMember.findFirst({ where: { person: { user: { id: viewer.userId } } } });
}
