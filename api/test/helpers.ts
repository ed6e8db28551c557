// A real server on a free port over a seeded throwaway database, for transport tests.
import type { Provider } from '@whistlehub/prisma';
import { createSeededDatabase, type SeededDatabase } from '@whistlehub/prisma/testing';
import { createApp, type App } from '../src/yoga.ts';
import { startServer, type RunningServer } from '../src/server.ts';

export interface TestServer {
  db: SeededDatabase;
  app: App;
  server: RunningServer;
  /** ws://… URL of the GraphQL endpoint */
  wsUrl: string;
  /** POSTs a GraphQL request over real HTTP */
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** signs in over HTTP and returns the session token */
  signIn(login: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** called with every SQL statement the server runs, to show what a request did or did not do */
  onQuery?: (sql: string) => void;
}

/** Starts the api on 127.0.0.1 with an OS-chosen port. */
export async function startTestServer(provider: Provider = 'sqlite', options: TestServerOptions = {}): Promise<TestServer> {
  const db = await createSeededDatabase(provider, options);
  const app = createApp({ prisma: db.prisma, graphiql: false });
  const server = await startServer({ app, port: 0, host: '127.0.0.1', shutdownGraceMs: 500 });
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
      body: JSON.stringify(body),
    });
  return {
    db,
    app,
    server,
    wsUrl: `${server.url.replace('http', 'ws')}/graphql`,
    post,
    signIn: async (login) => {
      const response = await post({
        query: `mutation ($login: String!) { signIn(input: { login: $login, password: "whistlehub-demo" }) { ... on SignInResult { session { token } } } }`,
        variables: { login },
      });
      const json = (await response.json()) as { data: { signIn: { session: { token: string } } } };
      return json.data.signIn.session.token;
    },
    close: async () => {
      await server.close();
      await db.close();
    },
  };
}
