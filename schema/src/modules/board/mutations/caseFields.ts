// Creating a case, editing one field against its base version, moving it between columns.
import { z } from 'zod';
import { builder } from '../../../builder.ts';
import { NotFoundError } from '../../../errors/index.ts';
import { createAggregate, forbidden } from '../../../spine/aggregate.ts';
import { CasePriorityEnum, CaseStatusEnum } from '../Case.ts';
import { CaseMutationSuccess, casePayload } from '../CaseMutationSuccess.ts';
import { isCaseStaff, mayEditCase } from '../casePolicy.ts';
import { CASE_FIELDS, caseNumber, fieldValueProblem, moveProblem, normalizeField, VERSION_COLUMN } from '../caseRules.ts';
import { CaseStepError } from '../caseErrors.ts';
import { caseForWrite, caseScopeOf, caseStore, changeCase } from '../caseStore.ts';
import { CASE_ERRORS, caseIdOf, clientMutationIdInput, conflictOn, validated } from './caseWrites.ts';

const CaseFieldEnum = builder.enumType('CaseField', { values: CASE_FIELDS, description: 'A case field edited on its own version: title, description, priority, tags, internalNote (staff only).' });

builder.mutationField('createCase', (t) =>
  t.fieldWithInput({
    description: "Puts a case on a street's board (TODO). For the street's and district's staff, and the council members of the community it names.",
    authScopes: { signedIn: true },
    input: {
      streetCode: t.input.string({ description: 'The street office, e.g. 110101011.' }),
      communityCode: t.input.string({ required: false, description: 'The community whose council works it with the street.' }),
      title: t.input.string({ description: '2–200 characters.' }),
      description: t.input.string({ required: false, description: 'Up to 10,000 characters.' }),
      priority: t.input.field({ type: CasePriorityEnum, required: false, description: 'Default NORMAL.' }),
      ...clientMutationIdInput(t),
    },
    type: CaseMutationSuccess,
    errors: casePayload('CreateCase', CASE_ERRORS),
    resolve: async (_root, args, ctx) => {
      const input = await validated({ title: z.string().trim().min(2).max(200), description: z.string().max(10_000).nullish() }, args.input);
      const street = await ctx.prisma.street.findUnique({ where: { code: args.input.streetCode }, select: { id: true, districtId: true } });
      if (!street) throw new NotFoundError('Street', args.input.streetCode);
      const community = args.input.communityCode ? await ctx.prisma.community.findFirst({ where: { code: args.input.communityCode, streetId: street.id }, select: { id: true } }) : null;
      if (args.input.communityCode && !community) throw new NotFoundError('Community', args.input.communityCode);
      if (!mayEditCase(ctx.viewer, { streetId: street.id, districtId: street.districtId, communityId: community?.id ?? null, departmentIds: [] })) throw forbidden();
      return createAggregate(ctx, caseStore, { mutation: 'createCase', input: args.input, clientMutationId: input.clientMutationId }, async (tx, now) => {
        const day = caseNumber(now, 0).slice(0, 9);
        const last = await tx.case.findFirst({ where: { number: { startsWith: day } }, orderBy: { number: 'desc' }, select: { number: true } });
        const row = await tx.case.create({
          data: {
            number: caseNumber(now, (last ? Number(last.number.slice(day.length + 1)) : 0) + 1), streetId: street.id, districtId: street.districtId, communityId: community?.id ?? null,
            title: input.title, description: input.description ?? '', priority: args.input.priority ?? 'NORMAL', createdById: ctx.viewer?.userId ?? null, createdAt: now, updatedAt: now,
          },
          include: caseForWrite,
        });
        return { row, events: [{ type: 'CREATED', payload: { title: row.title, status: row.status } }] };
      });
    },
  }),
);

builder.mutationField('updateCaseField', (t) =>
  t.fieldWithInput({
    description:
      "Sets one field against the version the writer based it on (`baseVersion`, e.g. `title.version`). A stale base is a CaseConflictError with the value now stored, who changed it and when; writers on different fields never conflict. The internal note is for staff only.",
    authScopes: { signedIn: true },
    input: {
      caseId: t.input.id({ description: 'Global id of the case.' }),
      field: t.input.field({ type: CaseFieldEnum, description: 'The field.' }),
      value: t.input.string({ description: 'The new value (priority: LOW, NORMAL, HIGH or URGENT; tags: space-separated).' }),
      baseVersion: t.input.int({ description: 'The field version the writer saw.' }),
      ...clientMutationIdInput(t),
    },
    type: CaseMutationSuccess,
    errors: casePayload('UpdateCaseField', CASE_ERRORS),
    resolve: async (_root, args, ctx) => {
      const { field, value, baseVersion } = args.input;
      const input = await validated({ value: z.string().superRefine((v, c) => {
        const problem = fieldValueProblem(field, v);
        if (problem) c.addIssue({ code: 'custom', message: problem });
      }) }, args.input);
      return changeCase(
        ctx,
        { mutation: 'updateCaseField', input: args.input, clientMutationId: input.clientMutationId, id: caseIdOf(args.input.caseId), clientId: String(args.input.caseId),
          authorize: (c) => (field === 'internalNote' ? isCaseStaff(ctx.viewer, caseScopeOf(c)) : mayEditCase(ctx.viewer, caseScopeOf(c))) },
        async (c, _now, tx) => {
          const column = VERSION_COLUMN[field];
          if (c[column] !== baseVersion) throw await conflictOn(tx, c.id, field, String(c[field]), c[column]);
          const next = normalizeField(field, value);
          return { data: { [field]: next, [column]: baseVersion + 1 }, events: [{ type: 'FIELD_UPDATED', target: field, payload: { value: next, version: baseVersion + 1 } }] };
        },
      );
    },
  }),
);

builder.mutationField('moveCase', (t) =>
  t.fieldWithInput({
    description: 'Moves a case to another column (only the allowed moves, see Case.allowedMoves), against the status version the writer saw.',
    authScopes: { signedIn: true },
    input: {
      caseId: t.input.id({ description: 'Global id of the case.' }),
      status: t.input.field({ type: CaseStatusEnum, description: 'The column to move to.' }),
      baseVersion: t.input.int({ description: 'Case.statusVersion as the writer saw it.' }),
      ...clientMutationIdInput(t),
    },
    type: CaseMutationSuccess,
    errors: casePayload('MoveCase', CASE_ERRORS),
    resolve: async (_root, args, ctx) => {
      const input = await validated({}, args.input);
      return changeCase(
        ctx,
        { mutation: 'moveCase', input: args.input, clientMutationId: input.clientMutationId, id: caseIdOf(args.input.caseId), clientId: String(args.input.caseId), authorize: (c) => mayEditCase(ctx.viewer, caseScopeOf(c)) },
        async (c, _now, tx) => {
          if (c.statusVersion !== args.input.baseVersion) throw await conflictOn(tx, c.id, 'status', c.status, c.statusVersion);
          const problem = moveProblem(c.status, args.input.status);
          if (problem) throw new CaseStepError(problem, `${c.status} → ${args.input.status}`);
          return {
            data: { status: args.input.status, statusVersion: c.statusVersion + 1 },
            events: [{ type: 'MOVED', target: 'status', payload: { from: c.status, to: args.input.status, version: c.statusVersion + 1 } }],
          };
        },
      );
    },
  }),
);
