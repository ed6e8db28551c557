// THE RACE across two api processes on one database: ten members claim the last place of a post, five
// from each process, in the same instant. On SQLite this is where transactions are refused as busy
// (see retryWhenSqliteBusy in volunteerStore.ts); exactly one claim must win, the rest be waitlisted.
// This file is also the second process: run with RACE_CHILD set, it claims and prints what it got.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createPrisma } from '@whistlehub/prisma';
import { testProviders } from '@whistlehub/prisma/testing';
import { graphql } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Context, createInProcessPubSub, FeedHub, loadViewer, schema, SignInThrottle } from '../src/index.ts';
import { createHarness, type SchemaHarness } from './helpers.ts';

const CLAIM = `mutation ($id: ID!) { claimVolunteerPost(input: { postId: $id }) { __typename ... on ClaimVolunteerPostResult { result { claim { status } } } } }`;

/** One process's claims: each login claims the post at `startAt`; prints the statuses (or error codes) as JSON. */
async function claimAsChild(url: string, postId: string, startAt: number, logins: string[]) {
  const prisma = await createPrisma(url);
  const pubsub = createInProcessPubSub();
  const feeds = new FeedHub(pubsub, {});
  const viewers = await Promise.all(logins.map(async (login) => loadViewer(prisma, (await prisma.user.findUniqueOrThrow({ where: { login } })).id, { kind: 'session', sessionId: 'race' })));
  await new Promise((resolve) => setTimeout(resolve, startAt - Date.now()));
  const statuses = await Promise.all(viewers.map(async (viewer) => {
    const contextValue = { prisma, pubsub, feeds, viewer, signInThrottle: new SignInThrottle(), clientIp: '203.0.113.9', sessionCookie: { set: async () => {}, clear: async () => {} } } as Context;
    const r = await graphql({ schema, source: CLAIM, variableValues: { id: postId }, contextValue });
    const error = r.errors?.[0]?.originalError as { code?: string; meta?: unknown } | undefined;
    return r.errors ? `ERROR ${error?.code} ${JSON.stringify(error?.meta ?? r.errors[0]!.message)}` : (r.data as any).claimVolunteerPost.result.claim.status as string;
  }));
  console.log(JSON.stringify(statuses));
  feeds.close();
  await prisma.$disconnect();
}

if (process.env.RACE_CHILD) {
  const [url, postId, startAt, ...logins] = process.argv.slice(2);
  await claimAsChild(url!, postId!, Number(startAt), logins);
  process.exit(0);
} else {
  describe.each(await testProviders())('the race across two processes on %s', (provider) => {
    let h: SchemaHarness;
    beforeAll(async () => {
      h = await createHarness(provider);
      const p = h.db.prisma;
      const communityId = (await p.community.findUniqueOrThrow({ where: { code: '110101011003' } })).id;
      for (let i = 0; i < 10; i++) {
        const login = `racer${i}`;
        await p.person.create({ data: { id: `per_t_${login}`, name: login } });
        await p.user.create({ data: { id: `usr_t_${login}`, login, displayName: login, passwordHash: 'x', personId: `per_t_${login}` } });
        await p.roleAssignment.create({ data: { userId: `usr_t_${login}`, role: 'PARTY_MEMBER', communityId } });
        await p.partyMember.create({ data: { id: `ptm_t_${login}`, personId: `per_t_${login}`, branch: '测试党支部', organisation: '测试单位', communityId, reportedAt: new Date() } });
      }
    });
    afterAll(() => h?.close());

    const child = (postId: string, startAt: number, logins: string[]) =>
      new Promise<string[]>((resolve, reject) =>
        execFile('npx', ['tsx', fileURLToPath(import.meta.url), h.db.url, postId, String(startAt), ...logins], { env: { ...process.env, RACE_CHILD: '1' } }, (error, stdout, stderr) =>
          error ? reject(new Error(stderr)) : resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as string[])));

    it('ten members, five in each process, claim the last place at once: exactly one wins, nine are waitlisted, claimed stays at places', async () => {
      const post = (await h.runOk(`mutation { publishVolunteerPost(input: { communityCode: "110101011003", category: SAFETY, title: "胡同治安巡逻", description: "", schedule: "每周五 19:00–21:00", places: 1 }) { ... on PublishVolunteerPostResult { result { post { id } } } } }`, {}, { as: 'admin' })).publishVolunteerPost.result.post.id;
      // both processes start up first (a few seconds for tsx), then claim at the same instant
      const startAt = Date.now() + 8000;
      const statuses = (await Promise.all([child(post, startAt, ['racer0', 'racer2', 'racer4', 'racer6', 'racer8']), child(post, startAt, ['racer1', 'racer3', 'racer5', 'racer7', 'racer9'])])).flat();
      expect(statuses.filter((s) => s === 'CLAIMED'), JSON.stringify(statuses)).toHaveLength(1);
      expect(statuses.filter((s) => s === 'WAITLISTED'), JSON.stringify(statuses)).toHaveLength(9);
      const row = await h.db.prisma.volunteerPost.findFirstOrThrow({ where: { title: '胡同治安巡逻', places: 1 }, include: { claims: true } });
      expect(row.claimed).toBe(1);
      expect(row.claims.filter((c) => c.status === 'WAITLISTED').map((c) => c.waitlistPosition).sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }, 60_000);
  });
}
