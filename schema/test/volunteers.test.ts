// Volunteer posts (双报到) through the schema, on SQLite and PostgreSQL: claims, the waitlist and its
// promotion, the race for the last place, shifts checked in and out, verification, the reports, roles,
// idempotent retries. Each test publishes its own post, so they do not depend on one another's places.
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { testProviders } from '@whistlehub/prisma/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCalled, periodBounds, shiftStatus } from '../src/modules/volunteers/volunteerRules.ts';
import { createHarness, type SchemaHarness } from './helpers.ts';

describe('volunteer rules the API adds', () => {
  it('bounds a Beijing month and quarter in UTC (their intersection when both are given)', () => {
    expect(periodBounds({ month: '2026-03' })).toEqual({ from: new Date('2026-02-28T16:00:00Z'), to: new Date('2026-03-31T16:00:00Z') });
    expect(periodBounds({ quarter: '2026-Q2' })).toEqual({ from: new Date('2026-03-31T16:00:00Z'), to: new Date('2026-06-30T16:00:00Z') });
    expect(periodBounds({ month: '2026-05', quarter: '2026-Q2' })).toEqual(periodBounds({ month: '2026-05' }));
    const empty = periodBounds({ month: '2026-01', quarter: '2026-Q2' })!;
    expect(empty.from.getTime()).toBe(empty.to.getTime());
    expect(periodBounds({})).toBeNull();
    expect(() => periodBounds({ quarter: '2026-Q5' })).toThrow(RangeError);
  });
  it('names the status of a shift and whom a call reaches', () => {
    const d = new Date();
    expect(shiftStatus({ checkOutAt: null, verifiedAt: null, rejected: false })).toBe('OPEN');
    expect(shiftStatus({ checkOutAt: d, verifiedAt: null, rejected: false })).toBe('CHECKED_OUT');
    expect(shiftStatus({ checkOutAt: d, verifiedAt: d, rejected: false })).toBe('VERIFIED');
    expect(shiftStatus({ checkOutAt: d, verifiedAt: d, rejected: true })).toBe('REJECTED');
    expect(isCalled({ branch: 'A', communityId: 'c1' }, { branch: 'B', communityId: 'c1' })).toBe(true);
    expect(isCalled({ branch: 'A', communityId: null }, { branch: 'A', communityId: 'c2' })).toBe(true);
    expect(isCalled({ branch: 'A', communityId: 'c1' }, { branch: 'B', communityId: 'c2' })).toBe(false);
  });
});

const CAOCHANG = '110101011003';
const DAJIANG = '110101011002';
const SITE = { lng: 116.3985, lat: 39.8962 };
const FAR = { lng: 116.4085, lat: 39.8962 };
const RACERS = 10;

const FIELDS: Record<string, string> = {
  ClaimError: 'problem', ShiftError: 'problem', PostFullError: 'places waitlisted', VolunteerConflictError: 'currentVersion claimed places', InputValidationError: 'issues { path message }', NotFoundError: 'entity id',
};
const SHIFT = ['NotFoundError', 'ShiftError', 'VolunteerConflictError', 'InputValidationError'];
const ERRORS_OF: Record<string, string[]> = {
  publishVolunteerPost: ['NotFoundError', 'InputValidationError'],
  closeVolunteerPost: ['NotFoundError', 'ClaimError', 'VolunteerConflictError', 'InputValidationError'],
  claimVolunteerPost: ['NotFoundError', 'ClaimError', 'PostFullError', 'VolunteerConflictError', 'InputValidationError'],
  cancelPostClaim: ['NotFoundError', 'ClaimError', 'VolunteerConflictError', 'InputValidationError'],
  checkInShift: SHIFT, checkOutShift: SHIFT, verifyShift: SHIFT,
};
const errorsOf = (field: string) => `... on Error { message } ${ERRORS_OF[field]!.map((e) => `... on ${e} { ${FIELDS[e]} }`).join(' ')}`;
const RESULT = `result { version seq replayed post { id claimed places placesLeft waitlisted open version } claim { id status waitlistPosition promotedAt } shift { id status minutes checkInOnSite checkOutOnSite countsAsHours } }`;
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const write = (field: string) => `mutation ($input: ${cap(field)}Input!) { ${field}(input: $input) { __typename ${errorsOf(field)} ... on ${cap(field)}Result { ${RESULT} } } }`;

describe.each(await testProviders())('volunteers on %s', (provider) => {
  let h: SchemaHarness;
  let caochangId: string;
  beforeAll(async () => {
    h = await createHarness(provider);
    const p = h.db.prisma;
    caochangId = (await p.community.findUniqueOrThrow({ where: { code: CAOCHANG } })).id;
    const dajiangId = (await p.community.findUniqueOrThrow({ where: { code: DAJIANG } })).id;
    // ten more members of 草厂 (for the race) and one of 大江, each a login with a PARTY_MEMBER grant
    const extra = [...Array.from({ length: RACERS }, (_, i) => [`racer${i}`, caochangId] as const), ['party.dajiang', dajiangId] as const];
    for (const [login, communityId] of extra) {
      await p.person.create({ data: { id: `per_t_${login}`, name: `党员${login}` } });
      await p.user.create({ data: { id: `usr_t_${login}`, login, displayName: login, passwordHash: 'x', personId: `per_t_${login}` } });
      await p.roleAssignment.create({ data: { userId: `usr_t_${login}`, role: 'PARTY_MEMBER', communityId } });
      await p.partyMember.create({ data: { id: `ptm_t_${login}`, personId: `per_t_${login}`, branch: '测试党支部', organisation: '测试单位', communityId, reportedAt: new Date() } });
    }
  });
  afterAll(() => h?.close());

  const run = async (field: string, input: Record<string, unknown>, as: string) => (await h.runOk(write(field), { input }, { as }))[field];
  const publish = async (places: number, extra: Record<string, unknown> = {}) =>
    (await run('publishVolunteerPost', { communityCode: CAOCHANG, category: 'ENVIRONMENT', title: '垃圾分类桶前值守', description: '指导居民分类投放', schedule: '每日 7:00–9:00', places, location: SITE, ...extra }, 'grid.caochang')).result.post;
  const claim = (postId: string, as: string, waitlist?: boolean) => run('claimVolunteerPost', { postId, ...(waitlist == null ? {} : { waitlist }) }, as);
  const counts = async () => {
    const p = h.db.prisma;
    return { posts: await p.volunteerPost.findMany({ select: { id: true, claimed: true, version: true }, orderBy: { id: 'asc' } }), claims: await p.postClaim.count(), shifts: await p.shift.findMany({ orderBy: { id: 'asc' } }), events: await p.volunteerEvent.count(), head: await h.logHead() };
  };
  const eventsOf = async (postId: string) => {
    const data = await h.runOk(`query ($id: ID!) { node(id: $id) { ... on VolunteerPost { events(first: 100) { edges { node { seq logSeq type } } } } } }`, { id: postId }, { as: 'admin' });
    return data.node.events.edges.map((e: any) => e.node);
  };

  it('publishes a post (community staff), claims it, waitlists when full, and promotes the first waitlisted when a place frees', async () => {
    const post = await publish(1);
    expect(post).toMatchObject({ claimed: 0, places: 1, placesLeft: 1, waitlisted: 0, open: true, version: 1 });
    const first = await claim(post.id, 'party.caochang');
    expect(first.result.claim).toMatchObject({ status: 'CLAIMED', waitlistPosition: null });
    expect(first.result.post).toMatchObject({ claimed: 1, placesLeft: 0 });
    const second = await claim(post.id, 'racer0');
    expect(second.result.claim).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    const third = await claim(post.id, 'racer1');
    expect(third.result.claim).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 2 });
    expect(third.result.post).toMatchObject({ claimed: 1, waitlisted: 2 });
    expect((await claim(post.id, 'racer0')).problem).toBe('ALREADY_CLAIMED');
    const mine = await h.runOk(`query ($id: ID!) { node(id: $id) { ... on VolunteerPost { myClaim { status waitlistPosition } } } }`, { id: post.id }, { as: 'racer1' });
    expect(mine.node.myClaim).toEqual({ status: 'WAITLISTED', waitlistPosition: 2 });
    // the member gives the place up: racer0 (position 1) moves up in the same transaction
    const cancelled = await run('cancelPostClaim', { claimId: first.result.claim.id }, 'party.caochang');
    expect(cancelled.result.claim.status).toBe('CANCELLED');
    expect(cancelled.result.post).toMatchObject({ claimed: 1, waitlisted: 1 });
    const promoted = await h.db.prisma.postClaim.findUniqueOrThrow({ where: { id: decodeGlobalID(second.result.claim.id).id } });
    expect(promoted).toMatchObject({ status: 'CLAIMED', waitlistPosition: null });
    expect(promoted.promotedAt).not.toBeNull();
    expect((await run('cancelPostClaim', { claimId: first.result.claim.id }, 'party.caochang')).problem).toBe('ALREADY_CANCELLED');
    expect((await eventsOf(post.id)).map((e: any) => [e.seq, e.type])).toEqual([[1, 'PUBLISHED'], [2, 'CLAIMED'], [3, 'WAITLISTED'], [4, 'WAITLISTED'], [5, 'CLAIM_CANCELLED'], [6, 'PROMOTED']]);
  });

  it.each([true, false])(`THE RACE (waitlist: %s): ${RACERS} members claim the last place at once — exactly one wins, claimed never exceeds places`, async (waitlist) => {
    const post = await publish(2);
    await claim(post.id, 'party.caochang');
    // one place left, and ten members claim it in the same instant
    const racers = Array.from({ length: RACERS }, (_, i) => `racer${i}`);
    const results = await Promise.all(racers.map((login) => claim(post.id, login, waitlist)));
    const won = results.filter((r) => r.__typename === 'ClaimVolunteerPostResult' && r.result.claim.status === 'CLAIMED');
    expect(won).toHaveLength(1);
    if (waitlist) {
      const waiting = results.filter((r) => r.result?.claim.status === 'WAITLISTED');
      expect(waiting).toHaveLength(racers.length - 1);
      const positions = waiting.map((r) => r.result.claim.waitlistPosition).sort((a: number, b: number) => a - b);
      expect(positions).toEqual(Array.from({ length: racers.length - 1 }, (_, i) => i + 1));
    } else {
      expect(results.filter((r) => r.__typename === 'PostFullError')).toHaveLength(racers.length - 1);
    }
    const row = await h.db.prisma.volunteerPost.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
    expect(row.claimed).toBe(2);
    expect(row.claimed).toBeLessThanOrEqual(row.places);
    expect(await h.db.prisma.postClaim.count({ where: { postId: row.id, status: 'CLAIMED' } })).toBe(2);
    expect(await h.db.prisma.postClaim.count({ where: { postId: row.id, status: 'WAITLISTED' } })).toBe(waitlist ? racers.length - 1 : 0);
    // one event per write that went through, numbered 1..n without gaps, in log order
    const events = await eventsOf(post.id);
    expect(events.map((e: any) => e.seq)).toEqual(events.map((_: unknown, i: number) => i + 1));
    expect(events.length).toBe(2 + (waitlist ? racers.length : 1));
    expect(row.version).toBe(events.length);
    const logSeqs = events.map((e: any) => e.logSeq);
    expect([...logSeqs].sort((a, b) => a - b)).toEqual(logSeqs);
  });

  it('refuses claims a member may not make: another community (typed), not a party member (FORBIDDEN), a closed post', async () => {
    const post = await publish(2);
    expect((await claim(post.id, 'party.dajiang')).problem).toBe('NOT_A_MEMBER_HERE');
    await h.runError('FORBIDDEN', write('claimVolunteerPost'), { input: { postId: post.id } }, { as: 'street.qianmen' });
    await h.runError('FORBIDDEN', write('publishVolunteerPost'), { input: { communityCode: CAOCHANG, category: 'SAFETY', title: '越权发布', description: '', schedule: '每日', places: 1 } }, { as: 'party.caochang' });
    await h.runError('FORBIDDEN', write('publishVolunteerPost'), { input: { communityCode: CAOCHANG, category: 'SAFETY', title: '越权发布', description: '', schedule: '每日', places: 1 } }, { as: 'street.lugu' });
    expect((await run('closeVolunteerPost', { postId: post.id }, 'street.qianmen')).result.post.open).toBe(false);
    expect((await claim(post.id, 'party.caochang')).problem).toBe('POST_CLOSED');
    expect((await run('publishVolunteerPost', { communityCode: CAOCHANG, category: 'SAFETY', title: '巡逻', description: '', schedule: '每日', places: 0 }, 'admin')).__typename).toBe('InputValidationError');
  });

  it('check in and out: typed errors for every bad step, nothing half-written; hours count only verified with both ends on site', async () => {
    const post = await publish(2);
    const other = await publish(2);
    // not claimed yet
    expect((await run('checkInShift', { postId: post.id, location: SITE }, 'racer5')).problem).toBe('NOT_CLAIMED');
    await claim(post.id, 'racer5');
    await claim(other.id, 'racer5');
    const before = await counts();
    // a check-out "before the check-in": the device says it checked out earlier than it checked in
    const inAt = new Date(Date.now() - 3 * 3600_000);
    const checkedIn = await run('checkInShift', { postId: post.id, location: SITE, at: inAt.toISOString() }, 'racer5');
    expect(checkedIn.result.shift).toMatchObject({ status: 'OPEN', checkInOnSite: true, minutes: null });
    const shiftId = checkedIn.result.shift.id;
    const mid = await counts();
    expect((await run('checkInShift', { postId: post.id, location: SITE }, 'racer5')).problem).toBe('ALREADY_CHECKED_IN');
    expect((await run('checkInShift', { postId: other.id, location: SITE }, 'racer5')).problem).toBe('OVERLAPPING_SHIFT');
    expect((await run('checkOutShift', { shiftId, location: SITE, at: new Date(inAt.getTime() - 60_000).toISOString() }, 'racer5')).problem).toBe('CHECK_OUT_BEFORE_CHECK_IN');
    expect((await run('verifyShift', { shiftId, accept: true }, 'grid.caochang')).problem).toBe('NOT_CHECKED_OUT');
    expect((await run('checkOutShift', { shiftId, location: SITE, at: new Date(Date.now() + 3600_000).toISOString() }, 'racer5')).__typename).toBe('InputValidationError');
    // another member's shift is not found; a party member cannot verify
    expect((await run('checkOutShift', { shiftId, location: SITE }, 'racer6')).__typename).toBe('NotFoundError');
    expect(await counts()).toEqual(mid);
    expect(mid.shifts.length).toBe(before.shifts.length + 1);

    const outAt = new Date(inAt.getTime() + 95 * 60_000 + 30_000);
    const out = await run('checkOutShift', { shiftId, location: SITE, at: outAt.toISOString() }, 'racer5');
    expect(out.result.shift).toMatchObject({ status: 'CHECKED_OUT', minutes: 95, checkOutOnSite: true, countsAsHours: false });
    expect((await run('checkOutShift', { shiftId, location: SITE }, 'racer5')).problem).toBe('ALREADY_CHECKED_OUT');
    // the shift ended: the other post is free at a later time; its check-out is off site
    const second = await run('checkInShift', { postId: other.id, location: SITE }, 'racer5');
    const far = await run('checkOutShift', { shiftId: second.result.shift.id, location: FAR }, 'racer5');
    expect(far.result.shift).toMatchObject({ checkOutOnSite: false });

    const waiting = await h.runOk(`query { shiftsToVerify(communityCode: "${CAOCHANG}") { id status } }`, {}, { as: 'grid.caochang' });
    expect(waiting.shiftsToVerify.map((s: any) => s.id)).toEqual(expect.arrayContaining([shiftId, second.result.shift.id]));
    await h.runError('FORBIDDEN', `query { shiftsToVerify(communityCode: "${CAOCHANG}") { id } }`, {}, { as: 'racer5' });
    await h.runError('FORBIDDEN', write('verifyShift'), { input: { shiftId, accept: true } }, { as: 'racer6' });
    await h.runError('FORBIDDEN', write('verifyShift'), { input: { shiftId, accept: true } }, { as: 'street.lugu' });

    const verified = await run('verifyShift', { shiftId, accept: true, clientMutationId: 'verify-racer5-0001' }, 'grid.caochang');
    expect(verified.result.shift).toMatchObject({ status: 'VERIFIED', countsAsHours: true });
    // a retry with the same client mutation id writes nothing and answers the same
    const head = await h.logHead();
    const again = await run('verifyShift', { shiftId, accept: true, clientMutationId: 'verify-racer5-0001' }, 'grid.caochang');
    expect(again.result).toMatchObject({ replayed: true, version: verified.result.version });
    expect(await h.logHead()).toBe(head);
    expect((await run('verifyShift', { shiftId, accept: false }, 'street.qianmen')).problem).toBe('ALREADY_VERIFIED');
    // verified, but the check-out was off site: it never counts
    const offSite = await run('verifyShift', { shiftId: second.result.shift.id, accept: true }, 'street.qianmen');
    expect(offSite.result.shift).toMatchObject({ status: 'VERIFIED', countsAsHours: false });

    const hours = await h.runOk(`query ($c: String!) { volunteerHours(communityCode: $c, branch: "测试党支部", groupBy: MEMBER) { key label minutes hours shifts } }`, { c: CAOCHANG }, { as: 'street.qianmen' });
    expect(hours.volunteerHours).toEqual([{ key: expect.any(String), label: '党员racer5', minutes: 95, hours: 1.6, shifts: 1 }]);
  });

  it('a clientMutationId makes a claim idempotent: the retry replays the answer and writes nothing', async () => {
    const post = await publish(1);
    const first = await run('claimVolunteerPost', { postId: post.id, clientMutationId: 'claim-racer7-0001' }, 'racer7');
    const before = await counts();
    const retry = await run('claimVolunteerPost', { postId: post.id, clientMutationId: 'claim-racer7-0001' }, 'racer7');
    expect(retry.result).toMatchObject({ replayed: true, version: first.result.version, claim: { id: first.result.claim.id, status: 'CLAIMED' } });
    expect(await counts()).toEqual(before);
    // a full post with waitlist: false is a typed error, stored and replayed too
    const full = await run('claimVolunteerPost', { postId: post.id, waitlist: false, clientMutationId: 'claim-racer8-0001' }, 'racer8');
    expect(full).toMatchObject({ __typename: 'PostFullError', places: 1, waitlisted: 0 });
    expect(await run('claimVolunteerPost', { postId: post.id, waitlist: false, clientMutationId: 'claim-racer8-0001' }, 'racer8')).toMatchObject({ __typename: 'PostFullError' });
    expect(await counts()).toEqual(before);
  });

  it('reports: hours per member, category and branch from the seed, by hand', async () => {
    const p = h.db.prisma;
    const counting = (await p.shift.findMany({ where: { verifiedAt: { not: null }, rejected: false, checkInOnSite: true, checkOutOnSite: true, post: { community: { code: CAOCHANG } }, member: { branch: '国家电网北京东城供电公司党支部' } }, include: { post: true } }));
    const byCategory = new Map<string, number>();
    for (const s of counting) byCategory.set(s.post.category, (byCategory.get(s.post.category) ?? 0) + s.minutes!);
    const rows = (await h.runOk(`query { volunteerHours(communityCode: "${CAOCHANG}", branch: "国家电网北京东城供电公司党支部", groupBy: CATEGORY) { key label minutes hours shifts } }`, {}, { as: 'grid.caochang' })).volunteerHours;
    expect(Object.fromEntries(rows.map((r: any) => [r.key, r.minutes]))).toEqual(Object.fromEntries(byCategory));
    expect(rows.find((r: any) => r.key === 'ENVIRONMENT').label).toBe('环境治理岗');
    for (const r of rows) expect(r.hours).toBe(Math.floor((r.minutes + 3) / 6) / 10);
    const total = counting.reduce((n, s) => n + s.minutes!, 0);
    const branch = (await h.runOk(`query { volunteerHours(communityCode: "${CAOCHANG}", groupBy: BRANCH) { key minutes shifts } }`, {}, { as: 'street.qianmen' })).volunteerHours;
    expect(branch.find((r: any) => r.key === '国家电网北京东城供电公司党支部')).toMatchObject({ minutes: total, shifts: counting.length });
    // rejected, unverified and off-site shifts exist in the seed and do not count
    expect(await p.shift.count({ where: { rejected: true } })).toBeGreaterThan(0);
    expect(await p.shift.count({ where: { verifiedAt: null } })).toBeGreaterThan(0);
    expect(await p.shift.count({ where: { verifiedAt: { not: null }, rejected: false, checkOutOnSite: false } })).toBeGreaterThan(0);
    // the seed's histories are ones the write path could have made: no member is at two posts at once
    const seeded = await p.shift.findMany({ where: { id: { startsWith: 'shf_demo_' } }, orderBy: [{ memberId: 'asc' }, { checkInAt: 'asc' }] });
    seeded.forEach((s, i) => {
      const next = seeded[i + 1];
      if (next?.memberId === s.memberId) expect(s.checkOutAt!.getTime()).toBeLessThanOrEqual(next.checkInAt.getTime());
    });
    // a month narrows to the shifts that started in it (Beijing time)
    const month = new Date(Date.now() + 8 * 3600_000 - 40 * 86_400_000).toISOString().slice(0, 7);
    const inMonth = (await h.runOk(`query ($m: String!) { volunteerHours(communityCode: "${CAOCHANG}", month: $m, groupBy: BRANCH) { minutes } }`, { m: month }, { as: 'admin' })).volunteerHours;
    const monthMinutes = (await p.shift.findMany({ where: { verifiedAt: { not: null }, rejected: false, checkInOnSite: true, checkOutOnSite: true, post: { community: { code: CAOCHANG } } } }))
      .filter((s) => new Date(s.checkInAt.getTime() + 8 * 3600_000).toISOString().slice(0, 7) === month).reduce((n, s) => n + s.minutes!, 0);
    expect(inMonth.reduce((n: number, r: any) => n + r.minutes, 0)).toBe(monthMinutes);
    expect((await h.run(`query { volunteerHours(month: "2026-13", groupBy: MEMBER) { key } }`, {}, { as: 'admin' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await h.runError('FORBIDDEN', `query { volunteerHours(groupBy: MEMBER) { key } }`, {}, { as: 'party.caochang' });
    await h.runError('FORBIDDEN', `query { volunteerHours(communityCode: "${CAOCHANG}", groupBy: MEMBER) { key } }`, {}, { as: 'street.lugu' });
  });

  it('reports: claimed against open places per community of 前门, and the quarterly branch report with its rate', async () => {
    const p = h.db.prisma;
    const places = (await h.runOk(`query { volunteerPlaces(streetCode: "110101011") { community { code } posts places claimed open waitlisted } }`, {}, { as: 'street.qianmen' })).volunteerPlaces;
    for (const row of places) {
      const posts = await p.volunteerPost.findMany({ where: { open: true, community: { code: row.community.code } }, include: { _count: { select: { claims: { where: { status: 'WAITLISTED' } } } } } });
      const sum = (f: (x: (typeof posts)[number]) => number) => posts.reduce((n, x) => n + f(x), 0);
      expect(row).toEqual({ community: { code: row.community.code }, posts: posts.length, places: sum((x) => x.places), claimed: sum((x) => x.claimed), open: sum((x) => x.places - x.claimed), waitlisted: sum((x) => x._count.claims) });
    }
    expect(places.map((r: any) => r.community.code)).toEqual(['110101011001', '110101011002', '110101011003']);
    // a grid worker of 草厂 reads only its community's row
    expect((await h.runOk(`query { volunteerPlaces(streetCode: "110101011") { community { code } } }`, {}, { as: 'grid.caochang' })).volunteerPlaces).toEqual([{ community: { code: CAOCHANG } }]);

    const quarterOf = (d: Date) => { const b = new Date(d.getTime() + 8 * 3600_000); return `${b.getUTCFullYear()}-Q${Math.floor(b.getUTCMonth() / 3) + 1}`; };
    const quarter = quarterOf(new Date());
    const branch = '东城区教育委员会机关党支部';
    const report = (await h.runOk(`query ($b: String!, $q: String!) { branchReport(branch: $b, quarter: $q) { branch quarter memberCount reporting reportRate members { memberId name minutes hours shifts } } }`, { b: branch, q: quarter }, { as: 'dispatcher.dongcheng' })).branchReport;
    const members = await p.partyMember.findMany({ where: { branch }, include: { person: true } });
    const minutesOf = async (id: string) => (await p.shift.findMany({ where: { memberId: id, verifiedAt: { not: null }, rejected: false, checkInOnSite: true, checkOutOnSite: true } }))
      .filter((s) => quarterOf(s.checkInAt) === quarter).reduce((n, s) => n + s.minutes!, 0);
    const expected = await Promise.all(members.map(async (m) => ({ name: m.person.name, minutes: await minutesOf(m.id) })));
    const reporting = expected.filter((m) => m.minutes > 0).length;
    expect(report).toMatchObject({ branch, quarter, memberCount: members.length, reporting, reportRate: Math.round((reporting / members.length) * 10_000) / 10_000 });
    expect(Object.fromEntries(report.members.map((m: any) => [m.name, m.minutes]))).toEqual(Object.fromEntries(expected.map((m) => [m.name, m.minutes])));
    await h.runError('FORBIDDEN', `query { branchReport(branch: "x", quarter: "2026-Q1") { reportRate } }`, {}, { as: 'party.caochang' });
  });

  it('myPartyMember, branch calls: members of the branch answer once until the deadline', async () => {
    const me = (await h.runOk(`query { myPartyMember { name branch community { name } claims { status post { title } } } }`, {}, { as: 'party.caochang' })).myPartyMember;
    expect(me).toMatchObject({ name: '王建国', branch: '国家电网北京东城供电公司党支部', community: { name: '草厂社区' } });
    expect(me.claims.length).toBeGreaterThan(0);
    expect((await h.runOk(`query { myPartyMember { name } }`, {}, { as: 'street.qianmen' })).myPartyMember).toBeNull();

    const CALL = `mutation ($input: CallBranchVolunteersInput!) { callBranchVolunteers(input: $input) { __typename ... on Error { message } ... on CallBranchVolunteersResult { result { call { id places answered open } } } } }`;
    const deadline = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const input = { communityCode: CAOCHANG, branch: '测试党支部', title: '周末清整', text: '周六上午集合', deadline, places: 1 };
    await h.runError('FORBIDDEN', CALL, { input }, { as: 'party.caochang' });
    const call = (await h.runOk(CALL, { input }, { as: 'grid.caochang' })).callBranchVolunteers.result.call;
    expect(call).toMatchObject({ places: 1, answered: 0, open: true });
    const ANSWER = `mutation ($input: AnswerBranchCallInput!) { answerBranchCall(input: $input) { __typename ... on CallAnswerError { problem } ... on AnswerBranchCallResult { result { call { answered open myAnswer { at } } } } } }`;
    const answer = async (as: string) => (await h.runOk(ANSWER, { input: { callId: call.id } }, { as })).answerBranchCall;
    // racer2 and racer3 both belong to 测试党支部 and 草厂: one place, one wins
    const [a, b] = await Promise.all([answer('racer2'), answer('racer3')]);
    expect([a.__typename, b.__typename].sort()).toEqual(['AnswerBranchCallResult', 'CallAnswerError']);
    expect([a, b].find((x) => x.problem)?.problem).toBe('CALL_FULL');
    expect([a, b].find((x) => x.result)?.result.call).toMatchObject({ answered: 1, open: false, myAnswer: { at: expect.any(String) } });
    // 大江's member of another branch is not called
    const other = (await h.runOk(CALL, { input: { ...input, branch: '另一党支部', places: null } }, { as: 'admin' })).callBranchVolunteers.result.call;
    expect((await h.runOk(ANSWER, { input: { callId: other.id } }, { as: 'party.dajiang' })).answerBranchCall.problem).toBe('NOT_CALLED');
    const calls = (await h.runOk(`query { branchCalls(communityCode: "${CAOCHANG}", openOnly: true) { title deadline answered } }`, {}, { as: 'party.caochang' })).branchCalls;
    expect(calls.map((c: any) => c.title)).toContain('周末背街小巷环境整治');
  });

  it('lists posts by community and category with a total count; visibility of shifts follows the member', async () => {
    const list = (await h.runOk(`query { volunteerPosts(communityCode: "${CAOCHANG}", category: [ASSISTANCE], first: 50) { totalCount edges { node { title category placesLeft skills location { lng lat } } } } }`, {}, { as: 'party.caochang' })).volunteerPosts;
    expect(list.totalCount).toBe(list.edges.length);
    expect(list.edges.map((e: any) => e.node.title).sort()).toEqual(['独居老人探访', '老人助餐']);
    expect(list.edges.find((e: any) => e.node.title === '老人助餐').node.placesLeft).toBe(1);
    await h.runError('UNAUTHENTICATED', `query { volunteerPosts { totalCount } }`);
    const shift = await h.db.prisma.shift.findFirstOrThrow({ where: { member: { person: { name: '李明' } } } });
    const q = `query ($id: ID!) { node(id: $id) { ... on Shift { minutes } } }`;
    expect((await h.runOk(q, { id: encodeGlobalID('Shift', shift.id) }, { as: 'grid.caochang' })).node).not.toBeNull();
    expect((await h.runOk(q, { id: encodeGlobalID('Shift', shift.id) }, { as: 'party.caochang' })).node).toBeNull();
    expect((await h.runOk(q, { id: encodeGlobalID('Shift', shift.id) }, { as: 'street.lugu' })).node).toBeNull();
  });
});
