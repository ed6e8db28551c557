// The minutes' action items: an owner (a person or a department) and a due date, tracked until done.
import { z } from 'zod';
import { builder } from '../../../builder.ts';
import { NotFoundError, validateInput } from '../../../errors/index.ts';
import { clientMutationIdSchema } from '../../../spine/writes.ts';
import { MeetingStepError } from '../councilErrors.ts';
import { mayCompleteActionItem, mayManageCouncil } from '../councilPolicy.ts';
import { CouncilMutationSuccess, councilPayload } from '../CouncilMutationSuccess.ts';
import { placeOf } from '../meetingStore.ts';
import { BASE_ERRORS, idOf, meetingOf, validated, writeInput, writeMeeting } from './meetingWrites.ts';

const dueOn = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD').refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00+08:00`)), 'not a date');

builder.mutationField('addActionItem', (t) =>
  t.fieldWithInput({
    description: "Adds an action item to a meeting's minutes: exactly one owner (a person by id, or a department by code) and a due date (Beijing). Also after the meeting closed: minutes are often finished afterwards.",
    authScopes: { signedIn: true },
    input: {
      meetingId: t.input.id({ description: 'Global id of the meeting.' }),
      motionId: t.input.id({ required: false, description: 'The motion it carries out.' }),
      text: t.input.string({ description: 'What is to be done (2–500 characters).' }),
      ownerPersonId: t.input.id({ required: false, description: 'Global id of the Person who owns it.' }),
      ownerDepartmentCode: t.input.string({ required: false, description: 'Or the department that owns it, e.g. 110101-CGZF.' }),
      dueOn: t.input.string({ description: 'Due date, YYYY-MM-DD (Beijing).' }),
      ...writeInput(t),
    },
    type: CouncilMutationSuccess,
    errors: councilPayload('AddActionItem', BASE_ERRORS),
    resolve: async (_root, args, ctx) => {
      const input = await validateInput(
        z.object({ text: z.string().trim().min(2).max(500), dueOn, clientMutationId: clientMutationIdSchema }).passthrough().superRefine((_v, c) => {
          const owners = [args.input.ownerPersonId, args.input.ownerDepartmentCode].filter((o) => o != null && o !== '').length;
          if (owners !== 1) c.addIssue({ code: 'custom', path: ['ownerPersonId'], message: 'give exactly one owner: a person or a department' });
        }),
        args.input,
      );
      const ownerPersonId = args.input.ownerPersonId ? idOf('Person', args.input.ownerPersonId) : null;
      if (ownerPersonId && !(await ctx.prisma.person.findUnique({ where: { id: ownerPersonId }, select: { id: true } }))) throw new NotFoundError('Person', String(args.input.ownerPersonId));
      const department = args.input.ownerDepartmentCode ? await ctx.prisma.department.findUnique({ where: { code: args.input.ownerDepartmentCode }, select: { id: true } }) : null;
      if (args.input.ownerDepartmentCode && !department) throw new NotFoundError('Department', args.input.ownerDepartmentCode);
      const motionId = args.input.motionId ? idOf('Motion', args.input.motionId) : null;
      return writeMeeting(
        ctx,
        { mutation: 'addActionItem', input: args.input, clientMutationId: input.clientMutationId, meetingId: idOf('Meeting', args.input.meetingId), clientId: String(args.input.meetingId) },
        (m) => mayManageCouncil(ctx.viewer, placeOf(m)),
        async (m, _now, tx) => {
          if (motionId && !m.motions.some((x) => x.id === motionId)) throw new NotFoundError('Motion', String(args.input.motionId));
          const item = await tx.actionItem.create({ data: { meetingId: m.id, motionId, text: input.text, ownerPersonId, ownerDepartmentId: department?.id ?? null, dueOn: input.dueOn }, select: { id: true } });
          return { data: {}, events: [{ type: 'ACTION_ITEM_ADDED', motionId, note: item.id }] };
        },
      );
    },
  }),
);

builder.mutationField('completeActionItem', (t) =>
  t.fieldWithInput({
    description: 'Marks an action item done, with what was done. For its owner (the person, or an officer of the department) and whoever runs the council.',
    authScopes: { signedIn: true },
    input: { actionItemId: t.input.id({ description: 'Global id of the ActionItem.' }), note: t.input.string({ required: false, description: 'What was done (up to 2000 characters).' }), ...writeInput(t) },
    type: CouncilMutationSuccess,
    errors: councilPayload('CompleteActionItem', [...BASE_ERRORS, MeetingStepError]),
    resolve: async (_root, args, ctx) => {
      const input = await validated({ note: z.string().trim().max(2000).nullish() }, args.input);
      const { meetingId, id } = await meetingOf(ctx, 'actionItem', args.input.actionItemId);
      const item = await ctx.prisma.actionItem.findUniqueOrThrow({ where: { id }, select: { ownerPersonId: true, ownerDepartmentId: true } });
      return writeMeeting(
        ctx,
        { mutation: 'completeActionItem', input: args.input, clientMutationId: input.clientMutationId, meetingId, clientId: String(args.input.actionItemId) },
        (m) => mayCompleteActionItem(ctx.viewer, placeOf(m), item),
        async (m, now, tx) => {
          if ((await tx.actionItem.updateMany({ where: { id, status: 'OPEN' }, data: { status: 'DONE', doneAt: now, doneNote: input.note ?? null } })).count !== 1) throw new MeetingStepError('ALREADY_DONE');
          return { data: {}, events: [{ type: 'ACTION_ITEM_DONE', note: id }] };
        },
      );
    },
  }),
);
