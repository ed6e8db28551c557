import { builder } from '../../builder.ts';
import { DomainError, ErrorInterface, registerDomainErrors } from '../../errors/index.ts';
import type { BallotProblem, MeetingProblem, MotionProblem } from './councilRules.ts';

/** Someone else changed the meeting since the version the caller based its write on. */
export class MeetingConflictError extends DomainError {
  override name = 'MeetingConflictError';
  constructor(readonly currentVersion: number, readonly currentStatus: string, readonly changedAt: Date | null, readonly changedBy: string | null) {
    super(`The meeting changed meanwhile (now version ${currentVersion}, ${currentStatus})`);
  }
}

/** Why a meeting step is refused: its status, a motion still open, an attendee checked in twice or not entitled. */
export type MeetingStepProblem = MeetingProblem | 'ALREADY_CHECKED_IN' | 'NOT_AN_ATTENDEE' | 'ALREADY_DONE';

/** The meeting step is not possible now. */
export class MeetingStepError extends DomainError {
  override name = 'MeetingStepError';
  constructor(readonly problem: MeetingStepProblem) {
    super(`Refused: ${problem}`);
  }
}

/** The motion step (open, close) is not possible now. */
export class MotionStepError extends DomainError {
  override name = 'MotionStepError';
  constructor(readonly problem: MotionProblem) {
    super(`Refused: ${problem}`);
  }
}

/** The ballot is refused: not eligible, voted already (secret), or the motion is not open. */
export class BallotError extends DomainError {
  override name = 'BallotError';
  constructor(readonly problem: BallotProblem) {
    super(`Ballot refused: ${problem}`);
  }
}

const MeetingStepProblemEnum = builder.enumType('MeetingStepProblem', {
  description: 'Why a meeting step was refused.',
  values: {
    MEETING_NOT_OPEN: { description: 'The meeting is not under way.' },
    MEETING_CLOSED: { description: 'The meeting is closed.' },
    MEETING_ALREADY_OPEN: { description: 'The meeting was opened already.' },
    MOTION_STILL_OPEN: { description: 'A motion is still being voted on: close it first.' },
    ALREADY_CHECKED_IN: { description: 'That person checked in already.' },
    NOT_AN_ATTENDEE: { description: 'That person neither sits on the council nor represents a household of its community.' },
    ALREADY_DONE: { description: 'The action item was done already.' },
  } as const,
});

const MotionProblemEnum = builder.enumType('MotionProblem', {
  description: 'Why a motion step was refused.',
  values: {
    MEETING_NOT_OPEN: { description: 'Motions are opened, voted and closed while the meeting is under way.' },
    MOTION_NOT_OPEN: { description: 'The motion is not open for votes.' },
    MOTION_ALREADY_OPEN: { description: 'The motion was opened already.' },
    MOTION_CLOSED: { description: 'The motion is closed: its result is frozen.' },
  } as const,
});

const BallotProblemEnum = builder.enumType('BallotProblem', {
  description: 'Why a ballot was refused.',
  values: {
    NOT_ELIGIBLE: { description: 'The viewer is not in the electorate snapshotted when the motion opened.' },
    ALREADY_VOTED: { description: 'A secret motion takes one submission per elector.' },
    MOTION_NOT_OPEN: { description: 'The motion is not open for votes (not yet, or closed).' },
  } as const,
});

builder.objectType(MeetingConflictError, {
  name: 'MeetingConflictError',
  description: 'The meeting changed since `expectedVersion`; nothing was written. Reload and decide again.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    currentVersion: t.exposeInt('currentVersion', { description: 'The version now stored.' }),
    currentStatus: t.exposeString('currentStatus', { description: 'The meeting status now stored.' }),
    changedAt: t.expose('changedAt', { type: 'DateTime', nullable: true, description: 'When the last change was made.' }),
    changedBy: t.exposeString('changedBy', { nullable: true, description: 'Who made it (display name).' }),
  }),
});

builder.objectType(MeetingStepError, {
  name: 'MeetingStepError',
  description: 'The meeting step is not possible now; `problem` says why. Nothing was written.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ problem: t.expose('problem', { type: MeetingStepProblemEnum, description: 'Why it was refused.' }) }),
});

builder.objectType(MotionStepError, {
  name: 'MotionStepError',
  description: 'The motion step is not possible now; `problem` says why. Nothing was written.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ problem: t.expose('problem', { type: MotionProblemEnum, description: 'Why it was refused.' }) }),
});

builder.objectType(BallotError, {
  name: 'BallotError',
  description: 'The ballot was refused; `problem` says why. Nothing was written.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ problem: t.expose('problem', { type: BallotProblemEnum, description: 'Why it was refused.' }) }),
});

registerDomainErrors(MeetingConflictError, MeetingStepError, MotionStepError, BallotError);
