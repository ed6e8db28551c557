// Rules of the intake form that need no browser: which channels a filer may choose, and which field
// an error of the API belongs next to.
import type { Role, TicketChannel } from '../../graphql/enums.ts';

/**
 * The channels a filer records tickets from, the usual one first. A resident files in the app; a grid
 * worker on patrol, or for the community before anybody calls (未诉先办); street staff at the walk-in
 * desk; councils from their meetings; the hotline, dispatchers and admins may enter any channel.
 */
export function channelsFor(roles: readonly Role[]): TicketChannel[] {
  const channels: TicketChannel[] = [];
  const add = (...more: TicketChannel[]) => {
    for (const channel of more) if (!channels.includes(channel)) channels.push(channel);
  };
  if (roles.some((role) => role === 'ADMIN' || role === 'INTEGRATOR' || role === 'DISTRICT_DISPATCHER')) {
    add('HOTLINE_12345', 'APP', 'WALK_IN', 'GRID_PATROL', 'COUNCIL', 'DATA_ALERT', 'COMMUNITY_PREEMPTIVE');
  }
  if (roles.includes('GRID_WORKER')) add('GRID_PATROL', 'COMMUNITY_PREEMPTIVE', 'WALK_IN');
  if (roles.includes('STREET_OFFICER')) add('WALK_IN', 'COMMUNITY_PREEMPTIVE', 'GRID_PATROL', 'DATA_ALERT');
  if (roles.includes('DEPARTMENT_OFFICER')) add('DATA_ALERT', 'WALK_IN');
  if (roles.some((role) => role === 'COUNCIL_MEMBER' || role === 'PARTY_MEMBER')) add('COUNCIL');
  add('APP');
  return channels;
}

/** The fields of the intake form an error can belong to. */
export type IntakeField = 'channel' | 'category' | 'description' | 'address' | 'location' | 'complainantName' | 'complainantPhone' | 'form';

/** The form field of a validation issue, from its path (["input", "complainant", "phone"]). */
export function intakeFieldOf(path: readonly string[]): IntakeField {
  const [first, second] = path[0] === 'input' ? path.slice(1) : path;
  switch (first) {
    case 'channel':
      return 'channel';
    case 'categoryCode':
      return 'category';
    case 'description':
      return 'description';
    case 'address':
      return 'address';
    case 'location':
    case 'gridCellCode':
    case 'assetCode':
      return 'location';
    case 'complainant':
      return second === 'phone' ? 'complainantPhone' : 'complainantName';
    default:
      return 'form';
  }
}

/** Where the location comes from on the form; the API takes any of them. */
export type LocateBy = 'coordinates' | 'gridCell' | 'asset' | 'address';

/** A coordinate typed into the form, or null when it is not a number in range. */
export function parseCoordinate(text: string, limit: 90 | 180): number | null {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(value) && Math.abs(value) <= limit ? value : null;
}
