// What a viewer may do to a whistle and to each summons now: the policy (whistlePolicy.ts) and the
// step rules (whistleStates.ts) together, so a client shows the buttons the server would accept
// instead of re-deriving the rules from roles.
import { builder } from '../../builder.ts';
import type { Viewer } from '../../auth/viewer.ts';
import { mayPerform } from './whistlePolicy.ts';
import { isLive, ratingProblem, summonsStep, type SummonsState, type WhistleStage } from './whistleStates.ts';

const SUMMONS_ACTIONS = ['ACKNOWLEDGE', 'CHECK_IN', 'REPORT', 'REQUEST_RETURN', 'DECIDE_RETURN'] as const;
const WHISTLE_ACTIONS = ['CLOSE', 'SUPERVISE', 'RATE'] as const;
type SummonsAction = (typeof SUMMONS_ACTIONS)[number];
type WhistleActionName = (typeof WHISTLE_ACTIONS)[number];

export const SummonsActionEnum = builder.enumType('SummonsAction', { values: SUMMONS_ACTIONS, description: 'A step on a summons: acknowledgeSummons, checkIn, fileReport, returnSummons (退单), decideSummonsReturn.' });
export const WhistleActionEnum = builder.enumType('WhistleAction', { values: WHISTLE_ACTIONS, description: 'An action on a whistle: closeWhistle, superviseFollowUp, rateDepartment.' });

const STEP: Record<Exclude<SummonsAction, 'DECIDE_RETURN'>, 'acknowledge' | 'checkIn' | 'report' | 'requestReturn'> = {
  ACKNOWLEDGE: 'acknowledge', CHECK_IN: 'checkIn', REPORT: 'report', REQUEST_RETURN: 'requestReturn',
};

/** The summons steps the viewer may take now. */
export function summonsActionsFor(
  viewer: Viewer | null,
  w: { stage: WhistleStage; streetId: string; districtId: string },
  s: SummonsState & { departmentId: string; departmentStreetId: string | null },
): SummonsAction[] {
  const out: SummonsAction[] = [];
  for (const action of SUMMONS_ACTIONS) {
    if (action === 'DECIDE_RETURN') {
      if (s.returnDecision === 'PENDING' && mayPerform(viewer, 'decideReturn', w)) out.push(action);
      continue;
    }
    if (mayPerform(viewer, STEP[action], w, s) && summonsStep(w.stage, s, STEP[action]).ok) out.push(action);
  }
  return out;
}

/** The whistle actions the viewer may take now (rating: while the window is open; per department see rateDepartment). */
export function whistleActionsFor(
  viewer: Viewer | null,
  w: { stage: WhistleStage; streetId: string; districtId: string; closedAt: Date | null; evaluationClosesAt: Date | null; supervisedAt: Date | null },
  now: Date,
): WhistleActionName[] {
  const out: WhistleActionName[] = [];
  if (isLive(w.stage) && mayPerform(viewer, 'close', w)) out.push('CLOSE');
  if (w.stage === 'CLOSE' && mayPerform(viewer, 'supervise', w)) out.push('SUPERVISE');
  const window = ratingProblem(w, { returnDecision: null, rated: false }, now);
  if (window === null && mayPerform(viewer, 'rate', w)) out.push('RATE');
  return out;
}
