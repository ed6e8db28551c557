import { builder } from '../../builder.ts';
import type { AggregateWriteResult } from '../../spine/aggregate.ts';
import { writePayload } from '../../spine/payloads.ts';
import { casesWhereVisibleTo } from './casePolicy.ts';

/** The success of every board mutation: the case after the write. */
export const CaseMutationSuccess = builder.objectRef<AggregateWriteResult & { replayed: boolean }>('CaseMutationSuccess').implement({
  description: 'The case after the change.',
  fields: (t) => ({
    case: t.prismaField({
      type: 'Case',
      description: 'The case as it is now, with its fields’ new versions.',
      resolve: (query, parent, _args, ctx) => ctx.prisma.case.findFirstOrThrow({ ...query, where: { AND: [{ id: parent.id }, casesWhereVisibleTo(ctx.viewer)] } }),
    }),
    seq: t.exposeInt('seq', { description: 'The seq of the last event this write appended (apply events up to it).' }),
    logSeq: t.exposeInt('position', { description: 'Its position in the hub event log (what caseEvents carries as logSeq).' }),
    replayed: t.exposeBoolean('replayed', { description: 'True when this is the stored answer to an earlier request with the same clientMutationId: nothing was written this time.' }),
  }),
});

/** The errors plugin options of a board mutation named `name`. */
export const casePayload = <T extends (new (...args: never[]) => Error)[]>(name: string, types: T) => writePayload(name, types, 'The changed case.');
