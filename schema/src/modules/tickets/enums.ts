import { DispatchPartKind, PartStatus, Satisfaction, TicketChannel, TicketStatus } from '@whistlehub/prisma';
import { builder } from '../../builder.ts';

export const TicketStatusEnum = builder.enumType(TicketStatus, {
  name: 'TicketStatus',
  description: 'Where a ticket is in its life cycle: received → dispatched → accepted → in progress → resolved → called back → closed; MERGED for duplicates.',
});
export const TicketChannelEnum = builder.enumType(TicketChannel, {
  name: 'TicketChannel',
  description: 'How a ticket came in; COMMUNITY_PREEMPTIVE is 未诉先办 (claimed by the community before any call).',
});
export const DispatchPartKindEnum = builder.enumType(DispatchPartKind, {
  name: 'DispatchPartKind',
  description: 'Which side of a dual dispatch (双派单): the street office or the community / property manager.',
});
export const PartStatusEnum = builder.enumType(PartStatus, {
  name: 'PartStatus',
  description: 'Progress of one dispatch part, on its own clock.',
});
export const SatisfactionEnum = builder.enumType(Satisfaction, {
  name: 'Satisfaction',
  description: "The resident's answer on the call-back: 满意 / 基本满意 / 不满意.",
});
export const DeadlineKindEnum = builder.enumType('DeadlineKind', {
  values: {
    RESPONSE: { description: 'First response of the handling unit (per category).' },
    FEEDBACK: { description: 'Feedback to the resident within 48 hours, even when not solved yet.' },
    RESOLUTION: { description: "Resolution target of the category, when it has one." },
  } as const,
  description: 'A deadline a ticket can miss.',
});
