import { builder } from '../../builder.ts';
import { DomainError, ErrorInterface, registerDomainErrors } from '../../errors/index.ts';

/**
 * A write based on a stale version of one field (or checklist item): nothing was written; here is
 * what is stored now, its version, who changed it and when — what a conflict dialog needs to offer
 * keep mine / take theirs / merge.
 */
export class CaseConflictError extends DomainError {
  override name = 'CaseConflictError';
  constructor(
    readonly target: string,
    readonly currentValue: string | null,
    readonly currentVersion: number,
    readonly changedAt: Date | null,
    readonly changedBy: string | null,
  ) {
    super(`${target} changed meanwhile (now version ${currentVersion})`);
  }
}

/** Why a board step is refused. */
export type CaseProblem = 'SAME_STATUS' | 'NOT_ALLOWED' | 'ALREADY_ASSIGNED' | 'NOT_ASSIGNED' | 'ALREADY_LINKED' | 'NOT_LINKED' | 'ITEM_REMOVED';

/** The step is not possible on the case as it is now. */
export class CaseStepError extends DomainError {
  override name = 'CaseStepError';
  constructor(readonly problem: CaseProblem, readonly detail: string | null = null) {
    super(`Refused: ${problem}${detail ? ` (${detail})` : ''}`);
  }
}

const CaseProblemEnum = builder.enumType('CaseProblem', {
  description: 'Why a board step was refused.',
  values: {
    SAME_STATUS: { description: 'The case is in that column already.' },
    NOT_ALLOWED: { description: 'That move is not allowed from this column (see Case.allowedMoves).' },
    ALREADY_ASSIGNED: { description: 'Assigned already.' },
    NOT_ASSIGNED: { description: 'Not assigned.' },
    ALREADY_LINKED: { description: 'Linked already.' },
    NOT_LINKED: { description: 'Not linked.' },
    ITEM_REMOVED: { description: 'The checklist item was removed.' },
  } as const,
});

builder.objectType(CaseConflictError, {
  name: 'CaseConflictError',
  description: 'The field (or checklist item) changed since `baseVersion`; nothing was written. Keep yours (write again on `currentVersion`), take theirs, or merge.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    target: t.exposeString('target', { description: 'What conflicted: a field name (title, description, status …) or item:<id>.' }),
    currentValue: t.exposeString('currentValue', { nullable: true, description: 'The value stored now (null for what the viewer may not read).' }),
    currentVersion: t.exposeInt('currentVersion', { description: 'Its version now: base the next write on it.' }),
    changedAt: t.expose('changedAt', { type: 'DateTime', nullable: true, description: 'When it was last changed.' }),
    changedBy: t.exposeString('changedBy', { nullable: true, description: 'Who changed it (display name).' }),
  }),
});

builder.objectType(CaseStepError, {
  name: 'CaseStepError',
  description: 'The step is not possible now; `problem` says why. Nothing was written.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    problem: t.expose('problem', { type: CaseProblemEnum, description: 'Why it was refused.' }),
    detail: t.exposeString('detail', { nullable: true, description: 'The column, assignee or link concerned.' }),
  }),
});

registerDomainErrors(CaseConflictError, CaseStepError);
