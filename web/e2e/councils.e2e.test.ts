// The councils (议事厅) in a real browser: the chair of 草厂小院议事厅 opens the councils page (seats, the
// next meeting, the 先尝后买 motion's frozen result, the open action item) and walks into meeting mode;
// a second member — 赵德明, the vice-chair, given a login here — opens the same meeting in another
// browser context. Each checks in, the chair opens the vote, and every ballot shows on the other
// screen without a reload, over the meeting's feed.
import { hashPassword } from '@whistlehub/prisma';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSuite, haveChromium, type LiveSockets, newContext, openPage, passLiveSockets, pollText, signInThroughForm, startSuite, stopSuite, textOf } from './harness.ts';

const PASSWORD = 'whistlehub-demo';
const SCREENSHOT = '/tmp/whistlehub-meeting-mode.png';

describe.skipIf(!haveChromium)('councils in Chromium', () => {
  let suite: BrowserSuite;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    suite = await startSuite();
    // a login for the seeded vice-chair 赵德明 (per_cc_zhao), who sits on the council and represents a household
    await suite.db.prisma.user.create({
      data: { id: 'usr_cc.zhao', login: 'cc.zhao', displayName: '赵德明', passwordHash: await hashPassword(PASSWORD), personId: 'per_cc_zhao' },
    });
  });

  afterAll(() => stopSuite(suite));

  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
    expect(errors.splice(0)).toEqual([]);
  });

  async function openAs(login: string): Promise<{ page: Page; sockets: LiveSockets }> {
    const context = await newContext(suite);
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    const page = await openPage(context, errors);
    const sockets = await passLiveSockets(page);
    await signInThroughForm(page, login, PASSWORD);
    return { page, sockets };
  }

  it('shows the chair the council, and tallies each ballot live on the other member’s screen', async () => {
    const chair = await openAs('council.caochang');
    await chair.page.getByTestId('nav-councils').locator('a').click();
    await chair.page.waitForURL('/councils');
    const council = chair.page.getByTestId('council-panel');
    await pollText(council.locator('h2')).toBe('草厂小院议事厅');
    expect(await textOf(council.getByTestId('council-seats'))).toContain('刘桂英（我）');
    // the past meeting's motion with its frozen result: 7 of 9 households, two thirds of the eligible
    const past = council.getByTestId('past-motion').first();
    expect(await textOf(past)).toContain('通过');
    expect(await textOf(past)).toContain('赞成 7、反对 1、弃权 1');
    // the open action item of its minutes, owned by 城管, not yet due
    const item = chair.page.getByTestId('action-item').first();
    expect(await textOf(item)).toContain('清理草厂四条胡同内堆物');
    expect(await item.getAttribute('data-overdue')).toBe('false');

    // into meeting mode on the next meeting: two agenda items (the ground-lock ticket and whistle it links
    // are shown to those who may see them: the street office, not a resident chair)
    await council.getByTestId('upcoming-meetings').getByTestId('meeting-link').first().click();
    await chair.page.waitForURL(/\/councils\/meetings\//);
    const meetingUrl = new URL(chair.page.url()).pathname;
    await pollText(chair.page.getByTestId('meeting-title')).toBe('小院议事厅：草厂胡同停车与地锁治理');
    expect(await chair.page.getByTestId('agenda-item').count()).toBe(2);
    await chair.sockets.subscribed('meetingEvents');

    // the second member opens the same meeting; it is not open yet, so nobody may check in
    const member = await openAs('cc.zhao');
    await member.page.goto(meetingUrl);
    await pollText(member.page.getByTestId('meeting-status')).toBe('待召开');
    expect(await member.page.getByTestId('meeting-manage').count()).toBe(1); // the vice-chair runs it too
    await member.sockets.subscribed('meetingEvents');

    // the chair opens the meeting: the member's screen follows
    await chair.page.getByTestId('meeting-open').click();
    await pollText(member.page.getByTestId('meeting-status')).toBe('进行中');
    await chair.page.getByTestId('check-in').click();
    await chair.page.getByTestId('checked-in').waitFor();
    await pollText(member.page.getByTestId('attendance-count')).toBe('已签到 1 人');
    await member.page.getByTestId('check-in').click();
    await pollText(chair.page.getByTestId('attendance-count')).toBe('已签到 2 人');

    // the chair proposes a motion in the form — two thirds of those present, a quorum of 2 of the 7
    // members — and it shows on the member's screen, after the seeded draft
    await chair.page.getByTestId('motion-text').fill('草厂四条胡同口加装限高杆，禁止货车驶入');
    await chair.page.getByTestId('motion-rule').selectOption('TWO_THIRDS');
    await chair.page.getByTestId('motion-base').selectOption('ELIGIBLE');
    await chair.page.getByTestId('motion-electorate').selectOption('PRESENT');
    await chair.page.getByTestId('motion-quorum-input').fill('2/7');
    await chair.page.getByTestId('propose-submit').click();
    await expect.poll(() => member.page.getByTestId('motion-card').count(), { timeout: 10_000 }).toBe(2);
    const chairMotion = chair.page.getByTestId('motion-card').last();
    const memberMotion = member.page.getByTestId('motion-card').last();
    expect(await textOf(memberMotion.locator('.motion-text'))).toBe('草厂四条胡同口加装限高杆，禁止货车驶入');
    expect(await textOf(memberMotion.getByTestId('motion-status'))).toBe('待表决');
    expect(await textOf(memberMotion.locator('.motion-rule'))).toBe('三分之二 · 以应到为基数 · 到会成员 · 法定人数 2/7 · 记名');

    // the chair opens the vote: both present are its electors
    await chairMotion.getByTestId('motion-open').click();
    await pollText(memberMotion.getByTestId('motion-status')).toBe('表决中');
    expect(await textOf(memberMotion.getByTestId('motion-tally'))).toBe('赞成 0 · 反对 0 · 弃权 0');
    expect(await textOf(memberMotion.getByTestId('motion-needed'))).toBe('需 2 票中的 2 票赞成');
    expect(await textOf(memberMotion.getByTestId('motion-quorum'))).toBe('已参与 0 / 需 2 人');

    // the member votes yes: the chair's screen tallies it without a reload
    await memberMotion.getByTestId('vote-YES').click();
    await pollText(memberMotion.getByTestId('motion-my-vote')).toBe('您的选择：赞成');
    await pollText(chairMotion.getByTestId('motion-tally')).toBe('赞成 1 · 反对 0 · 弃权 0');
    expect(await textOf(chairMotion.getByTestId('motion-remaining'))).toBe('还差 1 票赞成');
    expect(await textOf(chairMotion.getByTestId('motion-quorum'))).toBe('已参与 1 / 需 2 人');
    expect(Number(await chairMotion.getByTestId('vote-bar').getAttribute('data-yes-share'))).toBe(50);

    // the chair votes no: the member's screen follows
    await chairMotion.getByTestId('vote-NO').click();
    await pollText(memberMotion.getByTestId('motion-tally')).toBe('赞成 1 · 反对 1 · 弃权 0');
    expect(await textOf(memberMotion.getByTestId('motion-quorum'))).toBe('已参与 2 / 需 2 人');

    // a named ballot may change until the close: the chair votes yes instead, and the threshold is met
    await chairMotion.getByTestId('vote-YES').click();
    await pollText(memberMotion.getByTestId('motion-tally')).toBe('赞成 2 · 反对 0 · 弃权 0');
    expect(await textOf(memberMotion.getByTestId('motion-remaining'))).toBe('赞成票已达到');

    await chair.page.screenshot({ path: SCREENSHOT, fullPage: true });

    // the chair closes the vote: both screens show the frozen result
    await chairMotion.getByTestId('motion-close').click();
    await pollText(memberMotion.getByTestId('motion-result')).toBe('通过');
    expect(await memberMotion.getByTestId('motion-result').getAttribute('data-result')).toBe('PASSED');
    expect(await textOf(chairMotion.getByTestId('motion-frozen'))).toContain('赞成 2、反对 0、弃权 0');
    expect(await memberMotion.getByTestId('vote-YES').count()).toBe(0);
  });
});
