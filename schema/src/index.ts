// Only imports: each module registers its types on the builder; the schema is built last.
import { builder } from './builder.ts';
import { describeTotalCounts } from './describe.ts';
import './scalars.ts';
import './errors/index.ts';
import './modules/org/enums.ts';
import './modules/org/District.ts';
import './modules/org/Street.ts';
import './modules/org/Community.ts';
import './modules/org/GridCell.ts';
import './modules/org/Asset.ts';
import './modules/org/Department.ts';
import './modules/org/Person.ts';
import './modules/users/RoleAssignment.ts';
import './modules/users/User.ts';
import './modules/users/mutations/signIn.ts';
import './modules/users/mutations/signOut.ts';
import './modules/users/mutations/createApiToken.ts';
import './modules/users/mutations/revokeApiToken.ts';
import './modules/tickets/enums.ts';
import './modules/tickets/TicketCategory.ts';
import './modules/tickets/Ticket.ts';
import './modules/tickets/TicketPart.ts';
import './modules/tickets/ticketErrors.ts';
import './modules/tickets/mutations/createTicket.ts';
import './modules/tickets/mutations/dispatchTicket.ts';
import './modules/tickets/mutations/acceptTicketPart.ts';
import './modules/tickets/mutations/addTicketProgress.ts';
import './modules/tickets/mutations/resolveTicketPart.ts';
import './modules/tickets/mutations/recordTicketCallback.ts';
import './modules/tickets/mutations/reopenTicket.ts';
import './modules/tickets/mutations/mergeTicket.ts';
import './modules/tickets/rates.ts';
import './modules/tickets/hotspots.ts';
import './modules/tickets/ticketEvents.ts';
import './modules/system/heartbeat.ts';

/** The whole Whistlehub GraphQL schema. */
export const schema = describeTotalCounts(builder.toSchema({ sortSchema: true }));

export type { Context, SessionCookie } from './context.ts';
export { createInProcessPubSub, type PubSub, type Topics } from './pubsub.ts';
export { resolveViewer, type Viewer, type Grant } from './auth/viewer.ts';
export { hashToken, tokenKind } from './auth/tokens.ts';
export { SignInThrottle } from './modules/users/usersRules.ts';
export { announceOverdue, watchOverdue } from './modules/tickets/overdueWatch.ts';
