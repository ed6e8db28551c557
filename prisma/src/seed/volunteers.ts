// Demo party members (双报到) and volunteer posts. Pure: the caller passes `now`; the histories are
// ones the live write path could have made (same event types, seq, counters).
import type { Prisma } from '../client.ts';
import type { buildDemoData } from './seed.ts';

type OrgData = ReturnType<typeof buildDemoData>;

/** The person the demo login party.caochang signs in as. */
export const CAOCHANG_PARTY_PERSON = 'per_user_party.caochang';

interface EventRow { id: string; postId: string; seq: number; type: string; memberId: string | null; note: string | null; actorId: null; at: Date }

/** Every volunteer row of the demo, with the post events to place in the log (positions are the caller's). */
export function buildDemoVolunteers(org: OrgData, now: Date) {
  void org;
  void now;
  const persons: { id: string; name: string; phone: string | null }[] = [];
  const members: Prisma.PartyMemberCreateManyInput[] = [];
  const posts: Prisma.VolunteerPostCreateManyInput[] = [];
  const claims: Prisma.PostClaimCreateManyInput[] = [];
  const shifts: Prisma.ShiftCreateManyInput[] = [];
  const calls: Prisma.BranchCallCreateManyInput[] = [];
  const answers: Prisma.BranchCallAnswerCreateManyInput[] = [];
  const events: EventRow[] = [];
  return { persons, members, posts, claims, shifts, calls, answers, events };
}
