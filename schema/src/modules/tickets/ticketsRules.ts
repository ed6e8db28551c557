// Ticket (接诉即办) domain rules: plain functions, no database, no clock. Resolvers call these and
// persist the outcome; the SQL that computes rates must agree with `threeRates` (the tests cross-check).
import type { Grant } from '../../auth/viewer.ts';

// ─── Statuses and channels ──────────────────────────────────────────────────────────────────────

/** Ticket life-cycle statuses, in life-cycle order; MERGED is the terminal state of a duplicate. */
export const TICKET_STATUSES = [
  'RECEIVED', 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED', 'CALLED_BACK', 'CLOSED', 'MERGED',
] as const;
/** A ticket's status. */
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** How a ticket came in; COMMUNITY_PREEMPTIVE is 未诉先办 (a community claims a problem before anyone calls 12345). */
export const TICKET_CHANNELS = [
  'HOTLINE_12345', 'APP', 'WALK_IN', 'GRID_PATROL', 'COUNCIL', 'DATA_ALERT', 'COMMUNITY_PREEMPTIVE',
] as const;
/** A ticket's intake channel. */
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

/** Answers to the call-back survey's satisfaction question (满意 / 基本满意 / 不满意). */
export const SATISFACTION_LEVELS = ['SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED'] as const;
/** A call-back satisfaction answer. */
export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];

/** What the resident said on the call-back (回访). */
export interface CallbackOutcome {
  resolved: boolean;
  satisfaction: Satisfaction;
}

// ─── State machine ──────────────────────────────────────────────────────────────────────────────

/** Ticket-level actions, in the order `allowedActions` lists them. */
export const TICKET_ACTIONS = [
  'dispatch', 'accept', 'progress', 'resolve', 'recordCallback', 'close', 'reopen', 'merge',
] as const;
/** A ticket-level action. */
export type TicketAction = (typeof TICKET_ACTIONS)[number];

/** Outcome of a transition: the next status, or a typed failure naming the current state. */
export type TransitionResult =
  | { ok: true; next: TicketStatus }
  | { ok: false; reason: 'ILLEGAL_TRANSITION'; current: TicketStatus; action: TicketAction };

/**
 * Where a reopened ticket goes (manual reopen or unsatisfied call-back): back to DISPATCHED, not to
 * IN_PROGRESS. The resident has just said the work did not do it, so the parts land in the assignees'
 * inboxes as unaccepted work with a fresh `accept` event on the timeline (the board shows who picked it
 * back up and when), and the dispatcher can still re-route it (改派) if the wrong unit had it — which
 * is a common reason for dissatisfaction. Jumping to IN_PROGRESS would hide both.
 */
export const REOPEN_TARGET = 'DISPATCHED' satisfies TicketStatus;

// 'CALLBACK' stands for "RESOLVED → CALLED_BACK or reopened, depending on the answer".
const TABLE: Record<TicketStatus, Partial<Record<TicketAction, TicketStatus | 'CALLBACK'>>> = {
  RECEIVED: { dispatch: 'DISPATCHED', merge: 'MERGED' },
  // dispatch again = 改派: re-route before anybody accepted (a street returns a mis-routed ticket)
  DISPATCHED: { dispatch: 'DISPATCHED', accept: 'ACCEPTED', merge: 'MERGED' },
  // resolve straight from ACCEPTED: the quick fixes (a ground lock removed the same day) need no note
  ACCEPTED: { progress: 'IN_PROGRESS', resolve: 'RESOLVED', merge: 'MERGED' },
  IN_PROGRESS: { progress: 'IN_PROGRESS', resolve: 'RESOLVED', merge: 'MERGED' },
  // a resolved ticket is no longer merged away: its outcome already counts towards the rates
  RESOLVED: { recordCallback: 'CALLBACK', reopen: REOPEN_TARGET },
  CALLED_BACK: { close: 'CLOSED', reopen: REOPEN_TARGET },
  // reopening a closed ticket is how 回头看 (revisits) and a repeat call on the same problem come back in
  CLOSED: { reopen: REOPEN_TARGET },
  MERGED: {},
};

/** True when this call-back answer reopens the ticket: only 不满意 does (see the note in `transition`). */
export function callbackReopens(callback: CallbackOutcome): boolean {
  return callback.satisfaction === 'UNSATISFIED';
}

/**
 * Applies one ticket-level action. `recordCallback` needs the answer: satisfied or basically satisfied
 * → CALLED_BACK (then `close`), unsatisfied → REOPEN_TARGET. "Not resolved but satisfied" closes on
 * purpose: the resident accepted an explanation (e.g. the 怀柔 night-noise case, where the equipment met
 * the standard); it still lowers the resolution rate. Expected failures are returned, never thrown.
 */
export function transition(current: TicketStatus, action: 'recordCallback', callback: CallbackOutcome): TransitionResult;
export function transition(current: TicketStatus, action: Exclude<TicketAction, 'recordCallback'>): TransitionResult;
export function transition(current: TicketStatus, action: TicketAction, callback?: CallbackOutcome): TransitionResult;
export function transition(current: TicketStatus, action: TicketAction, callback?: CallbackOutcome): TransitionResult {
  const next = TABLE[current][action];
  if (next === undefined) return { ok: false, reason: 'ILLEGAL_TRANSITION', current, action };
  if (next !== 'CALLBACK') return { ok: true, next };
  // a missing answer is a bug in the caller, not bad input from a user
  if (!callback) throw new TypeError('transition: recordCallback needs the call-back answer');
  return { ok: true, next: callbackReopens(callback) ? REOPEN_TARGET : 'CALLED_BACK' };
}

/** The actions legal in a status, in TICKET_ACTIONS order (what the UI offers as buttons). */
export function allowedActions(status: TicketStatus): TicketAction[] {
  return TICKET_ACTIONS.filter((a) => TABLE[status][a] !== undefined);
}

// ─── Dual dispatch (双派单) ───────────────────────────────────────────────────────────────────────

/** The two sides of a dual dispatch: the street office, and the community (with its property manager). */
export const DISPATCH_PART_KINDS = ['STREET', 'COMMUNITY'] as const;
/** Which side a dispatch part goes to. */
export type DispatchPartKind = (typeof DISPATCH_PART_KINDS)[number];

/** Statuses a dispatch part moves through, in order. */
export const PART_STATUSES = ['DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED'] as const;
/** A dispatch part's status. */
export type PartStatus = (typeof PART_STATUSES)[number];

/** Actions on one dispatch part. */
export const PART_ACTIONS = ['accept', 'progress', 'resolve', 'reopen'] as const;
/** An action on one dispatch part. */
export type PartAction = (typeof PART_ACTIONS)[number];

/** Outcome of a part transition. */
export type PartTransitionResult =
  | { ok: true; next: PartStatus }
  | { ok: false; reason: 'ILLEGAL_TRANSITION'; current: PartStatus; action: PartAction };

const PART_TABLE: Record<PartStatus, Partial<Record<PartAction, PartStatus>>> = {
  DISPATCHED: { accept: 'ACCEPTED' },
  ACCEPTED: { progress: 'IN_PROGRESS', resolve: 'RESOLVED' },
  IN_PROGRESS: { progress: 'IN_PROGRESS', resolve: 'RESOLVED' },
  RESOLVED: { reopen: 'DISPATCHED' },
};

/** Applies one action to a dispatch part; each part has its own status and clock (双派双考). */
export function partTransition(current: PartStatus, action: PartAction): PartTransitionResult {
  const next = PART_TABLE[current][action];
  return next === undefined ? { ok: false, reason: 'ILLEGAL_TRANSITION', current, action } : { ok: true, next };
}

/**
 * Checks a dispatch plan: one or two parts, at most one per side. A single COMMUNITY part is allowed
 * because app posts go to the community first (花伴儿: 派单给所属社区).
 */
export function checkDispatchPlan(kinds: readonly DispatchPartKind[]): { ok: true } | { ok: false; reason: 'INVALID_DISPATCH' } {
  const ok = kinds.length >= 1 && kinds.length <= 2 && new Set(kinds).size === kinds.length;
  return ok ? { ok: true } : { ok: false, reason: 'INVALID_DISPATCH' };
}

/**
 * The ticket's status while it is being handled, derived from its parts: the least advanced part's
 * status, so a ticket never looks further along than any piece of its work and counts as RESOLVED only
 * when every part is. No parts yet → RECEIVED. Statuses after RESOLVED are ticket-level, not derived.
 */
export function ticketStatusFromParts(parts: readonly { status: PartStatus }[]): TicketStatus {
  if (parts.length === 0) return 'RECEIVED';
  let least = PART_STATUSES.length - 1;
  for (const p of parts) least = Math.min(least, PART_STATUSES.indexOf(p.status));
  return PART_STATUSES[least] ?? 'RECEIVED';
}

/** Ticket actions that act on one dispatch part. */
export const PART_LEVEL: ReadonlySet<TicketAction> = new Set(['accept', 'progress', 'resolve']);

/** The part actions (accept, progress, resolve) the part's status allows and the grants may perform on it. */
export function partActionsFor(
  part: { kind: DispatchPartKind; status: PartStatus },
  ticket: TicketScope,
  grants: readonly Grant[] | null,
): ('accept' | 'progress' | 'resolve')[] {
  return (['accept', 'progress', 'resolve'] as const).filter(
    (a) => partTransition(part.status, a).ok && mayPerform(a, grants, ticket, part.kind),
  );
}

// ─── Who may do what ────────────────────────────────────────────────────────────────────────────

/** Everything `mayPerform` decides on: creating a ticket plus the ticket actions. */
export type TicketPermission = 'create' | TicketAction;

/** The org units a ticket belongs to, as `mayPerform` needs them; departmentIds hold the category's duty (权力清单). */
export interface TicketScope {
  districtId: string | null;
  streetId: string | null;
  communityId: string | null;
  gridCellId: string | null;
  departmentIds: readonly string[];
}

/**
 * Whether a signed-in user may perform `action` on a ticket. `grants` is null for an anonymous caller
 * and [] for a signed-in resident. `part` names the dispatch part for accept / progress / resolve
 * (omitted = a single dispatch, which goes to the street office). ADMIN may do everything.
 *
 * | action                 | who (besides ADMIN)                                                          |
 * |------------------------|------------------------------------------------------------------------------|
 * | create                 | anyone signed in: residents (no role), grid workers, council and party       |
 * |                        | members, staff, INTEGRATOR (the 12345 hotline pushing tickets in)            |
 * | dispatch               | DISTRICT_DISPATCHER of the district; STREET_OFFICER of the owning street      |
 * |                        | (the street's 市民诉求处置中心 splits its own 双派单, as in 鲁谷)              |
 * | accept, resolve        | STREET part: STREET_OFFICER of the street.                                   |
 * |                        | COMMUNITY part: GRID_WORKER of the ticket's cell or community; STREET_OFFICER |
 * | progress               | as accept, plus DEPARTMENT_OFFICER of a duty-holding department (not on the  |
 * |                        | COMMUNITY part): departments report to the street's whistle and add notes    |
 * | recordCallback, close  | DISTRICT_DISPATCHER of the district; INTEGRATOR (12345 makes the call-backs) |
 * | reopen                 | DISTRICT_DISPATCHER; INTEGRATOR; STREET_OFFICER of the street (回头看)        |
 * | merge                  | DISTRICT_DISPATCHER; INTEGRATOR                                               |
 *
 * Why: the side that is graded never grades itself — street officers may not record call-backs, close,
 * or merge (merged tickets leave the response-rate denominator, so merging would hide unanswered
 * tickets); dispatchers may not accept or resolve, or the response clock would time the sender. The
 * community part is represented by the grid worker (网格员, community staff — the 社区专员 of the 花伴儿
 * case); there is no property-manager role, so the grid worker records the property manager's work.
 * COUNCIL_MEMBER is deliberately not an assignee: councils include residents and stewards, who discuss
 * (议事) but are not accountable for closing a neighbour's complaint. The street officer may also act on
 * the community part because the street is what the monthly review ranks and not every community has an
 * account. A ticket not yet placed in a district is in every dispatcher's pool.
 */
export function mayPerform(
  action: TicketPermission,
  grants: readonly Grant[] | null,
  ticket: TicketScope,
  part?: DispatchPartKind,
): boolean {
  if (grants === null) return false;
  if (action === 'create') return true;
  return grants.some((g) => grantAllows(g, action, ticket, part));
}

function grantAllows(g: Grant, action: TicketAction, t: TicketScope, part: DispatchPartKind | undefined): boolean {
  if (g.role === 'ADMIN') return true;
  const dispatcher = g.role === 'DISTRICT_DISPATCHER' && (t.districtId === null || g.districtId === t.districtId);
  const streetOfficer = g.role === 'STREET_OFFICER' && t.streetId !== null && g.streetId === t.streetId;
  const integrator = g.role === 'INTEGRATOR';
  const communityStaff = g.role === 'GRID_WORKER'
    && ((t.gridCellId !== null && g.gridCellId === t.gridCellId) || (t.communityId !== null && g.communityId === t.communityId));
  const assignee = part === 'COMMUNITY' ? communityStaff || streetOfficer : streetOfficer;
  switch (action) {
    case 'dispatch':
      return dispatcher || streetOfficer;
    case 'accept':
    case 'resolve':
      return assignee;
    case 'progress':
      return assignee || (part !== 'COMMUNITY' && g.role === 'DEPARTMENT_OFFICER'
        && g.departmentId !== null && t.departmentIds.includes(g.departmentId));
    case 'recordCallback':
    case 'close':
    case 'merge':
      return dispatcher || integrator;
    case 'reopen':
      return dispatcher || integrator || streetOfficer;
  }
}

// ─── Deadlines ──────────────────────────────────────────────────────────────────────────────────

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Feedback to the resident is due this many hours after receipt, even when the problem is not solved yet (花伴儿). */
export const FEEDBACK_HOURS = 48;

/** A ticket's deadlines. */
export interface TicketDeadlines {
  respondBy: Date;
  feedbackBy: Date;
  resolveBy?: Date;
}

/**
 * Deadlines counted from `start` (the ticket's receipt; for one part's own clock, the part's dispatch
 * time) in wall-clock hours, not working hours: the resident waits in calendar time and 12345 runs
 * around the clock, and a working-hours calendar would need China's yearly holiday and make-up-day
 * (调休) schedule, making the rule impure and the figures hard to audit. Plain millisecond arithmetic
 * on instants, so neither the server's time zone nor any DST rule can shift a deadline.
 */
export function deadlinesFor(start: Date, category: { responseHours: number; resolveDays?: number | null }): TicketDeadlines {
  const t = start.getTime();
  if (!Number.isFinite(t)) throw new RangeError('deadlinesFor: invalid start date');
  if (!(category.responseHours >= 0) || !Number.isFinite(category.responseHours)) {
    throw new RangeError('deadlinesFor: responseHours must be a finite number ≥ 0');
  }
  const out: TicketDeadlines = {
    respondBy: new Date(t + category.responseHours * HOUR_MS),
    feedbackBy: new Date(t + FEEDBACK_HOURS * HOUR_MS),
  };
  if (category.resolveDays != null) {
    if (!(category.resolveDays >= 0) || !Number.isFinite(category.resolveDays)) {
      throw new RangeError('deadlinesFor: resolveDays must be a finite number ≥ 0');
    }
    out.resolveBy = new Date(t + category.resolveDays * DAY_MS);
  }
  return out;
}

/** The deadlines a ticket can miss. */
export type DeadlineKind = 'RESPONSE' | 'FEEDBACK' | 'RESOLUTION';

/** What overdue detection needs of a ticket (or of one dispatch part, with its own clock). */
export interface DeadlineProgress {
  status?: TicketStatus | PartStatus;
  respondBy: Date;
  feedbackBy: Date;
  resolveBy?: Date | null;
  /** first acceptance by the handling side */
  respondedAt: Date | null;
  /** first feedback to the resident (an interim answer counts) */
  feedbackAt: Date | null;
  resolvedAt: Date | null;
}

/**
 * The deadlines missed as of `now`: done after the deadline, or not done and `now` is past it. A
 * deadline is met up to and including its exact millisecond. Resolving counts as feedback (the resident
 * is told the outcome). Merged duplicates have no clock: the surviving ticket carries it.
 */
export function isOverdue(t: DeadlineProgress, now: Date): DeadlineKind[] {
  if (t.status === 'MERGED') return [];
  const missed = (by: Date, doneAt: Date | null) => (doneAt ?? now).getTime() > by.getTime();
  const out: DeadlineKind[] = [];
  if (missed(t.respondBy, t.respondedAt)) out.push('RESPONSE');
  if (missed(t.feedbackBy, earliest(t.feedbackAt, t.resolvedAt))) out.push('FEEDBACK');
  if (t.resolveBy && missed(t.resolveBy, t.resolvedAt)) out.push('RESOLUTION');
  return out;
}

function earliest(a: Date | null, b: Date | null): Date | null {
  if (a === null) return b;
  if (b === null) return a;
  return a.getTime() <= b.getTime() ? a : b;
}

// ─── Routing ────────────────────────────────────────────────────────────────────────────────────

/** A point as GeoJSON orders it: longitude first. */
export type LngLat = readonly [lng: number, lat: number];
/** A GeoJSON position (may carry an altitude, which is ignored). */
export type Position = readonly number[];
/** A GeoJSON Polygon: the outer ring, then holes. */
export interface GeoJsonPolygon {
  type: 'Polygon';
  coordinates: readonly (readonly Position[])[];
}
/** A GeoJSON MultiPolygon (a grid cell split by a road or river). */
export interface GeoJsonMultiPolygon {
  type: 'MultiPolygon';
  coordinates: readonly (readonly (readonly Position[])[])[];
}

// ~0.1 mm at Beijing's latitude: absorbs floating-point error for points digitised onto a shared
// border, far below any real positioning accuracy
const EDGE_TOLERANCE_DEG = 1e-9;

/**
 * Whether a point lies in a polygon (ray casting; holes excluded; a point on any edge or vertex —
 * including a hole's — counts as inside, so a point on a border between cells is never lost). The point
 * and the polygon must use the same datum: WGS-84 (phone GPS) and GCJ-02 (Chinese web maps) differ by
 * several hundred metres in Beijing, enough to land in the wrong cell; no conversion happens here.
 */
export function pointInPolygon(point: LngLat, polygon: GeoJsonPolygon | GeoJsonMultiPolygon): boolean {
  const [x, y] = point;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  const polygons = polygon.type === 'Polygon' ? [polygon.coordinates] : polygon.coordinates;
  return polygons.some((rings) => inSinglePolygon(x, y, rings));
}

function inSinglePolygon(x: number, y: number, rings: readonly (readonly Position[])[]): boolean {
  const [outer, ...holes] = rings;
  if (!outer || outer.length < 3) return false;
  if (rings.some((ring) => onRing(x, y, ring))) return true;
  return rayInside(x, y, outer) && !holes.some((hole) => hole.length >= 3 && rayInside(x, y, hole));
}

function vertex(ring: readonly Position[], i: number): [number, number] {
  const p = ring[i];
  return [p?.[0] ?? Number.NaN, p?.[1] ?? Number.NaN];
}

// GeoJSON rings repeat the first vertex at the end; walking (i-1 → i) with wrap-around handles both
// closed and unclosed rings (the repeated vertex only adds a zero-length edge)
function rayInside(x: number, y: number, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = vertex(ring, i);
    const [xj, yj] = vertex(ring, j);
    if (yi > y !== yj > y && x < xj + ((y - yj) * (xi - xj)) / (yi - yj)) inside = !inside;
  }
  return inside;
}

function onRing(x: number, y: number, ring: readonly Position[]): boolean {
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [ax, ay] = vertex(ring, j);
    const [bx, by] = vertex(ring, i);
    const len = Math.hypot(bx - ax, by - ay);
    if (len === 0) {
      if (Math.hypot(x - ax, y - ay) <= EDGE_TOLERANCE_DEG) return true;
      continue;
    }
    const distance = Math.abs((bx - ax) * (y - ay) - (by - ay) * (x - ax)) / len;
    if (
      distance <= EDGE_TOLERANCE_DEG
      && x >= Math.min(ax, bx) - EDGE_TOLERANCE_DEG && x <= Math.max(ax, bx) + EDGE_TOLERANCE_DEG
      && y >= Math.min(ay, by) - EDGE_TOLERANCE_DEG && y <= Math.max(ay, by) + EDGE_TOLERANCE_DEG
    ) return true;
  }
  return false;
}

/** A grid cell as routing sees it. */
export interface RoutingCell {
  id: string;
  code: string;
  communityId: string;
  streetId: string;
  districtId: string;
  polygon: GeoJsonPolygon | GeoJsonMultiPolygon | null;
  centroid: LngLat | null;
}

// plain code-unit order, not localeCompare: the same on every machine and ICU version
const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * The grid cell containing the point, the first by code when borders overlap, else null. Cells with
 * only a centroid never match: guessing the nearest centroid would silently hand a border ticket to the
 * wrong street, and the district dispatcher is the safe fallback.
 */
export function routeByLocation<C extends RoutingCell>(point: LngLat, cells: readonly C[]): C | null {
  const hits = cells.filter((c) => c.polygon !== null && pointInPolygon(point, c.polygon));
  return hits.sort(byCode)[0] ?? null;
}

/** A street or community name (with its short forms) for the address fallback. */
export interface RoutingPlace {
  kind: 'STREET' | 'COMMUNITY';
  /** e.g. 鲁谷街道, 广外南里社区 */
  name: string;
  /** other spellings found in addresses, e.g. 鲁谷 */
  aliases?: readonly string[];
  streetId: string;
  communityId?: string | null;
  districtId: string;
}

/** Everything `routeTicket` looks things up in. */
export interface RoutingIndex {
  cells: readonly RoutingCell[];
  /** city assets (城市部件) and the cell each sits in */
  assets: readonly { code: string; gridCellId: string }[];
  places: readonly RoutingPlace[];
  /** the district whose dispatcher receives tickets that match nothing (null: the city-level pool) */
  defaultDistrictId?: string | null;
}

/** What a ticket says about where it is. */
export interface RoutingInput {
  point?: LngLat | null;
  gridCellCode?: string | null;
  assetCode?: string | null;
  address?: string | null;
}

/** Which input placed the ticket. */
export type RoutingSource = 'GRID_CELL_CODE' | 'COORDINATES' | 'ASSET_CODE' | 'ADDRESS';

/** Where a ticket goes; `unmatched` lists inputs that were given but found nothing (for typed errors). */
export type RouteResult =
  | { kind: 'GRID_CELL'; via: 'GRID_CELL_CODE' | 'COORDINATES' | 'ASSET_CODE'; cellId: string; communityId: string; streetId: string; districtId: string; unmatched: RoutingSource[] }
  | { kind: 'ADDRESS_MATCH'; streetId: string; communityId: string | null; districtId: string; matched: string; unmatched: RoutingSource[] }
  | { kind: 'DISTRICT_DISPATCHER'; districtId: string | null; unmatched: RoutingSource[] };

// shorter names match too much of an address (a one-character alias would match half the city)
const MIN_PLACE_NAME_LENGTH = 2;

/**
 * Routes a ticket, in order of trust: the grid cell code (filled in by a grid worker standing in the
 * cell) > coordinates (device GPS, can be off near a border) > asset code (typed from a plate by hand)
 * > address text (the longest street or community name it contains; a community wins a tie as the more
 * specific) > the district dispatcher. An input that finds nothing falls through and is reported in
 * `unmatched`, so the resolver can decide whether that is a typed error.
 */
export function routeTicket(input: RoutingInput, index: RoutingIndex): RouteResult {
  const unmatched: RoutingSource[] = [];
  const cellResult = (cell: RoutingCell, via: 'GRID_CELL_CODE' | 'COORDINATES' | 'ASSET_CODE'): RouteResult => ({
    kind: 'GRID_CELL', via, cellId: cell.id, communityId: cell.communityId, streetId: cell.streetId, districtId: cell.districtId, unmatched,
  });

  const code = input.gridCellCode?.trim().toUpperCase();
  if (code) {
    const cell = [...index.cells].sort(byCode).find((c) => c.code.trim().toUpperCase() === code);
    if (cell) return cellResult(cell, 'GRID_CELL_CODE');
    unmatched.push('GRID_CELL_CODE');
  }
  if (input.point) {
    const cell = routeByLocation(input.point, index.cells);
    if (cell) return cellResult(cell, 'COORDINATES');
    unmatched.push('COORDINATES');
  }
  const assetCode = input.assetCode?.replace(/\s+/g, '');
  if (assetCode) {
    const asset = index.assets.find((a) => a.code === assetCode);
    const cell = asset && index.cells.find((c) => c.id === asset.gridCellId);
    if (cell) return cellResult(cell, 'ASSET_CODE');
    unmatched.push('ASSET_CODE');
  }
  const address = input.address ? normalizeText(input.address).replace(/\s+/g, '') : '';
  if (address) {
    const match = matchAddress(address, index.places);
    if (match) {
      return {
        kind: 'ADDRESS_MATCH', streetId: match.place.streetId, communityId: match.place.communityId ?? null,
        districtId: match.place.districtId, matched: match.name, unmatched,
      };
    }
    unmatched.push('ADDRESS');
  }
  return { kind: 'DISTRICT_DISPATCHER', districtId: index.defaultDistrictId ?? null, unmatched };
}

function matchAddress(address: string, places: readonly RoutingPlace[]): { place: RoutingPlace; name: string } | null {
  let best: { place: RoutingPlace; name: string } | null = null;
  for (const place of places) {
    for (const raw of [place.name, ...(place.aliases ?? [])]) {
      const name = normalizeText(raw).replace(/\s+/g, '');
      if (name.length < MIN_PLACE_NAME_LENGTH || !address.includes(name)) continue;
      if (!best || isBetterMatch(place, name, best)) best = { place, name };
    }
  }
  return best;
}

function isBetterMatch(place: RoutingPlace, name: string, best: { place: RoutingPlace; name: string }): boolean {
  if (name.length !== best.name.length) return name.length > best.name.length;
  if (place.kind !== best.place.kind) return place.kind === 'COMMUNITY';
  const id = place.communityId ?? place.streetId;
  const bestId = best.place.communityId ?? best.place.streetId;
  return id < bestId; // deterministic whatever order the index lists places in
}

// ─── The three rates (三率) and the monthly review (月度点评) ───────────────────────────────────────

/** One ticket as the rates see it: its status, its response clock and its latest call-back. */
export interface RateRow {
  status: TicketStatus;
  receivedAt: Date;
  respondBy: Date;
  respondedAt: Date | null;
  /** the latest call-back; a reopened ticket is still counted once */
  callback: CallbackOutcome | null;
}

/** The counts behind the three rates, and the rates (fractions 0–1, null when the denominator is 0). */
export interface ThreeRates {
  received: number;
  respondedInTime: number;
  callbacks: number;
  resolved: number;
  satisfied: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
}

/**
 * The three rates (三率) over the tickets of one cohort. The 12345 hotline grades streets on 响应率,
 * 解决率 and 满意率 through its call-backs (回访) — shared/seeds/002_654bb62363dd55d6.txt, line 11
 * ("12345热线每周、每月对群众需求进行回访,从响应率、解决率、满意率三方面…进行考核"); the monthly review
 * names the streets at the bottom (shared/seeds/004_eda4e6b2289cbd23.txt, line 213). The seeds give no
 * formulas, so these are ours:
 *
 * - cohort: tickets received in the period (`received_at >= :from AND received_at < :to`), status
 *   <> 'MERGED' — each ticket lands in exactly one month, and one WHERE clause serves all three rates
 *   (a month's resolution and satisfaction figures firm up as its late call-backs arrive).
 * - response rate = tickets with `responded_at <= respond_by` / tickets in the cohort, leaving out
 *   tickets still inside their window as of `asOf` (not responded and `respond_by >= :as_of`), so a
 *   live month is not dragged down by tickets that are not late yet. Beijing asks the resident on the
 *   call-back whether the unit got in touch; our survey has no such question, so we time it from the
 *   event log (responded = first acceptance by the handling side).
 * - resolution rate = tickets whose latest call-back says resolved = yes / tickets with a call-back.
 * - satisfaction rate = tickets whose latest call-back is SATISFIED or BASICALLY_SATISFIED / tickets
 *   with a call-back.
 *
 * As SQL (works on SQLite and PostgreSQL; `1.0 *` avoids integer division, NULLIF gives null for 0):
 * ```sql
 * SELECT
 *   1.0 * SUM(CASE WHEN t.responded_at <= t.respond_by THEN 1 ELSE 0 END)
 *     / NULLIF(SUM(CASE WHEN t.responded_at IS NOT NULL OR t.respond_by < :as_of THEN 1 ELSE 0 END), 0) AS response_rate,
 *   1.0 * SUM(CASE WHEN c.resolved THEN 1 ELSE 0 END) / NULLIF(COUNT(c.ticket_id), 0) AS resolution_rate,
 *   1.0 * SUM(CASE WHEN c.satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED') THEN 1 ELSE 0 END)
 *     / NULLIF(COUNT(c.ticket_id), 0) AS satisfaction_rate
 * FROM ticket t LEFT JOIN latest_callback c ON c.ticket_id = t.id
 * WHERE t.status <> 'MERGED' AND t.received_at >= :from AND t.received_at < :to
 * ```
 * This function is the reference the SQL is checked against; rows outside `period` (half-open) are
 * ignored when one is given, and omitting `asOf` counts every ticket.
 */
export function threeRates(rows: readonly RateRow[], options: { asOf?: Date; period?: { from: Date; to: Date } } = {}): ThreeRates {
  const asOf = options.asOf?.getTime() ?? Number.POSITIVE_INFINITY;
  const from = options.period?.from.getTime() ?? Number.NEGATIVE_INFINITY;
  const to = options.period?.to.getTime() ?? Number.POSITIVE_INFINITY;
  let received = 0, respondedInTime = 0, callbacks = 0, resolved = 0, satisfied = 0;
  for (const r of rows) {
    const at = r.receivedAt.getTime();
    if (r.status === 'MERGED' || at < from || at >= to) continue;
    if (r.respondedAt !== null || r.respondBy.getTime() < asOf) {
      received += 1;
      if (r.respondedAt !== null && r.respondedAt.getTime() <= r.respondBy.getTime()) respondedInTime += 1;
    }
    if (r.callback) {
      callbacks += 1;
      if (r.callback.resolved) resolved += 1;
      if (r.callback.satisfaction !== 'UNSATISFIED') satisfied += 1;
    }
  }
  const rate = (n: number, d: number) => (d === 0 ? null : n / d);
  return {
    received, respondedInTime, callbacks, resolved, satisfied,
    responseRate: rate(respondedInTime, received),
    resolutionRate: rate(resolved, callbacks),
    satisfactionRate: rate(satisfied, callbacks),
  };
}

/**
 * Weights of the monthly composite score, published so a street can recompute its own rank. The
 * 10 / 45 / 45 split is the one widely reported for Beijing's 2019 接诉即办 assessment — it is not in the
 * seeds; change it here, in one place, if the district publishes another.
 */
export const RATE_WEIGHTS = { response: 0.1, resolution: 0.45, satisfaction: 0.45 } as const;
/** Weights for the three rates in a composite score. */
export type RateWeights = { response: number; resolution: number; satisfaction: number };

/** Share of ranked streets named at the bottom of the monthly review (at least one). */
export const MONTHLY_REVIEW_BOTTOM_FRACTION = 0.1;

/** One street's rates for the month, as the ranking takes them. */
export interface StreetRates {
  streetId: string;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
}

/** One line of the monthly ranking; `rank` and `score` are null for a street with no rates at all. */
export interface RankedStreet<S extends StreetRates = StreetRates> {
  street: S;
  /** 0–100, rounded to 6 decimals */
  score: number | null;
  /** shared by streets that tie on score and all three rates ("1, 2, 2, 4") */
  rank: number | null;
  bottom: boolean;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The composite score (0–100): the weighted mean of the rates present, weights renormalised over them; null when none. */
export function compositeScore(r: Omit<StreetRates, 'streetId'>, weights: RateWeights = RATE_WEIGHTS): number | null {
  const parts: [number | null, number][] = [
    [r.responseRate, weights.response], [r.resolutionRate, weights.resolution], [r.satisfactionRate, weights.satisfaction],
  ];
  let sum = 0, weight = 0;
  for (const [rate, w] of parts) {
    if (rate === null || w === 0) continue;
    sum += rate * w;
    weight += w;
  }
  return weight === 0 ? null : round6((100 * sum) / weight);
}

/**
 * The monthly review (月度点评): streets by composite score, best first. A street with no call-backs yet
 * is scored on the rates it has (weights renormalised) rather than given 0 for missing data; a street
 * with no tickets is listed last, unranked, and never named. Ties go to higher satisfaction, then
 * resolution, then response; streets equal on all of these share a rank and are listed by id. The bottom
 * is the last `bottomFraction` of ranked streets (at least one); streets tied with the cut-off are all
 * named rather than split by id, and streets tied with the best are never named.
 */
export function monthlyRanking<S extends StreetRates>(
  streets: readonly S[],
  weights: RateWeights = RATE_WEIGHTS,
  bottomFraction = MONTHLY_REVIEW_BOTTOM_FRACTION,
): { ranking: RankedStreet<S>[]; bottom: string[] } {
  const ws = [weights.response, weights.resolution, weights.satisfaction];
  if (ws.some((w) => !(w >= 0) || !Number.isFinite(w)) || ws.every((w) => w === 0)) {
    throw new RangeError('monthlyRanking: weights must be finite, ≥ 0 and not all 0');
  }
  const key = (s: S) => [s.satisfactionRate, s.resolutionRate, s.responseRate].map((r) => (r === null ? -1 : round6(r)));
  const scored = streets.map((street) => ({ street, score: compositeScore(street, weights), key: key(street) }));
  const ranked = scored.filter((s) => s.score !== null) as { street: S; score: number; key: number[] }[];
  const unranked = scored.filter((s) => s.score === null);

  const compareKeys = (a: (typeof ranked)[number], b: (typeof ranked)[number]) => {
    if (a.score !== b.score) return b.score - a.score;
    for (let i = 0; i < a.key.length; i++) {
      const d = (b.key[i] ?? 0) - (a.key[i] ?? 0);
      if (d !== 0) return d;
    }
    return 0;
  };
  const byId = (a: { street: S }, b: { street: S }) => (a.street.streetId < b.street.streetId ? -1 : a.street.streetId > b.street.streetId ? 1 : 0);
  ranked.sort((a, b) => compareKeys(a, b) || byId(a, b));
  unranked.sort(byId);

  const ranks: number[] = [];
  ranked.forEach((s, i) => {
    const prev = ranked[i - 1];
    ranks.push(prev && compareKeys(prev, s) === 0 ? (ranks[i - 1] ?? i + 1) : i + 1);
  });
  const n = ranked.length;
  const cutRank = n === 0 ? Number.POSITIVE_INFINITY : (ranks[n - Math.max(1, Math.floor(n * bottomFraction))] ?? Number.POSITIVE_INFINITY);

  const ranking: RankedStreet<S>[] = ranked.map((s, i) => {
    const rank = ranks[i] ?? i + 1;
    return { street: s.street, score: s.score, rank, bottom: rank >= cutRank && rank > 1 };
  });
  for (const s of unranked) ranking.push({ street: s.street, score: null, rank: null, bottom: false });
  return { ranking, bottom: ranking.filter((r) => r.bottom).map((r) => r.street.streetId) };
}

// ─── Complainant phone numbers ──────────────────────────────────────────────────────────────────

/** A valid mainland number in canonical digits: 13812345678, or 01012345678 for a Beijing landline. */
export type PhoneResult = { ok: true; phone: string; kind: 'MOBILE' | 'LANDLINE' } | { ok: false; reason: 'INVALID_PHONE' };

/**
 * Normalises a complainant's phone: an 11-digit mobile (1[3-9]…) or a Beijing landline (010 + 8 digits,
 * first not 0 or 1), with an optional +86 / 86 prefix (then the landline's trunk 0 is dropped: +86 10 …),
 * spaces, dashes and brackets. Full-width digits (１３８…, typed with a Chinese IME) are accepted.
 * Output is digits only so equal numbers compare equal; `maskPhone` (orgRules) hides it for display.
 */
export function normalizeMainlandPhone(text: string): PhoneResult {
  const compact = text.normalize('NFKC').replace(/[\s\-()]/g, '');
  if (!/^\+?\d+$/.test(compact)) return { ok: false, reason: 'INVALID_PHONE' };
  const hasPlus = compact.startsWith('+');
  let digits = hasPlus ? compact.slice(1) : compact;
  let international = false;
  if (digits.startsWith('86') && (hasPlus || digits.length > 11)) {
    digits = digits.slice(2);
    international = true;
  } else if (hasPlus) {
    return { ok: false, reason: 'INVALID_PHONE' };
  }
  if (/^1[3-9]\d{9}$/.test(digits)) return { ok: true, phone: digits, kind: 'MOBILE' };
  const landline = international ? /^10([2-9]\d{7})$/.exec(digits) : /^010([2-9]\d{7})$/.exec(digits);
  if (landline) return { ok: true, phone: `010${landline[1]}`, kind: 'LANDLINE' };
  return { ok: false, reason: 'INVALID_PHONE' };
}

// ─── Keyword search ─────────────────────────────────────────────────────────────────────────────

/** At most this many terms per query: each is one LIKE over the text, and more add cost, not precision. */
export const MAX_KEYWORD_TERMS = 8;

function normalizeText(s: string): string {
  // NFKC folds full-width letters, digits and the ideographic space (U+3000) that Chinese IMEs produce
  return s.normalize('NFKC');
}

/**
 * Splits a search query into terms. Chinese has no spaces, so a whitespace- or punctuation-separated
 * chunk is one substring term (房屋漏雨 matches …顶层房屋漏雨严重…); search is substring match — every
 * term must occur (AND), via SQL `LIKE` / PostgreSQL `ILIKE` with `escapeLike` — not word or full-text
 * search, which would need a Chinese segmenter. Terms are lower-cased (compare against lower(column) on
 * SQLite, whose LIKE folds ASCII only), deduplicated, and a term contained in another is dropped since
 * under AND it adds nothing.
 */
export function keywordTerms(query: string): string[] {
  const chunks = normalizeText(query)
    .toLowerCase()
    .split(/[\s,.;:!?，。、；：！？"'“”‘’《》「」()（）]+/u)
    .filter((t) => t.length > 0);
  const unique = [...new Set(chunks)];
  return unique.filter((t) => !unique.some((other) => other !== t && other.includes(t))).slice(0, MAX_KEYWORD_TERMS);
}

/**
 * Escapes LIKE wildcards so a term matches literally; use with `ESCAPE '\'` in the SQL (SQLite has no
 * default escape character, so the clause is required there and harmless on PostgreSQL).
 */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The LIKE pattern for a substring match of one term: `%term%`, escaped. */
export function likePattern(term: string): string {
  return `%${escapeLike(term)}%`;
}

// ─── Months ─────────────────────────────────────────────────────────────────────────────────────

const BEIJING_OFFSET_MS = 8 * HOUR_MS;

/**
 * The instants a Beijing calendar month spans, [from, to): China keeps UTC+8 all year (no DST), so a
 * month is a fixed offset from UTC. A ticket received at 23:30 on 31 October Beijing time is October's.
 */
export function beijingMonth(month: string): { from: Date; to: Date } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const year = Number(m?.[1]);
  const index = Number(m?.[2]) - 1;
  if (!m || index < 0 || index > 11) throw new RangeError(`beijingMonth: expected YYYY-MM, got ${month}`);
  return { from: new Date(Date.UTC(year, index, 1) - BEIJING_OFFSET_MS), to: new Date(Date.UTC(year, index + 1, 1) - BEIJING_OFFSET_MS) };
}

/** The Beijing month (YYYY-MM) an instant falls in. */
export function beijingMonthOf(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 7);
}

/** The `count` Beijing months ending with the month of `at`, oldest first. */
export function monthsEndingAt(at: Date, count: number): string[] {
  const [y, m] = beijingMonthOf(at).split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(y, m - 1 - (count - 1 - i), 1)).toISOString().slice(0, 7));
}
