// The volunteer posts (双报到) in a real browser: 王建国, a party member reported to 草厂社区, finds a
// post with places left in the catalogue, claims it, and sees it under his posts with the place he
// holds; he checks in (the browser gives no location, so the post's own is used) and the check-out
// follows. He takes the last place of another post; 李明, another member, finds it full, joins its
// waitlist, sees the position under his posts and gives it up. The community's grid worker sees the
// verification queue and accepts a shift.
import { hashPassword } from '@whistlehub/prisma';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSuite, haveChromium, newContext, openPage, pollText, signInThroughForm, startSuite, stopSuite, textOf } from './harness.ts';

const PASSWORD = 'whistlehub-demo';
const SCREENSHOT = '/tmp/whistlehub-volunteer-reports.png';

describe.skipIf(!haveChromium)('volunteer posts in Chromium', () => {
  let suite: BrowserSuite;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    suite = await startSuite();
    // a login for the seeded member 李明 (per_pm_liming), reported to 草厂社区 like 王建国
    const caochang = await suite.db.prisma.community.findUniqueOrThrow({ where: { code: '110101011003' }, select: { id: true } });
    await suite.db.prisma.user.create({
      data: {
        id: 'usr_pm.liming',
        login: 'pm.liming',
        displayName: '李明',
        passwordHash: await hashPassword(PASSWORD),
        personId: 'per_pm_liming',
        roles: { create: { role: 'PARTY_MEMBER', communityId: caochang.id } },
      },
    });
  });

  afterAll(() => stopSuite(suite));

  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
    expect(errors.splice(0)).toEqual([]);
  });

  async function openAs(login: string): Promise<Page> {
    const context = await newContext(suite);
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    const page = await openPage(context, errors);
    await signInThroughForm(page, login, PASSWORD);
    return page;
  }

  it('lets a party member claim a post and find it under my posts, then check in and out', async () => {
    const page = await openAs('party.caochang');
    await page.getByTestId('nav-volunteers').locator('a').click();
    await page.waitForURL('/volunteers');
    // 胡同治安巡逻: 6 places, 4 taken by the seeded members; 王建国 holds none
    const post = page.locator('[data-testid="post-card"][data-title="胡同治安巡逻"]');
    await pollText(post.getByTestId('post-places')).toBe('还剩 2 个名额（共 6 个）');
    expect(await post.getByTestId('post-claim').getAttribute('data-action')).toBe('claim');
    await post.getByTestId('post-claim').click();
    await pollText(post.getByTestId('post-claimed')).toBe('认领成功：胡同治安巡逻');
    await pollText(post.getByTestId('post-places')).toBe('还剩 1 个名额（共 6 个）');
    expect(await textOf(post.getByTestId('post-my-claim'))).toBe('已认领');
    expect(await post.getByTestId('post-claim').count()).toBe(0);

    // under my posts, with the place held
    await page.getByTestId('volunteers-tab-mine').click();
    await page.waitForURL('/volunteers/mine');
    const mine = page.locator('[data-testid="my-claim"][data-title="胡同治安巡逻"]');
    await pollText(mine.getByTestId('my-claim-status')).toBe('已认领');

    // check in: no location from this browser, so the post's location stands in; then check out
    await mine.getByTestId('shift-check-in').click();
    await mine.getByTestId('shift-check-out').waitFor();
    await expect.poll(() => page.locator('[data-testid="my-shift"][data-status="OPEN"]').count(), { timeout: 10_000 }).toBe(1);
    await mine.getByTestId('shift-check-out').click();
    await mine.getByTestId('shift-check-in').waitFor();
    await expect.poll(() => page.locator('[data-testid="my-shift"][data-status="OPEN"]').count(), { timeout: 10_000 }).toBe(0);
    expect(await page.locator('[data-testid="my-shift"][data-status="CHECKED_OUT"]').count()).toBeGreaterThan(0);
  });

  it('waitlists a claim on a full post and shows the position under my posts', async () => {
    // 王建国 takes the last place of 义务理发 (2 places, 1 taken)
    const first = await openAs('party.caochang');
    await first.goto('/volunteers');
    const taken = first.locator('[data-testid="post-card"][data-title="义务理发"]');
    await pollText(taken.getByTestId('post-places')).toBe('还剩 1 个名额（共 2 个）');
    await taken.getByTestId('post-claim').click();
    await pollText(taken.getByTestId('post-places')).toBe('名额已满（共 2 个）');

    // 李明 finds it full: the button joins the waitlist, and says where he stands
    const second = await openAs('pm.liming');
    await second.goto('/volunteers');
    const full = second.locator('[data-testid="post-card"][data-title="义务理发"]');
    await pollText(full.getByTestId('post-places')).toBe('名额已满（共 2 个）');
    expect(await full.getByTestId('post-claim').getAttribute('data-action')).toBe('waitlist');
    expect(await textOf(full.getByTestId('post-claim'))).toBe('候补');
    await full.getByTestId('post-claim').click();
    await pollText(full.getByTestId('post-claimed')).toBe('名额已满，已加入候补：第 1 位');
    await pollText(full.getByTestId('post-my-claim')).toBe('候补第 1 位');
    expect(await textOf(full.getByTestId('post-places'))).toBe('名额已满（共 2 个），1 人候补');

    await second.getByTestId('volunteers-tab-mine').click();
    const mine = second.locator('[data-testid="my-claim"][data-title="义务理发"]');
    await pollText(mine.getByTestId('my-claim-status')).toBe('候补第 1 位');
    expect(await mine.getByTestId('shift-check-in').count()).toBe(0);

    // he gives the position up: the claim reads cancelled
    await mine.getByTestId('claim-cancel').click();
    await pollText(mine.getByTestId('my-claim-status')).toBe('已取消');
  });

  it('shows the grid worker the verification queue, and takes a shift off it once accepted', async () => {
    const page = await openAs('grid.caochang');
    await page.goto('/volunteers/verify');
    const rows = page.getByTestId('verify-row');
    await rows.first().waitFor();
    const before = await rows.count();
    expect(before).toBeGreaterThan(0);
    const first = await rows.first().getAttribute('data-shift');
    await rows.first().getByTestId('verify-accept').click();
    await expect.poll(() => page.locator(`[data-testid="verify-row"][data-shift="${first}"]`).count(), { timeout: 10_000 }).toBe(0);
    expect(await rows.count()).toBe(before - 1);

    // the reports: places claimed against open per community of 前门 that the viewer may read (a grid
    // worker: its own), and the hours chart
    await page.getByTestId('volunteers-tab-reports').click();
    await page.waitForURL('/volunteers/reports');
    const caochang = page.locator('[data-testid="places-row"][data-community="110101011003"]');
    await caochang.waitFor();
    expect(await page.getByTestId('places-row').count()).toBe(1);
    expect(await textOf(caochang.locator('th'))).toBe('草厂社区');
    await page.getByTestId('hours-report').locator('[data-testid="hours-chart"], .empty').first().waitFor();
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });
});
