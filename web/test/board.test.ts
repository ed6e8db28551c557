// The live board's pure parts: case events applied to the page's store in seq order (duplicates
// ignored, a gap healed by the notice's snapshot or reloaded), the conflict dialog's three-way text
// merge, presence avatars per field, the cards' soonest whistle deadline, meeting mode's choices.
import { describe, expect, it } from 'vitest';
import { followsBoardFeed, nextWhistleDeadline } from '../src/features/board/boardCard.ts';
import type { CaseDoc } from '../src/features/board/caseDetail.ts';
import { applyCaseNotice, type CaseNotice, noticeStep, snapshotIsNewer } from '../src/features/board/caseState.ts';
import { agendaIndex, casesOnAgendaItem, meetingToShow } from '../src/features/board/meetingAgenda.ts';
import { avatarText, rawIdOf, viewersByField } from '../src/features/board/presence.ts';
import { mergeText, mergeTokens } from '../src/features/board/textMerge.ts';

const doc = (seq: number, over: Partial<CaseDoc> = {}): CaseDoc => ({
  id: 'Q2FzZTox',
  number: 'C20261203-0001',
  seq,
  version: seq,
  status: 'TODO',
  statusVersion: 1,
  allowedMoves: ['BACKLOG', 'IN_PROGRESS'],
  priority: 'NORMAL',
  priorityVersion: 1,
  tags: [],
  tagsVersion: 1,
  viewerMayEdit: true,
  updatedAt: '2026-12-03T08:00:00.000Z',
  title: { value: '草厂胡同堆物', version: 1 },
  description: { value: '', version: 1 },
  internalNote: null,
  checklist: [
    { id: 'a', text: '拍照', done: false, orderKey: 'a0', version: 1 },
    { id: 'b', text: '通知居民', done: false, orderKey: 'a1', version: 1 },
  ],
  checklistProgress: { done: 0, total: 2 },
  assignments: [],
  links: [],
  street: { id: 'S', code: '110101011', name: '前门街道' },
  community: null,
  ...over,
});

const notice = (seq: number, over: Partial<CaseNotice> = {}): CaseNotice => ({
  kind: 'FIELD_UPDATED',
  seq,
  target: 'title',
  value: JSON.stringify({ value: `标题 ${seq}`, version: seq }),
  actor: '王建国',
  mine: false,
  case: null,
  ...over,
});

describe('case events applied to the store', () => {
  it('places a notice against the store: a duplicate, the next one, or a gap', () => {
    expect(noticeStep(3, 2)).toBe('duplicate');
    expect(noticeStep(3, 3)).toBe('duplicate');
    expect(noticeStep(3, 4)).toBe('next');
    expect(noticeStep(3, 6)).toBe('gap');
    expect(noticeStep(null, 1)).toBe('gap');
  });

  it('applies the next field update from its value, without a snapshot', () => {
    const { doc: next, outcome } = applyCaseNotice(doc(3), notice(4));
    expect(outcome).toBe('applied');
    expect(next!.seq).toBe(4);
    expect(next!.title).toEqual({ value: '标题 4', version: 4 });
  });

  it('applies events in seq order and ignores a replay of one applied already', () => {
    let state: CaseDoc | null = doc(3);
    const outcomes = [notice(4), notice(5), notice(4), notice(5), notice(6)].map((event) => {
      const applied = applyCaseNotice(state, event);
      state = applied.doc;
      return applied.outcome;
    });
    expect(outcomes).toEqual(['applied', 'applied', 'duplicate', 'duplicate', 'applied']);
    expect(state!.seq).toBe(6);
    expect(state!.title.value).toBe('标题 6');
  });

  it('ignores an event the snapshot already holds, even with a snapshot of its own', () => {
    const { doc: next, outcome } = applyCaseNotice(doc(5), notice(5, { case: doc(5, { title: { value: 'old', version: 9 } }) }));
    expect(outcome).toBe('duplicate');
    expect(next!.title.value).toBe('草厂胡同堆物');
  });

  it('heals a gap with the snapshot the notice carries', () => {
    const snapshot = doc(8, { status: 'IN_PROGRESS', statusVersion: 2 });
    const { doc: next, outcome } = applyCaseNotice(doc(3), notice(7, { kind: 'MOVED', target: 'status', case: snapshot }));
    expect(outcome).toBe('applied');
    expect(next).toBe(snapshot);
    // the events in between, arriving after it, are duplicates now
    expect(applyCaseNotice(next, notice(6)).outcome).toBe('duplicate');
  });

  it('reports a gap it cannot heal, leaving the store as it was', () => {
    const before = doc(3);
    const { doc: next, outcome } = applyCaseNotice(before, notice(5));
    expect(outcome).toBe('gap');
    expect(next).toBe(before);
  });

  it('needs the snapshot for the kinds whose value does not carry the whole change', () => {
    expect(applyCaseNotice(doc(3), notice(4, { kind: 'CHECKLIST_ADDED', target: 'item:c', value: '{"id":"c","text":"x","orderKey":"a2","done":false,"version":1}' })).outcome).toBe('gap');
    // an internal note withheld from a non-staff subscriber has no value
    expect(applyCaseNotice(doc(3), notice(4, { target: 'internalNote', value: null })).outcome).toBe('gap');
  });

  it('applies a move, and a checklist toggle with its progress', () => {
    const moved = applyCaseNotice(doc(3), notice(4, { kind: 'MOVED', target: 'status', value: '{"from":"TODO","to":"IN_PROGRESS","version":2}' }));
    expect(moved.doc).toMatchObject({ status: 'IN_PROGRESS', statusVersion: 2, seq: 4 });
    const toggled = applyCaseNotice(moved.doc, notice(5, { kind: 'CHECKLIST_TOGGLED', target: 'item:b', value: '{"done":true,"version":2}' }));
    expect(toggled.doc!.checklist.find((item) => item.id === 'b')).toMatchObject({ done: true, version: 2 });
    expect(toggled.doc!.checklistProgress).toEqual({ done: 1, total: 2 });
  });

  it('takes a query or mutation snapshot only when it is newer than the store', () => {
    expect(snapshotIsNewer(null, doc(1))).toBe(true);
    expect(snapshotIsNewer(doc(4), doc(5))).toBe(true);
    expect(snapshotIsNewer(doc(5), doc(5))).toBe(false);
    expect(snapshotIsNewer(doc(6), doc(5))).toBe(false);
  });
});

describe('three-way text merge', () => {
  it('splits Chinese by character and other text by word and space', () => {
    expect(mergeTokens('清理 堆物 ok!')).toEqual(['清', '理', ' ', '堆', '物', ' ', 'ok', '!']);
  });

  it('takes the side that changed when only one did', () => {
    expect(mergeText('a', 'a', 'b')).toEqual({ text: 'b', conflict: false });
    expect(mergeText('a', 'b', 'a')).toEqual({ text: 'b', conflict: false });
    expect(mergeText('a', 'b', 'b')).toEqual({ text: 'b', conflict: false });
  });

  it('keeps both changes to different parts of the text', () => {
    const base = '周三清理楼道堆物。周五通知居民。';
    const mine = '周三上午清理楼道堆物。周五通知居民。';
    const theirs = '周三清理楼道堆物。周五下午通知全体居民。';
    expect(mergeText(base, mine, theirs)).toEqual({ text: '周三上午清理楼道堆物。周五下午通知全体居民。', conflict: false });
  });

  it('keeps both sides, mine first, where both changed the same span', () => {
    const merged = mergeText('fix the gate', 'fix the north gate', 'fix the south gate');
    expect(merged.conflict).toBe(true);
    expect(merged.text).toContain('north');
    expect(merged.text).toContain('south');
    expect(merged.text.indexOf('north')).toBeLessThan(merged.text.indexOf('south'));
  });
});

describe('presence per field', () => {
  const viewers = [
    { userId: 'u2', name: '王建国', field: 'title', since: '2026-12-03T08:00:02Z' },
    { userId: 'u1', name: '前门街道办', field: 'title', since: '2026-12-03T08:00:01Z' },
    { userId: 'u3', name: 'Li Wei', field: null, since: '2026-12-03T08:00:03Z' },
    { userId: 'me', name: '我', field: 'description', since: '2026-12-03T08:00:00Z' },
  ];

  it('groups the others by the field they edit, longest present first, without the viewer', () => {
    const byField = viewersByField(viewers, 'me');
    expect(byField.get('title')!.map((viewer) => viewer.userId)).toEqual(['u1', 'u2']);
    expect(byField.get('')!.map((viewer) => viewer.userId)).toEqual(['u3']);
    expect(byField.has('description')).toBe(false);
  });

  it('shows the end of a Chinese name, else the initials', () => {
    expect(avatarText('王建国')).toBe('建国');
    expect(avatarText('Li Wei')).toBe('LW');
    expect(avatarText(' ')).toBe('?');
  });

  it('reads the user id inside a global id', () => {
    expect(rawIdOf(btoa('User:cm123'))).toBe('cm123');
    expect(rawIdOf('not-base64!')).toBe('not-base64!');
  });
});

describe('cards and meeting mode', () => {
  it('counts a case down to the soonest running deadline of its linked whistles', () => {
    const whistle = (deadlines: { dueAt: string; state: 'PENDING' | 'FIRED' | 'CANCELLED' }[]) => ({
      id: 'w',
      number: 'W1',
      stage: 'ACT' as const,
      reason: 'x',
      summonses: [{ id: 's', deadlines: deadlines.map((d, i) => ({ id: `d${i}`, kind: 'ACK' as const, ...d })) }],
    });
    expect(nextWhistleDeadline([])).toBeNull();
    expect(
      nextWhistleDeadline([whistle([{ dueAt: '2026-12-04T00:00:00Z', state: 'PENDING' }, { dueAt: '2026-12-01T00:00:00Z', state: 'FIRED' }]), null, whistle([{ dueAt: '2026-12-03T12:00:00Z', state: 'PENDING' }])]),
    ).toBe('2026-12-03T12:00:00Z');
  });

  it("follows the board feed for the street's officers, its district's dispatchers and admins only", () => {
    const role = (name: string, street: string | null, district: string | null) => ({ role: name, street: street ? { code: street } : null, district: district ? { code: district } : null });
    expect(followsBoardFeed([role('STREET_OFFICER', '110101011', null)], '110101011')).toBe(true);
    expect(followsBoardFeed([role('STREET_OFFICER', '110101001', null)], '110101011')).toBe(false);
    expect(followsBoardFeed([role('DISTRICT_DISPATCHER', null, '110101')], '110101011')).toBe(true);
    expect(followsBoardFeed([role('ADMIN', null, null)], '110101011')).toBe(true);
    expect(followsBoardFeed([role('COUNCIL_MEMBER', null, null)], '110101011')).toBe(false);
  });

  it('shows the meeting named, else the open one, else the next scheduled, else the latest', () => {
    const meetings = [
      { id: 'm1', status: 'CLOSED', startsAt: '2026-11-01T00:00:00Z' },
      { id: 'm3', status: 'SCHEDULED', startsAt: '2026-12-20T00:00:00Z' },
      { id: 'm2', status: 'SCHEDULED', startsAt: '2026-12-10T00:00:00Z' },
    ];
    expect(meetingToShow(meetings, 'm1')!.id).toBe('m1');
    expect(meetingToShow(meetings, undefined)!.id).toBe('m2');
    expect(meetingToShow([...meetings, { id: 'm4', status: 'OPEN', startsAt: '2026-12-03T00:00:00Z' }], 'nope')!.id).toBe('m4');
    expect(meetingToShow([meetings[0]!], undefined)!.id).toBe('m1');
    expect(meetingToShow([], undefined)).toBeNull();
  });

  it('keeps the agenda position inside the agenda, and finds the cases on an item', () => {
    expect(agendaIndex(undefined, 3)).toBe(1);
    expect(agendaIndex('9', 3)).toBe(3);
    expect(agendaIndex('0', 3)).toBe(1);
    expect(agendaIndex('x', 0)).toBe(1);
    const cards = [{ id: 'a', links: [{ agendaItemTitle: '停车' }] }, { id: 'b', links: [{ agendaItemTitle: null }] }];
    expect(casesOnAgendaItem(cards, '停车').map((card) => card.id)).toEqual(['a']);
  });
});
