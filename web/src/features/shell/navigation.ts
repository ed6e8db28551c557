// Which sections of the hub each role works in. Sections that are not built yet are listed (disabled,
// "coming soon") only to the roles they will serve, so nobody is shown a promise that is not theirs.
import type { Role } from '../../graphql/enums.ts';

export type SectionKey = 'org' | 'tickets' | 'whistles' | 'councils' | 'volunteers' | 'board';

export interface Section {
  key: SectionKey;
  /** where it lives; null while it is not built */
  href: string | null;
  /** paths that belong to it, for the "you are here" mark */
  paths?: readonly RegExp[];
  /** who sees it; 'everyone' includes anonymous visitors, 'signedIn' includes residents without a role */
  audience: 'everyone' | 'signedIn' | readonly Role[];
}

export const SECTIONS: readonly Section[] = [
  { key: 'org', href: '/', paths: [/^\/$/, /^\/org(\/|$)/], audience: 'everyone' },
  // 接诉即办: residents file tickets and follow their own; the district dispatches, streets, departments
  // and grid workers handle them, the 12345 hotline feeds them in and calls the residents back
  { key: 'tickets', href: '/tickets', paths: [/^\/tickets(\/|$)/], audience: 'signedIn' },
  // 街乡吹哨、部门报到: streets blow the whistle, departments report, the district coordinates
  { key: 'whistles', href: '/whistles', paths: [/^\/whistles(\/|$)/], audience: ['DISTRICT_DISPATCHER', 'STREET_OFFICER', 'DEPARTMENT_OFFICER'] },
  // 议事厅: community councils, with the street office and the party members reporting to the community
  { key: 'councils', href: '/councils', paths: [/^\/councils(\/|$)/], audience: ['STREET_OFFICER', 'COUNCIL_MEMBER', 'PARTY_MEMBER'] },
  // 双报到 volunteer posts, offered by streets and grid workers, taken up by party members
  { key: 'volunteers', href: '/volunteers', paths: [/^\/volunteers(\/|$)/], audience: ['STREET_OFFICER', 'GRID_WORKER', 'PARTY_MEMBER', 'COUNCIL_MEMBER'] },
  // 看板: the cases a street office, the departments it summons and a community's council co-edit live
  { key: 'board', href: '/board', paths: [/^\/board(\/|$)/], audience: ['DISTRICT_DISPATCHER', 'STREET_OFFICER', 'DEPARTMENT_OFFICER', 'COUNCIL_MEMBER', 'PARTY_MEMBER'] },
];

/** The sections a viewer with these roles sees (anonymous: `signedIn` false); an admin sees every section. */
export function sectionsFor(roles: readonly Role[], signedIn = roles.length > 0): Section[] {
  if (roles.includes('ADMIN')) return [...SECTIONS];
  return SECTIONS.filter(
    (section) =>
      section.audience === 'everyone' ||
      (section.audience === 'signedIn' ? signedIn : section.audience.some((role) => roles.includes(role))),
  );
}
