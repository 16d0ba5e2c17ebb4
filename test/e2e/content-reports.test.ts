/**
 * Held and reported concern texts through the H5 build in real Chromium: the handler sees a held
 * description marked 待审核 and the resident is told it waits for review; a resident reports (举报) a
 * handler's reply, and the town admin takes it down (下架) on 内容审核.
 */
import { HELD_TEXT } from '../../core/trust/content';
import type { ConcernDetail } from '../../core/views';
import { DEMO_IDENTITIES as I } from '../../server/demo-data';
import { browserSuite } from './harness';
import { loginAs } from './ui';

const t = browserSuite();

const HELD = '路灯坏了，修灯请加微信 abc123';
const REPLY = '明天派电工来修，先用手电';

it('shows a held description to its handler marked 待审核 and tells the resident; a reported reply is taken down from 内容审核', async () => {
  const call = (openid: string, action: string, data: unknown) => t.h.rt.router.call('concern', action, data, openid) as Promise<ConcernDetail>;
  const c = await call(I.resident, 'concern/submit', { category: 'road', description: HELD, placeId: 'dz-xicheng-daguo' });
  expect(c.moderation).toBe('held');

  // The handler acts on it: the text, marked 待审核, with what to do.
  const { page: chair } = await t.h.newPage();
  await loginAs(t.h.base, chair, '黄社长');
  await chair.goto(`${t.h.base}/#/staff/pages/handle/index?id=${c.id}`);
  const handling = chair.locator('.taro_page:visible');
  await handling.getByText(HELD).waitFor();
  await handling.getByText('待审核', { exact: true }).waitFor();
  await handling.getByText('问题如属实，请照常办理', { exact: false }).waitFor();
  await t.shot(chair, 'handle-held-description');
  await call(I.daguoChair, 'concern/accept', { id: c.id });
  await call(I.daguoChair, 'concern/reply', { id: c.id, text: REPLY });

  // The resident sees their own text marked as under review, and reports the reply.
  const { page: resident } = await t.h.newPage();
  await loginAs(t.h.base, resident, '陈阿姨');
  await resident.goto(`${t.h.base}/#/pages/concern/index?id=${c.id}`);
  const mine = resident.locator('.taro_page:visible');
  await mine.getByText('您的描述正在审核', { exact: false }).waitFor();
  await mine.getByText(REPLY).first().waitFor();
  await mine.getByLabel('举报黄社长的留言').click();
  await resident.getByText('广告或引流', { exact: true }).click();
  await resident.getByText('已举报，镇里会尽快核实').first().waitFor();
  await t.shot(resident, 'concern-reported-reply');
  expect(t.h.rt.store.db.prepare('SELECT kind, reporter_openid, reason, status FROM content_reports').all()).toEqual([{ kind: 'message', reporter_openid: I.resident, reason: 'ad', status: 'open' }]);

  // The town admin sees it once, with the count and the reason, and takes it down after confirming.
  const { page: admin } = await t.h.newPage();
  await loginAs(t.h.base, admin, '丹灶镇管理员');
  await admin.locator('taro-button-core:visible', { hasText: '内容审核' }).first().click();
  const card = admin.locator('.moderation__item:visible', { hasText: REPLY });
  await card.getByText('被举报的诉求留言').waitFor();
  await card.getByText('1 人举报：广告或引流').waitFor();
  await t.shot(admin, 'admin-moderation-reported');
  await card.locator('taro-button-core').filter({ has: admin.getByText('下架', { exact: true }) }).click();
  await admin.getByText('确定下架？').waitFor();
  await admin.locator('.taro-model__confirm').click();
  await admin.getByText('已下架').first().waitFor();
  await card.waitFor({ state: 'detached' });

  // The resident now gets the placeholder; the stored reply is kept as written.
  await resident.reload();
  await resident.locator('.taro_page:visible').getByText(HELD_TEXT).waitFor();
  expect(t.h.rt.store.db.prepare('SELECT text, moderation FROM concern_messages').all()).toEqual([{ text: REPLY, moderation: 'rejected' }]);
});
