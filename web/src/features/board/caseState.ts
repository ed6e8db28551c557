// Applying a case's live events to the page's store. Every event carries the case's `seq` (its
// number in the case history, from 1); the store holds the seq of the last change it reflects. An event
// at or below it is a duplicate (replayed after a reconnect, or already in the snapshot a query or a
// mutation brought) and changes nothing; the next one applies; one further on means events were
// missed. A notice also carries the case as it is now, a full snapshot at or past its own seq, which
// heals any gap at once; without one (the case is no longer visible) a gap is refetched.
import type { CaseDoc } from './caseDetail.ts';

/** A CaseEventNotice as the page reads it. */
export interface CaseNotice {
  kind: string;
  seq: number;
  target: string | null;
  /** JSON, e.g. {"value":"…","version":3}; null for what the viewer may not read */
  value: string | null;
  actor: string | null;
  mine: boolean;
  case: CaseDoc | null;
}

/** What became of a notice: applied, a duplicate ignored, or a gap that needs the case reloaded. */
export type NoticeOutcome = 'applied' | 'duplicate' | 'gap';

/** Where a notice at `seq` stands against a store at `have` (null: nothing loaded yet). */
export function noticeStep(have: number | null, seq: number): 'duplicate' | 'next' | 'gap' {
  if (have === null) return 'gap';
  if (seq <= have) return 'duplicate';
  return seq === have + 1 ? 'next' : 'gap';
}

/** A snapshot replaces the store when it is newer than what the store reflects (or the store is empty). */
export const snapshotIsNewer = (have: CaseDoc | null, snapshot: CaseDoc) => have === null || snapshot.seq > have.seq;

type TextField = 'title' | 'description' | 'internalNote';
const TEXT_FIELDS = new Set<string>(['title', 'description', 'internalNote']);

function parsed(value: string | null): Record<string, unknown> | null {
  if (value === null) return null;
  try {
    const json: unknown = JSON.parse(value);
    return typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * The next event applied from its own value, for the kinds that carry all of their change (a field,
 * a move, a checklist toggle or edit); null for the others, which need the snapshot.
 */
function patched(doc: CaseDoc, notice: CaseNotice): CaseDoc | null {
  const value = parsed(notice.value);
  if (!value) return null;
  const next = { ...doc, seq: notice.seq };
  if (notice.kind === 'FIELD_UPDATED' && notice.target) {
    const version = value.version as number;
    if (TEXT_FIELDS.has(notice.target)) {
      const field = notice.target as TextField;
      return { ...next, [field]: { value: String(value.value), version } };
    }
    if (notice.target === 'priority') return { ...next, priority: value.value as CaseDoc['priority'], priorityVersion: version };
    if (notice.target === 'tags') return { ...next, tags: String(value.value).split(' ').filter(Boolean), tagsVersion: version };
    return null;
  }
  if (notice.kind === 'MOVED') return { ...next, status: value.to as CaseDoc['status'], statusVersion: value.version as number };
  if ((notice.kind === 'CHECKLIST_TOGGLED' || notice.kind === 'CHECKLIST_EDITED') && notice.target?.startsWith('item:')) {
    const id = notice.target.slice('item:'.length);
    if (!doc.checklist.some((item) => item.id === id)) return null;
    const checklist = doc.checklist.map((item) =>
      item.id === id ? { ...item, ...(typeof value.done === 'boolean' ? { done: value.done } : {}), ...(typeof value.text === 'string' ? { text: value.text } : {}), version: value.version as number } : item,
    );
    const done = checklist.filter((item) => item.done).length;
    return { ...next, checklist, checklistProgress: { done, total: checklist.length } };
  }
  return null;
}

/**
 * Applies one notice to the case the store holds: the state after it and what became of it. A notice
 * with a snapshot newer than the store takes it whole (a gap heals there); an old one is a duplicate;
 * the next one without a snapshot applies from its value where the kind allows, else it is a gap.
 */
export function applyCaseNotice(doc: CaseDoc | null, notice: CaseNotice): { doc: CaseDoc | null; outcome: NoticeOutcome } {
  const step = noticeStep(doc?.seq ?? null, notice.seq);
  if (step === 'duplicate') return { doc, outcome: 'duplicate' };
  if (notice.case && notice.case.seq >= notice.seq) return { doc: notice.case, outcome: 'applied' };
  if (step === 'next' && doc) {
    const next = patched(doc, notice);
    if (next) return { doc: next, outcome: 'applied' };
  }
  return { doc, outcome: 'gap' };
}
