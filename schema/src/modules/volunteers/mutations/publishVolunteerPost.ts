import { InputValidationError } from '@pothos/plugin-validation';
import { z } from 'zod';
import { builder } from '../../../builder.ts';
import { NotFoundError, validateInput } from '../../../errors/index.ts';
import { createAggregate, forbidden } from '../../../spine/aggregate.ts';
import { CLIENT_MUTATION_ID } from '../../../spine/payloads.ts';
import { clientMutationIdSchema } from '../../../spine/writes.ts';
import { LngLatInput } from '../../org/enums.ts';
import { PostCategoryEnum } from '../VolunteerPost.ts';
import { VolunteerPostMutationSuccess, postPayload } from '../VolunteerMutationSuccess.ts';
import { lngLat } from '../volunteerInputs.ts';
import { communityScopeSelect, isCommunityStaff, scopeOfCommunity } from '../volunteerPolicy.ts';
import { postForWrite, volunteerPostStore } from '../volunteerStore.ts';

const inputSchema = z.object({
  title: z.string().trim().min(2).max(100),
  description: z.string().trim().max(2000),
  schedule: z.string().trim().min(2).max(200),
  places: z.number().int().min(1).max(1000),
  skills: z.array(z.string().trim().min(1).max(30).regex(/^\S+$/, 'one word per skill')).max(20).nullish(),
  location: lngLat.nullish(),
  clientMutationId: clientMutationIdSchema,
}).passthrough();

builder.mutationField('publishVolunteerPost', (t) =>
  t.fieldWithInput({
    description: "The community's staff publish a volunteer post (one of the five categories) with its places; it opens for claims at once.",
    authScopes: { signedIn: true },
    input: {
      communityCode: t.input.string({ description: 'The community, e.g. 110101011003 (草厂社区).' }),
      category: t.input.field({ type: PostCategoryEnum, description: 'One of the five categories.' }),
      title: t.input.string({ description: '2–100 characters.' }),
      description: t.input.string({ description: 'What the volunteers do (up to 2000 characters).' }),
      schedule: t.input.string({ description: 'When, e.g. 每周六 9:00–11:00.' }),
      places: t.input.int({ description: 'How many members (1–1000).' }),
      skills: t.input.stringList({ required: false, description: 'Skills wanted, one word each.' }),
      location: t.input.field({ type: LngLatInput, required: false, description: "Where the post is; the community's centre when absent." }),
      clientMutationId: t.input.string({ required: false, description: CLIENT_MUTATION_ID }),
    },
    type: VolunteerPostMutationSuccess,
    errors: postPayload('PublishVolunteerPost', [NotFoundError, InputValidationError]),
    resolve: async (_root, args, ctx) => {
      const input = await validateInput(inputSchema, args.input);
      const community = await ctx.prisma.community.findUnique({ where: { code: args.input.communityCode }, select: { ...communityScopeSelect, centroidLng: true, centroidLat: true } });
      if (!community) throw new NotFoundError('Community', args.input.communityCode);
      if (!isCommunityStaff(ctx.viewer, scopeOfCommunity(community))) throw forbidden();
      const at = input.location ?? { lng: community.centroidLng ?? 0, lat: community.centroidLat ?? 0 };
      const r = await createAggregate(ctx, volunteerPostStore, { mutation: 'publishVolunteerPost', input: args.input, clientMutationId: input.clientMutationId }, async (tx, now) => {
        const row = await tx.volunteerPost.create({
          data: {
            communityId: community.id, category: args.input.category, title: input.title, description: input.description, schedule: input.schedule, places: input.places,
            skills: (input.skills ?? []).join(' '), lng: at.lng, lat: at.lat, createdById: ctx.viewer?.userId ?? null, createdAt: now,
          },
          include: postForWrite,
        });
        return { row, events: [{ type: 'PUBLISHED' as const, note: input.title }] };
      });
      return { ...r, claimId: null, shiftId: null };
    },
  }),
);
