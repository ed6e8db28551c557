import { builder } from '../../builder.ts';
import { DomainError, ErrorInterface, registerDomainErrors } from '../../errors/index.ts';
import type { CloseProblem, RatingProblem, SummonsListProblem, WhistleProblem } from './whistleStates.ts';

/** Someone else changed the whistle since the version the caller based its write on. */
export class WhistleConflictError extends DomainError {
  override name = 'WhistleConflictError';
  constructor(readonly currentVersion: number, readonly currentStage: string, readonly changedAt: Date | null, readonly changedBy: string | null) {
    super(`The whistle changed meanwhile (now version ${currentVersion}, ${currentStage})`);
  }
}

/** The step is not possible on the summons or whistle as it is now (checked in twice, closed …). */
export class WhistleStepError extends DomainError {
  override name = 'WhistleStepError';
  constructor(readonly problem: WhistleProblem) {
    super(`Refused: ${problem}`);
  }
}

/** The departments to summon are not a valid list (none, no lead, two leads, one twice, unknown codes). */
export class SummonsListError extends DomainError {
  override name = 'SummonsListError';
  constructor(readonly problem: SummonsListProblem | 'UNKNOWN_DEPARTMENT' | 'OWN_STREET', readonly departmentCodes: string[]) {
    super(`The departments to summon are not valid: ${problem}${departmentCodes.length ? ` (${departmentCodes.join(', ')})` : ''}`);
  }
}

/** Closing (终场哨) needs the lead department's report and the street's confirmation. */
export class CloseConditionsError extends DomainError {
  override name = 'CloseConditionsError';
  constructor(readonly missing: CloseProblem[]) {
    super(`The whistle cannot close yet: ${missing.join(', ')}`);
  }
}

/** The department was not summoned by this whistle. */
export class NotSummonedError extends DomainError {
  override name = 'NotSummonedError';
  constructor(readonly departmentCode: string) {
    super(`Department ${departmentCode} was not summoned by this whistle`);
  }
}

/** The rating is outside its window or repeated. */
export class RatingWindowError extends DomainError {
  override name = 'RatingWindowError';
  constructor(readonly problem: RatingProblem) {
    super(`The department cannot be rated now: ${problem}`);
  }
}

const WhistleProblemEnum = builder.enumType('WhistleProblem', {
  description: 'Why a step on a whistle or summons was refused.',
  values: {
    NOT_LIVE: { description: 'The whistle is closed: departments no longer act on it.' },
    ALREADY_ACKNOWLEDGED: { description: 'The summons was acknowledged already.' },
    ALREADY_CHECKED_IN: { description: 'The department checked in already (once per summons).' },
    ALREADY_REPORTED: { description: 'The department reported already.' },
    RETURNED: { description: 'The summons was sent back (退单 accepted).' },
    RETURN_PENDING: { description: 'A return request waits for the district platform.' },
    NO_RETURN_REQUEST: { description: 'There is no return request to decide.' },
    NOT_CLOSED: { description: 'The whistle is not closed yet.' },
    ALREADY_SUPERVISED: { description: 'The follow-up was recorded already.' },
    LEAD_CANNOT_RETURN: { description: 'The lead department cannot send the case back; the district platform reassigns the lead.' },
  } as const,
});

builder.objectType(WhistleConflictError, {
  name: 'WhistleConflictError',
  description: 'The whistle changed since `expectedVersion`; nothing was written. Reload and decide again.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    currentVersion: t.exposeInt('currentVersion', { description: 'The version now stored.' }),
    currentStage: t.exposeString('currentStage', { description: 'The stage now stored.' }),
    changedAt: t.expose('changedAt', { type: 'DateTime', nullable: true, description: 'When the last change was made.' }),
    changedBy: t.exposeString('changedBy', { nullable: true, description: 'Who made it (display name), null for the deadline watcher.' }),
  }),
});

builder.objectType(WhistleStepError, {
  name: 'WhistleStepError',
  description: 'The step is not possible now; `problem` says why. Nothing was written.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ problem: t.expose('problem', { type: WhistleProblemEnum, description: 'Why it was refused.' }) }),
});

builder.objectType(SummonsListError, {
  name: 'SummonsListError',
  description: 'A whistle summons at least one department, exactly one of them as LEAD, each once, by known codes. Nothing was written.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    problem: t.exposeString('problem', { description: 'NO_DEPARTMENT, NO_LEAD, SEVERAL_LEADS, DUPLICATE_DEPARTMENT, UNKNOWN_DEPARTMENT or OWN_STREET (a street cannot summon its own office).' }),
    departmentCodes: t.exposeStringList('departmentCodes', { description: 'The codes concerned (unknown ones), if any.' }),
  }),
});

builder.objectType(CloseConditionsError, {
  name: 'CloseConditionsError',
  description: "Closing (终场哨) needs the lead department's report and the street's confirmation; `missing` lists what is not there. Nothing was written.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ missing: t.exposeStringList('missing', { description: 'NOT_LIVE, NO_LEAD_REPORT, NOT_CONFIRMED.' }) }),
});

builder.objectType(NotSummonedError, {
  name: 'NotSummonedError',
  description: 'The department was not summoned by this whistle. Nothing was written.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ departmentCode: t.exposeString('departmentCode', { description: 'The code that was given.' }) }),
});

builder.objectType(RatingWindowError, {
  name: 'RatingWindowError',
  description: 'The department cannot be rated now: the window opens at close and lasts 7 days, and each summons is rated once. Nothing was written.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ problem: t.exposeString('problem', { description: 'WINDOW_NOT_OPEN, WINDOW_CLOSED, ALREADY_RATED or RETURNED.' }) }),
});

registerDomainErrors(WhistleConflictError, WhistleStepError, SummonsListError, CloseConditionsError, NotSummonedError, RatingWindowError);
