// The whistles' live countdown board in a real browser: the 前门 street office opens /whistles and sees
// the seeded live whistle, with 城管 (the lead) summoned and its clocks counting down each second; the
// 东城 城管 officer acknowledges and checks in with the browser's geolocation (and meets a translated
// error on the way); the street's board follows both live, over its street feed. The street office
// blows a whistle through the form (a suggested department as the lead) and lands on its page; the
// department ranking of the seeded fire-lane whistle's month explains its scores.
import type { RunningServer } from '@whistlehub/api';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSuite, haveChromium, type LiveSockets, newContext, openPage, passLiveSockets, pollText, startSuite, stopSuite, textOf } from './harness.ts';

const PASSWORD = 'whistlehub-demo';
const QIANMEN = '110101011';
const CGZF = '110101-CGZF';
const JTZD = '110101-JTZD';
const XF = '110101-XF';
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

  it('lets the 前门 street office blow a whistle through the form, with a suggested lead, and opens it', async () => {
    const { page } = await openAs('street.qianmen');
    await page.goto('/whistles');
    await page.getByTestId('whistles-tab-new').click();
    await page.waitForURL('/whistles/new');
    expect(await textOf(page.getByTestId('page-title'))).toBe('吹哨');
    expect(await page.getByTestId('whistles-tab-new').getAttribute('aria-current')).toBe('page');

    // the power list suggests the departments holding the duty for private ground locks in 东城
    await page.getByTestId('whistle-category').selectOption('GROUND_LOCK');
    const suggestions = page.getByTestId('whistle-suggestions');
    await suggestions.getByTestId(`suggestion-${CGZF}`).waitFor();
    expect(await textOf(suggestions.getByTestId(`suggestion-${CGZF}`))).toContain('占道私装地锁拆除');
    // one click adds each: the first leads, the next assists; making the second the lead swaps them
    await suggestions.getByTestId(`suggestion-${CGZF}`).click();
    await suggestions.getByTestId(`suggestion-${JTZD}`).click();
    expect(await page.getByTestId(`draft-${CGZF}`).getAttribute('data-role')).toBe('LEAD');
    expect(await page.getByTestId(`draft-${JTZD}`).getAttribute('data-role')).toBe('ASSIST');
    expect(await suggestions.getByTestId(`suggestion-${CGZF}`).isDisabled()).toBe(true);
    await page.getByTestId(`draft-lead-${JTZD}`).check();
    expect(await page.getByTestId(`draft-${JTZD}`).getAttribute('data-role')).toBe('LEAD');
    expect(await page.getByTestId(`draft-${CGZF}`).getAttribute('data-role')).toBe('ASSIST');

    // a department code the API does not know: its typed error (SummonsListError), in Chinese, by the list
    await page.getByTestId('whistle-department-code').fill('110101-NOPE');
    await page.getByTestId('whistle-add-department').click();
    await page.getByTestId('whistle-reason-input').fill('草厂胡同地锁复装，交通支队牵头清理占道车位');
    await page.getByTestId('whistle-tier-KEY').check();
    // the district's deadlines for the tier chosen
    await pollText(page.getByTestId('whistle-tier-deadlines')).toBe('2 小时内响应，24 小时内到场。');
    await page.getByTestId('whistle-submit').click();
    await pollText(page.getByTestId('whistle-error-summons')).toBe('没有这些部门： 110101-NOPE');
    expect(await textOf(page.getByTestId('whistle-form-error'))).toBe('未能吹哨，请按提示修改后再提交。');
    expect(page.url()).toMatch(/\/whistles\/new$/);
    await page.getByTestId('draft-remove-110101-NOPE').click();
    await page.screenshot({ path: '/tmp/whistlehub-whistle-form.png', fullPage: true });

    await page.getByTestId('whistle-submit').click();
    await page.waitForURL(/\/whistles\/W\d{8}-\d{4}$/);
    const number = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const detail = page.getByTestId('whistle-detail');
    expect(await textOf(detail.getByTestId('page-title'))).toBe(`吹哨 ${number}`);
    expect(await textOf(detail.getByTestId('whistle-stage'))).toBe('集结哨');
    expect(await textOf(detail.getByTestId('whistle-tier'))).toBe('重点');
    expect(await textOf(detail.getByTestId('whistle-reason'))).toBe('草厂胡同地锁复装，交通支队牵头清理占道车位');
    expect(await textOf(detail.getByTestId(`summons-role-${JTZD}`))).toBe('主责');
    expect(await textOf(detail.getByTestId(`summons-role-${CGZF}`))).toBe('协助');
    // key tier: 2 hours to acknowledge, counting down
    expect(await textOf(detail.getByTestId(`summons-ack-${JTZD}`))).toMatch(/^还剩 1:5\d:\d\d$/);
    expect(await detail.getByTestId('whistle-event-1').getAttribute('data-type')).toBe('BLOWN');
    expect(await textOf(detail.getByTestId('whistle-event-1').getByTestId('event-type'))).toBe('吹哨');

    await page.screenshot({ path: '/tmp/whistlehub-whistle-detail.png', fullPage: true });
    // closing before the lead reported: the API lists what is missing, in Chinese
    await detail.getByTestId('close-confirm').check();
    await detail.getByTestId('close-submit').click();
    await pollText(detail.getByTestId('close-missing')).toBe('主责部门尚未上报处置结果');
    expect(await textOf(detail.getByTestId('close-form').getByTestId('action-error'))).toBe('还不能结束吹哨，尚缺：');

    // the board lists it, its number linking back here
    await page.getByTestId('whistles-tab-board').click();
    await page.waitForURL('/whistles');
    const card = page.getByTestId(`whistle-${number}`);
    expect(await textOf(card.getByTestId(`summons-role-${JTZD}`))).toBe('主责');
    await card.getByTestId('whistle-number').click();
    await page.waitForURL(`/whistles/${number}`);
    await page.getByTestId('whistle-detail').waitFor();
    expect(errors).toEqual([]);
  });

  it('ranks 东城’s departments for the month of the seeded fire-lane whistle and explains a score', async () => {
    const token = await tokenOf('street.qianmen');
    const blownAt = Date.now() - 35 * 86_400_000;
    const month = new Date(blownAt + 8 * 3_600_000).toISOString().slice(0, 7);
    const { departmentRanking } = await api<{
      departmentRanking: {
        weights: { punctuality: number; streetRating: number; satisfaction: number };
        departments: { rank: number | null; score: number | null; department: { code: string }; inputs: { whistleNumber: string }[] }[];
      };
    }>(
      'query ($d: String!, $m: String!) { departmentRanking(districtCode: $d, month: $m) { weights { punctuality streetRating satisfaction } departments { rank score department { code } inputs { whistleNumber } } } }',
      { d: '110101', m: month },
      token,
    );
    const fire = departmentRanking.departments.find((row) => row.department.code === XF);
    expect(fire).toBeDefined();
    const [fireWhistle] = fire!.inputs.map((input) => input.whistleNumber);

    const { page } = await openAs('street.qianmen');
    await page.goto(`/whistles/ranking?month=${month}`);
    expect(await textOf(page.getByTestId('page-title'))).toBe('部门排名（下评上）');
    expect(await page.getByTestId('ranking-month').inputValue()).toBe(month);
    // the street officer's district is chosen for it
    expect(await page.getByTestId('ranking-district').inputValue()).toBe('110101');
    const { weights } = departmentRanking;
    expect(await textOf(page.getByTestId('ranking-weights'))).toContain(
      `权重：准时率 ${weights.punctuality}%，街道评价 ${weights.streetRating}%，居民满意度 ${weights.satisfaction}%。`,
    );

    // 消防 was on time both times and rated 5/5/4; 城管 was late both times and rated 2/4/3
    const fireRow = page.getByTestId(`ranking-row-${XF}`);
    expect(await textOf(fireRow.getByTestId('ranking-punctuality'))).toBe('100%');
    expect(await textOf(fireRow.getByTestId('ranking-street-rating'))).toBe('93.3%');
    expect(await textOf(fireRow.getByTestId('ranking-score'))).toBe(new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 }).format(fire!.score!));
    const lateRow = page.getByTestId(`ranking-row-${CGZF}`);
    expect(await textOf(lateRow.getByTestId('ranking-punctuality'))).toBe('0%');
    expect(await textOf(lateRow.getByTestId('ranking-street-rating'))).toBe('60%');

    // the drill-down: the counts behind each component and the summonses they came from
    await fireRow.getByTestId(`ranking-open-${XF}`).click();
    const drill = page.getByTestId(`drilldown-${XF}`);
    expect(await textOf(drill.getByTestId('drilldown-punctuality'))).toBe('按时完成的时限 2 / 2');
    const input = drill.getByTestId(`input-${fireWhistle}`);
    expect(await textOf(input.getByTestId('input-rating'))).toBe('及时 5 · 实效 5 · 态度 4');
    expect(await input.locator('[data-outcome]').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-outcome')))).toEqual(['onTime', 'onTime']);
    await lateRow.getByTestId(`ranking-open-${CGZF}`).click();
    // one drill-down at a time
    expect(await drill.count()).toBe(0);
    const late = page.getByTestId(`drilldown-${CGZF}`).getByTestId(`input-${fireWhistle}`);
    expect(await late.locator('[data-outcome]').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-outcome')))).toEqual(['late', 'late']);
    await page.screenshot({ path: '/tmp/whistlehub-department-ranking.png', fullPage: true });
    // the streets' whistle rates beside it
    await page.getByTestId(`street-rate-${QIANMEN}`).waitFor();
    // the whistle behind the input opens
    await page.getByTestId(`drilldown-${CGZF}`).getByRole('link', { name: fireWhistle }).click();
    await page.waitForURL(`/whistles/${fireWhistle}`);
    expect(await textOf(page.getByTestId(`summons-rating-${CGZF}`))).toContain('及时 2 · 实效 4 · 态度 3');
    expect(errors).toEqual([]);
  });

  /** Blows a whistle for 前门 through the API, as its street office; answers its number. */
  async function blow(token: string, summons: { departmentCode: string; role: 'LEAD' | 'ASSIST' }[], reason: string): Promise<string> {
    const data = await api<{ blowWhistle: { __typename: string; result?: { whistle: { number: string } } } }>(
      'mutation ($input: BlowWhistleInput!) { blowWhistle(input: $input) { __typename ... on BlowWhistleResult { result { whistle { number } } } } }',
      { input: { streetCode: QIANMEN, tier: 'ROUTINE', mode: 'LEAD_ASSIST', reason, location: { lng: 116.4, lat: 39.8975 }, summons } },
      token,
    );
    expect(data.blowWhistle.__typename).toBe('BlowWhistleResult');
    return data.blowWhistle.result!.whistle.number;
  }

  it('takes a whistle from the lead’s report through the street’s close to its rating, and a 退单 through the platform’s decision', async () => {
    const token = await tokenOf('street.qianmen');
    const led = await blow(token, [{ departmentCode: CGZF, role: 'LEAD' }, { departmentCode: JTZD, role: 'ASSIST' }], '南芦草园胡同共享单车堆积占道，城管牵头清理');
    const assisted = await blow(token, [{ departmentCode: JTZD, role: 'LEAD' }, { departmentCode: CGZF, role: 'ASSIST' }], '北芦草园胡同机动车违停，交通支队牵头');

    // the street office watches the first whistle's page
    const { page: street, sockets: streetSockets } = await openAs('street.qianmen');
    await street.goto(`/whistles/${led}`);
    await street.getByTestId('whistle-detail').waitFor();
    await streetSockets.subscribed('streetWhistleEvents');

    // 城管 reports on the whistle it leads; as the lead it may not send it back
    const { page: department } = await openAs('dept.dongcheng.cgzf');
    await department.goto(`/whistles/${led}`);
    const own = department.getByTestId(`summons-panel-${CGZF}`);
    expect(await own.getByTestId(`return-section-${CGZF}`).count()).toBe(0);
    // the department may not close or rate: the street's steps are not offered
    expect(await department.getByTestId('close-form').count()).toBe(0);
    await own.getByTestId('report-result-RESOLVED').check();
    await own.getByTestId(`report-text-${CGZF}`).fill('清理单车 42 辆，设置停放区');
    await own.getByTestId(`report-submit-${CGZF}`).click();
    await pollText(own.getByTestId(`summons-report-${CGZF}`)).toContain('已解决 清理单车 42 辆，设置停放区');
    expect(await own.getByTestId(`report-form-${CGZF}`).count()).toBe(0);
    // the street's page follows, live: its feed's event has the page fetched again (report and history)
    await pollText(street.getByTestId(`summons-report-${CGZF}`)).toContain('清理单车 42 辆，设置停放区');
    await pollText(street.getByTestId('whistle-timeline')).toContain('部门上报');

    // on the other whistle it assists, and sends it back (退单) with its reason
    await department.goto(`/whistles/${assisted}`);
    const assisting = department.getByTestId(`summons-panel-${CGZF}`);
    await assisting.getByTestId(`return-section-${CGZF}`).locator('summary').click();
    await assisting.getByTestId(`return-reason-${CGZF}`).fill('违停查处属交通支队职责');
    await assisting.getByTestId(`return-submit-${CGZF}`).click();
    await pollText(assisting.getByTestId(`summons-return-${CGZF}`)).toBe('退单待决定');

    // the district platform decides it: accepted, the department is out of the whistle
    const { page: platform } = await openAs('dispatcher.dongcheng');
    await platform.goto(`/whistles/${assisted}`);
    const decision = platform.getByTestId(`return-decision-${CGZF}`);
    await decision.getByTestId(`return-note-${CGZF}`).fill('确属交通支队职责');
    await decision.getByTestId(`return-accept-${CGZF}`).click();
    await pollText(platform.getByTestId(`summons-return-${CGZF}`)).toBe('已退单');
    expect(await platform.getByTestId(`return-decision-${CGZF}`).count()).toBe(0);
    await pollText(platform.getByTestId('whistle-timeline')).toContain('同意退单：确属交通支队职责');

    // the street closes the first whistle (the lead has reported) and rates 城管 in the window it opens
    await street.getByTestId('close-confirm').check();
    await street.getByTestId('close-submit').click();
    await pollText(street.getByTestId('whistle-stage')).toBe('终场哨');
    expect(await textOf(street.getByTestId('rating-window'))).toBe('评价期内：请对各报到部门逐一评价。');
    const rating = street.getByTestId(`rating-form-${CGZF}`);
    // all three scores are needed
    await rating.getByTestId('rating-timeliness-5').check();
    await rating.getByTestId(`rating-submit-${CGZF}`).click();
    await pollText(rating.getByTestId('action-error')).toBe('请检查：实效、态度。');
    await rating.getByTestId('rating-effectiveness-4').check();
    await rating.getByTestId('rating-attitude-4').check();
    await rating.getByTestId(`rating-comment-${CGZF}`).fill('清理及时');
    await rating.getByTestId(`rating-submit-${CGZF}`).click();
    await pollText(street.getByTestId(`summons-rating-${CGZF}`)).toBe('及时 5 · 实效 4 · 态度 4 · 清理及时');
    expect(await street.getByTestId(`rating-form-${CGZF}`).count()).toBe(0);
    // the follow-up (监督哨) is next
    await street.getByTestId('supervise-note').fill('回访：停放区秩序良好');
    await street.getByTestId('supervise-submit').click();
    await pollText(street.getByTestId('whistle-stage')).toBe('监督哨');
    expect(errors).toEqual([]);
  });

  it('shows 20 live whistles a page and loads the next page after the last cursor', async () => {
    const token = await tokenOf('street.qianmen');
    const live = async () =>
      (await api<{ whistles: { totalCount: number } }>('query { whistles(filter: { live: true }) { totalCount } }', {}, token)).whistles.totalCount;
    for (let count = await live(); count <= 22; count += 1) await blow(token, [{ departmentCode: CGZF, role: 'LEAD' }], `前门大街第 ${count} 处占道经营`);
    const total = await live();

    const { page } = await openAs('street.qianmen');
    await page.goto('/whistles');
    await page.getByTestId('whistle-board').waitFor();
    const cards = page.getByTestId('whistle-board').locator('article.whistle-card');
    await expect.poll(() => cards.count()).toBe(20);
    expect(await textOf(page.getByTestId('whistle-shown'))).toBe(`已显示 20 / ${total} 件`);
    await page.getByTestId('whistle-load-more').click();
    await expect.poll(() => cards.count()).toBe(Math.min(total, 40));
    // every whistle once
    const numbers = await cards.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid')));
    expect(new Set(numbers).size).toBe(numbers.length);
    if (total <= 40) expect(await page.getByTestId('whistle-load-more').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('lets 东城’s district platform publish the ranking weights from this month on', async () => {
    const { page } = await openAs('dispatcher.dongcheng');
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    await page.goto(`/whistles/ranking?month=${month}`);
    const form = page.getByTestId('weights-form');
    expect(await form.getByTestId('weights-month').inputValue()).toBe(month);
    // whole percents that do not sum to 100 are refused before sending
    await form.getByTestId('weights-punctuality').fill('50');
    await form.getByTestId('weights-submit').click();
    await pollText(form.getByTestId('weights-sum-error')).toBe('三项权重之和须为 100，现为 110。');
    await form.getByTestId('weights-streetRating').fill('30');
    await form.getByTestId('weights-submit').click();
    await pollText(form.getByTestId('weights-saved')).toBe(`已公布 ${month} 起的权重。`);
    await pollText(page.getByTestId('ranking-weights')).toBe(`权重：准时率 50%，街道评价 30%，居民满意度 20%。 自 ${month} 起公布。`);
    // a street office reads them, and may not change them
    const { page: street } = await openAs('street.qianmen');
    await street.goto(`/whistles/ranking?month=${month}`);
    await pollText(street.getByTestId('ranking-weights')).toContain('准时率 50%');
    expect(await street.getByTestId('weights-form').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
