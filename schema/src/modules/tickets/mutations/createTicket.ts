import { randomInt } from 'node:crypto';
import { InputValidationError } from '@pothos/plugin-validation';
import { z } from 'zod';
import { builder } from '../../../builder.ts';
import { validateInput } from '../../../errors/index.ts';
import { TicketChannelEnum } from '../enums.ts';
import { InvalidPhoneError, OutsideGridError, UnknownCategoryError } from '../ticketErrors.ts';
import { createAggregate } from '../../../spine/aggregate.ts';
import { clientMutationIdOf } from '../../../spine/writes.ts';
import { ticketNumber } from '../ticketStates.ts';
import { ticketStore } from '../ticketStore.ts';
import { normalizeMainlandPhone } from '../../../lib/phone.ts';
import { deadlinesFor } from '../ticketDeadlines.ts';
import { routeTicket } from '../ticketRouting.ts';
import { loadRoutingIndex } from '../routingIndex.ts';
import { CLIENT_MUTATION_ID, TicketMutationSuccess, ticketPayload } from '../TicketMutationSuccess.ts';
import { LngLatInput } from '../../org/enums.ts';

const ComplainantInput = builder.inputType('ComplainantInput', {
  description: 'Who is complaining (personal data: shown only to the handling street office and the dispatcher).',
  fields: (t) => ({
    name: t.string({ description: 'Name.' }),
    phone: t.string({ required: false, description: 'Mainland mobile or Beijing landline.' }),
  }),
});

const schema = z.object({
  channel: z.string(),
  categoryCode: z.string().trim().min(1),
  description: z.string().trim().min(4).max(2000),
  address: z.string().trim().max(200).nullish(),
  location: z.object({ lng: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) }).nullish(),
  gridCellCode: z.string().trim().nullish(),
  assetCode: z.string().trim().nullish(),
  complainant: z.object({ name: z.string().trim().min(1).max(50), phone: z.string().nullish() }).nullish(),
});


builder.mutationField('createTicket', (t) =>
  t.fieldWithInput({
    description: 'Files a ticket from any channel. It is routed by grid cell code, coordinates, asset code or address to its street office, or to the district dispatcher when nothing places it.',
    authScopes: { signedIn: true },
    input: {
      channel: t.input.field({ type: TicketChannelEnum, description: 'How it came in.' }),
      categoryCode: t.input.string({ description: 'Ticket category code, e.g. ROOF_LEAK.' }),
      description: t.input.string({ description: 'What is wrong (4–2000 characters).' }),
      address: t.input.string({ required: false, description: 'Address text.' }),
      location: t.input.field({ type: LngLatInput, required: false, description: 'Coordinates.' }),
      gridCellCode: t.input.string({ required: false, description: 'Grid cell code, when a grid worker files it on the spot.' }),
      assetCode: t.input.string({ required: false, description: 'City component code (8 digits), when it is about one.' }),
      complainant: t.input.field({ type: ComplainantInput, required: false, description: 'Who complains.' }),
      clientMutationId: t.input.string({ required: false, description: CLIENT_MUTATION_ID }),
    },
    type: TicketMutationSuccess,
    errors: ticketPayload('CreateTicket', [UnknownCategoryError, InvalidPhoneError, OutsideGridError, InputValidationError]),
    resolve: async (_root, args, ctx) => {
      const input = await validateInput(schema, args.input);
      const clientMutationId = await clientMutationIdOf(args.input);
      // reads of reference data happen before the write's transaction (on SQLite the transaction
      // holds the one connection); the refusals they lead to are decided inside it
      const category = await ctx.prisma.ticketCategory.findUnique({ where: { code: input.categoryCode } });
      const index = await loadRoutingIndex(ctx.prisma, input.assetCode);
      const route = routeTicket(
        { point: input.location ? [input.location.lng, input.location.lat] : null, gridCellCode: input.gridCellCode, assetCode: input.assetCode, address: input.address },
        index,
      );
      const asset = input.assetCode ? await ctx.prisma.asset.findUnique({ where: { code: input.assetCode }, select: { id: true } }) : null;
      for (let attempt = 1; ; attempt++) {
        try {
          // every typed refusal is decided inside the write, so a retry under the same clientMutationId
          // gets the same answer
          return await createAggregate(ctx, ticketStore, { mutation: 'createTicket', input: args.input, clientMutationId }, async (tx, receivedAt) => {
            if (!category) throw new UnknownCategoryError(input.categoryCode);
            let phone: string | null = null;
            if (input.complainant?.phone) {
              const normalized = normalizeMainlandPhone(input.complainant.phone);
              if (!normalized.ok) throw new InvalidPhoneError(input.complainant.phone);
              phone = normalized.phone;
            }
            // coordinates that fall outside every grid, with nothing else to place the ticket, are a mistake
            // the caller can fix; a ticket with no location at all goes to the dispatchers' pool
            if (route.kind === 'DISTRICT_DISPATCHER' && route.unmatched.length > 0) throw new OutsideGridError(route.unmatched);
            const place =
              route.kind === 'GRID_CELL'
                ? { gridCellId: route.cellId, communityId: route.communityId, streetId: route.streetId, districtId: route.districtId }
                : route.kind === 'ADDRESS_MATCH'
                  ? { gridCellId: null, communityId: route.communityId, streetId: route.streetId, districtId: route.districtId }
                  : { gridCellId: null, communityId: null, streetId: null, districtId: route.districtId };
            const deadlines = deadlinesFor(receivedAt, category);
            // person and ticket commit together or not at all
            const complainant = input.complainant ? await tx.person.create({ data: { name: input.complainant.name, phone }, select: { id: true } }) : null;
            const ticket = await tx.ticket.create({
              data: {
                complainantId: complainant?.id ?? null,
                createdById: ctx.viewer?.userId ?? null,
                number: ticketNumber(receivedAt, randomInt(1_000_000)),
                channel: input.channel as never,
                categoryId: category.id,
                description: input.description,
                address: input.address ?? null,
                lng: input.location?.lng ?? null,
                lat: input.location?.lat ?? null,
                assetId: asset?.id ?? null,
                ...place,
                receivedAt,
                respondBy: deadlines.respondBy,
                feedbackBy: deadlines.feedbackBy,
                resolveBy: deadlines.resolveBy ?? null,
              },
              include: { parts: true, category: { select: { responseHours: true, resolveDays: true } } },
            });
            return { row: ticket, events: [{ type: 'RECEIVED', toStatus: 'RECEIVED' as const, note: `routed by ${route.kind === 'GRID_CELL' ? route.via : route.kind}` }] };
          });
        } catch (error) {
          // a clash of the random daily number: draw again (the unique index keeps numbers unique); a
          // clash of the client mutation id was already answered by the write path
          if ((error as { code?: string }).code === 'P2002' && attempt < 5) continue;
          throw error;
        }
      }
    },
  }),
);
