// Running a meeting: schedule it, set its agenda, open it, check attendees in, close it with minutes.
import { z } from 'zod';
import { builder } from '../../../builder.ts';
import { NotFoundError } from '../../../errors/index.ts';
import { forbidden } from '../../../spine/aggregate.ts';
import { CLIENT_MUTATION_ID } from '../../../spine/payloads.ts';
import { ticketsWhereVisibleTo } from '../../tickets/ticketPolicy.ts';
import { whistlesWhereVisibleTo } from '../../whistles/whistlePolicy.ts';
import { MeetingStepError } from '../councilErrors.ts';
import { councilPlace, councilPlaceSelect, mayManageCouncil } from '../councilPolicy.ts';
import { meetingStep } from '../councilRules.ts';
import { CouncilMutationSuccess, councilPayload } from '../CouncilMutationSuccess.ts';
import { createMeeting, meetingForWrite, placeOf } from '../meetingStore.ts';
import { BASE_ERRORS, idOf, validated, writeInput, writeMeeting } from './meetingWrites.ts';

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

builder.mutationField('scheduleMeeting', (t) =>
  t.fieldWithInput({
    description: 'Schedules a council meeting. For its chair and vice-chair, the street office, admins.',
    authScopes: { signedIn: true },
    input: {
      councilId: t.input.id({ description: 'Global id of the council.' }),
      title: t.input.string({ description: 'What it is about (2–200 characters).' }),
      startsAt: t.input.field({ type: 'DateTime', description: 'When it starts.' }),
      place: t.input.string({ description: 'Where (2–200 characters).' }),
      clientMutationId: t.input.string({ required: false, description: CLIENT_MUTATION_ID }),
    },
    type: CouncilMutationSuccess,
    errors: councilPayload('ScheduleMeeting', BASE_ERRORS),
    resolve: async (_root, args, ctx) => {
      const input = await validated({ title: text(2, 200), place: text(2, 200) }, args.input);
      const councilId = idOf('Council', args.input.councilId);
      const council = await ctx.prisma.council.findUnique({ where: { id: councilId }, select: { id: true, ...councilPlaceSelect } });
      if (!council) throw new NotFoundError('Council', String(args.input.councilId));
      if (!mayManageCouncil(ctx.viewer, councilPlace(council))) throw forbidden();
      return createMeeting(ctx, { mutation: 'scheduleMeeting', input: args.input, clientMutationId: input.clientMutationId }, async (tx) => ({
        row: await tx.meeting.create({ data: { councilId, title: input.title, place: input.place, startsAt: args.input.startsAt, createdById: ctx.viewer?.userId ?? null }, include: meetingForWrite }),
        events: [{ type: 'SCHEDULED' }],
      }));
    },
  }),
);

builder.mutationField('addAgendaItem', (t) =>
  t.fieldWithInput({
    description: 'Adds an item at the end of a meeting’s agenda, optionally linking a ticket or a whistle the viewer may see. Not once the meeting is closed.',
    authScopes: { signedIn: true },
    input: {
      meetingId: t.input.id({ description: 'Global id of the meeting.' }),
      title: t.input.string({ description: 'What is discussed (2–200 characters).' }),
      ticketNumber: t.input.string({ required: false, description: 'A ticket to link, by number.' }),
      whistleNumber: t.input.string({ required: false, description: 'A whistle to link, by number.' }),
      ...writeInput(t),
    },
    type: CouncilMutationSuccess,
    errors: councilPayload('AddAgendaItem', [...BASE_ERRORS, MeetingStepError]),
    resolve: async (_root, args, ctx) => {
      const input = await validated({ title: text(2, 200) }, args.input);
      const ticket = args.input.ticketNumber ? await ctx.prisma.ticket.findFirst({ where: { AND: [{ number: args.input.ticketNumber }, ticketsWhereVisibleTo(ctx.viewer)] }, select: { id: true } }) : null;
      if (args.input.ticketNumber && !ticket) throw new NotFoundError('Ticket', args.input.ticketNumber);
      const whistle = args.input.whistleNumber ? await ctx.prisma.whistle.findFirst({ where: { AND: [{ number: args.input.whistleNumber }, whistlesWhereVisibleTo(ctx.viewer)] }, select: { id: true } }) : null;
      if (args.input.whistleNumber && !whistle) throw new NotFoundError('Whistle', args.input.whistleNumber);
      return writeMeeting(
        ctx,
        { mutation: 'addAgendaItem', input: args.input, clientMutationId: input.clientMutationId, meetingId: idOf('Meeting', args.input.meetingId), clientId: String(args.input.meetingId) },
        (m) => mayManageCouncil(ctx.viewer, placeOf(m)),
        async (m, _now, tx) => {
          if (m.status === 'CLOSED') throw new MeetingStepError('MEETING_CLOSED');
          const last = await tx.agendaItem.findFirst({ where: { meetingId: m.id }, orderBy: { position: 'desc' }, select: { position: true } });
          return {
            data: {},
            events: [{ type: 'AGENDA_ITEM_ADDED', note: input.title }],
            also: (tx2) => tx2.agendaItem.create({ data: { meetingId: m.id, position: (last?.position ?? 0) + 1, title: input.title, ticketId: ticket?.id ?? null, whistleId: whistle?.id ?? null } }),
          };
        },
      );
    },
  }),
);

builder.mutationField('openMeeting', (t) =>
  t.fieldWithInput({
    description: 'Opens a scheduled meeting: attendance check-in and votes can start.',
    authScopes: { signedIn: true },
    input: { meetingId: t.input.id({ description: 'Global id of the meeting.' }), ...writeInput(t) },
    type: CouncilMutationSuccess,
    errors: councilPayload('OpenMeeting', [...BASE_ERRORS, MeetingStepError]),
    resolve: async (_root, args, ctx) => {
      const input = await validated({}, args.input);
      return writeMeeting(
        ctx,
        { mutation: 'openMeeting', input: args.input, clientMutationId: input.clientMutationId, meetingId: idOf('Meeting', args.input.meetingId), clientId: String(args.input.meetingId) },
        (m) => mayManageCouncil(ctx.viewer, placeOf(m)),
        (m, now) => {
          const problem = meetingStep(m.status, 'open');
          if (problem) throw new MeetingStepError(problem);
          return { data: { status: 'OPEN', openedAt: now }, events: [{ type: 'OPENED' }] };
        },
      );
    },
  }),
);

builder.mutationField('checkInAttendee', (t) =>
  t.fieldWithInput({
    description:
      'Checks a person in at an open meeting: a member or a household representative of the community checks themself in (leave `personId` out); whoever runs the meeting records anyone entitled. Once per person.',
    authScopes: { signedIn: true },
    input: { meetingId: t.input.id({ description: 'Global id of the meeting.' }), personId: t.input.id({ required: false, description: 'Global id of the Person to record (for those who run the meeting).' }), ...writeInput(t) },
    type: CouncilMutationSuccess,
    errors: councilPayload('CheckInAttendee', [...BASE_ERRORS, MeetingStepError]),
    resolve: async (_root, args, ctx) => {
      const input = await validated({}, args.input);
      const personId = args.input.personId ? idOf('Person', args.input.personId) : ctx.viewer?.personId;
      if (!personId) throw forbidden();
      const self = personId === ctx.viewer?.personId;
      return writeMeeting(
        ctx,
        { mutation: 'checkInAttendee', input: args.input, clientMutationId: input.clientMutationId, meetingId: idOf('Meeting', args.input.meetingId), clientId: String(args.input.meetingId) },
        (m) => self || mayManageCouncil(ctx.viewer, placeOf(m)),
        async (m, now, tx) => {
          const problem = meetingStep(m.status, 'checkIn');
          if (problem) throw new MeetingStepError(problem);
          if (m.attendance.some((a) => a.personId === personId)) throw new MeetingStepError('ALREADY_CHECKED_IN');
          const member = m.council.members.some((s) => s.personId === personId);
          const household = member ? null : await tx.household.findFirst({ where: { communityId: m.council.communityId, representativeId: personId }, select: { id: true } });
          if (!member && !household) throw new MeetingStepError('NOT_AN_ATTENDEE');
          return {
            data: {},
            events: [{ type: 'CHECKED_IN', note: personId }],
            also: (tx2) => tx2.meetingAttendance.create({ data: { meetingId: m.id, personId, at: now, recordedById: ctx.viewer?.userId ?? null } }),
          };
        },
      );
    },
  }),
);

builder.mutationField('closeMeeting', (t) =>
  t.fieldWithInput({
    description: 'Closes an open meeting with its minutes (the decisions). Every motion must be closed first.',
    authScopes: { signedIn: true },
    input: { meetingId: t.input.id({ description: 'Global id of the meeting.' }), minutes: t.input.string({ description: 'The decisions (2–5000 characters).' }), ...writeInput(t) },
    type: CouncilMutationSuccess,
    errors: councilPayload('CloseMeeting', [...BASE_ERRORS, MeetingStepError]),
    resolve: async (_root, args, ctx) => {
      const input = await validated({ minutes: text(2, 5000) }, args.input);
      return writeMeeting(
        ctx,
        { mutation: 'closeMeeting', input: args.input, clientMutationId: input.clientMutationId, meetingId: idOf('Meeting', args.input.meetingId), clientId: String(args.input.meetingId) },
        (m) => mayManageCouncil(ctx.viewer, placeOf(m)),
        (m, now) => {
          const problem = meetingStep(m.status, 'close', m.motions.filter((x) => x.status === 'OPEN').length);
          if (problem) throw new MeetingStepError(problem);
          return { data: { status: 'CLOSED', closedAt: now, minutes: input.minutes }, events: [{ type: 'CLOSED' }] };
        },
      );
    },
  }),
);
