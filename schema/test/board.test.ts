// The live board over GraphQL on both providers: per-field versions and typed conflicts, racing
// writers (one wins each round, never a silent overwrite), writers on different fields, idempotent
// retries (a failed one too), replay after a disconnect with no gap and no duplicate, a resync past the
// bound, field permissions on streamed events, presence with its TTL.
import { createInProcessPubSub } from '@whistlehub/schema';
import { testProviders } from '@whistlehub/prisma/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PresenceHub } from '../src/spine/presence.ts';
import { createHarness, type SchemaHarness } from './helpers.ts';

const REPLAY_LIMIT = 8;
const CASE = 'id number version seq status statusVersion allowedMoves title { value version } description { value version } priority priorityVersion tags tagsVersion internalNote { value version } checklist { id text done orderKey version } checklistProgress { done total } assignments { key name kind } links { key whistle { number } ticket { number } }';
const ERRORS = '... on Error { message } ... on CaseConflictError { target currentValue currentVersion changedBy changedAt } ... on CaseStepError { problem detail } ... on InputValidationError { issues { path message } } ... on NotFoundError { entity id }';
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const write = (field: string) => `mutation ($input: ${cap(field)}Input!) { ${field}(input: $input) { __typename ${ERRORS} ... on ${cap(field)}Result { result { seq logSeq replayed case { ${CASE} } } } } }`;
const NOTICE = `__typename ... on CaseEventNotice { kind seq logSeq target value actor mine case { title { value } } } ... on FeedResync { logSeq missed }`;

describe.each(await testProviders())('the live board on %s', (provider) => {
  let h: SchemaHarness;
  beforeAll(async () => {
    h = await createHarness(provider, { replayLimit: REPLAY_LIMIT });
  });
  afterAll(() => h?.close());

  const run = async (field: string, input: Record<string, unknown>, as: string) => (await h.runOk(write(field), { input }, { as }))[field];
  const ok = async (field: string, input: Record<string, unknown>, as: string) => {
    const r = await run(field, input, as);
    expect(r.__typename, JSON.stringify(r)).toBe(`${cap(field)}Result`);
    return r.result;
  };
  const newCase = async (title = '草厂胡同停车自治', as = 'street.qianmen') => (await ok('createCase', { streetCode: '110101011', communityCode: '110101011003', title }, as)).case;
  const setField = (caseId: string, field: string, value: string, baseVersion: number, as = 'street.qianmen', clientMutationId?: string) =>
    run('updateCaseField', { caseId, field, value, baseVersion, ...(clientMutationId ? { clientMutationId } : {}) }, as);
  const events = async (caseId: string) => h.db.prisma.caseEvent.findMany({ where: { caseId: (await h.db.prisma.case.findFirstOrThrow({ where: { number: caseId } })).id }, orderBy: { seq: 'asc' } });

  it('edits a field against its own version; a stale base is a typed conflict with the value now, who changed it and when, and writes nothing', async () => {
    const c = await newCase();
    expect(c).toMatchObject({ status: 'TODO', title: { value: '草厂胡同停车自治', version: 1 }, seq: 1 });
    const first = await setField(c.id, 'title', '草厂四条停车自治试点', 1);
    expect(first.result.case.title).toEqual({ value: '草厂四条停车自治试点', version: 2 });
    const before = await h.logHead();
    const stale = await setField(c.id, 'title', '一个过时的标题', 1, 'council.caochang');
    expect(stale).toMatchObject({ __typename: 'CaseConflictError', target: 'title', currentValue: '草厂四条停车自治试点', currentVersion: 2, changedBy: '前门街道工作人员' });
    expect(await h.logHead()).toBe(before);
    // bad values are input errors
    expect((await setField(c.id, 'priority', 'SOMEDAY', 1)).__typename).toBe('InputValidationError');
    expect((await setField(c.id, 'title', 'x', 2)).__typename).toBe('InputValidationError');
    // the internal note is staff only: the council member may edit the case, not the note, and does not read it
    await h.runError('FORBIDDEN', write('updateCaseField'), { input: { caseId: c.id, field: 'internalNote', value: '业主联系方式见台账', baseVersion: 1 } }, { as: 'council.caochang' });
    await setField(c.id, 'internalNote', '业主联系方式见台账', 1);
    const q = `query ($n: String!) { boardCase(number: $n) { internalNote { value } viewerMayEdit } }`;
    expect((await h.runOk(q, { n: c.number }, { as: 'council.caochang' })).boardCase).toEqual({ internalNote: null, viewerMayEdit: true });
    expect((await h.runOk(q, { n: c.number }, { as: 'party.caochang' })).boardCase).toEqual({ internalNote: null, viewerMayEdit: false });
    expect((await h.runOk(q, { n: c.number }, { as: 'street.qianmen' })).boardCase.internalNote).toEqual({ value: '业主联系方式见台账' });
    expect((await h.runOk(q, { n: c.number }, { as: 'street.lugu' })).boardCase).toBeNull();
  });

  it('lets exactly one of two writers on one field win each round, the other gets the conflict; writers on different fields both win', async () => {
    const c = await newCase('并发写入');
    let version = 1;
    for (let round = 0; round < 6; round++) {
      const [a, b] = await Promise.all([setField(c.id, 'description', `街道的说明 ${round}`, version, 'street.qianmen'), setField(c.id, 'description', `议事会的说明 ${round}`, version, 'council.caochang')]);
      const winners = [a, b].filter((r) => r.__typename === 'UpdateCaseFieldResult');
      const losers = [a, b].filter((r) => r.__typename === 'CaseConflictError');
      expect([winners.length, losers.length]).toEqual([1, 1]);
      const stored = winners[0].result.case.description;
      // the loser is told what won, never silently overwritten
      expect(losers[0]).toMatchObject({ currentValue: stored.value, currentVersion: version + 1 });
      version = stored.version;
    }
    const fields = ['title', 'description', 'priority', 'tags'] as const;
    const values = { title: '不同字段同时写', description: '说明', priority: 'HIGH', tags: '停车 地锁' };
    const now = (await h.runOk(`query ($n: String!) { boardCase(number: $n) { ${CASE} } }`, { n: c.number }, { as: 'street.qianmen' })).boardCase;
    const base = { title: now.title.version, description: now.description.version, priority: now.priorityVersion, tags: now.tagsVersion };
    const all = await Promise.all(fields.map((f, i) => setField(c.id, f, values[f], base[f], i % 2 ? 'council.caochang' : 'street.qianmen')));
    expect(all.map((r) => r.__typename)).toEqual(fields.map(() => 'UpdateCaseFieldResult'));
    const after = (await h.runOk(`query ($n: String!) { boardCase(number: $n) { title { value } description { value } priority tags seq } }`, { n: c.number }, { as: 'street.qianmen' })).boardCase;
    expect(after).toMatchObject({ title: { value: '不同字段同时写' }, description: { value: '说明' }, priority: 'HIGH', tags: ['停车', '地锁'] });
    // every write took the next seq: 1 created, 6 rounds, 4 fields, no gap, no duplicate
    expect((await events(c.number)).map((e) => e.seq)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
  });

  it('answers a repeated client mutation id with the stored result or the stored typed error, writing nothing again', async () => {
    const c = await newCase('幂等重试');
    const once = await setField(c.id, 'title', '幂等重试（改）', 1, 'street.qianmen', 'title-edit-0001');
    const again = await setField(c.id, 'title', '幂等重试（改）', 1, 'street.qianmen', 'title-edit-0001');
    expect([once.result.replayed, again.result.replayed]).toEqual([false, true]);
    expect(again.result.seq).toBe(once.result.seq);
    // a failed write records its id and its error: its retry gets the same conflict even though the base would now be stale anyway
    const failed = await setField(c.id, 'title', '过时', 1, 'council.caochang', 'title-edit-0002');
    const head = await h.logHead();
    const retried = await setField(c.id, 'title', '过时', 1, 'council.caochang', 'title-edit-0002');
    expect(failed.__typename).toBe('CaseConflictError');
    expect(retried).toMatchObject({ __typename: 'CaseConflictError', currentVersion: failed.currentVersion });
    expect(await h.logHead()).toBe(head);
    // the writer's id is on its event
    expect((await events(c.number)).find((e) => e.clientMutationId === 'title-edit-0001')?.kind).toBe('FIELD_UPDATED');
  });

  it('serves the seeded 前门 board: the 草厂 ground-lock case in progress with its ticket, whistle and agenda item, its history numbered from 1', async () => {
    const board = (await h.runOk(`{ board(streetCode: "110101011") { status count cases { number title { value } seq checklistProgress { done total } links { key whistle { number } ticket { number } agendaItemTitle } assignments { name } } } }`, {}, { as: 'street.qianmen' })).board;
    const locks = board.find((col: any) => col.status === 'IN_PROGRESS').cases.find((x: any) => x.title.value === '草厂胡同地锁拆除与停车自治');
    expect(locks).toMatchObject({ checklistProgress: { done: 1, total: 3 }, assignments: [{ name: '东城区城市管理综合行政执法局' }] });
    expect(locks.links.map((l: any) => l.key.split(':')[0]).sort()).toEqual(['agenda', 'ticket', 'whistle']);
    expect(locks.links.find((l: any) => l.whistle)?.whistle.number).toMatch(/^W/);
    expect(locks.links.find((l: any) => l.agendaItemTitle)?.agendaItemTitle).toBe('胡同私装地锁的拆除与后续管理');
    const history = await events(locks.number);
    expect(history.map((e) => e.seq)).toEqual(history.map((_e, i) => i + 1));
    expect(history.at(-1)!.seq).toBe(locks.seq);
    // a party member of 草厂 follows the community's cases, not the street's others
    const party = (await h.runOk(`{ board(streetCode: "110101011") { status count } }`, {}, { as: 'party.caochang' })).board;
    expect(party.reduce((n: number, col: any) => n + col.count, 0)).toBeLessThan(board.reduce((n: number, col: any) => n + col.count, 0));
  });

  it('moves only along the allowed columns, against the status version', async () => {
    const c = await newCase('看板移动');
    expect(c.allowedMoves).toEqual(['BACKLOG', 'IN_PROGRESS']);
    expect(await run('moveCase', { caseId: c.id, status: 'DONE', baseVersion: 1 }, 'street.qianmen')).toMatchObject({ __typename: 'CaseStepError', problem: 'NOT_ALLOWED' });
    const moved = await ok('moveCase', { caseId: c.id, status: 'IN_PROGRESS', baseVersion: 1 }, 'street.qianmen');
    expect(moved.case).toMatchObject({ status: 'IN_PROGRESS', statusVersion: 2 });
    expect(await run('moveCase', { caseId: c.id, status: 'REVIEW', baseVersion: 1 }, 'council.caochang')).toMatchObject({ __typename: 'CaseConflictError', target: 'status', currentValue: 'IN_PROGRESS', currentVersion: 2 });
    const board = (await h.runOk(`{ board(streetCode: "110101011") { status count cases { number } } }`, {}, { as: 'street.qianmen' })).board;
    expect(board.map((col: any) => col.status)).toEqual(['BACKLOG', 'TODO', 'IN_PROGRESS', 'REVIEW', 'DONE']);
    expect(board.find((col: any) => col.status === 'IN_PROGRESS').cases.map((x: any) => x.number)).toContain(c.number);
  });

  it('keeps the checklist in order by fractional keys; adds, reorders, toggles against the item version, assigns and links', async () => {
    const c = await newCase('清单');
    let r = await ok('addChecklistItem', { caseId: c.id, text: '拆除私装地锁' }, 'street.qianmen');
    r = await ok('addChecklistItem', { caseId: c.id, text: '划定停车位' }, 'street.qianmen');
    r = await ok('addChecklistItem', { caseId: c.id, text: '召开议事会', first: true }, 'council.caochang');
    expect(r.case.checklist.map((i: any) => i.text)).toEqual(['召开议事会', '拆除私装地锁', '划定停车位']);
    const [meet, unlock, mark] = r.case.checklist;
    r = await ok('reorderChecklistItem', { itemId: mark.id, afterItemId: meet.id }, 'street.qianmen');
    expect(r.case.checklist.map((i: any) => i.text)).toEqual(['召开议事会', '划定停车位', '拆除私装地锁']);
    const [t1, t2] = await Promise.all([
      run('toggleChecklistItem', { itemId: unlock.id, done: true, baseVersion: 1 }, 'street.qianmen'),
      run('toggleChecklistItem', { itemId: unlock.id, done: false, baseVersion: 1 }, 'council.caochang'),
    ]);
    expect([t1.__typename, t2.__typename].sort()).toEqual(['CaseConflictError', 'ToggleChecklistItemResult']);
    r = await ok('assignCase', { caseId: c.id, departmentCode: '110101-CGZF' }, 'street.qianmen');
    expect(r.case.assignments).toEqual([{ key: expect.stringMatching(/^dept:/), name: '东城区城市管理综合行政执法局', kind: 'DEPARTMENT' }]);
    expect((await run('assignCase', { caseId: c.id, departmentCode: '110101-CGZF' }, 'street.qianmen')).problem).toBe('ALREADY_ASSIGNED');
    const whistle = await h.db.prisma.whistle.findUniqueOrThrow({ where: { id: 'whs_qianmen-lock' } });
    r = await ok('linkCase', { caseId: c.id, whistleNumber: whistle.number }, 'street.qianmen');
    expect(r.case.links[0].whistle.number).toBe(whistle.number);
    // the assigned department now sees and edits the case
    expect((await h.runOk(`query ($n: String!) { boardCase(number: $n) { viewerMayEdit } }`, { n: c.number }, { as: 'dept.dongcheng.cgzf' })).boardCase.viewerMayEdit).toBe(true);
    r = await ok('removeChecklistItem', { itemId: meet.id }, 'street.qianmen');
    expect(r.case.checklistProgress).toEqual({ done: t1.__typename === 'ToggleChecklistItemResult' ? 1 : 0, total: 2 });
    expect((await run('toggleChecklistItem', { itemId: meet.id, done: true, baseVersion: 1 }, 'street.qianmen')).problem).toBe('ITEM_REMOVED');
  });

  it('replays what a subscriber missed after a disconnect (no gap, no duplicate), resyncs past the bound, and hides the internal note from a party member on every event', async () => {
    const c = await newCase('实时同步');
    const live = h.subscribe(`subscription ($id: ID!) { caseEvents(caseId: $id) { ${NOTICE} } }`, { id: c.id }, { as: 'party.caochang' });
    await new Promise((r) => setTimeout(r, 300));
    await setField(c.id, 'internalNote', '内部：联系物业经理', 1);
    await setField(c.id, 'title', '实时同步（改）', 1, 'council.caochang');
    const [note, title] = await live.take(2);
    expect(note!.data!.caseEvents).toMatchObject({ kind: 'FIELD_UPDATED', target: 'internalNote', value: null, actor: '前门街道工作人员', mine: false });
    expect(title!.data!.caseEvents).toMatchObject({ kind: 'FIELD_UPDATED', target: 'title', case: { title: { value: '实时同步（改）' } } });
    expect(JSON.parse(title!.data!.caseEvents.value)).toEqual({ value: '实时同步（改）', version: 2 });
    const applied = title!.data!.caseEvents.logSeq as number;
    await live.stop();
    // while away: three edits
    for (const [i, v] of ['一', '二', '三'].entries()) await setField(c.id, 'description', `说明${v}`, i + 1);
    const back = h.subscribe(`subscription ($id: ID!, $after: Int) { caseEvents(caseId: $id, afterSeq: $after) { ${NOTICE} } }`, { id: c.id, after: applied }, { as: 'street.qianmen' });
    const missed = await back.take(3);
    expect(missed.map((m) => m.data!.caseEvents.seq)).toEqual([4, 5, 6]);
    await setField(c.id, 'description', '说明四', 4);
    const [next] = (await back.take(4)).slice(3);
    expect(next!.data!.caseEvents.seq).toBe(7);
    await back.stop();
    // more than the bound missed: a resync to reload from, not a partial replay
    for (let i = 0; i < REPLAY_LIMIT + 1; i++) await setField(c.id, 'description', `批量 ${i}`, 5 + i);
    const far = h.subscribe(`subscription ($id: ID!, $after: Int) { caseEvents(caseId: $id, afterSeq: $after) { ${NOTICE} } }`, { id: c.id, after: applied }, { as: 'street.qianmen' });
    const [resync] = await far.take(1);
    expect(resync!.data!.caseEvents).toMatchObject({ __typename: 'FeedResync', missed: REPLAY_LIMIT + 5 });
    await far.stop();
    // a case the viewer may not see cannot be subscribed
    const other = h.subscribe(`subscription ($id: ID!) { caseEvents(caseId: $id) { ${NOTICE} } }`, { id: c.id }, { as: 'street.lugu' });
    const [refused] = await other.take(1);
    expect(refused!.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('shows who is on a case and which field they edit, to every subscriber, and drops them after the TTL or when they leave', async () => {
    const c = await newCase('在场');
    const watch = h.subscribe(`subscription ($id: ID!) { casePresence(caseId: $id) { viewers { name field } } }`, { id: c.id }, { as: 'council.caochang' });
    const [first] = await watch.take(1);
    expect(first!.data!.casePresence.viewers).toEqual([]);
    await h.runOk(`mutation ($id: ID!) { heartbeatCasePresence(caseId: $id, field: "title") { viewers { name } } }`, { id: c.id }, { as: 'street.qianmen' });
    const joined = await watch.until((i) => i.data?.casePresence?.viewers?.length === 1);
    expect(joined.data!.casePresence.viewers).toEqual([{ name: '前门街道工作人员', field: 'title' }]);
    // editing the internal note shows as editing nothing to a non-staff viewer
    await h.runOk(`mutation ($id: ID!) { heartbeatCasePresence(caseId: $id, field: "internalNote") { viewers { name } } }`, { id: c.id }, { as: 'street.qianmen' });
    await watch.until((i) => i.data?.casePresence?.viewers?.[0]?.field === null);
    await h.runOk(`mutation ($id: ID!) { leaveCasePresence(caseId: $id) }`, { id: c.id }, { as: 'street.qianmen' });
    await watch.until((i, ) => i.data?.casePresence?.viewers?.length === 0 && watch.items.length > 3);
    await watch.stop();
    await h.runError('NOT_FOUND', `mutation ($id: ID!) { heartbeatCasePresence(caseId: $id) { viewers { name } } }`, { id: c.id }, { as: 'street.lugu' });
  });
});

describe('presence hub', () => {
  it('expires an entry 30 s after its last beat, keeps one that beats, and ignores a beat older than the TTL', async () => {
    let now = 1_000_000;
    const pubsub = createInProcessPubSub();
    const hub = new PresenceHub(pubsub, 30_000, () => now);
    const seen: string[][] = [];
    const lists = hub.watch('case:1');
    const reading = (async () => {
      for await (const list of lists) seen.push(list.map((e) => `${e.name}:${e.field ?? '-'}`));
    })();
    const tick = () => new Promise((r) => setTimeout(r, 10));
    await tick();
    hub.beat({ key: 'case:1', userId: 'u1', name: '甲', field: 'title' });
    hub.beat({ key: 'case:1', userId: 'u2', name: '乙', field: null });
    await tick();
    now += 20_000;
    hub.beat({ key: 'case:1', userId: 'u2', name: '乙', field: null }); // u2 beats again, u1 does not
    await tick();
    now += 10_000; // u1 last beat 30 s ago: gone; u2 10 s ago: stays
    hub.sweep();
    // a beat that took longer than the TTL to arrive (held up in an outage) adds no one
    pubsub.publish('presence', { key: 'case:1', userId: 'u3', name: '丙', field: null, at: now - 31_000 });
    await tick();
    now += 15_000;
    hub.sweep(); // u2: 25 s since its last beat, stays
    expect(hub.list('case:1').map((e) => e.userId)).toEqual(['u2']);
    now += 5_000;
    hub.sweep();
    expect(hub.list('case:1')).toEqual([]);
    await tick();
    expect(seen).toEqual([[], ['甲:title'], ['甲:title', '乙:-'], ['乙:-'], []]);
    await lists.return?.();
    await reading;
    hub.close();
  });
});
