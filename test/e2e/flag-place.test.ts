/**
 * Teams propose (issue 20, items 3 and 6), in real Chromium at 375 px: the 大果 team's leader taps
 * 反映需要整治 on the team's event, describes what the team found and lands on the concern it became, marked
 * 来源：志愿服务队发现; the committee hands it back to the team, and 办理统计 shows the month's 志愿服务 card
 * with the action started from a concern.
 */
import type { ActionView } from '../../core/volunteers/action-views';
import type { EventDetail } from '../../core/views';
import { DEMO_IDENTITIES as I, DEMO_TEAMS } from '../../server/demo-data';
import { browserSuite } from './harness';
import { button, loginAs, visibleText } from './ui';

const t = browserSuite(180_000);
const FLAG = '祠堂后巷杂物堆积，蚊虫很多，需要整治';

it('files a flag from the leader’s event page, and 办理统计 counts the action started from it', async () => {
  const start = t.h.now().getTime() + 24 * 3600_000;
  const ev = (await t.h.rt.router.call('volunteer', 'event/create', {
    teamId: DEMO_TEAMS.daguo, title: '祠堂周边清洁', description: '清理祠堂周边垃圾', place: '大果祠堂', startAt: new Date(start).toISOString(), endAt: new Date(start + 2 * 3600_000).toISOString(), capacity: 10, waitlist: false, openTo: 'all',
  }, I.daguoLeader)) as EventDetail;

  const { page } = await t.h.newPage({ viewport: { width: 375, height: 812 } });
  await loginAs(t.h.base, page, '罗队长');
  await page.goto(`${t.h.base}/#/volunteer/pages/event/index?id=${ev.id}`);
  await visibleText(page, '队长工具').waitFor();
  await button(page, '反映需要整治').click();
  await page.locator('textarea[placeholder*="巷尾空地"]:visible').fill(FLAG);
  await button(page, '提交给村（社区）').click();
  await visibleText(page, '来源：志愿服务队发现').waitFor();
  await visibleText(page, FLAG).waitFor();
  await t.shot(page, 'flag-place-concern');
  const [flagged] = (await t.h.rt.store.concerns.listByReporter(I.daguoLeader, { cursor: null, limit: 5 })).items;
  expect(flagged).toMatchObject({ source: 'team', description: FLAG, placeId: 'dz-xicheng-daguo' });

  // The committee accepts it and hands it back to the team that found it.
  await t.h.rt.router.call('concern', 'concern/accept', { id: flagged.id }, I.daguoChair);
  const draft = (await t.h.rt.router.call('concern', 'concern/startAction', { ids: [flagged.id], teamId: DEMO_TEAMS.daguo }, I.daguoChair)) as ActionView;
  expect(draft.status).toBe('draft');

  const { page: staff } = await t.h.newPage({ viewport: { width: 375, height: 812 } });
  await loginAs(t.h.base, staff, '黄社长');
  await staff.goto(`${t.h.base}/#/staff/pages/dashboard/index`);
  await visibleText(staff, '志愿服务').waitFor();
  await visibleText(staff, '志愿行动（由诉求发起）1 次').waitFor();
  await t.shot(staff, 'flag-place-dashboard');
});
