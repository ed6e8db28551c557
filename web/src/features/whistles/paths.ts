/** Where the whistles section lives. */
export const WHISTLES_PATH = '/whistles';

/** The detail page of a whistle, by its number (W20261203-0001). */
export const whistlePath = (number: string) => `${WHISTLES_PATH}/${encodeURIComponent(number)}`;

/** The tabs of the section. */
export type WhistleTab = 'board' | 'new' | 'ranking';

/** The section's own pages, which are not whistle numbers. */
const SECTION_PAGES: readonly string[] = ['new', 'ranking'] satisfies WhistleTab[];

/** Which tab a path is "you are here" for: the board holds every whistle opened from it. */
export function whistleTabOf(path: string): WhistleTab {
  const page = path.startsWith(`${WHISTLES_PATH}/`) ? path.slice(WHISTLES_PATH.length + 1) : '';
  return SECTION_PAGES.includes(page) ? (page as WhistleTab) : 'board';
}
