// English strings of the frame of every page: product name, navigation, language switch, roles, the
// viewer badge, 404, typed as the zh-CN shape, so a missing or extra key fails the typecheck.
import type { strings as zhCN } from '../zh-CN/shell.ts';

export const strings: typeof zhCN = {
  app: {
    name: 'Whistlehub',
    fullName: 'Whistlehub 汇哨',
    tagline: 'Streets whistle · departments report · every call answered',
    title: '{{page}} · Whistlehub',
    skipToContent: 'Skip to main content',
    footer: 'Whistlehub · neighbourhood governance for Beijing',
  },
  nav: {
    label: 'Main navigation',
    org: 'Organisation',
    tickets: 'Tickets',
    whistles: 'Whistles',
    councils: 'Councils',
    volunteers: 'Volunteer posts',
    board: 'Board',
    comingSoon: 'Coming soon',
    comingSoonSuffix: ' (coming soon)',
  },
  locale: {
    label: 'Language',
    zhCN: '中文',
    en: 'English',
  },
  roles: {
    ADMIN: 'Administrator',
    DISTRICT_DISPATCHER: 'District dispatcher',
    STREET_OFFICER: 'Street officer',
    DEPARTMENT_OFFICER: 'Department officer',
    COUNCIL_MEMBER: 'Council member',
    PARTY_MEMBER: 'Party member',
    GRID_WORKER: 'Grid worker',
    INTEGRATOR: 'Integrator',
  },
  viewer: {
    label: 'Signed-in user',
    roles: 'Roles',
    noRoles: 'No work roles',
    roleInUnit: '{{role}} · {{unit}}',
  },
  notFound: {
    title: 'Page not found',
    body: 'There is nothing at this address. It may have moved, or the address is mistyped.',
    back: 'Back to the organisation',
  },
};
