import { InputValidationError } from '@pothos/plugin-validation';
import { z } from 'zod';
import { builder } from '../../../builder.ts';
import { NotFoundError, validateInput } from '../../../errors/index.ts';
import { DispatchPartKindEnum } from '../enums.ts';
import { IllegalTransitionError, TicketConflictError } from '../ticketErrors.ts';
import { TicketMutationSuccess, ticketPayload } from '../TicketMutationSuccess.ts';
import { changePart } from './partAction.ts';

builder.mutationField('addTicketProgress', (t) =>
  t.fieldWithInput({
    description: 'Adds a progress note to a part; the first note within 48 hours is the feedback to the resident.',
    authScopes: { signedIn: true },
    input: {
      id: t.input.id({ description: 'Global id of the ticket.' }),
      part: t.input.field({ type: DispatchPartKindEnum, required: false, description: 'Which part (default STREET).' }),
      expectedVersion: t.input.int({ required: false, description: 'The version the caller saw; a newer one is a conflict.' }),
      note: t.input.string({ required: true, description: 'What was done or found (up to 2000 characters).' }),
    },
    type: TicketMutationSuccess,
    errors: ticketPayload('AddTicketProgress', [NotFoundError, IllegalTransitionError, TicketConflictError, InputValidationError]),
    resolve: async (_root, args, ctx) => {
      const input = await validateInput(z.object({ note: z.string().trim().min(1).max(2000) }).passthrough(), args.input);
      return { ticketId: await changePart(ctx, { ...args.input, note: input.note }, 'progress') };
    },
  }),
);
