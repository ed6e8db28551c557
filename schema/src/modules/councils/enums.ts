import { ActionItemStatus, CouncilRole, Electorate, MeetingStatus, MotionResult, MotionStatus, ThresholdBase, VoteChoice, VotePolicy, VoteRule } from '@whistlehub/prisma';
import { builder } from '../../builder.ts';

export const CouncilRoleEnum = builder.enumType(CouncilRole, { name: 'CouncilRole', description: 'A council seat: CHAIR, VICE_CHAIR or MEMBER.' });
export const MeetingStatusEnum = builder.enumType(MeetingStatus, { name: 'MeetingStatus', description: 'SCHEDULED, OPEN (under way: attendance and votes), CLOSED (minutes written).' });
export const MotionStatusEnum = builder.enumType(MotionStatus, { name: 'MotionStatus', description: 'DRAFT (proposed), OPEN (voting), CLOSED (result frozen).' });
export const VoteRuleEnum = builder.enumType(VoteRule, {
  name: 'VoteRule',
  description: 'SIMPLE_MAJORITY (yes × 2 > base), TWO_THIRDS (yes × 3 ≥ 2 × base), FRACTION (yes × d ≥ n × base, with the fraction stored on the motion).',
});
export const ThresholdBaseEnum = builder.enumType(ThresholdBase, { name: 'ThresholdBase', description: 'What the threshold counts against: ELIGIBLE electors, or the votes CAST (yes + no).' });
export const ElectorateEnum = builder.enumType(Electorate, {
  name: 'Electorate',
  description: 'Who votes: the members PRESENT when the motion opens, ALL_MEMBERS of the council, or the HOUSEHOLDS of the community (one vote each, by its representative).',
});
export const VotePolicyEnum = builder.enumType(VotePolicy, {
  name: 'VotePolicy',
  description: 'NAMED: each ballot is recorded with its voter and may be changed until the motion closes (every submission kept); SECRET: one submission, the choice stored apart from the voter.',
});
export const VoteChoiceEnum = builder.enumType(VoteChoice, { name: 'VoteChoice', description: 'YES, NO or ABSTAIN (counts for quorum, never as yes).' });
export const MotionResultEnum = builder.enumType(MotionResult, {
  name: 'MotionResult',
  description: 'PASSED, REJECTED, TIED (yes = no without meeting the threshold: fails, the status quo stands) or NO_QUORUM (failed for lack of quorum, whatever the ballots).',
});
export const ActionItemStatusEnum = builder.enumType(ActionItemStatus, { name: 'ActionItemStatus', description: 'OPEN or DONE.' });
