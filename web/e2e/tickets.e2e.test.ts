// The tickets section in a real browser: Debian's Chromium (playwright-core) against the real api on a
// free port, serving the built app (web/dist) and a freshly seeded SQLite database. A resident files a
// ticket; the 前门 street office finds it at the top of its inbox, dispatches it to both sides and
// accepts it (meeting a conflict on the way); the inbox follows the street live, filters by keyword
// and shows what is overdue; the 12345 hotline records a call-back.
import { type RunningServer, SESSION_COOKIE } from '@whistlehub/api';
import type { SeededDatabase } from '@whistlehub/prisma/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type BrowserSuite, haveChromium, newContext, openPage, passLiveSockets, pollText, startSuite, stopSuite, textOf } from './harness.ts';

const CAOCHANG = '110101011003';
const PASSWORD = 'whistlehub-demo';
const SCREENSHOTS = { inbox: '/tmp/whistlehub-tickets-inbox.png', detail: '/tmp/whistlehub-ticket-detail.png' };

describe.skipIf(!haveChromium)('tickets in Chromium', () => {
  let db: SeededDatabase;
  let server: RunningServer;
  let suite: BrowserSuite;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    suite = await startSuite((app) => {
      ({ db, server } = app);
      // the sessions the tests use, signed in while Chromium starts (password hashing is slow on purpose)
      for (const login of ['resident.demo', 'street.qianmen', 'hotline.12345', 'dispatcher.dongcheng']) void tokenOf(login);
    });
  });

  afterAll(() => stopSuite(suite));

  beforeEach(async () => {
    errors.length = 0;
    context = await newContext(suite);
    // fail a step in seconds, not at the test's timeout, so a failure names the step
    context.setDefaultTimeout(10_000);
    page = await openPage(context, errors);
  });

  afterEach(async () => {
    await context?.close();
  });

  /** Signs in through the sign-in page and waits for the header to know the user. */
  async function signIn(login: string) {
    await page.goto('/sign-in');
    await page.getByTestId('sign-in-login').fill(login);
    await page.getByTestId('sign-in-password').fill(PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL('/');
    await page.getByTestId('viewer-name').waitFor();
  }

  /** Runs a GraphQL request against the api as the holder of `token` (test set-up, not what is tested). */
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

  // one session per demo account for the whole file: signing in hashes the password, on purpose slowly
  const tokens = new Map<string, Promise<string>>();

  /** A session token of a demo account. */
  function tokenOf(login: string): Promise<string> {
    if (!tokens.has(login)) {
      const data = api<{ signIn: { session?: { token: string } } }>(
        'mutation ($input: SignInInput!) { signIn(input: $input) { ... on SignInResult { session { token } } } }',
        { input: { login, password: PASSWORD } },
      );
      tokens.set(login, data.then((signedIn) => signedIn.signIn.session!.token));
    }
    return tokens.get(login)!;
  }

  /** Signs the browser in with a session cookie (the sign-in page itself is tested in the first test and in org.e2e). */
  async function signInWithCookie(login: string) {
    await context.addCookies([{ name: SESSION_COOKIE, value: await tokenOf(login), url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  }

  /** A ticket a resident files on the spot in the first grid cell of 草厂社区; returns its id and number. */
  async function fileTicket(description: string): Promise<{ id: string; number: string }> {
    const cell = await db.prisma.gridCell.findFirstOrThrow({ where: { code: { startsWith: CAOCHANG } }, orderBy: { code: 'asc' } });
    const data = await api<{ createTicket: { result?: { ticket: { id: string; number: string } } } }>(
      'mutation ($input: CreateTicketInput!) { createTicket(input: $input) { ... on CreateTicketResult { result { ticket { id number } } } } }',
      { input: { channel: 'APP', categoryCode: 'ROOF_LEAK', description, gridCellCode: cell.code, complainant: { name: '李四', phone: '13900001111' } } },
      await tokenOf('resident.demo'),
    );
    return data.createTicket.result!.ticket;
  }

  /** A ticket filed with no place at all: it goes to the city-level pool, which the district dispatchers route. */
  async function filePoolTicket(description: string): Promise<{ id: string; number: string }> {
    const data = await api<{ createTicket: { result?: { ticket: { id: string; number: string } } } }>(
      'mutation ($input: CreateTicketInput!) { createTicket(input: $input) { ... on CreateTicketResult { result { ticket { id number } } } } }',
      { input: { channel: 'APP', categoryCode: 'ROOF_LEAK', description } },
      await tokenOf('resident.demo'),
    );
    return data.createTicket.result!.ticket;
  }

  /** The numbers of the inbox rows, top to bottom. */
  const rowNumbers = () => page.locator('tr[data-number]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-number')));

  it('takes a resident’s ticket from the intake form to the street office, which dispatches it to both sides and accepts it', async () => {
    const cell = await db.prisma.gridCell.findFirstOrThrow({ where: { code: { startsWith: CAOCHANG } }, orderBy: { code: 'asc' } });

    // ── a resident files it in the app ──
    await signIn('resident.demo');
    await page.getByTestId('nav-tickets').click();
    await page.waitForURL('/tickets');
    expect(await textOf(page.getByTestId('page-title'))).toBe('我的工单');
    await page.getByTestId('new-ticket').click();
    await page.waitForURL('/tickets/new');
    expect(await page.title()).toBe('新建工单 · 汇哨');
    // a resident files in the app; there is nothing to choose
    expect(await textOf(page.getByTestId('intake-channel-fixed'))).toBe('网上反映');

    await page.getByTestId('intake-category').selectOption('ROOF_LEAK');
    await page.getByTestId('intake-description').fill('漏雨');
    await page.getByTestId('intake-lng').fill('0.5');
    await page.getByTestId('intake-lat').fill('0.5');
    await page.getByTestId('intake-name').fill('张三');
    await page.getByTestId('intake-phone').fill('12345');
    const submit = page.getByTestId('intake-submit');

    // every typed error of the API lands next to its field, translated; the API checks in this order
    await submit.click();
    await pollText(page.getByTestId('intake-error-description')).toBe('请填写 4–2000 字的诉求内容。');
    expect(await textOf(page.getByTestId('intake-error'))).toBe('工单未提交，请按提示修改。');
    await page.getByTestId('intake-description').fill(`${cell.name}平房房屋漏雨，屋顶需要修缮，下雨天屋里接了三个盆`);
    await submit.click();
    await pollText(page.getByTestId('intake-error-complainantPhone')).toBe('“12345”不是有效的手机号或北京固话。');
    expect(await page.getByTestId('intake-error-description').count()).toBe(0);
    await page.getByTestId('intake-phone').fill('13812345678');
    await submit.click();
    // (without an address: a street or community named in it would place the ticket after all)
    await pollText(page.getByTestId('intake-error-location')).toBe('该坐标不在任何网格内，请核对，或改为只填地址。');
    await page.getByTestId('intake-address').fill('前门街道草厂社区草厂三条 12 号');
    await page.getByTestId('intake-lng').fill(String(cell.centroidLng));
    await page.getByTestId('intake-lat').fill(String(cell.centroidLat));
    await submit.click();

    await page.waitForURL(/\/tickets\/\d{8}-\d{6}$/);
    const number = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await pollText(page.getByTestId('ticket-status')).toBe('已受理');
    expect(await textOf(page.getByTestId('page-title'))).toBe(`工单 ${number}`);
    expect(await textOf(page.getByTestId('ticket-place'))).toBe(`前门街道 › 草厂社区 › ${cell.name}`);
    expect(await textOf(page.getByTestId('ticket-channel'))).toBe('网上反映');
    expect(await textOf(page.getByTestId('event-1').getByTestId('event-type'))).toBe('受理');
    expect(await textOf(page.getByTestId('event-1').getByTestId('event-note'))).toBe('按坐标定位分派到所属街道');
    // the resident who filed it sees what they entered (others who do not handle it see it masked)
    expect(await textOf(page.getByTestId('complainant-name'))).toBe('张三');
    expect(await page.getByTestId('complainant-masked-hint').count()).toBe(0);
    expect(await textOf(page.getByTestId('no-actions'))).toBe('您当前不能对该工单进行操作。');

    // ── the street office finds it at the top of its inbox ──
    await context.clearCookies();
    await signInWithCookie('street.qianmen');
    await page.goto('/');
    await pollText(page.getByTestId('viewer-name')).toBe('前门街道工作人员');
    await page.getByTestId('nav-tickets').click();
    await page.waitForURL('/tickets');
    await page.locator('tr[data-number]').first().waitFor();
    expect((await rowNumbers())[0]).toBe(number);
    const row = page.getByTestId(`ticket-row-${number}`);
    expect(await textOf(row.getByTestId('ticket-status'))).toBe('已受理');
    expect(await textOf(row.getByTestId('ticket-category'))).toBe('房屋漏雨');
    expect(await textOf(row.getByTestId('ticket-clock'))).toMatch(/^响应\s*还剩 2[34] 小时$/);
    expect(await row.getAttribute('data-overdue')).toBe('false');
    await row.getByTestId('ticket-link').click();
    await page.waitForURL(`/tickets/${number}`);

    // the handling office sees the complainant in full
    await pollText(page.getByTestId('complainant-name')).toBe('张三');
    expect(await textOf(page.getByTestId('complainant-phone'))).toBe('13812345678');
    expect(await page.getByTestId('complainant-masked-hint').count()).toBe(0);

    // dispatch to the street office and the community at once (双派单)
    await page.getByTestId('dispatch-dual').check();
    await page.getByTestId('dispatch-assignee').fill('草厂物业服务中心');
    await page.getByTestId('dispatch-submit').click();
    await pollText(page.getByTestId('ticket-status')).toBe('已派单');
    expect(await textOf(page.getByTestId('part-status-STREET'))).toBe('待接单');
    expect(await textOf(page.getByTestId('part-status-COMMUNITY'))).toBe('待接单');
    expect(await textOf(page.getByTestId('part-COMMUNITY'))).toContain('草厂社区 · 草厂物业服务中心');
    expect(await textOf(page.getByTestId('parts').getByTestId('dual-badge'))).toBe('双派单');

    // meanwhile a colleague accepts the community side in another window …
    const colleague = await openPage(context, errors);
    await colleague.goto(`/tickets/${number}`);
    await colleague.getByTestId('part-accept-COMMUNITY').click();
    await pollText(colleague.getByTestId('part-status-COMMUNITY')).toBe('已接单');
    await colleague.close();

    // … so accepting the street side on the version shown here is a conflict, not a silent overwrite
    await page.getByTestId('part-accept-STREET').click();
    const conflict = page.getByTestId('part-actions-STREET').getByTestId('action-error');
    await pollText(conflict).toMatch(/^已被他人修改（前门街道工作人员，\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}），当前状态：已派单。请刷新后再操作。/);
    expect(await textOf(page.getByTestId('part-status-COMMUNITY'))).toBe('待接单');
    await conflict.getByTestId('action-reload').click();
    await pollText(page.getByTestId('part-status-COMMUNITY')).toBe('已接单');
    expect(await page.getByTestId('action-error').count()).toBe(0);
    await page.getByTestId('part-accept-STREET').click();
    await pollText(page.getByTestId('part-status-STREET')).toBe('已接单');
    await pollText(page.getByTestId('ticket-status')).toBe('已接单');

    // the timeline tells the story, oldest first, with who did what to which side
    const timeline = page.getByTestId('timeline').locator('li');
    await expect.poll(() => timeline.count()).toBe(4);
    expect(await timeline.getByTestId('event-type').allInnerTexts()).toEqual(['受理', '派单', '接单', '接单']);
    expect(await timeline.getByTestId('event-actor').allInnerTexts()).toEqual(['居民', '前门街道工作人员', '前门街道工作人员', '前门街道工作人员']);
    expect(await textOf(page.getByTestId('event-2').getByTestId('event-note'))).toBe('双派单：街道与社区（物业）同时派发');
    expect(await textOf(page.getByTestId('event-3'))).toContain('社区（物业）');
    expect(await textOf(page.getByTestId('event-4'))).toContain('街道');
    // accepted in time: the response deadline is met
    expect(await page.getByTestId('deadline-RESPONSE').getAttribute('data-missed')).toBe('false');
    await page.screenshot({ path: SCREENSHOTS.detail, fullPage: true });

    // back in the inbox the row shows the new state and the dual badge
    await page.getByTestId('back-to-inbox').click();
    await page.waitForURL('/tickets');
    await pollText(row.getByTestId('ticket-status')).toBe('已接单');
    expect(await textOf(row.getByTestId('dual-badge'))).toBe('双派单');

    expect(errors).toEqual([]);
  });

  it('follows the street live, filters the inbox by keyword in the address bar, highlights overdue tickets and counts down without asking the API', async () => {
    const fresh = await fileTicket('草厂三条平房房屋漏雨，屋顶瓦片松动');
    const respondBy = Date.now() + 24 * 3_600_000;
    const sockets = await passLiveSockets(page);
    await signInWithCookie('street.qianmen');
    let inboxQueries = 0;
    page.on('request', (request) => {
      if (request.postData()?.includes('TicketInboxQuery')) inboxQueries++;
    });
    // the page's clock from here on is Playwright's, so the test can move it (time still flows)
    await page.clock.install();

    await page.goto('/tickets');
    await page.locator('tr[data-number]').first().waitFor();
    expect((await rowNumbers())[0]).toBe(fresh.number);
    const freshRow = page.getByTestId(`ticket-row-${fresh.number}`);
    expect(await textOf(freshRow.getByTestId('ticket-clock'))).toMatch(/^响应\s*还剩 23 小时$/);
    expect(await freshRow.getAttribute('data-overdue')).toBe('false');

    // live: a ticket filed meanwhile appears at the top, and its dispatch shows in place, no reload
    await page.getByTestId('ticket-live').waitFor();
    expect(await textOf(page.getByTestId('ticket-live'))).toBe('实时更新中');
    await sockets.subscribed('ticketEvents');
    const live = await fileTicket('草厂四条院内房屋漏雨，墙皮脱落');
    await expect.poll(async () => (await rowNumbers())[0], { timeout: 10_000 }).toBe(live.number);
    const liveRow = page.getByTestId(`ticket-row-${live.number}`);
    expect(await textOf(liveRow.getByTestId('ticket-status'))).toBe('已受理');
    await api('mutation ($input: DispatchTicketInput!) { dispatchTicket(input: $input) { __typename } }', { input: { id: live.id, dual: true } }, await tokenOf('street.qianmen'));
    await pollText(liveRow.getByTestId('ticket-status')).toBe('已派单');
    expect(await textOf(liveRow.getByTestId('dual-badge'))).toBe('双派单');

    // more than a page: with the rest loaded, a ticket filed now starts the list over from the top,
    // whole and without a gap (not the later page alone, refetched by its old cursor)
    const all = Number(/\d+/.exec(await textOf(page.getByTestId('ticket-count')))![0]);
    expect(all).toBeGreaterThan(50);
    await page.getByTestId('load-more').click();
    await expect.poll(() => page.locator('tr[data-number]').count()).toBe(all);
    const next = await fileTicket('草厂三条房屋漏雨，翻到第二页时报来');
    await expect.poll(async () => (await rowNumbers())[0], { timeout: 10_000 }).toBe(next.number);
    await pollText(page.getByTestId('ticket-count')).toBe(`共 ${all + 1} 件`);
    const numbers = await rowNumbers();
    expect(numbers).toHaveLength(50);
    expect(new Set(numbers).size).toBe(50);
    expect(numbers).toContain(fresh.number);
    await page.screenshot({ path: SCREENSHOTS.inbox });
    const total = await textOf(page.getByTestId('ticket-count'));

    // a Chinese keyword, through the search box
    await page.getByTestId('filter-keyword').fill('漏雨');
    await page.getByTestId('filter-keyword').press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === '漏雨');
    await pollText(page.getByTestId('ticket-count')).not.toBe(total);
    const categories = await page.getByTestId('ticket-category').allInnerTexts();
    expect(categories.length).toBeGreaterThan(1);
    expect(new Set(categories)).toEqual(new Set(['房屋漏雨']));
    for (const text of await page.getByTestId('ticket-description').allInnerTexts()) expect(text).toContain('漏雨');

    // the filter lives in the address: a reload keeps it, and so does the form
    await page.reload();
    await page.locator('tr[data-number]').first().waitFor();
    expect(await page.getByTestId('filter-keyword').inputValue()).toBe('漏雨');
    expect(new Set(await page.getByTestId('ticket-category').allInnerTexts())).toEqual(new Set(['房屋漏雨']));

    // overdue only: every row highlighted, in red
    await page.getByTestId('filter-clear').click();
    await page.waitForURL((url) => url.search === '');
    await page.getByTestId('filter-overdue').check();
    await page.waitForURL((url) => url.searchParams.get('overdue') === '1');
    await pollText(page.getByTestId('ticket-count')).not.toBe(total);
    const flags = await page.locator('tr[data-number]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-overdue')));
    expect(flags.length).toBeGreaterThan(0);
    expect(new Set(flags)).toEqual(new Set(['true']));
    const overdueRow = page.locator('tr.row-overdue').first();
    expect(await overdueRow.getByTestId('overdue-mark').innerText()).toBe('超时');
    expect(await overdueRow.getByTestId('ticket-clock').innerText()).toMatch(/超时 \d+ (分钟|小时|天)/);
    expect(await overdueRow.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');

    // the clocks tick on the page's own time: the fresh ticket turns overdue when its deadline passes,
    // with no request to the API
    await page.getByTestId('filter-clear').click();
    await page.waitForURL((url) => url.search === '');
    await pollText(freshRow.getByTestId('ticket-clock')).toMatch(/^响应\s*还剩 23 小时$/);
    const queriesBefore = inboxQueries;
    await page.clock.fastForward(respondBy - Date.now() + 60_000);
    await pollText(freshRow.getByTestId('ticket-clock')).toMatch(/^响应\s*超时 \d+ 分钟$/);
    expect(await freshRow.getAttribute('data-overdue')).toBe('true');
    expect(await textOf(freshRow.getByTestId('overdue-mark'))).toBe('超时');
    expect(inboxQueries).toBe(queriesBefore);

    expect(errors).toEqual([]);
  });

  it('keeps a district dispatcher’s pool inbox live across a dropped connection, and routes a pool ticket with one request however often it is sent', async () => {
    // the page's WebSockets pass through the test, which drops one and holds the reconnect
    const live = await passLiveSockets(page);
    await signInWithCookie('dispatcher.dongcheng');
    await page.goto('/tickets');
    await pollText(page.getByTestId('page-title')).toBe('工单收件箱');
    // no street of their own: the dispatcher follows the district and the city-level pool
    const liveMark = page.getByTestId('ticket-live');
    await liveMark.waitFor();
    expect(await liveMark.getAttribute('data-feed')).toBe('district:110101');
    await page.locator('tr[data-number]').first().waitFor();
    await live.subscribed('districtTicketEvents');

    // a ticket nobody could place reaches the pool, and the open inbox at once
    const pooled = await filePoolTicket('有居民来电反映房屋漏雨，未说明具体地址');
    await expect.poll(async () => (await rowNumbers())[0], { timeout: 10_000 }).toBe(pooled.number);
    const pooledRow = page.getByTestId(`ticket-row-${pooled.number}`);
    expect(await textOf(pooledRow.locator('.cell-place'))).toBe('未定位');

    // the connection drops; what is filed meanwhile arrives once it is back, replayed after the last logSeq
    const reconnect = live.hold();
    await live.sockets[0]!.close({ code: 1012, reason: 'Service Restart' });
    // while graphql-ws reconnects, the page does not claim to be live
    await liveMark.waitFor({ state: 'detached' });
    const meanwhile = await fileTicket('草厂头条院内房屋漏雨，断线期间报来');
    await page.waitForTimeout(300);
    expect((await rowNumbers())[0]).toBe(pooled.number);
    reconnect();
    await expect.poll(async () => (await rowNumbers())[0], { timeout: 15_000 }).toBe(meanwhile.number);
    expect(live.sockets).toHaveLength(2);
    await liveMark.waitFor();
    expect(await textOf(page.getByTestId(`ticket-row-${meanwhile.number}`).locator('.place-street'))).toBe('前门街道');

    // the pool ticket has no street: dispatching it as it is is refused, with the reason in Chinese
    const dispatches: string[] = [];
    page.on('request', (request) => {
      if (request.postData()?.includes('TicketDispatchFormMutation')) dispatches.push(request.postDataJSON().variables.input.clientMutationId);
    });
    await pooledRow.getByTestId('ticket-link').click();
    await page.waitForURL(`/tickets/${pooled.number}`);
    const street = page.getByTestId('dispatch-street');
    await pollText(street.locator('option').first()).toBe('请选择街道');
    await page.getByTestId('dispatch-submit').click();
    const refused = page.getByTestId('dispatch-form').getByTestId('action-error');
    await pollText(refused).toBe('该工单尚未定位到街道，请选择派往的街道。');
    expect(await refused.getAttribute('data-kind')).toBe('refused');

    // routed to 前门: the first answer is lost on the way back, so the page says the network failed …
    await street.selectOption('110101011');
    await page.route(
      '**/graphql',
      async (route) => {
        if (!route.request().postData()?.includes('TicketDispatchFormMutation')) return route.fallback();
        await route.fetch();
        await route.abort('connectionreset');
      },
      { times: 1 },
    );
    await page.getByTestId('dispatch-submit').click();
    await pollText(refused).toBe('无法连接服务器，请检查网络后重试。');
    // … and sending it again is the same request: the API answers from its receipt, nothing is written twice
    await page.getByTestId('dispatch-submit').click();
    await pollText(page.getByTestId('ticket-status')).toBe('已派单');
    expect(await textOf(page.getByTestId('ticket-place'))).toContain('前门街道');
    expect(await textOf(page.getByTestId('part-STREET'))).toContain('前门街道');
    expect(dispatches).toHaveLength(3);
    expect(new Set(dispatches).size).toBe(2);
    expect(dispatches[1]).toBe(dispatches[2]);
    expect(dispatches[0]).not.toBe(dispatches[1]);
    expect(await db.prisma.ticketEvent.count({ where: { ticket: { number: pooled.number }, type: 'DISPATCHED' } })).toBe(1);
    await expect.poll(() => page.getByTestId('timeline').getByTestId('event-type').allInnerTexts()).toEqual(['受理', '派单']);

    // while the inbox was closed its feed went on: back there, what was missed is replayed
    const whileAway = await fileTicket('草厂二条房屋漏雨，在看工单详情时报来');
    await page.getByTestId('back-to-inbox').click();
    await page.waitForURL('/tickets');
    await expect.poll(async () => (await rowNumbers())[0], { timeout: 10_000 }).toBe(whileAway.number);
    expect(await textOf(pooledRow.getByTestId('ticket-status'))).toBe('已派单');

    // the one answer the test cut off is the only error
    expect(errors).toEqual(['console error: Failed to load resource: net::ERR_CONNECTION_RESET']);
  });

  it('lets the 12345 hotline record the call-back of a resolved ticket, which closes it', async () => {
    // a ticket the street office resolved (set up through the api)
    const resolved = await fileTicket('草厂三条房屋漏雨，屋顶需要修缮');
    const street = await tokenOf('street.qianmen');
    for (const mutation of ['dispatchTicket', 'acceptTicketPart', 'resolveTicketPart']) {
      const input = mutation === 'dispatchTicket' ? 'DispatchTicketInput' : mutation === 'acceptTicketPart' ? 'AcceptTicketPartInput' : 'ResolveTicketPartInput';
      const data = await api<Record<string, { __typename: string }>>(`mutation ($input: ${input}!) { ${mutation}(input: $input) { __typename } }`, { input: { id: resolved.id } }, street);
      expect(data[mutation]?.__typename).toMatch(/Result$/);
    }
    await signInWithCookie('hotline.12345');
    await page.goto(`/tickets/${resolved.number}`);
    await pollText(page.getByTestId('ticket-status')).toBe('已办结');
    // the hotline is not the handling office: the complainant stays masked
    expect(await textOf(page.getByTestId('complainant-phone'))).toMatch(/^\d{3}\*{4}\d{4}$/);
    await page.getByTestId('complainant-masked-hint').waitFor();

    const save = page.getByTestId('callback-submit');
    expect(await save.isDisabled()).toBe(true);
    await page.getByTestId('callback-resolved-yes').check();
    await page.getByTestId('callback-satisfaction-SATISFIED').check();
    await page.getByTestId('callback-comment').fill('屋顶修好了，谢谢社区');
    await save.click();

    await pollText(page.getByTestId('ticket-status')).toBe('已结案');
    const types = await page.getByTestId('timeline').getByTestId('event-type').allInnerTexts();
    expect(types.slice(-2)).toEqual(['回访', '结案']);
    expect(await textOf(page.getByTestId('callbacks'))).toContain('问题已解决 · 满意');
    expect(await textOf(page.getByTestId('callbacks'))).toContain('屋顶修好了，谢谢社区');
    await page.getByTestId('no-actions').or(page.getByTestId('reopen-section')).first().waitFor();
    expect(await page.getByTestId('callback-form').count()).toBe(0);

    expect(errors).toEqual([]);
  });

  it('shows the rates with the monthly chart and the ranking, and plans a revisit of a keyword hot spot', async () => {
    await signInWithCookie('street.qianmen');
    await page.goto('/tickets');
    await page.getByTestId('tickets-tab-rates').click();
    await page.waitForURL('/tickets/rates');
    await pollText(page.getByTestId('rates-scope')).toBe('范围 · 东城区');
    expect(await textOf(page.getByTestId('kpi-tickets'))).toMatch(/^\d+$/);
    expect(await textOf(page.getByTestId('kpi-response'))).toMatch(/^(\d+(\.\d)?%|—)$/);
    // twelve months, the three rates drawn as lines
    const chart = page.getByTestId('rates-chart');
    expect(await chart.locator('.chart-axis text').count()).toBe(12);
    expect(await chart.locator('polyline').count()).toBeGreaterThan(0);

    // the ranking marks exactly the streets the API names for the monthly review, and the viewer's own
    const month = new URL(page.url()).searchParams.get('month') ?? (await page.getByTestId('rates-month').inputValue());
    const ranking = await api<{ monthlyRanking: { rows: { bottom: boolean; rates: { unitCode: string } }[] } }>(
      'query ($month: String!) { monthlyRanking(month: $month, districtCode: "110101") { rows { bottom rates { unitCode } } } }',
      { month },
      await tokenOf('street.qianmen'),
    );
    const rows = page.getByTestId('ranking-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(ranking.monthlyRanking.rows.length);
    const named = await page.locator('tr[data-bottom="true"]').evaluateAll((found) => found.map((row) => row.getAttribute('data-testid')));
    expect(named).toEqual(ranking.monthlyRanking.rows.filter((row) => row.bottom).map((row) => `ranking-${row.rates.unitCode}`));
    for (const testId of named) expect(await textOf(page.getByTestId(testId!).getByTestId('bottom-mark'))).toBe('点名');
    if (ranking.monthlyRanking.rows.some((row) => row.rates.unitCode === '110101011')) {
      expect(await textOf(page.getByTestId('ranking-110101011'))).toContain('本街道');
    }
    // another month, through the address
    await page.getByTestId('rates-month').selectOption({ index: 3 });
    await page.waitForURL((url) => url.searchParams.has('month') && url.searchParams.get('month') !== month);

    // hot spots: where do the roof leaks cluster?
    await page.getByTestId('tickets-tab-hotspots').click();
    await page.waitForURL('/tickets/hotspots');
    await page.getByTestId('hotspot-suggest-漏雨').click();
    await page.waitForURL((url) => url.searchParams.get('q') === '漏雨');
    const spots = page.getByTestId('hotspots').locator('button.hotspot');
    await spots.first().waitFor();
    const counts = (await spots.getByTestId('hotspot-count').allInnerTexts()).map((text) => Number(/\d+/.exec(text)![0]));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // a street office sees only its own street's tickets
    for (const text of await spots.locator('.hotspot-place').allInnerTexts()) expect(text).toContain('前门街道');

    await spots.first().click();
    const picks = page.getByTestId('hotspot-tickets').getByTestId('hotspot-pick');
    await expect.poll(() => picks.count()).toBe(counts[0]);
    for (const text of await page.getByTestId('hotspot-tickets').locator('.clamp').allInnerTexts()) expect(text).toContain('漏雨');
    await page.getByTestId('hotspot-select-all').click();
    await pollText(page.getByTestId('revisit-selected')).toBe(`已选 ${counts[0]} 件`);
    expect(await page.getByTestId('revisit-name').inputValue()).toBe('漏雨回头看');
    await page.getByTestId('revisit-submit').click();
    await pollText(page.getByTestId('revisit-message')).toMatch(new RegExp(`^已建立回头看计划“漏雨回头看”，共 ${counts[0]} 件，\\d{4}/\\d{2}/\\d{2} 前完成。$`));
    await pollText(page.getByTestId('revisit-plans')).toContain(`漏雨回头看`);
    expect(await textOf(page.getByTestId('revisit-plan').first())).toContain(`0 / ${counts[0]} 件已完成`);
    expect(await textOf(page.getByTestId('revisit-selected'))).toBe('已选 0 件');
    const plan = await db.prisma.revisitPlan.findFirstOrThrow({ where: { name: '漏雨回头看' }, include: { items: true } });
    expect(plan.items).toHaveLength(counts[0]!);

    expect(errors).toEqual([]);
  });
});
