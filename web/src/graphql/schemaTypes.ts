// TypeScript mirrors of the schema's enums (schema/schema.graphql); test/operations.test.ts checks
// them against the schema so they cannot drift.

export const ROLES = [
  'ADMIN',
  'DISTRICT_DISPATCHER',
  'STREET_OFFICER',
  'DEPARTMENT_OFFICER',
  'COUNCIL_MEMBER',
  'PARTY_MEMBER',
  'GRID_WORKER',
  'INTEGRATOR',
] as const;

/** What a user may do, within the org unit of the assignment. */
export type Role = (typeof ROLES)[number];

export const STREET_KINDS = ['STREET', 'TOWNSHIP'] as const;
/** Street office (街道) or township (乡镇). */
export type StreetKind = (typeof STREET_KINDS)[number];

export const COMMUNITY_KINDS = ['COMMUNITY', 'VILLAGE'] as const;
/** Community (社区) or village (村). */
export type CommunityKind = (typeof COMMUNITY_KINDS)[number];

/** A point in WGS84 degrees. */
export interface LngLat {
  lng: number;
  lat: number;
}

/** A Relay connection as the views select it. */
export interface Connection<Node> {
  totalCount?: number;
  pageInfo?: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: Node }[];
}

// ─── tickets (接诉即办) ──────────────────────────────────────────────────────────────────────────

/** Life-cycle order: received → dispatched → accepted → in progress → resolved → called back → closed. */
export const TICKET_STATUSES = ['RECEIVED', 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED', 'CALLED_BACK', 'CLOSED', 'MERGED'] as const;
/** Where a ticket is in its life cycle. */
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** The statuses in which somebody still owes the resident work, so deadlines run. */
export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = ['RECEIVED', 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS'];

/** How a ticket came in, the hotline first (most tickets are 12345 calls). */
export const TICKET_CHANNELS = ['HOTLINE_12345', 'APP', 'WALK_IN', 'GRID_PATROL', 'COUNCIL', 'DATA_ALERT', 'COMMUNITY_PREEMPTIVE'] as const;
/** A ticket's intake channel. */
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

/** What can be done to a ticket, in the order the detail page offers it. */
export const TICKET_ACTIONS = ['dispatch', 'accept', 'progress', 'resolve', 'recordCallback', 'close', 'reopen', 'merge'] as const;
/** A ticket action (TicketAction in the schema). */
export type TicketAction = (typeof TICKET_ACTIONS)[number];

/** The street office side and the community / property side of a dual dispatch (双派单). */
export const DISPATCH_PART_KINDS = ['STREET', 'COMMUNITY'] as const;
/** Which side a dispatch part went to. */
export type DispatchPartKind = (typeof DISPATCH_PART_KINDS)[number];

/** Progress of one dispatch part. */
export const PART_STATUSES = ['DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED'] as const;
/** A dispatch part's status. */
export type PartStatus = (typeof PART_STATUSES)[number];

/** The call-back answers 满意 / 基本满意 / 不满意. */
export const SATISFACTIONS = ['SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED'] as const;
/** A call-back answer. */
export type Satisfaction = (typeof SATISFACTIONS)[number];

/** The deadlines a ticket can miss, in the order they fall due. */
export const DEADLINE_KINDS = ['RESPONSE', 'FEEDBACK', 'RESOLUTION'] as const;
/** A deadline a ticket can miss. */
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
