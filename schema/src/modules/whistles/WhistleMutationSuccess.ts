import { builder } from '../../builder.ts';
import { writePayload } from '../../spine/payloads.ts';
import type { AggregateWriteResult } from '../../spine/aggregate.ts';
import { whistlesWhereVisibleTo } from './whistlePolicy.ts';

/** The result of a whistle write as mutations return it. */
export type WhistleWriteResult = AggregateWriteResult & { replayed: boolean };

/** The success of every whistle mutation: the whistle as it is after the write. */
export const WhistleMutationSuccess = builder.objectRef<WhistleWriteResult>('WhistleMutationSuccess').implement({
  description: 'The whistle after the change.',
  fields: (t) => ({
    whistle: t.prismaField({
      type: 'Whistle',
      description: 'The whistle, with its new version, stage, summonses and history (as it is now).',
      resolve: (query, parent, _args, ctx) => ctx.prisma.whistle.findFirstOrThrow({ ...query, where: { AND: [{ id: parent.id }, whistlesWhereVisibleTo(ctx.viewer)] } }),
    }),
    version: t.exposeInt('version', { description: 'The version this write produced.' }),
    seq: t.exposeInt('seq', { description: 'The number of the last event this write appended to the whistle history.' }),
    logSeq: t.exposeInt('position', { description: 'The position of that event in the hub event log (what live feeds carry as logSeq).' }),
    replayed: t.exposeBoolean('replayed', { description: 'True when this is the stored answer to an earlier request with the same clientMutationId: nothing was written this time.' }),
  }),
});

/** The errors plugin options of a whistle mutation named `name` (union <Name>Payload). */
export const whistlePayload = <T extends (new (...args: never[]) => Error)[]>(name: string, types: T) => writePayload(name, types, 'The changed whistle.');
