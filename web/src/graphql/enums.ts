// The schema's enums as the views name them. The types come from the generated introspection; the
// value lists the views iterate over (filters, radio groups) are the schema package's own rule
// modules, which the API's enums agree with. The `Same` checks fail the typecheck when the SDL and a
// list part ways, and test/operations.test.ts compares the lists with schema/schema.graphql as well.
import { SATISFACTION_LEVELS, TICKET_ACTIONS, TICKET_CHANNELS, TICKET_STATUSES } from '@whistlehub/schema/tickets/states';
import type { Schema } from './graphql.ts';

export { SATISFACTION_LEVELS, TICKET_ACTIONS, TICKET_CHANNELS, TICKET_STATUSES };

/** What a user may do, within the org unit of the assignment. */
export type Role = Schema<'Role'>;
/** Where a ticket is in its life cycle. */
export type TicketStatus = Schema<'TicketStatus'>;
/** How a ticket came in. */
export type TicketChannel = Schema<'TicketChannel'>;
/** What can be done to a ticket. */
export type TicketAction = Schema<'TicketAction'>;
/** The call-back answers 满意 / 基本满意 / 不满意. */
export type Satisfaction = Schema<'Satisfaction'>;
/** Which side a dispatch part went to (双派单). */
export type DispatchPartKind = Schema<'DispatchPartKind'>;
/** A deadline a ticket can miss. */
export type DeadlineKind = Schema<'DeadlineKind'>;
/** Why a dispatch target was refused (DispatchTargetError). */
export type DispatchProblem = Schema<'DispatchProblem'>;

/** Every DispatchProblem, to translate the reason a failure carries as a string. */
export const DISPATCH_PROBLEMS = ['NO_COMMUNITY', 'STREET_OUTSIDE_SCOPE', 'UNKNOWN_COMMUNITY', 'UNKNOWN_STREET', 'UNROUTED'] as const;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** Compile-time only: each list names exactly the values of its schema enum. */
export type EnumListsAgree = [
  Assert<Same<(typeof TICKET_STATUSES)[number], TicketStatus>>,
  Assert<Same<(typeof TICKET_CHANNELS)[number], TicketChannel>>,
  Assert<Same<(typeof TICKET_ACTIONS)[number], TicketAction>>,
  Assert<Same<(typeof SATISFACTION_LEVELS)[number], Satisfaction>>,
  Assert<Same<(typeof DISPATCH_PROBLEMS)[number], DispatchProblem>>,
];
