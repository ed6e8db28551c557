// The live board's rules: plain functions, no database (house rule 5). Columns and the moves between
// them, the fields a writer edits against a base version, checklist order keys (fractional indexing,
// as Figma and Linear order lists: a move rewrites one key), presence lifetimes.
import { generateKeyBetween } from 'fractional-indexing';

/** Board columns, in order. */
export const CASE_STATUSES = ['BACKLOG', 'TODO', 'IN_PROGRESS', 'REVIEW', 'DONE'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * The allowed moves: forward one column at a time, or back (BACKLOG ↔ TODO, a case back to work from
 * review, a done case reopened); a case does not skip review on its way to DONE.
 */
const MOVES: Record<CaseStatus, readonly CaseStatus[]> = {
  BACKLOG: ['TODO'],
  TODO: ['BACKLOG', 'IN_PROGRESS'],
  IN_PROGRESS: ['TODO', 'REVIEW'],
  REVIEW: ['IN_PROGRESS', 'DONE'],
  DONE: ['IN_PROGRESS'],
};

/** Why a move is refused, or null when it is allowed. */
export function moveProblem(from: CaseStatus, to: CaseStatus): 'SAME_STATUS' | 'NOT_ALLOWED' | null {
  if (from === to) return 'SAME_STATUS';
  return MOVES[from].includes(to) ? null : 'NOT_ALLOWED';
}

/** The moves allowed from a column (what the board offers as drop targets). */
export const allowedMoves = (from: CaseStatus): readonly CaseStatus[] => MOVES[from];

/** The fields edited one at a time against their own version. */
export const CASE_FIELDS = ['title', 'description', 'priority', 'tags', 'internalNote'] as const;
export type CaseField = (typeof CASE_FIELDS)[number];

/** The version column of each field (status has its own: statusVersion). */
export const VERSION_COLUMN = {
  title: 'titleVersion', description: 'descriptionVersion', priority: 'priorityVersion', tags: 'tagsVersion', internalNote: 'internalNoteVersion', status: 'statusVersion',
} as const satisfies Record<CaseField | 'status', string>;

export const CASE_PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;

/** Whether a field's value is acceptable; the problem in words otherwise. */
export function fieldValueProblem(field: CaseField, value: string): string | null {
  switch (field) {
    case 'title':
      return value.trim().length < 2 || value.length > 200 ? 'a title has 2–200 characters' : null;
    case 'description':
    case 'internalNote':
      return value.length > 10_000 ? 'at most 10,000 characters' : null;
    case 'priority':
      return (CASE_PRIORITIES as readonly string[]).includes(value) ? null : `one of ${CASE_PRIORITIES.join(', ')}`;
    case 'tags':
      return value.split(/\s+/).filter(Boolean).some((t) => t.length > 30) || value.length > 300 ? 'tags of at most 30 characters, 300 in all' : null;
  }
}

/** The stored form of a field value (tags: single spaces, no duplicates). */
export function normalizeField(field: CaseField, value: string): string {
  if (field === 'tags') return [...new Set(value.split(/\s+/).filter(Boolean))].join(' ');
  if (field === 'title') return value.trim();
  return value;
}

/** The order key for an item placed between two neighbours (null: the start or the end of the list). */
export const orderKeyBetween = (before: string | null, after: string | null) => generateKeyBetween(before, after);

/** Items in board order: by order key compared as plain strings (as the keys are made), then id. */
export const byOrderKey = <T extends { orderKey: string; id: string }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => (a.orderKey < b.orderKey ? -1 : a.orderKey > b.orderKey ? 1 : a.id < b.id ? -1 : 1));

/** How long a viewer stays on a case's presence list after their last heartbeat. */
export const PRESENCE_TTL_MS = 30_000;
/** How often a client should beat. */
export const PRESENCE_HEARTBEAT_MS = 10_000;

/** Whether a presence entry last seen at `lastSeen` has expired at `now`. */
export const presenceExpired = (lastSeen: number, now: number, ttl = PRESENCE_TTL_MS) => now - lastSeen >= ttl;

/** Case numbers: C + the Beijing date of creation + a 4-digit serial of the day. */
export function caseNumber(at: Date, serial: number): string {
  const day = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
  return `C${day}-${String(serial).padStart(4, '0')}`;
}
