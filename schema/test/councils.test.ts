// Councils (议事厅) over GraphQL on both providers: the seeded 草厂 council, a meeting run end to end,
// thresholds and quorum against hand-computed results, ballots racing, the live tally on a second
// screen, roles, action items.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { testProviders } from '@whistlehub/prisma/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type SchemaHarness } from './helpers.ts';

const FIELDS: Record<string, string> = {
  MeetingStepError: 'problem', MotionStepError: 'problem', BallotError: 'problem', MeetingConflictError: 'currentVersion currentStatus', InputValidationError: 'issues { path message }', NotFoundError: 'entity id',
};
const BASE = ['NotFoundError', 'MeetingConflictError', 'InputValidationError'];
const ERRORS_OF: Record<string, string[]> = {
  scheduleMeeting: BASE, addAgendaItem: [...BASE, 'MeetingStepError'], openMeeting: [...BASE, 'MeetingStepError'], checkInAttendee: [...BASE, 'MeetingStepError'],
  closeMeeting: [...BASE, 'MeetingStepError'], proposeMotion: [...BASE, 'MotionStepError'], openMotion: [...BASE, 'MotionStepError'], castBallot: [...BASE, 'BallotError'],
  closeMotion: [...BASE, 'MotionStepError'], addActionItem: BASE, completeActionItem: [...BASE, 'MeetingStepError'],
};
const MOTION = 'id status result needed eligible membership presentAtOpen presentAtClose tally { yes no abstain } progress { needed yes remaining base quorumNeeded participants } myBallot { eligible voted choice } ballots { voter choice changes }';
const MEETING = `id status version attendanceCount viewerCheckedIn agenda { position title } actionItems { id text ownerName status overdue } motions { ${MOTION} }`;
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const write = (field: string) =>
  `mutation ($input: ${cap(field)}Input!) { ${field}(input: $input) { __typename ... on Error { message } ${ERRORS_OF[field]!.map((e) => `... on ${e} { ${FIELDS[e]} }`).join(' ')} ... on ${cap(field)}Result { result { version replayed meeting { ${MEETING} } motion { ${MOTION} } } } } }`;

// the seeded courtyard: the chair (demo login council.caochang), six more members, two residents; nine households
const MEMBERS = ['cc_zhao', 'cc_sun', 'cc_li', 'cc_zhou', 'cc_wu', 'cc_feng'];
const RESIDENTS = ['cc_zheng', 'cc_wang'];
const CHAIR = 'council.caochang';
const personOf = (key: string) => (key === CHAIR ? 'per_user_council.caochang' : `per_${key}`);
const loginOf = (key: string) => (key === CHAIR ? CHAIR : `res.${key}`);

describe.each(await testProviders())('councils on %s', (provider) => {
  let h: SchemaHarness;
  let councilId: string;
  beforeAll(async () => {
    h = await createHarness(provider);
    // sign-in accounts for the seeded residents, as themselves (no role needed to vote)
    for (const key of [...MEMBERS, ...RESIDENTS]) {
      await h.db.prisma.user.create({ data: { id: `usr_res_${key}`, login: loginOf(key), displayName: key, passwordHash: 'x', personId: personOf(key) } });
    }
    councilId = (await h.runOk(`{ councils(communityCode: "110101011003") { id } }`, {}, { as: CHAIR })).councils[0].id;
  });
  afterAll(() => h?.close());

  const run = async (field: string, input: Record<string, unknown>, as: string) => (await h.runOk(write(field), { input }, { as }))[field];
  const ok = async (field: string, input: Record<string, unknown>, as: string) => {
    const r = await run(field, input, as);
    expect(r.__typename, JSON.stringify(r)).toBe(`${cap(field)}Result`);
    return r.result;
  };
  const newMeeting = async (title = '小院议事：楼道堆物清理') =>
    (await ok('scheduleMeeting', { councilId, title, startsAt: new Date(Date.now() + 3600_000).toISOString(), place: '草厂社区议事厅' }, 'street.qianmen')).meeting;
  const checkInAll = async (meetingId: string, keys: string[]) => {
    for (const key of keys) await ok('checkInAttendee', { meetingId, personId: encodeGlobalID('Person', personOf(key)) }, CHAIR);
  };
  const motionAt = async (meetingId: string, rule: Record<string, unknown>) =>
    (await ok('proposeMotion', { meetingId, text: '同意本议题的处理方案', base: 'ELIGIBLE', electorate: 'ALL_MEMBERS', quorum: { numerator: 1, denominator: 2 }, policy: 'NAMED', rule: 'SIMPLE_MAJORITY', ...rule }, CHAIR)).motion;
  const counts = async () => ({
    events: await h.db.prisma.councilEvent.count(), ballots: await h.db.prisma.ballot.count(), secret: await h.db.prisma.secretBallot.count(),
    attendance: await h.db.prisma.meetingAttendance.count(), motions: await h.db.prisma.motion.count(), head: await h.logHead(),
  });

  it('shows the seeded council: seats, the next meeting, the frozen 先尝后买 result (7 of 9 households, 6 needed) with named ballots only to the council', async () => {
    const q = `{ councils(communityCode: "110101011003") { name households viewerMayManage members { name role alleySteward isViewer } meetings { title status motions { text rule electorate result needed eligible tally { yes no abstain } ballots { voter choice } } agenda { title ticket { number } whistle { number } } } } }`;
    const [c] = (await h.runOk(q, {}, { as: CHAIR })).councils;
    expect(c).toMatchObject({ name: '草厂小院议事厅', households: 9, viewerMayManage: true });
    expect(c.members[0]).toMatchObject({ name: '刘桂英', role: 'CHAIR', isViewer: true });
    expect(c.members.filter((m: any) => m.alleySteward)).toHaveLength(2);
    const past = c.meetings.find((m: any) => m.status === 'CLOSED');
    expect(past.motions[0]).toMatchObject({ rule: 'TWO_THIRDS', electorate: 'HOUSEHOLDS', result: 'PASSED', needed: 6, eligible: 9, tally: { yes: 7, no: 1, abstain: 1 } });
    expect(past.motions[0].ballots).toHaveLength(9);
    // the ticket and whistle on the agenda follow their own visibility: the street office sees them, the council reads the titles
    const [asStreet] = (await h.runOk(q, {}, { as: 'street.qianmen' })).councils;
    expect(asStreet.meetings.find((m: any) => m.status === 'SCHEDULED').agenda[0].whistle).not.toBeNull();
    expect(c.meetings.find((m: any) => m.status === 'SCHEDULED').agenda[0].whistle).toBeNull();
    // a resident without a seat reads the record but not who voted what; the ticket and whistle follow their own visibility
    const [asResident] = (await h.runOk(q, {}, { as: 'resident.demo' })).councils;
    expect(asResident.viewerMayManage).toBe(false);
    expect(asResident.meetings.find((m: any) => m.status === 'CLOSED').motions[0].ballots).toBeNull();
    expect(asResident.meetings.find((m: any) => m.status === 'SCHEDULED').agenda[0].whistle).toBeNull();
    await h.runError('UNAUTHENTICATED', q, {});
  });

  it('runs a meeting: check-ins (self, recorded, twice and outsiders refused), two thirds of 9 households needs 6, shown live, result frozen at close', async () => {
    const m = await newMeeting('小院议事：引入停车管理公司');
    const whistleNumber = (await h.db.prisma.whistle.findUniqueOrThrow({ where: { id: 'whs_qianmen-lock' } })).number;
    // the chair may not see the whistle, so cannot link it; the street office can
    expect((await run('addAgendaItem', { meetingId: m.id, title: '停车管理公司进场方案', whistleNumber }, CHAIR)).__typename).toBe('NotFoundError');
    await ok('addAgendaItem', { meetingId: m.id, title: '停车管理公司进场方案', whistleNumber }, 'street.qianmen');
    expect((await run('checkInAttendee', { meetingId: m.id }, CHAIR)).problem).toBe('MEETING_NOT_OPEN');
    await ok('openMeeting', { meetingId: m.id }, CHAIR);
    expect((await ok('checkInAttendee', { meetingId: m.id }, CHAIR)).meeting.viewerCheckedIn).toBe(true);
    expect((await run('checkInAttendee', { meetingId: m.id }, CHAIR)).problem).toBe('ALREADY_CHECKED_IN');
    await ok('checkInAttendee', { meetingId: m.id }, loginOf('cc_zheng')); // a household representative without a seat
    await checkInAll(m.id, ['cc_zhao', 'cc_sun', 'cc_li', 'cc_zhou']);
    // an account that is no person cannot check in
    await h.runError('FORBIDDEN', write('checkInAttendee'), { input: { meetingId: m.id } }, { as: 'dept.dongcheng.cgzf' });
    await h.runError('FORBIDDEN', write('checkInAttendee'), { input: { meetingId: m.id, personId: encodeGlobalID('Person', personOf('cc_wang')) } }, { as: loginOf('cc_li') });
    const motion = await motionAt(m.id, { rule: 'TWO_THIRDS', electorate: 'HOUSEHOLDS', base: 'ELIGIBLE' });
    expect(motion.status).toBe('DRAFT');
    const opened = (await ok('openMotion', { motionId: motion.id }, CHAIR)).motion;
    expect(opened).toMatchObject({ status: 'OPEN', eligible: 9, membership: 9, presentAtOpen: 6, progress: { needed: 6, yes: 0, remaining: 6, base: 9, quorumNeeded: 5 } });
    const voters = [CHAIR, ...MEMBERS, ...RESIDENTS];
    const choices = ['YES', 'YES', 'YES', 'YES', 'YES', 'NO', 'NO', 'ABSTAIN', 'NO'];
    for (let i = 0; i < 5; i++) await ok('castBallot', { motionId: motion.id, choice: choices[i] }, loginOf(voters[i]!));
    // five yes of nine: one short of two thirds
    let now = (await ok('castBallot', { motionId: motion.id, choice: choices[5] }, loginOf(voters[5]!))).motion;
    expect(now.progress).toMatchObject({ needed: 6, yes: 5, remaining: 1 });
    // a named ballot may change until close: the sixth voter turns NO into YES
    now = (await ok('castBallot', { motionId: motion.id, choice: 'YES' }, loginOf(voters[5]!))).motion;
    expect(now.tally).toEqual({ yes: 6, no: 0, abstain: 0 });
    expect(now.progress.remaining).toBe(0);
    expect(now.myBallot).toEqual({ eligible: true, voted: true, choice: 'YES' });
    for (let i = 6; i < 9; i++) await ok('castBallot', { motionId: motion.id, choice: choices[i] }, loginOf(voters[i]!));
    // not an elector (no household, no seat)
    expect((await run('castBallot', { motionId: motion.id, choice: 'YES' }, 'street.qianmen')).problem).toBe('NOT_ELIGIBLE');
    expect((await run('closeMeeting', { meetingId: m.id, minutes: '通过' }, CHAIR)).problem).toBe('MOTION_STILL_OPEN');
    const closed = (await ok('closeMotion', { motionId: motion.id }, CHAIR)).motion;
    expect(closed).toMatchObject({ status: 'CLOSED', result: 'PASSED', needed: 6, tally: { yes: 6, no: 2, abstain: 1 }, presentAtClose: 6 });
    expect(closed.ballots.find((b: any) => b.choice === 'YES' && b.changes === 1)).toBeTruthy();
    // frozen: no ballot, no second close
    const before = await counts();
    expect((await run('castBallot', { motionId: motion.id, choice: 'NO' }, loginOf(voters[6]!))).problem).toBe('MOTION_NOT_OPEN');
    expect((await run('closeMotion', { motionId: motion.id }, CHAIR)).problem).toBe('MOTION_CLOSED');
    expect(await counts()).toEqual(before);
    expect((await ok('closeMeeting', { meetingId: m.id, minutes: '6户同意，通过引入停车管理公司' }, CHAIR)).meeting.status).toBe('CLOSED');
    // the history holds every submission, the changed one as BALLOT_CHANGED with its choice
    const events = await h.db.prisma.councilEvent.findMany({ where: { meetingId: (await h.db.prisma.meeting.findFirstOrThrow({ where: { title: '小院议事：引入停车管理公司' } })).id }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.seq)).toEqual(events.map((_e, i) => i + 1));
    expect(events.filter((e) => e.type === 'BALLOT_CHANGED').map((e) => e.note)).toEqual(['YES']);
  });

  it('records NO_QUORUM, TIED and REJECTED as the rules say, and a threshold of the votes cast differs from one of the eligible', async () => {
    const m = await newMeeting('小院议事：表决规则');
    await ok('openMeeting', { meetingId: m.id }, CHAIR);
    await checkInAll(m.id, [CHAIR, ...MEMBERS]);
    const vote = async (rule: Record<string, unknown>, ballots: [string, string][]) => {
      const motion = await motionAt(m.id, rule);
      await ok('openMotion', { motionId: motion.id }, CHAIR);
      for (const [key, choice] of ballots) await ok('castBallot', { motionId: motion.id, choice }, loginOf(key));
      return (await ok('closeMotion', { motionId: motion.id }, CHAIR)).motion;
    };
    // 7 members, quorum 2/3 needs 5: three unanimous yes are no quorum
    expect(await vote({ quorum: { numerator: 2, denominator: 3 } }, [[CHAIR, 'YES'], ['cc_zhao', 'YES'], ['cc_sun', 'YES']])).toMatchObject({ result: 'NO_QUORUM', tally: { yes: 3, no: 0, abstain: 0 } });
    // of the votes cast: 2 yes, 2 no, 2 abstain is a tie (fails); of the eligible the same would be rejected
    expect(await vote({ base: 'CAST' }, [[CHAIR, 'YES'], ['cc_zhao', 'YES'], ['cc_sun', 'NO'], ['cc_li', 'NO'], ['cc_zhou', 'ABSTAIN'], ['cc_wu', 'ABSTAIN']])).toMatchObject({ result: 'TIED', needed: 3 });
    // 3 yes, 1 no, 2 abstain: of the cast (4) 3 > 2 passes; of the eligible (7) 3 × 2 > 7 fails
    const ballots: [string, string][] = [[CHAIR, 'YES'], ['cc_zhao', 'YES'], ['cc_sun', 'YES'], ['cc_li', 'NO'], ['cc_zhou', 'ABSTAIN'], ['cc_wu', 'ABSTAIN']];
    expect(await vote({ base: 'CAST' }, ballots)).toMatchObject({ result: 'PASSED', needed: 3 });
    expect(await vote({ base: 'ELIGIBLE' }, ballots)).toMatchObject({ result: 'REJECTED', needed: 4 });
    // a custom 3/5 of 7 eligible needs 5 (5 × 5 ≥ 3 × 7)
    expect(await vote({ rule: 'FRACTION', fraction: { numerator: 3, denominator: 5 } }, [[CHAIR, 'YES'], ['cc_zhao', 'YES'], ['cc_sun', 'YES'], ['cc_li', 'YES'], ['cc_zhou', 'YES']])).toMatchObject({ result: 'PASSED', needed: 5 });
    // bad rules are typed input errors, nothing written
    const before = await counts();
    expect((await run('proposeMotion', { meetingId: m.id, text: '规则不全的动议', base: 'ELIGIBLE', electorate: 'ALL_MEMBERS', quorum: { numerator: 1, denominator: 2 }, policy: 'NAMED', rule: 'FRACTION' }, CHAIR)).issues[0].path).toEqual(['input', 'fraction']);
    expect((await run('proposeMotion', { meetingId: m.id, text: '法定人数超过全体', base: 'ELIGIBLE', electorate: 'ALL_MEMBERS', quorum: { numerator: 3, denominator: 2 }, policy: 'NAMED', rule: 'SIMPLE_MAJORITY' }, CHAIR)).__typename).toBe('InputValidationError');
    expect(await counts()).toEqual(before);
  });

  it('counts every ballot when all electors vote at once, and a secret ballot once per elector however often it is sent at once', async () => {
    const m = await newMeeting('小院议事：同时投票');
    await ok('openMeeting', { meetingId: m.id }, CHAIR);
    const named = await motionAt(m.id, { electorate: 'HOUSEHOLDS' });
    await ok('openMotion', { motionId: named.id }, CHAIR);
    const voters = [CHAIR, ...MEMBERS, ...RESIDENTS];
    const results = await Promise.all(voters.map((key, i) => run('castBallot', { motionId: named.id, choice: i % 3 === 2 ? 'NO' : 'YES' }, loginOf(key))));
    expect(results.map((r) => r.__typename)).toEqual(voters.map(() => 'CastBallotResult'));
    const tally = (await h.runOk(`query ($id: ID!) { node(id: $id) { ... on Motion { tally { yes no abstain } } } }`, { id: named.id }, { as: CHAIR })).node.tally;
    expect(tally).toEqual({ yes: 6, no: 3, abstain: 0 });
    const secret = await motionAt(m.id, { electorate: 'HOUSEHOLDS', policy: 'SECRET' });
    await ok('openMotion', { motionId: secret.id }, CHAIR);
    const twice = await Promise.all([1, 2, 3, 4].map(() => run('castBallot', { motionId: secret.id, choice: 'YES' }, loginOf('cc_zhao'))));
    expect(twice.filter((r) => r.__typename === 'CastBallotResult')).toHaveLength(1);
    expect(twice.filter((r) => r.problem === 'ALREADY_VOTED')).toHaveLength(3);
    const s = (await h.runOk(`query ($id: ID!) { node(id: $id) { ... on Motion { tally { yes } ballots { voter } myBallot { voted choice } } } }`, { id: secret.id }, { as: loginOf('cc_zhao') })).node;
    expect(s).toEqual({ tally: { yes: 1 }, ballots: null, myBallot: { voted: true, choice: null } });
    // stored apart from the voter: the secret row has no voter, the event no choice
    expect(await h.db.prisma.secretBallot.count({ where: { motionId: (await h.db.prisma.motion.findFirstOrThrow({ where: { policy: 'SECRET', meetingId: { not: undefined }, status: 'OPEN' } })).id } })).toBe(1);
    expect((await h.db.prisma.councilEvent.findMany({ where: { type: 'BALLOT_CAST', note: null } })).length).toBeGreaterThan(0);
    // an idempotent retry writes nothing
    const once = await run('castBallot', { motionId: named.id, choice: 'NO', clientMutationId: 'vote-chair-retry-1' }, CHAIR);
    const again = await run('castBallot', { motionId: named.id, choice: 'NO', clientMutationId: 'vote-chair-retry-1' }, CHAIR);
    expect([once.result.replayed, again.result.replayed]).toEqual([false, true]);
    expect(again.result.motion.tally).toEqual({ yes: 5, no: 4, abstain: 0 });
  });

  it('pushes check-ins and every ballot’s tally to a second screen, and replays what a screen missed', async () => {
    const m = await newMeeting('小院议事：实时计票');
    await ok('openMeeting', { meetingId: m.id }, CHAIR);
    const screen = h.subscribe(`subscription ($id: ID!) { meetingEvents(meetingId: $id) { __typename ... on MeetingEventNotice { type seq logSeq meeting { attendanceCount } motion { tally { yes no } progress { needed remaining } } } } }`, { id: m.id }, { as: loginOf('cc_wang') });
    await new Promise((r) => setTimeout(r, 300));
    await ok('checkInAttendee', { meetingId: m.id }, loginOf('cc_zhao'));
    expect((await screen.until((i) => i.data?.meetingEvents?.type === 'CHECKED_IN')).data!.meetingEvents.meeting.attendanceCount).toBe(1);
    const motion = await motionAt(m.id, { electorate: 'ALL_MEMBERS' });
    await ok('openMotion', { motionId: motion.id }, CHAIR);
    await ok('castBallot', { motionId: motion.id, choice: 'YES' }, loginOf('cc_sun'));
    const pushed = await screen.until((i) => i.data?.meetingEvents?.type === 'BALLOT_CAST');
    expect(pushed.data!.meetingEvents.motion).toEqual({ tally: { yes: 1, no: 0 }, progress: { needed: 4, remaining: 3 } });
    const seen = pushed.data!.meetingEvents.logSeq as number;
    await screen.stop();
    // a screen that comes back after the last event it applied gets exactly what it missed, in order
    await ok('castBallot', { motionId: motion.id, choice: 'NO' }, loginOf('cc_li'));
    await ok('castBallot', { motionId: motion.id, choice: 'YES' }, loginOf('cc_zhou'));
    const back = h.subscribe(`subscription ($id: ID!, $after: Int) { meetingEvents(meetingId: $id, afterSeq: $after) { __typename ... on MeetingEventNotice { type seq } } }`, { id: m.id, after: seen }, { as: loginOf('cc_wang') });
    // seq 1–6: scheduled, opened, checked in, proposed, opened, the first ballot (applied); then the two it missed
    await back.until((i) => i.data?.meetingEvents?.seq === 8);
    const items = back.items.map((i) => i.data?.meetingEvents).filter(Boolean);
    expect(items.map((i: any) => [i.type, i.seq])).toEqual([['BALLOT_CAST', 7], ['BALLOT_CAST', 8]]);
    await back.stop();
  });

  it('lets only whoever runs the council manage it, and tracks action items with one owner each until done', async () => {
    const m = await newMeeting('小院议事：分工');
    await h.runError('FORBIDDEN', write('openMeeting'), { input: { meetingId: m.id } }, { as: loginOf('cc_li') });
    await h.runError('FORBIDDEN', write('openMeeting'), { input: { meetingId: m.id } }, { as: 'street.lugu' });
    await h.runError('FORBIDDEN', write('scheduleMeeting'), { input: { councilId, title: '越权召集', startsAt: new Date().toISOString(), place: '别处' } }, { as: 'resident.demo' });
    // the vice-chair runs it too
    await ok('openMeeting', { meetingId: m.id }, loginOf('cc_zhao'));
    const before = await counts();
    expect((await run('addActionItem', { meetingId: m.id, text: '清理楼道堆物', dueOn: '2026-12-10' }, CHAIR)).__typename).toBe('InputValidationError');
    expect((await run('addActionItem', { meetingId: m.id, text: '清理楼道堆物', dueOn: '2026-12-10', ownerDepartmentCode: '110101-CGZF', ownerPersonId: encodeGlobalID('Person', personOf('cc_li')) }, CHAIR)).__typename).toBe('InputValidationError');
    expect((await run('addActionItem', { meetingId: m.id, text: '清理楼道堆物', dueOn: '2026-13-40', ownerDepartmentCode: '110101-CGZF' }, CHAIR)).__typename).toBe('InputValidationError');
    expect(await counts()).toEqual(before);
    const added = await ok('addActionItem', { meetingId: m.id, text: '清理楼道堆物', dueOn: '2026-01-10', ownerDepartmentCode: '110101-CGZF' }, CHAIR);
    const item = added.meeting.actionItems.find((a: any) => a.text === '清理楼道堆物');
    expect(item).toMatchObject({ ownerName: '东城区城市管理综合行政执法局', status: 'OPEN', overdue: true });
    await h.runError('FORBIDDEN', write('completeActionItem'), { input: { actionItemId: item.id } }, { as: loginOf('cc_li') });
    expect((await ok('completeActionItem', { actionItemId: item.id, note: '已清理' }, 'dept.dongcheng.cgzf')).meeting.actionItems.find((a: any) => a.id === item.id)).toMatchObject({ status: 'DONE', overdue: false });
    expect((await run('completeActionItem', { actionItemId: item.id }, CHAIR)).problem).toBe('ALREADY_DONE');
    const open = (await h.runOk(`{ councilActionItems(communityCode: "110101011003", openOnly: true) { text ownerName } }`, {}, { as: 'resident.demo' })).councilActionItems;
    expect(open.map((a: any) => a.text)).toContain('清理草厂四条胡同内堆物，为物业进场腾出空间');
    expect(open.map((a: any) => a.text)).not.toContain('清理楼道堆物');
  });
});
