/**
 * The volunteer loop through the H5 build in real Chromium: a resident applies to a team, the team's
 * leader approves, the resident signs up for a members-only event and finds the place in 我的志愿.
 */
import { DEMO_EVENTS, DEMO_IDENTITIES, DEMO_TEAMS } from '../../server/demo-data';
import { browserSuite } from './harness';
import { button, entry, loginAs, visibleText } from './ui';

const t = browserSuite();


const TEAM = '大果党群清洁志愿服务队';
const EVENT = '村道周末清洁行动';

it('takes a resident from applying to a team to a place in 我的志愿', async () => {
  const { page: resident } = await t.h.newPage();
  await loginAs(t.h.base, resident, '陈阿姨');
  await entry(resident, '志愿服务').click();
  await resident.getByText(TEAM).first().click();
  await button(resident, '申请加入').click();
  await resident.getByText('我的状态：待审核').waitFor();
  await t.shot(resident, 'volunteer-applied');

  // The members-only event refuses a resident who is not a member yet.
  await resident.goto(`${t.h.base}/#/volunteer/pages/event/index?id=${DEMO_EVENTS.daguoCleanup}`);
  await resident.getByText('只面向本队队员', { exact: false }).first().waitFor();
  expect(await resident.locator('taro-button-core', { hasText: '我要报名' }).count()).toBe(0);

  // The leader sees the application on the team page and approves it.
  const { page: leader } = await t.h.newPage();
  await loginAs(t.h.base, leader, '罗队长');
  await leader.getByText('志愿队长', { exact: false }).first().waitFor();
  await button(leader, '我带的队伍').click();
  await leader.getByText('待审核的申请（1）').waitFor();
  await t.shot(leader, 'volunteer-leader-review');
  await button(leader, '同意').click();
  await leader.getByText('队员（2）').waitFor();
  const membership = await t.h.rt.store.teams.getMembership(DEMO_TEAMS.daguo, DEMO_IDENTITIES.resident);
  expect(membership?.status).toBe('member');

  // Now a member, the resident signs up.
  await resident.goto(`${t.h.base}/#/volunteer/pages/event/index?id=${DEMO_EVENTS.daguoCleanup}`);
  await resident.reload();
  await button(resident, '我要报名').click();
  await resident.getByText('报名成功', { exact: false }).waitFor();
  await resident.getByText('您已报名').waitFor();
  await resident.getByText('已报名 1/20', { exact: false }).first().waitFor();
  await t.shot(resident, 'volunteer-signed-up');
  expect((await t.h.rt.store.events.getSignUp(DEMO_EVENTS.daguoCleanup, DEMO_IDENTITIES.resident))?.status).toBe('signed');

  // 我的志愿 shows the place, the team and the personal code.
  await resident.goto(`${t.h.base}/#/pages/index/index`);
  await entry(resident, '我的志愿').click();
  await resident.getByText('即将参加（1）').waitFor();
  // Home stays in the DOM below, hidden, and lists the same event and team: look at the visible page only.
  await visibleText(resident, EVENT).waitFor();
  await resident.locator('text="已报名" >> visible=true').first().waitFor();
  await resident.getByText('我的队伍（1）').waitFor();
  await visibleText(resident, TEAM).waitFor();
  await resident.getByText('0.0 小时').waitFor();
  await t.shot(resident, 'volunteer-mine');
});
