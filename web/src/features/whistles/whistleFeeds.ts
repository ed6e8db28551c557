// The board's rules that need no component: which whistle feeds keep a viewer's board live, which
// departments the viewer acts for, and how a clock reads to the second.
import type { Role } from '../../graphql/enums.ts';
import type { WhistleFeed } from './WhistleLiveUpdates.tsx';

/** The signed-in user as the board reads it: roles with their units' codes. */
export interface WhistleViewer {
  roles: readonly {
    role: Role;
    street: { code: string } | null;
    department: { code: string } | null;
    district: { code: string } | null;
  }[];
}

/**
 * The feeds that keep the viewer's board live: each district it dispatches for, each street it works
 * for outside those districts (the district's feed carries them), each department it answers for.
 */
export function whistleFeeds(viewer: WhistleViewer): WhistleFeed[] {
  const feeds: WhistleFeed[] = [];
  const districts = new Set<string>();
  for (const assignment of viewer.roles) {
    if (assignment.role === 'DISTRICT_DISPATCHER' && assignment.district) districts.add(assignment.district.code);
  }
  for (const code of districts) feeds.push({ kind: 'district', code });
  for (const assignment of viewer.roles) {
    if (assignment.role === 'STREET_OFFICER' && assignment.street && !districts.has(assignment.street.code.slice(0, 6))) {
      feeds.push({ kind: 'street', code: assignment.street.code });
    }
    if (assignment.role === 'DEPARTMENT_OFFICER' && assignment.department) feeds.push({ kind: 'department', code: assignment.department.code });
  }
  return feeds.filter((feed, index) => feeds.findIndex((other) => other.kind === feed.kind && other.code === feed.code) === index);
}

/** The departments the viewer answers summonses for (acknowledges, checks in). */
export const viewerDepartments = (viewer: WhistleViewer) =>
  new Set(viewer.roles.flatMap((assignment) => (assignment.role === 'DEPARTMENT_OFFICER' && assignment.department ? [assignment.department.code] : [])));

/** "1:02:03" / "0:04:05": the time either side of a deadline, to the second (hours unbounded). */
export function clockText(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return `${hours}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** The stages in which departments still act on a whistle (prepare, assemble, act); closed ones are done. */
export const isLiveStage = (stage: string) => stage === 'PREPARE' || stage === 'ASSEMBLE' || stage === 'ACT';

/** Whether the street may rate the departments now: the whistle is closed and its evaluation window (7 days from the close) still open. */
export const ratingWindowOpen = (whistle: { stage: string; evaluationClosesAt: string | null }, now: number) =>
  !isLiveStage(whistle.stage) && whistle.evaluationClosesAt !== null && Date.parse(whistle.evaluationClosesAt) > now;
