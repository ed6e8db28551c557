// Where the volunteers section (双报到) lives, and its tabs.

/** The post catalogue. */
export const VOLUNTEERS_PATH = '/volunteers';

/** The section's pages after the catalogue. */
export const VOLUNTEER_TABS = ['posts', 'mine', 'verify', 'reports', 'calls'] as const;
export type VolunteerTab = (typeof VOLUNTEER_TABS)[number];

/** The address of a tab. */
export const volunteerTabPath = (tab: VolunteerTab) => (tab === 'posts' ? VOLUNTEERS_PATH : `${VOLUNTEERS_PATH}/${tab}`);

/** The tab a path belongs to. */
export function volunteerTabOf(pathname: string): VolunteerTab {
  const segment = pathname.replace(/\/+$/, '').split('/')[2];
  return (VOLUNTEER_TABS as readonly string[]).includes(segment ?? '') ? (segment as VolunteerTab) : 'posts';
}
