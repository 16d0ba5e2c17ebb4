/**
 * The town admin's own screens in real Chromium: 内容审核 (a resident's flagged report and reply are held;
 * the admin publishes one, rejects the other after confirming, and one decided elsewhere meanwhile leaves
 * the list with a note), 意见反馈 (what residents said about the app, held text marked) and 操作记录 (the
 * audit log of staff and admin actions).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ConcernDetail, ModerationItem } from '../../core/views';
import { DEMO_IDENTITIES as I, DEMO_TEAMS } from '../../server/demo-data';
import { browserSuite, DOCS_SHOTS } from './harness';
import { chip, loginAs, pickPlace } from './ui';

const t = browserSuite();

/** Only the shown page's buttons: pages below in the H5 stack stay in the DOM, hidden. */
const button = (page: Page, text: string) => page.locator('taro-button-core:visible', { hasText: text }).first();
/** The held item's card on 内容审核 whose text contains `text`. */
const card = (page: Page, text: string) => page.locator('.moderation__item:visible', { hasText: text });
/** A button of that card labelled exactly `label` (通过 must not match 不通过). */
const cardButton = (page: Page, text: string, label: string) => card(page, text).locator('taro-button-core').filter({ has: page.getByText(label, { exact: true }) });

const FLAGGED = '祠堂旁的路灯坏了一个月，修灯师傅说有事加微信联系他。';
const REPLY = '路灯还是不亮，有事私聊我。';
const OTHER = '河涌边有人派无抵押贷款的传单。';

const router = <T>(openid: string, action: string, data: unknown = {}) => t.h.rt.router.call('concern', action, data, openid) as Promise<T>;
const home = (page: Page) => page.goto(`${t.h.base}/#/pages/index/index`);

it('lets the town admin publish and reject held text, and read feedback and the audit log', async () => {
  // A resident reports with a flagged description: it is held, not dropped.
  const { page: resident } = await t.h.newPage();
  await loginAs(t.h.base, resident, '陈阿姨');
  await button(resident, '我要反映').click();
  await pickPlace(resident, '西城社区', '大果经济社');
  await chip(resident, '道路设施').click();
  await resident.locator('textarea[placeholder*="请描述"]').fill(FLAGGED);
  await button(resident, '提交').click();
  await resident.getByText(FLAGGED).first().waitFor();
  const [stored] = (await t.h.rt.store.concerns.listByReporter(I.resident, { cursor: null, limit: 5 })).items;
  expect(stored).toMatchObject({ description: FLAGGED, moderation: 'held' });

  // And feedback about the app, from 投诉建议 on home.
  await home(resident);
  await resident.getByText('投诉建议').first().click();
  await resident.locator('textarea[placeholder*="意见或建议"]').fill('希望能在首页直接看到办理进度。');
  await resident.locator('input[placeholder*="联系方式"]').fill('13900000001');
  await button(resident, '提交意见').click();
  await resident.getByText('感谢您的意见').first().waitFor();

  // The committee accepts (an audited staff action) and the resident adds a flagged reply; a second
  // resident sends flagged feedback and another flagged report.
  await router(I.daguoChair, 'concern/accept', { id: stored.id });
  await router(I.resident, 'concern/reply', { id: stored.id, text: REPLY });
  const other = await router<ConcernDetail>(I.resident2, 'concern/submit', { category: 'other', description: OTHER, placeId: 'dz-xicheng-daguo' });
  // Filed under 丹灶镇, the town of 李叔's latest report.
  await router(I.resident2, 'feedback/submit', { text: '加我微信领红包' });
  expect(other.moderation).toBe('held');
  // A team leader's event whose description is flagged: held with its title, place and description.
  const start = t.h.now().getTime() + 7 * 86_400_000;
  const event = (await t.h.rt.router.call(
    'volunteer',
    'event/create',
    { teamId: DEMO_TEAMS.daguo, title: '河涌边清理', description: '报名请加微信 abc123', place: '大果祠堂', startAt: new Date(start).toISOString(), endAt: new Date(start + 2 * 3600_000).toISOString(), capacity: 10, waitlist: false, openTo: 'all' },
    I.daguoLeader,
  )) as { id: string; moderation: string };
  expect(event.moderation).toBe('held');

  // The admin's home counts what waits for review.
  const { page: admin } = await t.h.newPage();
  await loginAs(t.h.base, admin, '丹灶镇管理员');
  await admin.getByLabel('待审核 4 条').waitFor();
  await button(admin, '内容审核').click();
  await card(admin, FLAGGED).getByText('诉求内容').waitFor();
  await card(admin, REPLY).getByText('诉求留言').waitFor();
  await card(admin, OTHER).waitFor();
  // An event's title, place and description, one per line.
  const eventCard = card(admin, '河涌边清理');
  await eventCard.getByText('志愿活动').waitFor();
  expect(await eventCard.locator('.moderation__text').innerText()).toBe('河涌边清理\n大果祠堂\n报名请加微信 abc123');
  await admin.waitForTimeout(300);
  await admin.screenshot({ path: path.join(DOCS_SHOTS, 'admin-moderation.png') });

  // The link opens the concern the text belongs to.
  await card(admin, FLAGGED).getByText('查看所属诉求 ›').click();
  await admin.locator('.concern-view__desc:visible', { hasText: FLAGGED }).waitFor();
  // Back once the page's entry transition is over (Taro's H5 router ignores a back during it).
  await admin.waitForTimeout(600);
  await admin.goBack();
  await card(admin, FLAGGED).waitFor();

  // 通过: the description becomes public.
  await cardButton(admin, FLAGGED, '通过').click();
  await admin.getByText('已通过').first().waitFor();
  await card(admin, FLAGGED).waitFor({ state: 'detached' });
  expect((await t.h.rt.store.concerns.get(stored.id))?.moderation).toBe('published');

  // 不通过 asks first; 再想想 changes nothing.
  await cardButton(admin, REPLY, '不通过').click();
  await admin.getByText('确定不通过？').waitFor();
  await admin.locator('.taro-model__cancel').click();
  await admin.waitForTimeout(300);
  expect(await card(admin, REPLY).count()).toBe(1);
  await cardButton(admin, REPLY, '不通过').click();
  await admin.locator('.taro-model__confirm').click();
  await admin.getByText('已设为不通过').first().waitFor();
  await card(admin, REPLY).waitFor({ state: 'detached' });
  expect(t.h.rt.store.db.prepare(`SELECT moderation FROM concern_messages WHERE text = ?`).pluck().get(REPLY)).toBe('rejected');

  // The event: its link opens the event page; 通过 lets residents see it.
  await eventCard.getByText('查看所属活动 ›').click();
  await admin.locator('.taro_page:visible').getByText('报名请加微信 abc123').first().waitFor();
  await admin.waitForTimeout(600);
  await admin.goBack();
  await cardButton(admin, '河涌边清理', '通过').click();
  await card(admin, '河涌边清理').waitFor({ state: 'detached' });
  expect(await t.h.rt.router.call('volunteer', 'event/get', { id: event.id }, I.resident)).toMatchObject({ moderation: 'published' });

  // Somebody else decided the last one meanwhile: it leaves the list, and the page says why.
  const [last] = (await router<{ items: ModerationItem[] }>(I.townAdmin, 'moderation/list')).items;
  expect(last).toMatchObject({ kind: 'concern', id: other.id });
  await router(I.townAdmin, 'moderation/decide', { kind: 'concern', id: other.id, decision: 'publish' });
  await cardButton(admin, OTHER, '通过').click();
  await admin.getByText('这条内容已经处理过了（可能是其他管理员处理的），已从待审核列表中移除。').waitFor();
  await admin.getByText('暂无待审核内容').waitFor();

  // The committee sees the published description unmarked; the rejected reply stays theirs to read (they
  // handle the concern), marked 未通过审核.
  const { page: staff } = await t.h.newPage();
  await loginAs(t.h.base, staff, '黄社长');
  await staff.goto(`${t.h.base}/#/staff/pages/handle/index?id=${stored.id}`);
  await staff.locator('.concern-view__desc', { hasText: FLAGGED }).waitFor();
  const rejected = staff.locator('.concern-view__msg:visible', { hasText: REPLY });
  await rejected.getByText('未通过审核', { exact: true }).waitFor();
  expect(await staff.locator('.concern-view__header:visible').getByText('待审核', { exact: true }).count()).toBe(0);

  // 意见反馈: newest first, held text marked 待审核, the contact when left.
  await home(admin);
  await button(admin, '意见反馈').click();
  await admin.getByText('希望能在首页直接看到办理进度。').waitFor();
  await admin.getByText('联系方式：13900000001').waitFor();
  const held = admin.locator('.feedback-list__item', { hasText: '加我微信领红包' });
  await held.getByText('待审核').waitFor();
  const texts = await admin.locator('.feedback-list__text').allTextContents();
  expect(texts).toEqual(['加我微信领红包', '希望能在首页直接看到办理进度。']);
  await admin.waitForTimeout(300);
  await admin.screenshot({ path: path.join(DOCS_SHOTS, 'admin-feedback.png') });

  // 操作记录: the committee's 签收 and the admin's decisions, with who, what, where and when.
  await home(admin);
  await button(admin, '操作记录').click();
  const accept = admin.locator('.audit__item', { hasText: '签收诉求' });
  await accept.getByText('黄社长（网格员·社委）').waitFor();
  await accept.getByText('所属：大果经济社').waitFor();
  await accept.getByText(`案件编号 ${stored.id}`, { exact: false }).waitFor();
  // Three decisions from the page, one made elsewhere, and the page's late one, refused.
  await admin.locator('.audit__item', { hasText: '内容审核' }).nth(4).waitFor();
  await admin.locator('.audit__item', { hasText: '未成功（MODERATION.NOT_HELD）' }).waitFor();
  expect(await admin.locator('.audit__item', { hasText: '丹灶镇管理员（管理员）' }).count()).toBe(5);
  await admin.waitForTimeout(300);
  await admin.screenshot({ path: path.join(DOCS_SHOTS, 'admin-audit.png') });
});
