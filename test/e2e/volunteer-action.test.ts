/**
 * Issue 20's Done-when, through the H5 build in real Chromium at 375 px, by visible text: 大果经济社's committee
 * turns points on and offers a reward; a resident reports rubbish in a lane; the committee hands it to the
 * 大果 team as a volunteer action; the leader schedules it, residents sign up and are checked in and out; the
 * leader confirms the hours and records the result; the committee resolves the concern from it; the resident
 * sees the team that did it and rates; the volunteers' points appear and one redeems a reward that the
 * committee hands over. The clock moves on to the event's day with the harness (`advance`).
 */
import type { Page } from 'playwright-core';
import type { CodeView } from '../../core/views';
import { DEMO_IDENTITIES as I } from '../../server/demo-data';
import { browserSuite } from './harness';
import { chip, loginAs, pickPlace, visibleText } from './ui';

const t = browserSuite(240_000);

const TEAM = '大果党群清洁志愿服务队';
const DESCRIPTION = '大果经济社祠堂后面的小巷里堆满了垃圾，已经好几天没人清理了。';
const MINUTE = 60_000;

const button = (page: Page, text: string) => page.locator('taro-button-core:visible', { hasText: text }).first();
const input = (page: Page, placeholder: string) => page.locator(`input[placeholder*="${placeholder}"]:visible`).first();

/** The leader types a resident's personal 志愿码 (H5 cannot scan) and waits for the answer. */
async function enterCode(leader: Page, openid: string, name: string, answer: string): Promise<void> {
  const { qr } = (await t.h.rt.router.call('volunteer', 'volunteer/code', {}, openid)) as CodeView;
  await input(leader, '请输入居民出示的志愿码').fill(qr);
  await button(leader, '输入居民志愿码签到').click();
  await visibleText(leader, `${name}：${answer}`).waitFor();
}

it('takes a lane full of rubbish from a report through a volunteer action to points and a reward handed over', async () => {
  // The committee turns points on and offers a reward.
  const { page: staff } = await t.h.newPage();
  await loginAs(t.h.base, staff, '黄社长');
  await button(staff, '积分设置').click();
  await visibleText(staff, '积分制：未开启').waitFor();
  await visibleText(staff, '公开积分榜：不公开').waitFor();
  await button(staff, '开启积分制').click();
  await visibleText(staff, '积分制：已开启').waitFor();
  await input(staff, '物品名称').fill('环保袋');
  await input(staff, '所需积分').fill('20');
  await input(staff, '库存').fill('5');
  await button(staff, '保存物品').click();
  await visibleText(staff, '20 分 · 库存 5 件').waitFor();
  await t.shot(staff, 'points-settings');

  // A resident reports rubbish in a lane.
  const { page: resident } = await t.h.newPage();
  await loginAs(t.h.base, resident, '陈阿姨');
  await button(resident, '我要反映').click();
  await pickPlace(resident, '西城社区', '大果经济社');
  await chip(resident, '人居环境/环境卫生').click();
  await resident.locator('textarea[placeholder*="请描述"]').fill(DESCRIPTION);
  await button(resident, '提交').click();
  await resident.getByText(DESCRIPTION).first().waitFor();
  const [stored] = (await t.h.rt.store.concerns.listByReporter(I.resident, { cursor: null, limit: 5 })).items;
  expect(stored.description).toBe(DESCRIPTION);

  // The committee accepts it and starts a volunteer action for the 大果 team.
  await staff.goto(`${t.h.base}/#/staff/pages/handle/index?id=${stored.id}`);
  await chip(staff, '签收').click();
  await visibleText(staff, '已签收').waitFor();
  await button(staff, '发起志愿行动').click();
  await chip(staff, TEAM).click();
  await button(staff, '交由该队处理').click();
  await visibleText(staff, `已交由${TEAM}处理：待队长安排时间`).waitFor();

  // The leader finds it on the team page and schedules it for tomorrow morning, open to all residents.
  const { page: leader } = await t.h.newPage();
  await loginAs(t.h.base, leader, '罗队长');
  await button(leader, '我带的队伍').click();
  await visibleText(leader, '志愿行动（1）').waitFor();
  await visibleText(leader, '待队长安排时间').waitFor();
  await button(leader, '安排时间').click();
  await visibleText(leader, '安排志愿行动：人居环境整治').waitFor();
  await chip(leader, '所有居民').click();
  await t.shot(leader, 'volunteer-action-schedule');
  await button(leader, '发布活动').click();
  await visibleText(leader, '已安排志愿活动').waitFor();
  const eventId = new URL(leader.url().replace('/#/', '/')).searchParams.get('id')!;
  const ev = (await t.h.rt.store.events.getEvent(eventId))!;
  expect(ev.title).toContain('人居环境整治');
  const eventUrl = `${t.h.base}/#/volunteer/pages/event/index?id=${eventId}`;

  // Two residents sign up.
  const { page: li } = await t.h.newPage();
  await loginAs(t.h.base, li, '李叔');
  for (const p of [resident, li]) {
    await p.goto(eventUrl);
    await button(p, '我要报名').click();
    await visibleText(p, '您已报名').waitFor();
  }

  // The day of the event: the leader types each volunteer's code at the start and again before the end.
  // A session lasts 12 hours: a day later everyone signs in again.
  await t.h.advance(Date.parse(ev.startAt) + MINUTE - t.h.now().getTime());
  await loginAs(t.h.base, leader, '罗队长');
  await leader.goto(eventUrl);
  for (const [openid, name] of [[I.resident, '陈阿姨'], [I.resident2, '李叔']]) await enterCode(leader, openid, name, '签到成功');
  await t.h.advance(Date.parse(ev.endAt) - MINUTE - t.h.now().getTime());
  for (const [openid, name] of [[I.resident, '陈阿姨'], [I.resident2, '李叔']]) await enterCode(leader, openid, name, '签退成功');

  // After the end: the hours are confirmed, then the result recorded.
  await t.h.advance(Date.parse(ev.endAt) + MINUTE - t.h.now().getTime());
  await leader.reload();
  await button(leader, '签到名单与工时').click();
  await button(leader, '按系统计算确认工时').click();
  await visibleText(leader, '工时已确认').waitFor();
  await leader.goto(eventUrl);
  await leader.reload();
  await leader.locator('textarea[placeholder*="清理垃圾"]:visible').fill('清运垃圾三车，小巷已打扫干净。');
  await button(leader, '提交行动结果').click();
  await visibleText(leader, '志愿服务队已反馈结果').waitFor();
  await visibleText(leader, '行动结果：清运垃圾三车，小巷已打扫干净。').waitFor();
  await t.shot(leader, 'volunteer-action-result');

  // The committee resolves the concern with the team's result in one step.
  for (const [p, name] of [[staff, '黄社长'], [resident, '陈阿姨'], [li, '李叔']] as const) await loginAs(t.h.base, p, name);
  await staff.goto(`${t.h.base}/#/staff/pages/handle/index?id=${stored.id}`);
  await staff.reload();
  await button(staff, '据志愿行动结果办结').click();
  await visibleText(staff, '已办结').waitFor();
  await t.shot(staff, 'volunteer-action-resolved');
  expect((await t.h.rt.store.concerns.get(stored.id))?.status).toBe('resolved');

  // The resident sees who did it (the team, no volunteer named) and rates.
  await resident.goto(`${t.h.base}/#/pages/concern/index?id=${stored.id}`);
  await resident.reload();
  await visibleText(resident, `由${TEAM}处理`).waitFor();
  await visibleText(resident, `${TEAM}已开展志愿行动处理：清运垃圾三车，小巷已打扫干净。`).waitFor();
  await t.shot(resident, 'volunteer-action-resident');
  await chip(resident, '满意').click();
  await button(resident, '提交评价').click();
  await visibleText(resident, '居民评价：满意').waitFor();
  expect((await t.h.rt.store.concerns.get(stored.id))?.rating?.value).toBe('satisfied');

  // Points: 118 confirmed minutes at 10 an hour is 19, and the resolved report 2 more.
  await resident.goto(`${t.h.base}/#/pages/me/index`);
  await resident.reload();
  await button(resident, '我的积分').click();
  await visibleText(resident, '21 分').waitFor();
  await visibleText(resident, '+19 分').waitFor();
  await visibleText(resident, '+2 分').waitFor();
  await visibleText(resident, '反映问题：反映问题已办结').waitFor();
  await t.shot(resident, 'points-mine');
  await button(resident, '去兑换').click();
  await visibleText(resident, '20 分 · 剩余 5 件').waitFor();
  await button(resident, '兑换').click();
  await visibleText(resident, '兑换成功：环保袋').waitFor();
  const code = (await resident.locator('.points__code:visible').first().textContent())!.trim();
  expect(code).toMatch(/^\d{8}$/);
  await visibleText(resident, '状态：待领取 · 扣除 20 分').waitFor();
  await visibleText(resident, '20 分 · 剩余 4 件').waitFor();
  await t.shot(resident, 'points-redeemed');

  // 李叔's points appear too.
  await li.goto(`${t.h.base}/#/volunteer/pages/points/index`);
  await li.reload();
  await visibleText(li, '19 分').waitFor();

  // The committee types the code and hands the bag over.
  await staff.goto(`${t.h.base}/#/pages/index/index`);
  await staff.reload();
  await button(staff, '积分核销').click();
  await input(staff, '8 位兑换码').fill(code);
  await button(staff, '核销兑换码').click();
  await visibleText(staff, '已核销：陈阿姨 领取 环保袋').waitFor();
  await visibleText(staff, '最近兑换（1）').waitFor();
  await visibleText(staff, '陈阿姨 · 环保袋（20 分）').waitFor();
  await visibleText(staff, `兑换码 ${code} · 已领取`).waitFor();
  await t.shot(staff, 'points-handed-over');

  // The resident's list shows it collected.
  await resident.goto(`${t.h.base}/#/volunteer/pages/points/index`);
  await resident.reload();
  await visibleText(resident, '已领取').waitFor();
  await resident.getByText('1 分', { exact: true }).first().waitFor();
});
