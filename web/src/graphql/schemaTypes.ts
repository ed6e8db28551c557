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
