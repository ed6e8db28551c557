import { builder } from '../../builder.ts';
import { DomainError, ErrorInterface, registerDomainErrors } from '../../errors/index.ts';

/** The action is not legal in the ticket's (or part's) current state. */
export class IllegalTransitionError extends DomainError {
  override name = 'IllegalTransitionError';
  constructor(readonly current: string, readonly action: string) {
    super(`Cannot ${action} a ticket that is ${current}`);
  }
}

/** Someone else changed the ticket since the version the caller based its write on. */
export class TicketConflictError extends DomainError {
  override name = 'TicketConflictError';
  constructor(readonly currentVersion: number, readonly currentStatus: string, readonly changedAt: Date | null, readonly changedBy: string | null) {
    super(`The ticket changed meanwhile (now version ${currentVersion}, ${currentStatus})`);
  }
}

/** No category has that code. */
export class UnknownCategoryError extends DomainError {
  override name = 'UnknownCategoryError';
  constructor(readonly code: string) {
    super(`Unknown ticket category ${code}`);
  }
}

/** The phone number is not a mainland mobile or a Beijing landline. */
export class InvalidPhoneError extends DomainError {
  override name = 'InvalidPhoneError';
  constructor(readonly phone: string) {
    super('The phone number is not a valid mainland mobile or Beijing landline');
  }
}

/** The location given matches no grid cell, and nothing else places the ticket. */
export class OutsideGridError extends DomainError {
  override name = 'OutsideGridError';
  constructor(readonly unmatched: string[]) {
    super(`The location matches no grid cell (${unmatched.join(', ')})`);
  }
}

builder.objectType(IllegalTransitionError, {
  name: 'IllegalTransitionError',
  description: 'The action is not legal in the current state, which this error names.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    current: t.exposeString('current', { description: 'The current status.' }),
    action: t.exposeString('action', { description: 'The action that was refused.' }),
  }),
});

builder.objectType(TicketConflictError, {
  name: 'TicketConflictError',
  description: 'The ticket changed since `expectedVersion`; nothing was written. Reload and decide again.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    currentVersion: t.exposeInt('currentVersion', { description: 'The version now stored.' }),
    currentStatus: t.exposeString('currentStatus', { description: 'The status now stored.' }),
    changedAt: t.expose('changedAt', { type: 'DateTime', nullable: true, description: 'When the last change was made.' }),
    changedBy: t.exposeString('changedBy', { nullable: true, description: 'Who made it (display name).' }),
  }),
});

builder.objectType(UnknownCategoryError, {
  name: 'UnknownCategoryError',
  description: 'No ticket category has this code.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ code: t.exposeString('code', { description: 'The code that was given.' }) }),
});

builder.objectType(InvalidPhoneError, {
  name: 'InvalidPhoneError',
  description: 'The phone number is not a valid mainland mobile (1[3-9]…) or Beijing landline (010-…).',
  interfaces: [ErrorInterface],
  fields: (t) => ({ phone: t.exposeString('phone', { description: 'The number that was given.' }) }),
});

builder.objectType(OutsideGridError, {
  name: 'OutsideGridError',
  description: 'The location lies outside every grid cell and no other input places the ticket.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ unmatched: t.exposeStringList('unmatched', { description: 'The inputs that matched nothing.' }) }),
});

registerDomainErrors(IllegalTransitionError, TicketConflictError, UnknownCategoryError, InvalidPhoneError, OutsideGridError);

/** Why a ticket cannot be dispatched where it was asked to go. */
export type DispatchProblem = 'UNROUTED' | 'NO_COMMUNITY' | 'UNKNOWN_STREET' | 'UNKNOWN_COMMUNITY' | 'STREET_OUTSIDE_SCOPE';

/** The ticket has no street (or no community, for a dual dispatch), or the street asked for is not one the caller may send it to. */
export class DispatchTargetError extends DomainError {
  override name = 'DispatchTargetError';
  constructor(readonly reason: DispatchProblem) {
    super(
      {
        UNROUTED: 'The ticket has no street office yet: give streetCode to route it',
        NO_COMMUNITY: 'A dual dispatch needs the community: give communityCode',
        UNKNOWN_STREET: 'No street office has this code',
        UNKNOWN_COMMUNITY: 'No community of the street has this code',
        STREET_OUTSIDE_SCOPE: 'That street office is outside the districts you dispatch for',
      }[reason],
    );
  }
}

const DispatchProblemEnum = builder.enumType('DispatchProblem', {
  description: 'Why a dispatch target was refused.',
  values: {
    UNROUTED: { description: 'The ticket has no street office yet and none was given.' },
    NO_COMMUNITY: { description: 'A dual dispatch needs a community and the ticket has none.' },
    UNKNOWN_STREET: { description: 'No street office has the code given.' },
    UNKNOWN_COMMUNITY: { description: 'No community of the street has the code given.' },
    STREET_OUTSIDE_SCOPE: { description: 'The street office is outside the districts the caller dispatches for.' },
  } as const,
});

builder.objectType(DispatchTargetError, {
  name: 'DispatchTargetError',
  description: 'The ticket cannot be dispatched as asked; `reason` says why. Nothing was written.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ reason: t.expose('reason', { type: DispatchProblemEnum, description: 'What is missing or not allowed.' }) }),
});

registerDomainErrors(DispatchTargetError);
