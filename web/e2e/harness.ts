// What the browser test files share: Debian's Chromium (playwright-core) against the real api on a
// free port, serving the built app (web/dist) over a freshly seeded SQLite database.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, type RunningServer, startServer } from '@whistlehub/api';
import { createSeededDatabase, requireService, type SeededDatabase } from '@whistlehub/prisma/testing';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Locator, type Page, type WebSocketRoute } from 'playwright-core';
import { expect } from 'vitest';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const webDist = fileURLToPath(new URL('../dist', import.meta.url));

/** Whether the browser suites run: no Chromium fails under CI, and skips with a loud banner elsewhere. */
export const haveChromium = requireService('browser', {
  ok: existsSync(chromiumPath),
  reason: `no Chromium at ${chromiumPath}; apt-get install chromium (or set CHROMIUM_PATH)`,
});

/** The api on a free port, serving web/dist over a freshly seeded SQLite database, and Chromium to drive it. */
export interface BrowserSuite {
  db: SeededDatabase;
  server: RunningServer;
  browser: Browser;
}

/** Starts a {@link BrowserSuite}; `whileLaunching` gets the api as soon as it listens, while Chromium starts. */
export async function startSuite(whileLaunching?: (app: Omit<BrowserSuite, 'browser'>) => void): Promise<BrowserSuite> {
  if (!existsSync(join(webDist, 'index.html'))) {
    throw new Error(`${webDist}/index.html is missing: run \`npm run build --workspace @whistlehub/web\` before the browser tests`);
  }
  const db = await createSeededDatabase('sqlite');
  let server: RunningServer | undefined;
  try {
    server = await startServer({ app: createApp({ prisma: db.prisma }), port: 0, host: '127.0.0.1', webDist });
    whileLaunching?.({ db, server });
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    return { db, server, browser };
  } catch (error) {
    // a suite that did not start is not handed out, so stop here what did
    await stopSuite({ db, server });
    throw error;
  }
}

/** Closes whatever of a {@link BrowserSuite} has started: Chromium, the api, then the database. */
export async function stopSuite(suite: Partial<BrowserSuite> | undefined): Promise<void> {
  await suite?.browser?.close();
  await suite?.server?.close();
  await suite?.db?.close();
}

/** A fresh context on the suite's api: no cookie, no stored language, zh-CN, a laptop's window (`extra`: e.g. a geolocation). */
export function newContext(suite: BrowserSuite, extra: BrowserContextOptions = {}): Promise<BrowserContext> {
  return suite.browser.newContext({ baseURL: suite.server.url, viewport: { width: 1366, height: 900 }, locale: 'zh-CN', ...extra });
}

/** A page in `into` that records its page errors and console errors in `errors`. */
export async function openPage(into: BrowserContext, errors: string[]): Promise<Page> {
  const opened = await into.newPage();
  opened.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  opened.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  return opened;
}

/** The visible text of a locator, once it is there. */
export async function textOf(locator: Locator): Promise<string> {
  await locator.waitFor();
  return (await locator.innerText()).trim();
}

/** Waits until the locator's text satisfies the matcher (the page renders asynchronously). */
export const pollText = (locator: Locator) => expect.poll(() => locator.innerText().catch(() => ''), { timeout: 10_000 });

/** The page's GraphQL WebSockets, passed through to the api: a test sees what the page subscribes to, and can drop a connection and hold the reconnect. */
export interface LiveSockets {
  /** every connection the page opened, oldest first */
  sockets: WebSocketRoute[];
  /** Waits until the page subscribed to a root field on its newest connection. */
  subscribed(field: string): Promise<void>;
  /** Holds every connection the page opens from now on; returns what lets them through. */
  hold(): () => void;
}

/** Passes the page's WebSockets to /graphql through Playwright, so the test can watch and cut them ({@link LiveSockets}). */
export async function passLiveSockets(page: Page): Promise<LiveSockets> {
  const sockets: WebSocketRoute[] = [];
  const subscriptions: { socket: number; field: string }[] = [];
  let gate: Promise<void> | null = null;
  await page.routeWebSocket(/\/graphql$/, async (socket) => {
    const index = sockets.push(socket) - 1;
    if (gate) await gate;
    const server = socket.connectToServer();
    socket.onMessage((message) => {
      const parsed = JSON.parse(String(message)) as { type?: string; payload?: { query?: string } };
      const field = parsed.type === 'subscribe' ? /\{\s*(\w+)/.exec(parsed.payload?.query ?? '')?.[1] : undefined;
      if (field) subscriptions.push({ socket: index, field });
      server.send(message);
    });
  });
  return {
    sockets,
    async subscribed(field) {
      // no wait for the api to set the subscription up: the page subscribes from the log position it
      // read before its list (Query.logSeq), so what is written meanwhile is replayed
      await expect.poll(() => subscriptions.some((sent) => sent.socket === sockets.length - 1 && sent.field === field), { timeout: 10_000 }).toBe(true);
    },
    hold() {
      let release!: () => void;
      gate = new Promise((resolve) => (release = resolve));
      return () => {
        gate = null;
        release();
      };
    },
  };
}

/** Signs `page` in through the sign-in form and waits for the org browser with the viewer's name in the header. */
export async function signInThroughForm(page: Page, login: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByTestId('sign-in-login').fill(login);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await page.waitForURL('/');
  await page.getByTestId('viewer-name').waitFor();
}

/** Set-up calls to the suite's api outside the browser: a GraphQL request (as a Bearer token's user), and a demo login's token. */
export function apiClient(server: RunningServer, password: string) {
  async function api<Data>(query: string, variables: Record<string, unknown>, token?: string): Promise<Data> {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Data; errors?: unknown[] };
    if (body.errors || !body.data) throw new Error(`GraphQL set-up failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  }
  async function tokenOf(login: string): Promise<string> {
    const data = await api<{ signIn: { session?: { token: string } } }>(
      'mutation ($input: SignInInput!) { signIn(input: $input) { ... on SignInResult { session { token } } } }',
      { input: { login, password } },
    );
    return data.signIn.session!.token;
  }
  return { api, tokenOf };
}
