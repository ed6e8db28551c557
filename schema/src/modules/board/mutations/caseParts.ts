// A case's parts: the ordered checklist (fractional order keys: adding or moving an item writes one
// key), assignments of people and departments, links to tickets, whistles and agenda items.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { builder } from '../../../builder.ts';
import type { Context } from '../../../context.ts';
import { NotFoundError } from '../../../errors/index.ts';
import { idOfType } from '../../../spine/globalIds.ts';
import { ticketsWhereVisibleTo } from '../../tickets/ticketPolicy.ts';
import { whistlesWhereVisibleTo } from '../../whistles/whistlePolicy.ts';
import { CaseMutationSuccess, casePayload } from '../CaseMutationSuccess.ts';
import { mayEditCase } from '../casePolicy.ts';
import { byOrderKey, orderKeyBetween } from '../caseRules.ts';
import { CaseStepError } from '../caseErrors.ts';
import { type CaseChange, type CaseForWrite, caseScopeOf, changeCase } from '../caseStore.ts';
import { CASE_ERRORS, caseIdOf, caseOfItem, clientMutationIdInput, conflictOn, itemOf, validated } from './caseWrites.ts';

const itemText = z.string().trim().min(1).max(500);

/** A write to a case the viewer may edit. */
function editCase(ctx: Context, mutation: string, input: { clientMutationId?: string | null }, caseId: string, clientId: string, decide: (c: CaseForWrite, now: Date, tx: Parameters<Parameters<typeof changeCase>[2]>[2]) => CaseChange | Promise<CaseChange>) {
  return changeCase(ctx, { mutation, input, clientMutationId: input.clientMutationId, id: caseId, clientId, authorize: (c) => mayEditCase(ctx.viewer, caseScopeOf(c)) }, decide);
}

/** The key for a place right after `afterId` (null: first) in the case's checklist, leaving out `moving`. */
function keyAfter(c: CaseForWrite, afterId: string | null, moving: string | null = null) {
  const items = byOrderKey(c.checklist.filter((i) => i.id !== moving));
  if (afterId === null) return orderKeyBetween(null, items[0]?.orderKey ?? null);
  const at = items.findIndex((i) => i.id === afterId);
  if (at < 0) throw new CaseStepError('ITEM_REMOVED', afterId);
  return orderKeyBetween(items[at]!.orderKey, items[at + 1]?.orderKey ?? null);
}

builder.mutationField('addChecklistItem', (t) =>
  t.fieldWithInput({
    description: 'Adds a checklist item after `afterItemId` (at the end when left out, first with `first: true`).',
    authScopes: { signedIn: true },
    input: {
      caseId: t.input.id({ description: 'Global id of the case.' }),
      text: t.input.string({ description: '1–500 characters.' }),
      afterItemId: t.input.string({ required: false, description: 'The item to place it after.' }),
      first: t.input.boolean({ required: false, description: 'Place it first.' }),
      ...clientMutationIdInput(t),
    },
    type: CaseMutationSuccess,
    errors: casePayload('AddChecklistItem', CASE_ERRORS),
    resolve: async (_root, args, ctx) => {
      const input = await validated({ text: itemText }, args.input);
      return editCase(ctx, 'addChecklistItem', args.input, caseIdOf(args.input.caseId), String(args.input.caseId), (c) => {
        const last = byOrderKey(c.checklist).at(-1)?.id ?? null;
        const orderKey = args.input.first ? keyAfter(c, null) : keyAfter(c, args.input.afterItemId ?? last);
        const id = `cli_${randomUUID()}`;
        return {
          data: {},
          events: [{ type: 'CHECKLIST_ADDED', target: `item:${id}`, payload: { id, text: input.text, orderKey, done: false, version: 1 } }],
          also: (tx) => tx.caseChecklistItem.create({ data: { id, caseId: c.id, text: input.text, orderKey } }),
        };
      });
    },
  }),
);

const itemInput = (t: Parameters<Parameters<typeof builder.mutationField>[1]>[0]) => ({ itemId: t.input.string({ description: 'The checklist item id.' }), ...clientMutationIdInput(t) });

/** A write to one checklist item against its base version (toggle, edit). */
async function changeItem(ctx: Context, mutation: string, input: { itemId: string; baseVersion: number; clientMutationId?: string | null }, data: { done?: boolean; text?: string }) {
  const caseId = await caseOfItem(ctx, input.itemId);
  return editCase(ctx, mutation, input, caseId, input.itemId, async (c, _now, tx) => {
    const item = itemOf(c.checklist, input.itemId);
    const target = `item:${item.id}`;
    if (item.version !== input.baseVersion) throw await conflictOn(tx, c.id, target, data.text !== undefined ? item.text : String(item.done), item.version);
    return {
      data: {},
      events: [{ type: data.text !== undefined ? 'CHECKLIST_EDITED' : 'CHECKLIST_TOGGLED', target, payload: { ...data, version: item.version + 1 } }],
      also: (tx2) => tx2.caseChecklistItem.update({ where: { id: item.id }, data: { ...data, version: item.version + 1 } }),
    };
  });
}

builder.mutationField('toggleChecklistItem', (t) =>
  t.fieldWithInput({
    description: 'Marks a checklist item done or not, against its version.',
    authScopes: { signedIn: true },
    input: { ...itemInput(t), done: t.input.boolean({ description: 'Done or not.' }), baseVersion: t.input.int({ description: 'The item version the writer saw.' }) },
    type: CaseMutationSuccess,
    errors: casePayload('ToggleChecklistItem', CASE_ERRORS),
    resolve: async (_root, args, ctx) => {
      await validated({}, args.input);
      return changeItem(ctx, 'toggleChecklistItem', args.input, { done: args.input.done });
    },
  }),
);

builder.mutationField('editChecklistItem', (t) =>
  t.fieldWithInput({
    description: 'Changes a checklist item’s text, against its version.',
    authScopes: { signedIn: true },
    input: { ...itemInput(t), text: t.input.string({ description: '1–500 characters.' }), baseVersion: t.input.int({ description: 'The item version the writer saw.' }) },
    type: CaseMutationSuccess,
    errors: casePayload('EditChecklistItem', CASE_ERRORS),
    resolve: async (_root, args, ctx) => {
      const input = await validated({ text: itemText }, args.input);
      return changeItem(ctx, 'editChecklistItem', args.input, { text: input.text });
    },
  }),
);

builder.mutationField('reorderChecklistItem', (t) =>
  t.fieldWithInput({
    description: 'Moves a checklist item after `afterItemId` (first when left out): one order key is rewritten, so concurrent moves of different items both stand.',
    authScopes: { signedIn: true },
    input: { ...itemInput(t), afterItemId: t.input.string({ required: false, description: 'The item to place it after; first when left out.' }) },
    type: CaseMutationSuccess,
    errors: casePayload('ReorderChecklistItem', CASE_ERRORS),
    resolve: async (_root, args, ctx) => {
      await validated({}, args.input);
      const caseId = await caseOfItem(ctx, args.input.itemId);
      return editCase(ctx, 'reorderChecklistItem', args.input, caseId, args.input.itemId, (c) => {
        const item = itemOf(c.checklist, args.input.itemId);
        const orderKey = keyAfter(c, args.input.afterItemId ?? null, item.id);
        return {
          data: {},
          events: [{ type: 'CHECKLIST_MOVED', target: `item:${item.id}`, payload: { orderKey } }],
          also: (tx) => tx.caseChecklistItem.update({ where: { id: item.id }, data: { orderKey } }),
        };
      });
    },
  }),
);

builder.mutationField('removeChecklistItem', (t) =>
  t.fieldWithInput({
    description: 'Removes a checklist item.',
    authScopes: { signedIn: true },
    input: itemInput(t),
    type: CaseMutationSuccess,
    errors: casePayload('RemoveChecklistItem', CASE_ERRORS),
    resolve: async (_root, args, ctx) => {
      await validated({}, args.input);
      const caseId = await caseOfItem(ctx, args.input.itemId);
      return editCase(ctx, 'removeChecklistItem', args.input, caseId, args.input.itemId, (c, now) => {
        const item = itemOf(c.checklist, args.input.itemId);
        return { data: {}, events: [{ type: 'CHECKLIST_REMOVED', target: `item:${item.id}` }], also: (tx) => tx.caseChecklistItem.update({ where: { id: item.id }, data: { deletedAt: now } }) };
      });
    },
  }),
);

builder.mutationField('assignCase', (t) =>
  t.fieldWithInput({
    description: 'Assigns a person (by login) or a department (by code) to a case. An assigned department’s officers see and edit it.',
    authScopes: { signedIn: true },
    input: {
      caseId: t.input.id({ description: 'Global id of the case.' }),
      login: t.input.string({ required: false, description: 'A user to assign.' }),
      departmentCode: t.input.string({ required: false, description: 'Or a department, e.g. 110101-CGZF.' }),
      ...clientMutationIdInput(t),
    },
    type: CaseMutationSuccess,
    errors: casePayload('AssignCase', CASE_ERRORS),
    resolve: async (_root, args, ctx) => {
      const input = await validated({ login: z.string().nullish(), departmentCode: z.string().nullish() }, args.input, ['login', 'departmentCode']);
      const user = input.login ? await ctx.prisma.user.findUnique({ where: { login: input.login }, select: { id: true } }) : null;
      if (input.login && !user) throw new NotFoundError('User', input.login);
      const dept = input.departmentCode ? await ctx.prisma.department.findUnique({ where: { code: input.departmentCode }, select: { id: true } }) : null;
      if (input.departmentCode && !dept) throw new NotFoundError('Department', input.departmentCode);
      const key = user ? `user:${user.id}` : `dept:${dept!.id}`;
      return editCase(ctx, 'assignCase', args.input, caseIdOf(args.input.caseId), String(args.input.caseId), (c, now) => {
        if (c.assignments.some((a) => a.assigneeKey === key)) throw new CaseStepError('ALREADY_ASSIGNED', key);
        return {
          data: {},
          events: [{ type: 'ASSIGNED', target: key }],
          also: (tx) => tx.caseAssignment.create({ data: { caseId: c.id, assigneeKey: key, userId: user?.id ?? null, departmentId: dept?.id ?? null, at: now } }),
        };
      });
    },
  }),
);

builder.mutationField('unassignCase', (t) =>
  t.fieldWithInput({
    description: 'Removes an assignment (CaseAssignment.key).',
    authScopes: { signedIn: true },
    input: { caseId: t.input.id({ description: 'Global id of the case.' }), key: t.input.string({ description: 'user:<id> or dept:<id>.' }), ...clientMutationIdInput(t) },
    type: CaseMutationSuccess,
    errors: casePayload('UnassignCase', CASE_ERRORS),
    resolve: async (_root, args, ctx) => {
      await validated({}, args.input);
      return editCase(ctx, 'unassignCase', args.input, caseIdOf(args.input.caseId), String(args.input.caseId), (c) => {
        if (!c.assignments.some((a) => a.assigneeKey === args.input.key)) throw new CaseStepError('NOT_ASSIGNED', args.input.key);
        return { data: {}, events: [{ type: 'UNASSIGNED', target: args.input.key }], also: (tx) => tx.caseAssignment.delete({ where: { caseId_assigneeKey: { caseId: c.id, assigneeKey: args.input.key } } }) };
      });
    },
  }),
);

builder.mutationField('linkCase', (t) =>
  t.fieldWithInput({
    description: 'Links a ticket (by number), a whistle (by number) or a council agenda item (by global id) the viewer may see to a case; its card then shows it (a whistle with its countdown).',
    authScopes: { signedIn: true },
    input: {
      caseId: t.input.id({ description: 'Global id of the case.' }),
      ticketNumber: t.input.string({ required: false, description: 'A ticket number.' }),
      whistleNumber: t.input.string({ required: false, description: 'A whistle number.' }),
      agendaItemId: t.input.string({ required: false, description: 'An agenda item id.' }),
      ...clientMutationIdInput(t),
    },
    type: CaseMutationSuccess,
    errors: casePayload('LinkCase', CASE_ERRORS),
    resolve: async (_root, args, ctx) => {
      const input = await validated({}, args.input, ['ticketNumber', 'whistleNumber', 'agendaItemId']);
      let link: { targetKey: string; ticketId?: string; whistleId?: string; agendaItemId?: string };
      if (args.input.ticketNumber) {
        const ticket = await ctx.prisma.ticket.findFirst({ where: { AND: [{ number: args.input.ticketNumber }, ticketsWhereVisibleTo(ctx.viewer)] }, select: { id: true } });
        if (!ticket) throw new NotFoundError('Ticket', args.input.ticketNumber);
        link = { targetKey: `ticket:${ticket.id}`, ticketId: ticket.id };
      } else if (args.input.whistleNumber) {
        const whistle = await ctx.prisma.whistle.findFirst({ where: { AND: [{ number: args.input.whistleNumber }, whistlesWhereVisibleTo(ctx.viewer)] }, select: { id: true } });
        if (!whistle) throw new NotFoundError('Whistle', args.input.whistleNumber);
        link = { targetKey: `whistle:${whistle.id}`, whistleId: whistle.id };
      } else {
        const raw = idOfType('AgendaItem', args.input.agendaItemId!);
        const item = await ctx.prisma.agendaItem.findUnique({ where: { id: raw }, select: { id: true } });
        if (!item) throw new NotFoundError('AgendaItem', args.input.agendaItemId!);
        link = { targetKey: `agenda:${item.id}`, agendaItemId: item.id };
      }
      return editCase(ctx, 'linkCase', { ...args.input, clientMutationId: input.clientMutationId }, caseIdOf(args.input.caseId), String(args.input.caseId), (c, now) => {
        if (c.links.some((l) => l.targetKey === link.targetKey)) throw new CaseStepError('ALREADY_LINKED', link.targetKey);
        return { data: {}, events: [{ type: 'LINKED', target: link.targetKey }], also: (tx) => tx.caseLink.create({ data: { caseId: c.id, ...link, at: now } }) };
      });
    },
  }),
);

builder.mutationField('unlinkCase', (t) =>
  t.fieldWithInput({
    description: 'Removes a link (CaseLink.key).',
    authScopes: { signedIn: true },
    input: { caseId: t.input.id({ description: 'Global id of the case.' }), key: t.input.string({ description: 'ticket:<id>, whistle:<id> or agenda:<id>.' }), ...clientMutationIdInput(t) },
    type: CaseMutationSuccess,
    errors: casePayload('UnlinkCase', CASE_ERRORS),
    resolve: async (_root, args, ctx) => {
      await validated({}, args.input);
      return editCase(ctx, 'unlinkCase', args.input, caseIdOf(args.input.caseId), String(args.input.caseId), (c) => {
        if (!c.links.some((l) => l.targetKey === args.input.key)) throw new CaseStepError('NOT_LINKED', args.input.key);
        return { data: {}, events: [{ type: 'UNLINKED', target: args.input.key }], also: (tx) => tx.caseLink.delete({ where: { caseId_targetKey: { caseId: c.id, targetKey: args.input.key } } }) };
      });
    },
  }),
);
