// Schema tests: the schema served in-process by yoga (yoga.fetch), over a real, seeded database,
// with a current user set per call. No HTTP server: the api has its own tests for transport.
import type { Provider } from '@whistlehub/prisma';
import { createSeededDatabase, type SeededDatabase } from '@whistlehub/prisma/testing';
import { createYoga } from 'graphql-yoga';
import { expect } from 'vitest';
import { createInProcessPubSub, type Context, FeedHub, loadViewer, type PubSub, schema, SignInThrottle, type Viewer } from '../src/index.ts';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string } }[];
}

export interface RunOptions {
  /** login of the demo account to run as; anonymous when absent */
  as?: string;
  clientIp?: string;
}

/** A seeded database with the schema on top, and typed helpers to query it as any demo account. */
export interface SchemaHarness {
  db: SeededDatabase;
  /** SQL statements run since the last resetQueries() */
  queries: string[];
  resetQueries(): void;
  run(query: string, variables?: Record<string, unknown>, options?: RunOptions): Promise<GraphQLResponse>;
  /** runs and expects no errors; returns data */
  runOk<T = any>(query: string, variables?: Record<string, unknown>, options?: RunOptions): Promise<T>;
  /** runs and expects an error with this code (UNAUTHENTICATED, FORBIDDEN …); returns the response */
  runError(code: string, query: string, variables?: Record<string, unknown>, options?: RunOptions): Promise<GraphQLResponse>;
  /** cookies the schema set or cleared during the last run */
  cookies: { set: string[]; cleared: number };
  viewerOf(login: string): Promise<Viewer>;
  pubsub: PubSub;
  feeds: FeedHub;
  close(): Promise<void>;
}

/** Builds a harness on a fresh seeded database of the provider. */
export async function createHarness(provider: Provider): Promise<SchemaHarness> {
  const queries: string[] = [];
  const db = await createSeededDatabase(provider, { onQuery: (sql) => queries.push(sql) });
  const pubsub = createInProcessPubSub();
  // a short poll, so that a test of a lost nudge does not wait the production 5 s
  const feeds = new FeedHub(pubsub, { pollMs: 250 });
  const cookies = { set: [] as string[], cleared: 0 };
  const signInThrottle = new SignInThrottle();

  const viewerOf = async (login: string): Promise<Viewer> => {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { login }, select: { id: true } });
    return (await loadViewer(db.prisma, user.id, { kind: 'session', sessionId: 'test' }))!;
  };

  const yoga = createYoga<{ viewer: Viewer | null; clientIp: string }>({
    schema,
    maskedErrors: true,
    logging: false,
    context: ({ viewer, clientIp }): Context => ({
      prisma: db.prisma,
      pubsub,
      feeds,
      revalidateViewer: viewer ? () => loadViewer(db.prisma, viewer.userId, viewer.via) : undefined,
      signInThrottle,
      viewer,
      clientIp,
      sessionCookie: {
        set: async (token) => void cookies.set.push(token),
        clear: async () => void (cookies.cleared += 1),
      },
    }),
  });

  const run = async (query: string, variables?: Record<string, unknown>, options: RunOptions = {}) => {
    cookies.set = [];
    cookies.cleared = 0;
    const viewer = options.as ? await viewerOf(options.as) : null;
    const response = await yoga.fetch(
      'http://test/graphql',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) },
      { viewer, clientIp: options.clientIp ?? '203.0.113.1' },
    );
    return (await response.json()) as GraphQLResponse;
  };

  return {
    db,
    queries,
    resetQueries: () => void queries.splice(0),
    run,
    runOk: async (query, variables, options) => {
      const result = await run(query, variables, options);
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      return result.data as never;
    },
    runError: async (code, query, variables, options) => {
      const result = await run(query, variables, options);
      expect(result.errors?.map((e) => e.extensions?.code)).toContain(code);
      return result;
    },
    cookies,
    viewerOf,
    pubsub,
    feeds,
    close: async () => {
      feeds.close();
      await db.close();
    },
  };
}
