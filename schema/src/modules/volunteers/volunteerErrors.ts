// The typed failures of volunteer posts, shifts and branch calls (errors plugin): what a member or the
// community staff can fix or must know. Every one is thrown before anything is written (or rolls back).
import { builder } from '../../builder.ts';
import { DomainError, ErrorInterface, registerDomainErrors } from '../../errors/index.ts';
import { CLAIM_PROBLEMS, type CallAnswerProblem, type ClaimProblem, SHIFT_PROBLEMS, type ShiftProblem } from './volunteerRules.ts';

/** The post has no place left and the claimant asked not to be waitlisted (`waitlist: false`). */
export class PostFullError extends DomainError {
  override name = 'PostFullError';
  constructor(readonly places: number, readonly waitlisted: number) {
    super(`All ${places} places of the post are taken`);
  }
}

/** The post cannot be claimed (or the claim cancelled) by this member now. */
export class ClaimError extends DomainError {
  override name = 'ClaimError';
  constructor(readonly problem: ClaimProblem | 'ALREADY_CANCELLED') {
    super(`The claim is refused: ${problem}`);
  }
}

/** A check-in, check-out or verification that the shift as it is now does not allow. */
export class ShiftError extends DomainError {
  override name = 'ShiftError';
  constructor(readonly problem: ShiftProblem | 'NOT_CHECKED_OUT') {
    super(`The shift step is refused: ${problem}`);
  }
}

/** The branch call cannot be answered by this member now. */
export class CallAnswerError extends DomainError {
  override name = 'CallAnswerError';
  constructor(readonly problem: CallAnswerProblem) {
    super(`The call cannot be answered: ${problem}`);
  }
}

/** Someone changed the post since the version the caller based its write on. */
export class VolunteerConflictError extends DomainError {
  override name = 'VolunteerConflictError';
  constructor(readonly currentVersion: number, readonly claimed: number, readonly places: number, readonly open: boolean, readonly changedAt: Date | null, readonly changedBy: string | null) {
    super(`The post changed meanwhile (now version ${currentVersion})`);
  }
}

export const ClaimProblemEnum = builder.enumType('ClaimProblem', {
  description: 'Why a claim was refused.',
  values: {
    POST_CLOSED: { description: 'The post is closed.' },
    ALREADY_CLAIMED: { description: 'The member holds a place or a waitlist position on this post already.' },
    NOT_A_MEMBER_HERE: { description: 'The post belongs to another community than the one the member reported to (双报到: a member serves where they live).' },
    ALREADY_CANCELLED: { description: 'The claim was cancelled already.' },
  } satisfies Record<(typeof CLAIM_PROBLEMS)[number] | 'ALREADY_CANCELLED', { description: string }>,
});

const SHIFT_PROBLEM_TEXT: Record<(typeof SHIFT_PROBLEMS)[number] | 'NOT_CHECKED_OUT', string> = {
  NOT_CLAIMED: 'The member holds no place on the post (a waitlisted or cancelled claim does not check in).',
  ALREADY_CHECKED_IN: 'The member is checked in on this post already.',
  NOT_CHECKED_IN: 'The shift was never checked in.',
  ALREADY_CHECKED_OUT: 'The shift is checked out already.',
  OVERLAPPING_SHIFT: 'The member has another shift at that time (one person is at one post at a time).',
  CHECK_OUT_BEFORE_CHECK_IN: 'The check-out would be before the check-in.',
  TOO_LONG: 'More than 12 hours since the check-in: a forgotten check-out, for the community staff to reject.',
  ALREADY_VERIFIED: 'The staff decided on the shift already.',
  NOT_CHECKED_OUT: 'The shift is still open: it is verified after the check-out.',
};
export const ShiftProblemEnum = builder.enumType('ShiftProblem', {
  description: 'Why a check-in, check-out or verification was refused.',
  values: Object.fromEntries(Object.entries(SHIFT_PROBLEM_TEXT).map(([k, description]) => [k, { description }])) as Record<keyof typeof SHIFT_PROBLEM_TEXT, { description: string }>,
});

export const CallAnswerProblemEnum = builder.enumType('CallAnswerProblem', {
  description: 'Why an answer to a branch call was refused.',
  values: {
    CALL_CLOSED: { description: 'The deadline has passed.' },
    ALREADY_ANSWERED: { description: 'The member answered already.' },
    CALL_FULL: { description: 'Every place the call asked for is taken.' },
    NOT_CALLED: { description: "The call is for another branch's members and another community." },
  } satisfies Record<CallAnswerProblem, { description: string }>,
});

builder.objectType(PostFullError, {
  name: 'PostFullError',
  description: 'Every place of the post is taken and the claim asked not to be waitlisted; nothing was written. Claim with `waitlist: true` to queue.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    places: t.exposeInt('places', { description: 'The places of the post.' }),
    waitlisted: t.exposeInt('waitlisted', { description: 'How many members wait for a place.' }),
  }),
});

builder.objectType(ClaimError, {
  name: 'ClaimError',
  description: 'The claim is refused; `problem` says why. Nothing was written.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ problem: t.expose('problem', { type: ClaimProblemEnum, description: 'Why.' }) }),
});

builder.objectType(ShiftError, {
  name: 'ShiftError',
  description: 'The shift step is refused; `problem` says why. Nothing was written.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ problem: t.expose('problem', { type: ShiftProblemEnum, description: 'Why.' }) }),
});

builder.objectType(CallAnswerError, {
  name: 'CallAnswerError',
  description: 'The answer to the branch call is refused; `problem` says why. Nothing was written.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ problem: t.expose('problem', { type: CallAnswerProblemEnum, description: 'Why.' }) }),
});

builder.objectType(VolunteerConflictError, {
  name: 'VolunteerConflictError',
  description: 'The post changed since `expectedVersion`; nothing was written. Reload and decide again.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    currentVersion: t.exposeInt('currentVersion', { description: 'The version now stored.' }),
    claimed: t.exposeInt('claimed', { description: 'Places taken now.' }),
    places: t.exposeInt('places', { description: 'Places of the post now.' }),
    open: t.exposeBoolean('open', { description: 'Whether the post is open now.' }),
    changedAt: t.expose('changedAt', { type: 'DateTime', nullable: true, description: 'When the last change was made.' }),
    changedBy: t.exposeString('changedBy', { nullable: true, description: 'Who made it (display name).' }),
  }),
});

registerDomainErrors(PostFullError, ClaimError, ShiftError, CallAnswerError, VolunteerConflictError);
