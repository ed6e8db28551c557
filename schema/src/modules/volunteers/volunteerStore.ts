// Volunteer posts as a versioned aggregate (spine/aggregate.ts): claims, the waitlist and every shift's
// check-in, check-out and verification are events of the post, numbered per post and placed in the hub log.
import type { Prisma } from '@whistlehub/prisma';
import type { Viewer } from '../../auth/viewer.ts';
import type { Context } from '../../context.ts';
import { type AggregateChange, type AggregateStore, type AggregateWriteResult, changeAggregate } from '../../spine/aggregate.ts';
import { lastChange } from '../../spine/lastChange.ts';
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
 * Takes the post's write lock as the transaction's first statement, before anything is read (why:
 * AggregateStore.lock in spine/aggregate.ts; a busy refusal is run again by spine/writes.ts). A no-op:
 * version + 0.
 */
export async function lockPost(tx: Prisma.TransactionClient, id: string): Promise<void> {
  await tx.volunteerPost.updateMany({ where: { id }, data: { version: { increment: 0 } } });
}

/** The post table and its events, for the shared write path. */
export const volunteerPostStore: AggregateStore<PostForWrite, PostEventInput, PostData> = {
  typename: 'VolunteerPost',
  lock: lockPost,
  load: (tx, id, viewer: Viewer | null) => tx.volunteerPost.findFirst({ where: { AND: [{ id }, postsWhereVisibleTo(viewer)] }, include: postForWrite }),
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
    const { changedAt, changedBy } = await lastChange(tx, await tx.volunteerEvent.findFirst({ where: { postId: id }, orderBy: { seq: 'desc' }, select: { at: true, actorId: true } }));
    return new VolunteerConflictError(now.version, now.claimed, now.places, now.open, changedAt, changedBy);
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
  return changeAggregate(ctx, volunteerPostStore, { ...args, retries: RACE_RETRIES }, change);
}

/** The party member the viewer acts as: a PARTY_MEMBER grant and a PartyMember profile of the user's person; null otherwise. */
export async function viewerMember(tx: Prisma.TransactionClient | Context['prisma'], viewer: Viewer | null) {
  if (!viewer || !holdsPartyMemberGrant(viewer)) return null;
  return tx.partyMember.findFirst({ where: { person: { user: { id: viewer.userId } } } });
}
