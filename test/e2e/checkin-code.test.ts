/**
 * The leader's check-in code renews itself (issue 14, item 8): on the event page the H5 build asks the
 * server for this minute's code every CODE_REFRESH_MS. The page's timers run on Playwright's clock (the
 * harness installs it), moved on by the test, so nothing waits for real time.
 */
import { DEMO_EVENTS } from '../../server/demo-data';
import { CODE_REFRESH_MS } from '../../src/hooks/use-rotating-code';
import { browserSuite } from './harness';
import { loginAs } from './ui';

const t = browserSuite();

it("renews the check-in code on the leader's screen, with the leader's own session", async () => {
  const { page } = await t.h.newPage();
  const renewals: Array<Promise<{ ok: boolean; data?: { qr?: string } }>> = [];
  page.on('response', (res) => {
    if (res.request().method() === 'POST' && (res.request().postData() ?? '').includes('event/checkinCode')) renewals.push(res.json() as Promise<{ ok: boolean }>);
  });
  await loginAs(t.h.base, page, '罗队长');
  await page.goto(`${t.h.base}/#/volunteer/pages/event/index?id=${DEMO_EVENTS.daguoCleanup}`);
  await page.getByText('现场签到码').waitFor();
  await page.getByText('二维码每分钟自动更新', { exact: false }).waitFor();
  expect(renewals).toHaveLength(0);
  const renewed = page.waitForResponse((res) => (res.request().postData() ?? '').includes('event/checkinCode'));
  await page.clock.runFor(CODE_REFRESH_MS + 1000);
  await renewed;
  const answers = await Promise.all(renewals);
  expect(answers.length).toBeGreaterThanOrEqual(1);
  expect(answers[0]).toMatchObject({ ok: true, data: { qr: expect.stringMatching(new RegExp(`^JFEV:${DEMO_EVENTS.daguoCleanup}:\\d+:[0-9a-f]{16}$`)) } });
  await t.shot(page, 'volunteer-leader-checkin-code');
});
