// Schema tests: the schema served in-process by yoga (yoga.fetch), over a real, seeded database,
// with a current user set per call. No HTTP server: the api has its own tests for transport.
import { DEMO_PASSWORD, type Provider } from '@whistlehub/prisma';
import { createSeededDatabase, type SeededDatabase } from '@whistlehub/prisma/testing';
import { createYoga } from 'graphql-yoga';
import { expect } from 'vitest';
import { LOG_HEAD } from '../src/spine/log.ts';
import { createInProcessPubSub, type Context, FeedHub, loadViewer, type PubSub, resolveViewer, schema, SignInThrottle, type Viewer } from '../src/index.ts';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string } }[];
}

export interface RunOptions {
  /** login of the demo account to run as; anonymous when absent */
  as?: string;
  /** a session or API token to run with instead, resolved and re-checked as the api does (see `signIn`) */
  token?: string;
  clientIp?: string;
}

/** What a subscription over SSE delivered so far, and how it ended. */
export interface Subscription {
  /** every `next` payload, in order */
  items: GraphQLResponse<any>[];
  /** resolves with the first n items once they arrived (rejects if the stream ends first) */
  take(n: number): Promise<GraphQLResponse<any>[]>;
  /** resolves with the first item that matches (rejects if the stream ends first) */
  until(match: (item: GraphQLResponse<any>) => boolean): Promise<GraphQLResponse<any>>;
  /** resolves once the server ended the stream */
  ended: Promise<void>;
  /** cancels the stream from the client side */
  stop(): Promise<void>;
}

export interface HarnessOptions {
  /** the feed hub's replay bound (FeedHub replayLimit); the production default when absent */
  replayLimit?: number;
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
  /** subscribes over SSE (yoga in-process, as a browser's EventSource would) */
  subscribe(query: string, variables?: Record<string, unknown>, options?: RunOptions): Subscription;
  /** signs a demo account in through the schema and returns its session token */
  signIn(login: string): Promise<string>;
  /** the event log's head position now (LogHead) */
  logHead(): Promise<number>;
  viewerOf(login: string): Promise<Viewer>;
  pubsub: PubSub;
  feeds: FeedHub;
  close(): Promise<void>;
}

/** Builds a harness on a fresh seeded database of the provider. */
export async function createHarness(provider: Provider, options: HarnessOptions = {}): Promise<SchemaHarness> {
  const queries: string[] = [];
  const db = await createSeededDatabase(provider, { onQuery: (sql) => queries.push(sql) });
  const pubsub = createInProcessPubSub();
  // a short poll, so that a test of a lost nudge does not wait the production 5 s
  const feeds = new FeedHub(pubsub, { pollMs: 250, replayLimit: options.replayLimit });
  const cookies = { set: [] as string[], cleared: 0 };
  const signInThrottle = new SignInThrottle();

  const viewerOf = async (login: string): Promise<Viewer> => {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { login }, select: { id: true } });
    return (await loadViewer(db.prisma, user.id, { kind: 'session', sessionId: 'test' }))!;
  };

  type ServerContext = { viewer: Viewer | null; revalidate?: () => Promise<Viewer | null>; clientIp: string };
  const yoga = createYoga<ServerContext>({
    schema,
    maskedErrors: true,
    logging: false,
    context: ({ viewer, revalidate, clientIp }): Context => ({
      prisma: db.prisma,
      pubsub,
      feeds,
      revalidateViewer: viewer ? (revalidate ?? (() => loadViewer(db.prisma, viewer.userId, viewer.via))) : undefined,
      signInThrottle,
      viewer,
      clientIp,
      sessionCookie: {
        set: async (token) => void cookies.set.push(token),
        clear: async () => void (cookies.cleared += 1),
      },
    }),
  });

  // a token is resolved per request and re-resolved by live streams, as the api does; a login is a
  // session the database does not hold, so signing out through it ends nothing
  const serverContext = async (options: RunOptions): Promise<ServerContext> => {
    const clientIp = options.clientIp ?? '203.0.113.1';
    if (options.token) {
      const token = options.token;
      return { viewer: await resolveViewer(db.prisma, token), revalidate: () => resolveViewer(db.prisma, token), clientIp };
    }
    return { viewer: options.as ? await viewerOf(options.as) : null, clientIp };
  };
  const request = (query: string, variables: Record<string, unknown> | undefined, accept: string) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify({ query, variables }),
  });

  const run = async (query: string, variables?: Record<string, unknown>, options: RunOptions = {}) => {
    cookies.set = [];
    cookies.cleared = 0;
    const response = await yoga.fetch('http://test/graphql', request(query, variables, 'application/json'), await serverContext(options));
    return (await response.json()) as GraphQLResponse;
  };

  const subscribe = (query: string, variables?: Record<string, unknown>, options: RunOptions = {}): Subscription => {
    const items: GraphQLResponse[] = [];
    const waiters = new Set<() => void>();
    let finished = false;
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    let cancelled = false;
    const notify = () => [...waiters].forEach((w) => w());
    const ended = (async () => {
      const response = await yoga.fetch('http://test/graphql', request(query, variables, 'text/event-stream'), await serverContext(options));
      // a refusal before the stream starts (validation, authorization) may come back as one JSON result
      if (!response.headers.get('content-type')?.includes('text/event-stream')) {
        items.push((await response.json()) as GraphQLResponse);
        return;
      }
      reader = response.body!.getReader();
      if (cancelled) return void (await reader.cancel());
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        // one SSE message per blank line: `event: next` carries a result, `event: complete` ends
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const lines = buffer.slice(0, end).split('\n');
          buffer = buffer.slice(end + 2);
          const event = lines.find((l) => l.startsWith('event:'))?.slice(6).trim();
          const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
          if (event === 'complete') return;
          if (data) {
            items.push(JSON.parse(data) as GraphQLResponse);
            notify();
          }
        }
      }
    })().finally(() => {
      finished = true;
      notify();
    });
    const wait = <T>(ready: () => T | undefined): Promise<T> =>
      new Promise((resolve, reject) => {
        const check = () => {
          const value = ready();
          if (value !== undefined) {
            waiters.delete(check);
            resolve(value);
          } else if (finished) {
            waiters.delete(check);
            reject(new Error(`the stream ended after ${items.length} items: ${JSON.stringify(items)}`));
          }
        };
        waiters.add(check);
        check();
      });
    return {
      items,
      take: (n) => wait(() => (items.length >= n ? items.slice(0, n) : undefined)),
      until: (match) => wait(() => items.find(match)),
      ended,
      stop: async () => {
        cancelled = true;
        await reader?.cancel();
        await ended.catch(() => {});
      },
    };
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
    subscribe,
    signIn: async (login) => {
      const data = (await run(`mutation ($login: String!, $password: String!) { signIn(input: { login: $login, password: $password }) { ... on SignInResult { session { token } } } }`,
        { login, password: DEMO_PASSWORD })).data as { signIn: { session?: { token: string } } };
      expect(data.signIn.session?.token, `sign-in of ${login}`).toBeDefined();
      return data.signIn.session!.token;
    },
    logHead: async () => (await db.prisma.logHead.findUniqueOrThrow({ where: { id: LOG_HEAD } })).position,
    viewerOf,
    pubsub,
    feeds,
    close: async () => {
      feeds.close();
      await db.close();
    },
  };
}
