import { testProviders } from '@whistlehub/prisma/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingMonthOf } from '../src/lib/beijingTime.ts';
import { fireDueDeadlines } from '../src/index.ts';
import { createHarness, type SchemaHarness } from './helpers.ts';

const FIELDS: Record<string, string> = {
  SummonsListError: 'problem departmentCodes', WhistleStepError: 'problem', CloseConditionsError: 'missing', NotSummonedError: 'departmentCode',
  RatingWindowError: 'problem', WhistleConflictError: 'currentVersion currentStage', InputValidationError: 'issues { path message }', NotFoundError: 'entity id',
};
const STEP = ['NotFoundError', 'WhistleStepError', 'WhistleConflictError', 'InputValidationError'];
const ERRORS_OF: Record<string, string[]> = {
  blowWhistle: ['NotFoundError', 'SummonsListError', 'InputValidationError'],
  acknowledgeSummons: STEP, checkIn: STEP, fileReport: STEP, returnSummons: STEP, superviseFollowUp: STEP, decideSummonsReturn: STEP,
  closeWhistle: ['NotFoundError', 'CloseConditionsError', 'WhistleConflictError', 'InputValidationError'],
  rateDepartment: ['NotFoundError', 'NotSummonedError', 'RatingWindowError', 'WhistleConflictError', 'InputValidationError'],
};
const errorsOf = (field: string) => `... on Error { message } ${ERRORS_OF[field]!.map((e) => `... on ${e} { ${FIELDS[e]} }`).join(' ')}`;
const WHISTLE = `id number stage version crossDistrict late summonses { id role department { code } ackLate onSiteLate checkInFlagged checkInDistanceM acknowledgedAt checkedInAt deadlines { kind state } }`;
const write = (field: string) =>
  `mutation ($input: ${field[0]!.toUpperCase()}${field.slice(1)}Input!) { ${field}(input: $input) { __typename ${errorsOf(field)} ... on ${field[0]!.toUpperCase()}${field.slice(1)}Result { result { version replayed whistle { ${WHISTLE} } } } } }`;

const QIANMEN = { lng: 116.3975, lat: 39.8965 };

describe.each(await testProviders())('whistles on %s', (provider) => {
  let h: SchemaHarness;
  beforeAll(async () => {
    h = await createHarness(provider);
  });
  afterAll(() => h?.close());

  const run = async (field: string, input: Record<string, unknown>, as: string) => (await h.runOk(write(field), { input }, { as }))[field];
  const blow = (as = 'street.qianmen', extra: Record<string, unknown> = {}) =>
    run('blowWhistle', {
      streetCode: '110101011', tier: 'EMERGENCY', mode: 'LEAD_ASSIST', reason: '草厂胡同消防通道被占用', location: QIANMEN,
      summons: [{ departmentCode: '110101-CGZF', role: 'LEAD' }, { departmentCode: '110101-JTZD', role: 'ASSIST' }], ...extra,
    }, as);
  const counts = async () => ({
    whistles: await h.db.prisma.whistle.count(), summonses: await h.db.prisma.whistleSummons.count(), events: await h.db.prisma.whistleEvent.count(),
    deadlines: await h.db.prisma.whistleDeadline.count(), escalations: await h.db.prisma.escalation.count(), evaluations: await h.db.prisma.evaluation.count(), head: await h.logHead(),
  });
  const summonsOf = (w: any, code: string) => w.summonses.find((s: any) => s.department.code === code);

  it('blows a whistle: one summons per department with its two deadlines from the district tier', async () => {
    const r = await blow();
    expect(r.__typename).toBe('BlowWhistleResult');
    const w = r.result.whistle;
    expect(w).toMatchObject({ stage: 'ASSEMBLE', version: 1, crossDistrict: false, late: false });
    expect(w.summonses.map((s: any) => [s.department.code, s.role])).toEqual([['110101-CGZF', 'LEAD'], ['110101-JTZD', 'ASSIST']]);
    const deadlines = await h.db.prisma.whistleDeadline.findMany({ where: { summons: { whistle: { number: w.number } } }, include: { summons: { select: { summonedAt: true } } } });
    for (const d of deadlines) expect((d.dueAt.getTime() - d.summons.summonedAt.getTime()) / 60_000).toBe(d.kind === 'ACK' ? 10 : 30);
    // what each viewer may do now, as the server would accept it
    const actions = `query ($n: String!) { whistle(number: $n) { viewerActions summonses { department { code } viewerActions } events { edges { node { type actor department { code } } } } } }`;
    const asDept = (await h.runOk(actions, { n: w.number }, { as: 'dept.dongcheng.cgzf' })).whistle;
    expect(asDept.viewerActions).toEqual([]);
    expect(summonsOf(asDept, '110101-CGZF').viewerActions).toEqual(['ACKNOWLEDGE', 'CHECK_IN', 'REPORT']);
    expect(summonsOf(asDept, '110101-JTZD').viewerActions).toEqual([]);
    const asStreet = (await h.runOk(actions, { n: w.number }, { as: 'street.qianmen' })).whistle;
    expect(asStreet.viewerActions).toEqual(['CLOSE']);
    expect(asStreet.summonses.flatMap((x: any) => x.viewerActions)).toEqual([]);
    expect(asStreet.events.edges[0].node).toEqual({ type: 'BLOWN', actor: '前门街道工作人员', department: null });
  });

  it('refuses bad whistles with typed errors and writes nothing', async () => {
    const before = await counts();
    expect((await blow('street.qianmen', { summons: [] })).problem).toBe('NO_DEPARTMENT');
    expect((await blow('street.qianmen', { summons: [{ departmentCode: '110101-CGZF', role: 'ASSIST' }] })).problem).toBe('NO_LEAD');
    expect(await blow('street.qianmen', { summons: [{ departmentCode: 'NOPE', role: 'LEAD' }] })).toMatchObject({ problem: 'UNKNOWN_DEPARTMENT', departmentCodes: ['NOPE'] });
    expect((await blow('street.qianmen', { reason: '短' })).__typename).toBe('InputValidationError');
    await h.runError('FORBIDDEN', write('blowWhistle'), { input: { streetCode: '110101011', tier: 'KEY', mode: 'LEAD_ASSIST', reason: '鲁谷越权吹哨', location: QIANMEN, summons: [{ departmentCode: '110101-CGZF', role: 'LEAD' }] } }, { as: 'street.lugu' });
    expect(await counts()).toEqual(before);
  });

  it('acknowledge, check in (far is flagged), twice is refused, another department is FORBIDDEN, nothing half-written', async () => {
    const w = (await blow()).result.whistle;
    const lead = summonsOf(w, '110101-CGZF');
    const assist = summonsOf(w, '110101-JTZD');
    const ack = await run('acknowledgeSummons', { summonsId: lead.id, expectedVersion: 1, clientMutationId: 'ack-lead-0001' }, 'dept.dongcheng.cgzf');
    expect(ack.result.version).toBe(2);
    // a retry with the same client mutation id writes nothing
    expect((await run('acknowledgeSummons', { summonsId: lead.id, expectedVersion: 1, clientMutationId: 'ack-lead-0001' }, 'dept.dongcheng.cgzf')).result.replayed).toBe(true);
    const stale = await run('checkIn', { summonsId: lead.id, expectedVersion: 1, location: QIANMEN }, 'dept.dongcheng.cgzf');
    expect(stale).toMatchObject({ __typename: 'WhistleConflictError', currentVersion: 2 });
    const far = await run('checkIn', { summonsId: lead.id, location: { lng: QIANMEN.lng + 0.02, lat: QIANMEN.lat } }, 'dept.dongcheng.cgzf');
    const after = summonsOf(far.result.whistle, '110101-CGZF');
    expect(after).toMatchObject({ checkInFlagged: true, ackLate: false, onSiteLate: false });
    expect(after.checkInDistanceM).toBeGreaterThan(1500);
    expect(far.result.whistle.stage).toBe('ACT');
    const before = await counts();
    expect(await run('checkIn', { summonsId: lead.id, location: QIANMEN }, 'dept.dongcheng.cgzf')).toMatchObject({ __typename: 'WhistleStepError', problem: 'ALREADY_CHECKED_IN' });
    await h.runError('FORBIDDEN', write('checkIn'), { input: { summonsId: assist.id, location: QIANMEN } }, { as: 'dept.dongcheng.cgzf' });
    await h.runError('FORBIDDEN', write('acknowledgeSummons'), { input: { summonsId: assist.id } }, { as: 'street.qianmen' });
    // another street cannot even see it
    expect((await run('acknowledgeSummons', { summonsId: assist.id }, 'street.lugu')).__typename).toBe('NotFoundError');
    expect(await counts()).toEqual(before);
  });

  it('closes only with the lead report and confirmation, opens the rating window, refuses rating a department not summoned', async () => {
    const w = (await blow()).result.whistle;
    const lead = summonsOf(w, '110101-CGZF');
    const before = await counts();
    expect((await run('closeWhistle', { whistleId: w.id, confirm: true }, 'street.qianmen')).missing).toEqual(['NO_LEAD_REPORT']);
    expect((await run('rateDepartment', { whistleId: w.id, departmentCode: '110101-CGZF', timeliness: 5, effectiveness: 5, attitude: 5 }, 'street.qianmen')).problem).toBe('WINDOW_NOT_OPEN');
    expect(await counts()).toEqual(before);
    await run('fileReport', { summonsId: lead.id, report: '已拆除地锁并清理通道', result: 'RESOLVED' }, 'dept.dongcheng.cgzf');
    expect((await run('closeWhistle', { whistleId: w.id, confirm: false }, 'street.qianmen')).missing).toEqual(['NOT_CONFIRMED']);
    await h.runError('FORBIDDEN', write('closeWhistle'), { input: { whistleId: w.id, confirm: true } }, { as: 'dept.dongcheng.cgzf' });
    const closed = await run('closeWhistle', { whistleId: w.id, confirm: true }, 'street.qianmen');
    expect(closed.result.whistle.stage).toBe('CLOSE');
    // the clocks still running are cancelled
    expect(closed.result.whistle.summonses.flatMap((s: any) => s.deadlines.map((d: any) => d.state))).not.toContain('PENDING');
    const beforeRating = await counts();
    expect(await run('rateDepartment', { whistleId: w.id, departmentCode: '110101-XF', timeliness: 5, effectiveness: 5, attitude: 5 }, 'street.qianmen')).toMatchObject({ __typename: 'NotSummonedError', departmentCode: '110101-XF' });
    expect((await run('rateDepartment', { whistleId: w.id, departmentCode: '110101-CGZF', timeliness: 6, effectiveness: 5, attitude: 5 }, 'street.qianmen')).__typename).toBe('InputValidationError');
    expect(await counts()).toEqual(beforeRating);
    expect((await run('rateDepartment', { whistleId: w.id, departmentCode: '110101-CGZF', timeliness: 4, effectiveness: 5, attitude: 5, comment: '处置有力' }, 'street.qianmen')).__typename).toBe('RateDepartmentResult');
    expect((await run('rateDepartment', { whistleId: w.id, departmentCode: '110101-CGZF', timeliness: 4, effectiveness: 5, attitude: 5 }, 'street.qianmen')).problem).toBe('ALREADY_RATED');
    const sup = await run('superviseFollowUp', { whistleId: w.id, note: '回访，通道保持畅通' }, 'dispatcher.dongcheng');
    expect(sup.result.whistle.stage).toBe('SUPERVISE');
  });

  it('shows a cross-district whistle to both districts and the summoned departments only, on every node', async () => {
    const guangwai = await h.db.prisma.whistle.findUniqueOrThrow({ where: { id: 'whs_guangwai' } });
    const q = `query ($n: String!) { whistle(number: $n) { id crossDistrict summonses { department { code } } } }`;
    expect((await h.runOk(q, { n: guangwai.number }, { as: 'admin' })).whistle.crossDistrict).toBe(true);
    for (const login of ['street.qianmen', 'dispatcher.dongcheng', 'dept.dongcheng.cgzf', 'street.lugu', 'resident.demo', 'council.caochang']) {
      expect((await h.runOk(q, { n: guangwai.number }, { as: login })).whistle, login).toBeNull();
    }
    const lock = await h.db.prisma.whistle.findUniqueOrThrow({ where: { id: 'whs_qianmen-lock' } });
    for (const login of ['street.qianmen', 'dispatcher.dongcheng', 'dept.dongcheng.cgzf', 'admin', 'hotline.12345']) {
      expect((await h.runOk(q, { n: lock.number }, { as: login })).whistle, login).not.toBeNull();
    }
    const { id } = (await h.runOk(q, { n: lock.number }, { as: 'admin' })).whistle;
    const node = `query ($id: ID!) { node(id: $id) { id } }`;
    expect((await h.runOk(node, { id }, { as: 'street.lugu' })).node).toBeNull();
    expect((await h.runOk(node, { id }, { as: 'street.qianmen' })).node).toEqual({ id });
    const list = await h.runOk(`{ whistles(filter: { live: true }) { totalCount edges { node { number street { code } } } } }`, {}, { as: 'dept.dongcheng.cgzf' });
    expect(list.whistles.edges.map((e: any) => e.node.number)).toContain(lock.number);
    expect((await h.runOk(`{ whistles(filter: { departmentCode: "110106-CGZF" }) { totalCount } }`, {}, { as: 'dept.dongcheng.cgzf' })).whistles.totalCount).toBe(0);
    expect((await h.runOk(`{ whistles(filter: { late: true, tier: [EMERGENCY] }) { totalCount } }`, {}, { as: 'admin' })).whistles.totalCount).toBeGreaterThan(0);
  });

  it('lets a street summon a street across the district boundary: that street sees it, acts on its summons, hears its feed', async () => {
    const GUANGWAI = { lng: 116.3395, lat: 39.8835 };
    const blowFromGuangwai = (summons: unknown[]) =>
      run('blowWhistle', { streetCode: '110102020', tier: 'KEY', mode: 'LEAD_ASSIST', reason: '两区交界违建，跨区吹哨太平桥街道', location: GUANGWAI, summons }, 'street.guangwai');
    // a street cannot summon its own office
    expect(await blowFromGuangwai([{ departmentCode: '110102020-JD', role: 'LEAD' }])).toMatchObject({ __typename: 'SummonsListError', problem: 'OWN_STREET', departmentCodes: ['110102020-JD'] });
    const feed = h.subscribe(`subscription { streetWhistleEvents(streetCode: "110106002") { __typename ... on WhistleEventNotice { type whistle { number } } } }`, {}, { as: 'street.taipingqiao' });
    await new Promise((r) => setTimeout(r, 300));
    const w = (await blowFromGuangwai([{ departmentCode: '110102-CGZF', role: 'LEAD' }, { departmentCode: '110106002-JD', role: 'ASSIST' }])).result.whistle;
    expect(w.crossDistrict).toBe(true);
    expect((await feed.until((i) => i.data?.streetWhistleEvents?.type === 'BLOWN')).data!.streetWhistleEvents.whistle.number).toBe(w.number);
    const q = `query ($n: String!) { whistle(number: $n) { number summonses { id department { code level street { code } } } } }`;
    for (const login of ['street.taipingqiao', 'dispatcher.fengtai', 'street.guangwai']) expect((await h.runOk(q, { n: w.number }, { as: login })).whistle, login).not.toBeNull();
    expect((await h.runOk(q, { n: w.number }, { as: 'street.qianmen' })).whistle).toBeNull();
    const list = await h.runOk(`{ whistles(filter: { live: true }) { edges { node { number } } } }`, {}, { as: 'street.taipingqiao' });
    expect(list.whistles.edges.map((e: any) => e.node.number)).toContain(w.number);
    const office = summonsOf(w, '110106002-JD');
    // the summoned street's officers act on its summons, the blowing street's do not act for it
    await h.runError('FORBIDDEN', write('acknowledgeSummons'), { input: { summonsId: office.id } }, { as: 'street.guangwai' });
    await h.runError('FORBIDDEN', write('acknowledgeSummons'), { input: { summonsId: summonsOf(w, '110102-CGZF').id } }, { as: 'street.taipingqiao' });
    const acked = await run('acknowledgeSummons', { summonsId: office.id }, 'street.taipingqiao');
    expect(summonsOf(acked.result.whistle, '110106002-JD').acknowledgedAt).not.toBeNull();
    const checked = await run('checkIn', { summonsId: office.id, location: GUANGWAI }, 'street.taipingqiao');
    expect(checked.result.whistle.stage).toBe('ACT');
    // but the summoned street cannot close or rate: that is the blowing street's
    await h.runError('FORBIDDEN', write('closeWhistle'), { input: { whistleId: w.id, confirm: true } }, { as: 'street.taipingqiao' });
    await feed.stop();
  });

  it('gives the platform its own clock for a 退单 decision: escalated once when late, cancelled when met in time', async () => {
    const w = (await blow()).result.whistle;
    const assist = summonsOf(w, '110101-JTZD');
    const before = Date.now();
    expect((await run('returnSummons', { summonsId: assist.id, reason: '占道停车不属交通支队职责' }, 'admin')).__typename).toBe('ReturnSummonsResult');
    const raw = await h.db.prisma.whistleSummons.findFirstOrThrow({ where: { whistle: { number: w.number }, role: 'ASSIST' } });
    const clock = await h.db.prisma.whistleDeadline.findUniqueOrThrow({ where: { summonsId_kind: { summonsId: raw.id, kind: 'RETURN_DECISION' } } });
    // the emergency tier's seeded decision clock is 30 minutes
    expect(Math.round((clock.dueAt.getTime() - before) / 60_000)).toBe(30);
    expect(clock.state).toBe('PENDING');
    // the platform does not decide in time: the watcher escalates once, to the whistle's district
    await h.db.prisma.whistleDeadline.update({ where: { id: clock.id }, data: { dueAt: new Date(Date.now() - 1000) } });
    expect((await Promise.all([fireDueDeadlines(h.db.prisma, h.feeds), fireDueDeadlines(h.db.prisma, h.feeds)])).reduce((a, b) => a + b, 0)).toBe(1);
    const escalation = await h.db.prisma.escalation.findFirstOrThrow({ where: { summonsId: raw.id, kind: 'RETURN_DECISION' } });
    expect(escalation.districtId).toBe('dis_110101');
    const late = `query ($n: String!) { whistle(number: $n) { summonses { department { code } returnDecision returnDecisionLate ackLate } } }`;
    expect(summonsOf((await h.runOk(late, { n: w.number }, { as: 'admin' })).whistle, '110101-JTZD')).toMatchObject({ returnDecision: 'PENDING', returnDecisionLate: true, ackLate: false });
    // the late decision itself escalates nothing more
    const decided = await run('decideSummonsReturn', { summonsId: assist.id, accept: false, note: '属于职责' }, 'dispatcher.dongcheng');
    expect(decided.__typename).toBe('DecideSummonsReturnResult');
    expect(await h.db.prisma.escalation.count({ where: { summonsId: raw.id, kind: 'RETURN_DECISION' } })).toBe(1);
    // a second request restarts the clock; decided in time, it is cancelled and nothing escalates
    await run('returnSummons', { summonsId: assist.id, reason: '再次申请：该路段属城管' }, 'admin');
    expect((await h.db.prisma.whistleDeadline.findUniqueOrThrow({ where: { id: clock.id } })).state).toBe('PENDING');
    await run('decideSummonsReturn', { summonsId: assist.id, accept: true }, 'dispatcher.dongcheng');
    expect((await h.db.prisma.whistleDeadline.findUniqueOrThrow({ where: { id: clock.id } })).state).toBe('CANCELLED');
    expect(await h.db.prisma.escalation.count({ where: { summonsId: raw.id, kind: 'RETURN_DECISION' } })).toBe(1);
  });

  it('escalates a passed deadline exactly once with two watchers racing, and pushes it to the street feed', async () => {
    const w = (await blow()).result.whistle;
    const sub = h.subscribe(`subscription { streetWhistleEvents(streetCode: "110101011") { __typename ... on WhistleEventNotice { type seq summons { department { code } ackLate } } } }`, {}, { as: 'street.qianmen' });
    const dept = h.subscribe(`subscription { departmentWhistleEvents(departmentCode: "110101-CGZF") { __typename ... on WhistleEventNotice { type summons { department { code } } } } }`, {}, { as: 'dept.dongcheng.cgzf' });
    await new Promise((r) => setTimeout(r, 300));
    // the acknowledgement deadline of the lead passes
    const lead = await h.db.prisma.whistleSummons.findFirstOrThrow({ where: { whistle: { number: w.number }, role: 'LEAD' } });
    await h.db.prisma.whistleDeadline.updateMany({ where: { summonsId: lead.id, kind: 'ACK' }, data: { dueAt: new Date(Date.now() - 1000) } });
    const start = Date.now();
    const fired = await Promise.all([fireDueDeadlines(h.db.prisma, h.feeds), fireDueDeadlines(h.db.prisma, h.feeds), fireDueDeadlines(h.db.prisma, h.feeds)]);
    expect(fired.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await h.db.prisma.escalation.count({ where: { summonsId: lead.id } })).toBe(1);
    const pushed = await sub.until((i) => i.data?.streetWhistleEvents?.type === 'ESCALATED');
    expect(Date.now() - start).toBeLessThan(1000);
    expect(pushed.data!.streetWhistleEvents.summons).toEqual({ department: { code: '110101-CGZF' }, ackLate: true });
    await dept.until((i) => i.data?.departmentWhistleEvents?.type === 'ESCALATED');
    // a late acknowledgement afterwards escalates nothing more
    await run('acknowledgeSummons', { summonsId: (await h.runOk(`query ($n: String!) { whistle(number: $n) { summonses { id role } } }`, { n: w.number }, { as: 'admin' })).whistle.summonses.find((s: any) => s.role === 'LEAD').id }, 'dept.dongcheng.cgzf');
    expect(await h.db.prisma.escalation.count({ where: { summonsId: lead.id } })).toBe(1);
    await sub.stop();
    await dept.stop();
  });

  it('ranks the departments of a month with the inputs of every score, and each street’s whistle rate', async () => {
    const jinhaihu = await h.db.prisma.whistle.findUniqueOrThrow({ where: { id: 'whs_jinhaihu' } });
    const month = beijingMonthOf(jinhaihu.blownAt);
    const r = await h.runOk(`query ($m: String!) { departmentRanking(districtCode: "110117", month: $m) { month weightsFrom weights { punctuality streetRating satisfaction }
      departments { rank score punctuality streetRating clocksCounted clocksOnTime department { code } inputs { whistleNumber acknowledgedAt timeliness } }
      streets { street { code } whistles tickets whistleRate } } }`, { m: month }, { as: 'street.qianmen' });
    const ranking = r.departmentRanking;
    expect(ranking.weights).toEqual({ punctuality: 40, streetRating: 40, satisfaction: 20 });
    const byCode = Object.fromEntries(ranking.departments.map((d: any) => [d.department.code, d]));
    // 规划 and 公安 met both clocks; 城管 missed both (acknowledged at 14 min, on site at 47)
    expect(byCode['110117-GHZY']).toMatchObject({ rank: 1, punctuality: 1, streetRating: 1, score: 100 });
    expect(byCode['110117-CGZF']).toMatchObject({ clocksCounted: 2, clocksOnTime: 0, punctuality: 0 });
    // 城管: ratings (3,4,4) → 11/3 / 5; score = (0.4 × 0 + 0.4 × 0.7333) / 0.8 × 100
    expect(byCode['110117-CGZF'].score).toBeCloseTo(36.67, 2);
    expect(byCode['110117-CGZF'].inputs[0].whistleNumber).toBe(jinhaihu.number);
    const jhh = ranking.streets.find((s: any) => s.street.code === '110117006');
    expect(jhh.whistles).toBeGreaterThanOrEqual(1);
    if (jhh.tickets > 0) expect(jhh.whistleRate).toBeCloseTo(jhh.whistles / jhh.tickets, 4);
  });

  it('lets a district platform change its tier deadlines and weights (not a past month), others FORBIDDEN', async () => {
    const tier = `mutation ($input: SetWhistleTierInput!) { setWhistleTier(input: $input) { __typename ... on SetWhistleTierResult { result { tier ackMinutes onSiteMinutes } } ... on InputValidationError { issues { message } } } }`;
    const ok = await h.runOk(tier, { input: { districtCode: '110101', tier: 'EMERGENCY', ackMinutes: 5, onSiteMinutes: 20 } }, { as: 'dispatcher.dongcheng' });
    expect(ok.setWhistleTier.result).toEqual({ tier: 'EMERGENCY', ackMinutes: 5, onSiteMinutes: 20 });
    expect((await h.runOk(tier, { input: { districtCode: '110101', tier: 'KEY', ackMinutes: 50, onSiteMinutes: 20 } }, { as: 'dispatcher.dongcheng' })).setWhistleTier.__typename).toBe('InputValidationError');
    await h.runError('FORBIDDEN', tier, { input: { districtCode: '110117', tier: 'KEY', ackMinutes: 5, onSiteMinutes: 20 } }, { as: 'dispatcher.dongcheng' });
    await h.runError('FORBIDDEN', tier, { input: { districtCode: '110101', tier: 'KEY', ackMinutes: 5, onSiteMinutes: 20 } }, { as: 'street.qianmen' });
    const weights = `mutation ($input: SetRankingWeightsInput!) { setRankingWeights(input: $input) { __typename ... on SetRankingWeightsResult { result { punctuality } } } }`;
    const now = beijingMonthOf(new Date());
    expect((await h.runOk(weights, { input: { districtCode: '110101', month: now, punctuality: 50, streetRating: 30, satisfaction: 20 } }, { as: 'dispatcher.dongcheng' })).setRankingWeights.__typename).toBe('SetRankingWeightsResult');
    expect((await h.runOk(weights, { input: { districtCode: '110101', month: '2020-01', punctuality: 50, streetRating: 30, satisfaction: 20 } }, { as: 'dispatcher.dongcheng' })).setRankingWeights.__typename).toBe('InputValidationError');
    const r = await h.runOk(`query ($m: String!) { departmentRanking(districtCode: "110101", month: $m) { weightsFrom weights { punctuality } } }`, { m: now }, { as: 'admin' });
    expect(r.departmentRanking).toEqual({ weightsFrom: now, weights: { punctuality: 50 } });
    const suggestions = await h.runOk(`{ whistleSuggestions(streetCode: "110102020", categoryCode: "ILLEGAL_BUILDING") { department { code } duty } }`, {}, { as: 'street.qianmen' });
    expect(suggestions.whistleSuggestions.map((s: any) => s.department.code)).toContain('110102-CGZF');
  });
});
