// The whistles' live countdown board in a real browser: the 前门 street office opens /whistles and sees
// the seeded live whistle, with 城管 (the lead) summoned and its clocks counting down each second; the
// 东城 城管 officer acknowledges and checks in with the browser's geolocation (and meets a translated
// error on the way); the street's board follows both live, over its street feed.
import type { RunningServer } from '@whistlehub/api';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSuite, haveChromium, type LiveSockets, newContext, openPage, passLiveSockets, pollText, startSuite, stopSuite, textOf } from './harness.ts';

const PASSWORD = 'whistlehub-demo';
const QIANMEN = '110101011';
const CGZF = '110101-CGZF';
const SCREENSHOT = '/tmp/whistlehub-whistles-board.png';

describe.skipIf(!haveChromium)('whistles in Chromium', () => {
  let server: RunningServer;
  let suite: BrowserSuite;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    suite = await startSuite((app) => {
      ({ server } = app);
    });
  });

  afterAll(() => stopSuite(suite));

  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

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
      { input: { login, password: PASSWORD } },
    );
    return data.signIn.session!.token;
  }

  async function openAs(login: string, extra: Parameters<typeof newContext>[1] = {}): Promise<{ page: Page; sockets: LiveSockets }> {
    const context = await newContext(suite, extra);
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    const page = await openPage(context, errors);
    // the page's WebSockets pass through the test, which sees what the page subscribes to
    const sockets = await passLiveSockets(page);
    await page.goto('/sign-in');
    await page.getByTestId('sign-in-login').fill(login);
    await page.getByTestId('sign-in-password').fill(PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL('/');
    await page.getByTestId('viewer-name').waitFor();
    return { page, sockets };
  }

  it('counts the seeded 前门 whistle down live, and follows 城管 acknowledging and checking in', async () => {
    // the seeded live whistle of 前门 and where 城管 must report
    const token = await tokenOf('street.qianmen');
    const { whistles } = await api<{ whistles: { edges: { node: { number: string; location: { lng: number; lat: number }; summonses: { department: { code: string } }[] } }[] } }>(
      'query ($filter: WhistleFilter) { whistles(filter: $filter) { edges { node { number location { lng lat } summonses { department { code } } } } } }',
      { filter: { live: true, streetCode: QIANMEN } },
      token,
    );
    const seeded = whistles.edges.map((edge) => edge.node).find((node) => node.summonses.some((summons) => summons.department.code === CGZF));
    expect(seeded).toBeDefined();
    const { number, location } = seeded!;

    // the street office opens the board from the navigation
    const { page: street, sockets: streetSockets } = await openAs('street.qianmen');
    await street.getByTestId('nav-whistles').click();
    await street.waitForURL('/whistles');
    expect(await textOf(street.getByTestId('page-title'))).toBe('吹哨倒计时');
    await streetSockets.subscribed('streetWhistleEvents');
    expect(await street.getByTestId('whistle-live').getAttribute('data-feed')).toBe(`street:${QIANMEN}`);
    const card = street.getByTestId(`whistle-${number}`);
    expect(await textOf(card.getByTestId(`summons-department-${CGZF}`))).toBe('东城区城市管理综合行政执法局');
    expect(await textOf(card.getByTestId(`summons-role-${CGZF}`))).toBe('主责');
    // seeded 3 hours ago, routine: 24 h to acknowledge, 72 h to be on site, counting down each second
    const ack = card.getByTestId(`summons-ack-${CGZF}`);
    const first = await textOf(ack);
    expect(first).toMatch(/^还剩 2\d:\d\d:\d\d$/);
    expect(await ack.getAttribute('data-state')).toBe('running');
    expect(await textOf(card.getByTestId(`summons-onsite-${CGZF}`))).toMatch(/^还剩 6\d:\d\d:\d\d$/);
    await pollText(ack).not.toBe(first);
    // the street office may not act for the department
    expect(await card.getByTestId(`summons-acknowledge-${CGZF}`).count()).toBe(0);
    await street.screenshot({ path: SCREENSHOT, fullPage: true });

    // 城管 opens the same board, standing at the whistle's location
    const { page: department } = await openAs('dept.dongcheng.cgzf', {
      geolocation: { longitude: location.lng, latitude: location.lat },
      permissions: ['geolocation'],
    });
    await department.goto('/whistles');
    const own = department.getByTestId(`whistle-${number}`);
    await own.getByTestId(`summons-acknowledge-${CGZF}`).click();
    await pollText(own.getByTestId(`summons-ack-${CGZF}`)).toBe('已响应');
    // the street's board shows it, live
    await pollText(ack).toBe('已响应');
    expect(await ack.getAttribute('data-state')).toBe('met');

    // check-in: a coordinate that is not a number is refused in the interface language
    await own.getByTestId(`summons-check-in-${CGZF}`).click();
    const lng = own.getByTestId(`check-in-lng-${CGZF}`);
    // the browser's position fills the coordinates
    await expect.poll(() => lng.inputValue(), { timeout: 10_000 }).toBe(location.lng.toFixed(6));
    expect(await own.getByTestId(`check-in-lat-${CGZF}`).inputValue()).toBe(location.lat.toFixed(6));
    await lng.fill('东经');
    await own.getByTestId(`check-in-submit-${CGZF}`).click();
    await pollText(own.getByTestId('action-error')).toBe('请检查：经度。');
    await lng.fill(location.lng.toFixed(6));
    await own.getByTestId(`check-in-submit-${CGZF}`).click();
    await pollText(own.getByTestId(`summons-onsite-${CGZF}`)).toBe('已到场');
    expect(await own.getByTestId(`summons-check-in-${CGZF}`).count()).toBe(0);
    // and the street's board follows, live, with no reload
    await pollText(card.getByTestId(`summons-onsite-${CGZF}`)).toBe('已到场');
    expect(await card.getByTestId(`summons-flagged-${CGZF}`).count()).toBe(0);
    expect(await textOf(card.getByTestId('whistle-stage'))).toBe('冲锋哨');
    expect(errors).toEqual([]);
  });
});
