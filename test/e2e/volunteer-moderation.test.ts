/**
 * Held volunteer texts through the H5 build in real Chromium: an application note and an event whose
 * texts the content check holds are kept from others until the town admin publishes them.
 */
import type { Page } from 'playwright-core';
import { HELD_TEXT } from '../../core/trust/content';
import { DEMO_IDENTITIES, DEMO_TEAMS } from '../../server/demo-data';
import { browserSuite } from './harness';
import { button, loginAs } from './ui';

const t = browserSuite();

const teamPage = (id: string) => `${t.h.base}/#/volunteer/pages/team/index?id=${id}`;

it('keeps a held application note and a held event from others until the town admin publishes them', async () => {
  // A resident applies with a note the word list holds; the leader sees the application, not the note.
  const { page: resident } = await t.h.newPage();
  await loginAs(t.h.base, resident, '陈阿姨');
  await resident.goto(teamPage(DEMO_TEAMS.daguo));
  await resident.locator('textarea[placeholder*="周末有空"]').fill('周末有空，细节加我微信聊');
  await button(resident, '申请加入').click();
  await resident.getByText('我的状态：待审核').waitFor();

  const { page: leader } = await t.h.newPage();
  await loginAs(t.h.base, leader, '罗队长');
  await leader.goto(teamPage(DEMO_TEAMS.daguo));
  await leader.getByText('待审核的申请（1）').waitFor();
  await leader.getByText(`留言：${HELD_TEXT}`).waitFor();
  expect(await leader.getByText('加我微信', { exact: false }).count()).toBe(0);

  // The leader starts an event whose description the word list holds: it waits for review.
  await button(leader, '发起活动').click();
  await fillEvent(leader);
  await button(leader, '发布活动').click();
  await leader.getByText('审核中', { exact: true }).first().waitFor();
  await leader.getByText('活动内容正在由镇里审核', { exact: false }).waitFor();
  await t.shot(leader, 'volunteer-event-held');
  const [held] = await t.h.rt.store.events.heldEvents(null, 10);
  expect(held).toMatchObject({ title: '河涌边清理', moderation: 'held' });

  // Residents do not see it on the team page, nor can they open it.
  await resident.goto(teamPage(DEMO_TEAMS.daguo));
  await resident.reload();
  await resident.getByText('我的状态：待审核').waitFor();
  expect(await resident.getByText('河涌边清理').count()).toBe(0);

  await publishAsAdmin();
  expect(t.h.rt.store.db.prepare(`SELECT recipient_openid FROM outbox WHERE kind = 'event_reviewed'`).pluck().all()).toEqual([DEMO_IDENTITIES.daguoLeader]);
  await resident.reload();
  await resident.getByText('河涌边清理').first().waitFor();
  expect((await t.h.rt.store.teams.getMembership(DEMO_TEAMS.daguo, DEMO_IDENTITIES.resident))?.noteModeration).toBe('published');
  await leader.goto(teamPage(DEMO_TEAMS.daguo));
  await leader.reload();
  await leader.getByText('留言：周末有空，细节加我微信聊').waitFor();
});

async function fillEvent(leader: Page): Promise<void> {
  await leader.locator('input[placeholder*="村道周末清洁行动"]').fill('河涌边清理');
  await leader.locator('input[placeholder*="祠堂门口"]').fill('大果祠堂');
  await leader.locator('textarea[placeholder*="做什么"]').fill('工具队里准备，报名请加微信 abc123');
  await leader.getByText('所有居民', { exact: true }).click();
}

/** The town admin publishes both held items from 内容审核, reached from home. */
async function publishAsAdmin(): Promise<void> {
  const { page: admin } = await t.h.newPage();
  await loginAs(t.h.base, admin, '丹灶镇管理员');
  await admin.locator('taro-button-core:visible', { hasText: '内容审核' }).first().click();
  const card = (text: string) => admin.locator('.moderation__item:visible', { hasText: text });
  await card('河涌边清理').getByText('志愿活动').waitFor();
  await card('细节加我微信聊').getByText('入队申请留言').waitFor();
  await t.shot(admin, 'admin-moderation-volunteer');
  for (const text of ['河涌边清理', '细节加我微信聊']) {
    await card(text).locator('taro-button-core').filter({ has: admin.getByText('通过', { exact: true }) }).click();
    await card(text).waitFor({ state: 'detached' });
  }
  await admin.getByText('暂无待审核内容').waitFor();
}
