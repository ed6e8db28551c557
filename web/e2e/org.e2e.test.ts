// The org browser in a real browser: Debian's Chromium (playwright-core) against the real api on a
// free port, serving the built app (web/dist) and a freshly seeded SQLite database.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type BrowserSuite, haveChromium, newContext, openPage, pollText, startSuite, stopSuite, textOf } from './harness.ts';

const DONGCHENG = '110101';
const QIANMEN = '110101011';
const CAOCHANG = '110101011003';
const CAOCHANG_PATH = `/org/${DONGCHENG}/${QIANMEN}/${CAOCHANG}`;

describe.skipIf(!haveChromium)('org browser in Chromium', () => {
  let suite: BrowserSuite;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    suite = await startSuite();
  });

  afterAll(() => stopSuite(suite));

  // a fresh context per test: no cookie, no stored language
  beforeEach(async () => {
    errors.length = 0;
    context = await newContext(suite);
    page = await openPage(context, errors);
  });

  afterEach(async () => {
    await context?.close();
  });

  /** Clicks from the district list down to the first grid cell of 草厂社区; returns that cell's code. */
  async function walkToCaochangGridCell(): Promise<string> {
    await page.getByTestId(`district-${DONGCHENG}`).click();
    await page.waitForURL(`/org/${DONGCHENG}`);
    await page.getByTestId(`street-${QIANMEN}`).click();
    await page.waitForURL(`/org/${DONGCHENG}/${QIANMEN}`);
    await page.getByTestId(`community-${CAOCHANG}`).click();
    await page.waitForURL(CAOCHANG_PATH);
    const first = page.locator('li[data-testid^="gridcell-"]').first();
    const testId = (await first.getAttribute('data-testid'))!;
    const cellCode = testId.replace('gridcell-', '');
    expect(cellCode).toMatch(new RegExp(`^${CAOCHANG}\\d{2}$`));
    await first.click();
    await page.waitForURL(`${CAOCHANG_PATH}/${cellCode}`);
    return cellCode;
  }

  it('lets an anonymous visitor walk district → street → community → grid cell, with the phone masked', async () => {
    await page.goto('/');
    expect(await textOf(page.getByTestId(`district-${DONGCHENG}`))).toContain('东城区');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.title()).toBe('组织架构 · 汇哨');
    expect(await textOf(page.getByTestId('sign-in-link'))).toBe('登录');
    // anonymous visitors see only the sections open to everyone
    expect(await page.getByTestId('nav-tickets').count()).toBe(0);

    const cellCode = await walkToCaochangGridCell();
    expect(page.url()).toContain(`/org/${DONGCHENG}/${QIANMEN}/${CAOCHANG}/${cellCode}`);

    expect(await textOf(page.getByTestId('gridworker-phone'))).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(await textOf(page.getByTestId('phone-masked-hint'))).toContain('登录后可见');
    expect((await textOf(page.getByTestId('gridworker-name'))).length).toBeGreaterThan(0);

    const assetRows = page.getByTestId('assets-table').locator('tbody tr');
    await assetRows.first().waitFor();
    const assetCount = await assetRows.count();
    expect(assetCount).toBeGreaterThan(0);
    expect(await textOf(page.getByTestId('count-assets'))).toBe(`共 ${assetCount} 个部件`);
    expect(await textOf(assetRows.first())).toMatch(/^\d{8}/);

    expect(await textOf(page.getByTestId('crumb-root'))).toBe('北京市');
    expect(await textOf(page.getByTestId('crumb-district'))).toBe('东城区');
    expect(await textOf(page.getByTestId('crumb-street'))).toBe('前门街道');
    expect(await textOf(page.getByTestId('crumb-community'))).toBe('草厂社区');
    expect(await textOf(page.getByTestId('crumb-gridCell'))).toMatch(/^草厂社区第\d+网格$/);
    expect(await page.title()).toMatch(/^草厂社区第\d+网格 · 汇哨$/);

    await page.goBack();
    await page.waitForURL(CAOCHANG_PATH);
    await pollText(page.getByTestId('page-title')).toBe('草厂社区');
    expect(await page.getByTestId('crumb-gridCell').count()).toBe(0);

    expect(errors).toEqual([]);
  });

  it('signs a street officer in, shows the full phone, switches to English and signs out', async () => {
    await page.goto('/');
    await page.getByTestId('sign-in-link').click();
    await page.waitForURL('/sign-in');
    await page.getByTestId('sign-in-login').fill('street.qianmen');
    await page.getByTestId('sign-in-password').fill('whistlehub-demo');
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL('/');

    await pollText(page.getByTestId('viewer-name')).toBe('前门街道工作人员');
    expect(await textOf(page.getByTestId('viewer-roles'))).toBe('街道工作人员 · 前门街道');
    expect(await page.getByTestId('sign-in-link').count()).toBe(0);
    // the sections a street officer works in: tickets, whistles, councils (议事厅) and volunteer posts (双报到)
    expect(await textOf(page.getByTestId('nav-tickets'))).toBe('工单');
    expect(await page.getByTestId('nav-tickets').locator('a[href="/tickets"]').count()).toBe(1);
    expect(await textOf(page.getByTestId('nav-whistles'))).toContain('吹哨');
    expect(await page.getByTestId('nav-whistles').locator('a[href="/whistles"]').count()).toBe(1);
    expect(await page.getByTestId('nav-councils').locator('a[href="/councils"]').count()).toBe(1);
    expect(await textOf(page.getByTestId('nav-volunteers'))).toBe('双报到');

    const cellCode = await walkToCaochangGridCell();
    const phone = page.getByTestId('gridworker-phone');
    expect(await textOf(phone)).toMatch(/^1\d{10}$/);
    expect(await phone.getAttribute('href')).toMatch(/^tel:1\d{10}$/);
    expect(await page.getByTestId('phone-masked-hint').count()).toBe(0);

    await page.getByTestId('locale-en').click();
    await pollText(page.getByTestId('crumb-district')).toBe('Dongcheng District');
    expect(await textOf(page.getByTestId('crumb-street'))).toBe('Qianmen Subdistrict');
    expect(await textOf(page.getByTestId('crumb-community'))).toBe('Caochang Community');
    expect(await textOf(page.getByTestId('crumb-root'))).toBe('Beijing');
    expect(await textOf(page.getByTestId('nav-org'))).toBe('Organisation');
    expect(await textOf(page.getByTestId('nav-tickets'))).toContain('Tickets');
    expect(await textOf(page.getByTestId('viewer-roles'))).toBe('Street officer · Qianmen Subdistrict');
    expect(await textOf(page.getByTestId('sign-out'))).toBe('Sign out');
    expect(await textOf(page.locator('#gridcell-facts-heading'))).toBe('About this grid cell');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.title()).toMatch(/^Grid cell \d+ · Whistlehub$/);

    // the choice is remembered in this browser
    await page.reload();
    await pollText(page.getByTestId('crumb-district')).toBe('Dongcheng District');
    await page.screenshot({ path: '/tmp/whistlehub-org.png', fullPage: true });

    await page.getByTestId('sign-out').click();
    await page.waitForURL('/');
    await pollText(page.getByTestId('sign-in-link')).toBe('Sign in');
    expect(await page.getByTestId('viewer-name').count()).toBe(0);
    expect(await page.getByTestId('nav-tickets').count()).toBe(0);

    // nothing seen while signed in survives the sign-out: the same cell shows the masked phone again
    await page.goBack();
    await page.waitForURL(`${CAOCHANG_PATH}/${cellCode}`);
    await pollText(page.getByTestId('gridworker-phone')).toMatch(/^\d{3}\*{4}\d{4}$/);

    expect(errors).toEqual([]);
  });

  it('keeps a wrong password on the sign-in page with a translated message', async () => {
    // hold the sign-in request until the busy state has been seen
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('SignInPageMutation')) await held;
      await route.continue();
    });

    await page.goto('/sign-in');
    await page.getByTestId('sign-in-login').fill('street.qianmen');
    await page.getByTestId('sign-in-password').fill('not-the-password');
    const submit = page.getByTestId('sign-in-submit');
    await submit.click();
    await pollText(submit).toBe('正在登录…');
    expect(await submit.isDisabled()).toBe(true);
    release();

    await pollText(page.getByTestId('sign-in-error')).toBe('账号或密码不正确。');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await submit.isEnabled()).toBe(true);
    expect(await page.getByTestId('sign-in-password').inputValue()).toBe('');
    expect(await page.getByTestId('viewer-name').count()).toBe(0);

    // the message follows the language, and the API's own English text is never shown
    await page.getByTestId('locale-en').click();
    await pollText(page.getByTestId('sign-in-error')).toBe('The login or the password is incorrect.');

    expect(errors).toEqual([]);
  });
});
