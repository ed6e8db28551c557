import { builder } from '../../builder.ts';
import type { AggregateWriteResult } from '../../spine/aggregate.ts';
import { writePayload } from '../../spine/payloads.ts';

/** The result of a meeting write as mutations return it. */
export type MeetingWriteResult = AggregateWriteResult & { replayed: boolean };

/** The success of every council mutation: the meeting after the write, and the motion it was about. */
export const CouncilMutationSuccess = builder.objectRef<MeetingWriteResult>('CouncilMutationSuccess').implement({
  description: 'The meeting after the change (and the motion it concerned).',
  fields: (t) => ({
    meeting: t.prismaField({
      type: 'Meeting',
      description: 'The meeting as it is now: status, version, attendance, agenda, motions and their tallies.',
      resolve: (query, parent, _args, ctx) => ctx.prisma.meeting.findUniqueOrThrow({ ...query, where: { id: parent.id } }),
    }),
    motion: t.prismaField({
      type: 'Motion',
      nullable: true,
      description: 'The motion the write concerned (proposed, opened, voted on, closed), as it is now; null for other writes.',
      // read off the write's last event, so a replayed answer names the same motion
      resolve: async (query, parent, _args, ctx) => {
        const select = { ...query }; // read even when there is no motion (onUnusedQuery)
        const event = await ctx.prisma.councilEvent.findUnique({ where: { meetingId_seq: { meetingId: parent.id, seq: parent.seq } }, select: { motionId: true } });
        return event?.motionId ? ctx.prisma.motion.findUnique({ ...select, where: { id: event.motionId } }) : null;
      },
    }),
    version: t.exposeInt('version', { description: 'The meeting version this write produced.' }),
    seq: t.exposeInt('seq', { description: 'The number of the last event this write appended to the meeting history.' }),
    logSeq: t.exposeInt('position', { description: 'The position of that event in the hub event log (what live feeds carry as logSeq).' }),
    replayed: t.exposeBoolean('replayed', { description: 'True when this is the stored answer to an earlier request with the same clientMutationId: nothing was written this time.' }),
  }),
});

/** The errors plugin options of a council mutation named `name`. */
export const councilPayload = <T extends (new (...args: never[]) => Error)[]>(name: string, types: T) => writePayload(name, types, 'The changed meeting.');
