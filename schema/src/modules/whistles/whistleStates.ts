// The whistle's stages and the summons' steps: plain functions, no database (house rule 5).
//
// Stages (Pinggu): 预备哨 PREPARE (the street analyses; not used by the hub yet: a whistle is blown
// when the departments are summoned) → 集结哨 ASSEMBLE (summoned, waiting for them) → 冲锋哨 ACT (the
// first department is on site) → 终场哨 CLOSE (the lead reported and the street confirmed) → 监督哨
// SUPERVISE (follow-up after the close).

/** Whistle stages, in their order. */
export const WHISTLE_STAGES = ['PREPARE', 'ASSEMBLE', 'ACT', 'CLOSE', 'SUPERVISE'] as const;
export type WhistleStage = (typeof WHISTLE_STAGES)[number];

export const WHISTLE_TIERS = ['EMERGENCY', 'KEY', 'ROUTINE'] as const;
export type WhistleTier = (typeof WHISTLE_TIERS)[number];

export const WHISTLE_MODES = ['STREET_WHISTLES', 'LEAD_ASSIST', 'DEPARTMENT_REQUIRES'] as const;
export type WhistleMode = (typeof WHISTLE_MODES)[number];

/** The stages in which departments still act on a whistle (acknowledge, check in, report). */
export const LIVE_STAGES = ['PREPARE', 'ASSEMBLE', 'ACT'] as const satisfies readonly WhistleStage[];
export const isLive = (stage: WhistleStage) => (LIVE_STAGES as readonly WhistleStage[]).includes(stage);

/** What a summons looks like to the step rules. */
export interface SummonsState {
  role: 'LEAD' | 'ASSIST';
  acknowledgedAt: Date | null;
  checkedInAt: Date | null;
  reportedAt: Date | null;
  returnDecision: 'PENDING' | 'ACCEPTED' | 'REJECTED' | null;
}

/** A summons step a department officer takes. */
export type SummonsStep = 'acknowledge' | 'checkIn' | 'report' | 'requestReturn';

/** Why a step or a whistle action is refused. */
export type WhistleProblem =
  | 'NOT_LIVE' /** the whistle is closed (or supervised): departments no longer act on it */
  | 'ALREADY_ACKNOWLEDGED'
  | 'ALREADY_CHECKED_IN'
  | 'ALREADY_REPORTED'
  | 'RETURNED' /** the summons was sent back (退单 accepted) */
  | 'RETURN_PENDING' /** a return request waits for the district platform */
  | 'NO_RETURN_REQUEST'
  | 'NOT_CLOSED' /** supervising or rating needs a closed whistle */
  | 'ALREADY_SUPERVISED'
  | 'LEAD_CANNOT_RETURN';

export type StepResult = { ok: true } | { ok: false; problem: WhistleProblem };

const refuse = (problem: WhistleProblem): StepResult => ({ ok: false, problem });
const OK: StepResult = { ok: true };

/**
 * Whether a department may take `step` on its summons now. Acknowledging and checking in are
 * separate clocks: a check-in without an acknowledgement acknowledges too (the officer is there).
 * A report needs no check-in: a department that helps from its office (Daxing's finance bureau in the
 * 果岭假日 case) reports without a visit, and its on-site clock still counts against it.
 */
export function summonsStep(stage: WhistleStage, s: SummonsState, step: SummonsStep): StepResult {
  if (!isLive(stage)) return refuse('NOT_LIVE');
  if (s.returnDecision === 'ACCEPTED') return refuse('RETURNED');
  switch (step) {
    case 'acknowledge':
      return s.acknowledgedAt ? refuse('ALREADY_ACKNOWLEDGED') : OK;
    case 'checkIn':
      return s.checkedInAt ? refuse('ALREADY_CHECKED_IN') : OK;
    case 'report':
      return s.reportedAt ? refuse('ALREADY_REPORTED') : OK;
    case 'requestReturn':
      if (s.role === 'LEAD') return refuse('LEAD_CANNOT_RETURN');
      if (s.returnDecision === 'PENDING') return refuse('RETURN_PENDING');
      return s.checkedInAt || s.reportedAt ? refuse('ALREADY_CHECKED_IN') : OK;
  }
}

/** The stage after a department checks in: the first one on site turns ASSEMBLE into ACT. */
export function stageAfterCheckIn(stage: WhistleStage): WhistleStage {
  return stage === 'ASSEMBLE' || stage === 'PREPARE' ? 'ACT' : stage;
}

/** What closing needs that is missing. */
export type CloseProblem = 'NOT_LIVE' | 'NO_LEAD_REPORT' | 'NOT_CONFIRMED';

/**
 * Whether the street may close (终场哨): the lead department has reported and the street confirms
 * the problem is handled. Returns every missing condition (empty: may close).
 */
export function closeProblems(stage: WhistleStage, summonses: readonly Pick<SummonsState, 'role' | 'reportedAt'>[], streetConfirms: boolean): CloseProblem[] {
  const problems: CloseProblem[] = [];
  if (!isLive(stage)) problems.push('NOT_LIVE');
  if (!summonses.some((s) => s.role === 'LEAD' && s.reportedAt)) problems.push('NO_LEAD_REPORT');
  if (!streetConfirms) problems.push('NOT_CONFIRMED');
  return problems;
}

/** How long the street has to rate the departments after the close. */
export const EVALUATION_WINDOW_DAYS = 7;

/** When the evaluation window opened at `closedAt` closes. */
export const evaluationClosesAt = (closedAt: Date) => new Date(closedAt.getTime() + EVALUATION_WINDOW_DAYS * 24 * 3600_000);

/** Why a rating is refused. */
export type RatingProblem = 'WINDOW_NOT_OPEN' | 'WINDOW_CLOSED' | 'ALREADY_RATED' | 'RETURNED';

/** Whether the street may rate a summoned department now: inside the window opened at close, once. */
export function ratingProblem(w: { closedAt: Date | null; evaluationClosesAt: Date | null }, s: { returnDecision: SummonsState['returnDecision']; rated: boolean }, now: Date): RatingProblem | null {
  if (!w.closedAt || !w.evaluationClosesAt) return 'WINDOW_NOT_OPEN';
  if (now > w.evaluationClosesAt) return 'WINDOW_CLOSED';
  if (s.returnDecision === 'ACCEPTED') return 'RETURNED';
  if (s.rated) return 'ALREADY_RATED';
  return null;
}

/** The problems with a list of summoned departments: none, or not exactly one lead, or one twice. */
export type SummonsListProblem = 'NO_DEPARTMENT' | 'NO_LEAD' | 'SEVERAL_LEADS' | 'DUPLICATE_DEPARTMENT';

/** Checks the departments a whistle summons: at least one, exactly one LEAD, each once. */
export function summonsListProblem(list: readonly { departmentCode: string; role: 'LEAD' | 'ASSIST' }[]): SummonsListProblem | null {
  if (list.length === 0) return 'NO_DEPARTMENT';
  if (new Set(list.map((s) => s.departmentCode)).size !== list.length) return 'DUPLICATE_DEPARTMENT';
  const leads = list.filter((s) => s.role === 'LEAD').length;
  if (leads === 0) return 'NO_LEAD';
  if (leads > 1) return 'SEVERAL_LEADS';
  return null;
}

/** Whistle numbers: W + the Beijing date of blowing + a 4-digit serial of the day. */
export function whistleNumber(blownAt: Date, serial: number): string {
  const day = new Date(blownAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
  return `W${day}-${String(serial).padStart(4, '0')}`;
}
