// The shapes the ticket views select; each operation's TypeScript type is built from these.
import type { DeadlineKind, DispatchPartKind, PartStatus, Satisfaction, TicketAction, TicketChannel, TicketStatus } from '../../graphql/schemaTypes.ts';
import type { Named } from '../../i18n/index.ts';

export interface NamedUnit extends Named {
  id: string;
  code: string;
}

export interface CategoryRef extends Named {
  id: string;
  code: string;
}

/** A ticket category as the forms and filters list it. */
export interface CategoryOption extends CategoryRef {
  responseHours: number;
  resolveDays: number | null;
}

/** What the clocks and the inbox row need of a ticket. */
export interface TicketSummary {
  id: string;
  number: string;
  status: TicketStatus;
  channel: TicketChannel;
  description: string;
  receivedAt: string;
  respondBy: string;
  feedbackBy: string;
  resolveBy: string | null;
  respondedAt: string | null;
  feedbackAt: string | null;
  resolvedAt: string | null;
  missedDeadlines: DeadlineKind[];
  version: number;
  category: CategoryRef;
  street: NamedUnit | null;
  community: NamedUnit | null;
  gridCell: { id: string; code: string; name: string } | null;
  parts: { id: string; kind: DispatchPartKind; status: PartStatus }[];
}

export interface TicketPartDetail {
  id: string;
  kind: DispatchPartKind;
  status: PartStatus;
  dispatchedAt: string;
  respondBy: string;
  acceptedAt: string | null;
  resolvedAt: string | null;
  assigneeLabel: string | null;
  version: number;
  assigneeStreet: (Named & { id: string }) | null;
  assigneeCommunity: (Named & { id: string }) | null;
}

export interface TicketEventEntry {
  seq: number;
  type: string;
  at: string;
  actorName: string | null;
  note: string | null;
  partKind: DispatchPartKind | null;
}

export interface CallbackEntry {
  at: string;
  resolved: boolean;
  satisfaction: Satisfaction;
  comment: string | null;
}

/** What changes when a ticket is handled: every mutation selects this, so the cache updates the page. */
export interface TicketChangeable {
  id: string;
  number: string;
  status: TicketStatus;
  version: number;
  viewerCan: TicketAction[];
  missedDeadlines: DeadlineKind[];
  respondedAt: string | null;
  feedbackAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  parts: TicketPartDetail[];
  events: { totalCount: number; edges: { node: TicketEventEntry }[] };
  callbacks: CallbackEntry[];
  mergedInto: { id: string; number: string } | null;
}

/** A ticket as the detail page shows it. */
export interface TicketDetailData extends TicketChangeable {
  channel: TicketChannel;
  description: string;
  address: string | null;
  location: { lng: number; lat: number } | null;
  receivedAt: string;
  respondBy: string;
  feedbackBy: string;
  resolveBy: string | null;
  category: CategoryOption & {
    duties: { duty: string; department: Named & { id: string; level: 'CITY' | 'DISTRICT'; district: { id: string; code: string } | null } }[];
  };
  gridCell: { id: string; code: string; name: string } | null;
  asset: { id: string; code: string; kindName: string } | null;
  community: NamedUnit | null;
  street: NamedUnit | null;
  district: NamedUnit | null;
  complainant: { name: string; phone: string | null; masked: boolean } | null;
}
