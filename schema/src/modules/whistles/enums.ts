import { ReturnDecision, SummonsResult, SummonsRole, WhistleDeadlineKind, WhistleDeadlineState, WhistleMode, WhistleStage, WhistleTierLevel } from '@whistlehub/prisma';
import { builder } from '../../builder.ts';

export const WhistleTierEnum = builder.enumType(WhistleTierLevel, {
  name: 'WhistleTierLevel',
  description: 'Tier of a whistle (常规哨 routine, 重点哨 key, 应急哨 emergency); each has its own deadlines per district.',
});
export const WhistleModeEnum = builder.enumType(WhistleMode, {
  name: 'WhistleMode',
  description: '三协同: STREET_WHISTLES (the street whistles, departments report), LEAD_ASSIST (one department leads, the others assist), DEPARTMENT_REQUIRES (a department requires, the street implements).',
});
export const WhistleStageEnum = builder.enumType(WhistleStage, {
  name: 'WhistleStage',
  description: 'Stage (Pinggu): PREPARE 预备哨, ASSEMBLE 集结哨 (summoned), ACT 冲锋哨 (on site), CLOSE 终场哨, SUPERVISE 监督哨 (follow-up).',
});
export const SummonsRoleEnum = builder.enumType(SummonsRole, { name: 'SummonsRole', description: 'The role of a summoned department: LEAD or ASSIST.' });
export const SummonsResultEnum = builder.enumType(SummonsResult, { name: 'SummonsResult', description: "The outcome a department reports: RESOLVED, PARTIAL or UNRESOLVED." });
export const WhistleDeadlineKindEnum = builder.enumType(WhistleDeadlineKind, { name: 'WhistleDeadlineKind', description: "ACK: acknowledge the summons; ON_SITE: check in on site; RETURN_DECISION: the district platform decides a 退单 request (its own clock)." });
export const WhistleDeadlineStateEnum = builder.enumType(WhistleDeadlineState, {
  name: 'WhistleDeadlineState',
  description: 'PENDING (running), FIRED (passed unmet: escalated once), CANCELLED (met in time, or no longer needed).',
});
export const ReturnDecisionEnum = builder.enumType(ReturnDecision, { name: 'ReturnDecision', description: 'The district platform\'s decision on a 退单 request: PENDING, ACCEPTED or REJECTED.' });
