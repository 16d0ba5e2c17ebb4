/**
 * A resident following up in real Chromium (#17): the confirmation after submitting (case number, where it
 * went, due times); a 「请评价」 message naming the concern opens it at the rating box; 撤回 with a reason
 * before anyone accepted it; 催办 once the acknowledge deadline has passed, then not again that day.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { browserSuite, DOCS_SHOTS } from './harness';
import { button, loginAs, startReport, tab, visibleText } from './ui';

const t = browserSuite();
/** A test-results/ screenshot, and the README's copy (docs/screenshots/ only under `npm run screenshots`). */
const both = async (page: Page, name: string) => {
  await t.shot(page, name);
  await page.screenshot({ path: path.join(DOCS_SHOTS, `${name}.png`), fullPage: false });
};

type Made = { id: string; sla: { ackDueAt: string | null } };
const api = (openid: string, action: string, data: unknown) => t.h.rt.router.call('concern', action, data, openid) as Promise<Made>;
const RESIDENT = 'demo-resident-chen';
const CHAIR = 'demo-staff-daguo-huang';

it('confirms a submitted report with its case number, committee and due times', async () => {
  const { page } = await t.h.newPage();
  await startReport(t.h.base, page, { village: '西城社区', cooperative: '大果经济社', category: '人居环境/环境卫生' });
  await page.locator('textarea[placeholder*="请描述"]').fill('大果经济社村口的垃圾桶坏了，垃圾洒了一地。');
  await button(page, '提交').click();
  await visibleText(page, '提交成功').waitFor();
  const [stored] = (await t.h.rt.store.concerns.listByReporter(RESIDENT, { cursor: null, limit: 1 })).items;
  const card = page.locator('#submitted-card:visible');
  await card.getByText(stored.id).waitFor();
  await card.getByText('大果经济社 · 大果网格').waitFor();
  await card.getByText('签收时限', { exact: true }).waitFor();
  await card.getByText('办结时限', { exact: true }).waitFor();
  await both(page, 'resident-submitted-confirmation');
  await button(page, '查看办理进度').click();
  await card.waitFor({ state: 'detached' });
});

it('opens a 「请评价」 message, which names its concern, at the rating box', async () => {
  const c = await api(RESIDENT, 'concern/submit', { category: 'public_space', description: '篮球场的路灯坏了一个多星期', placeId: 'dz-xicheng-daguo' });
  await api(CHAIR, 'concern/accept', { id: c.id });
  await api(CHAIR, 'concern/resolve', { id: c.id, text: '已更换灯泡。' });
  await t.h.rt.deliverNotifications();
  const { page } = await t.h.newPage();
  await loginAs(t.h.base, page, '陈阿姨');
  await tab(page, '消息').click();
  const item = page.locator('.messages__item:visible', { hasText: '您的诉求已办结，请评价' }).first();
  await item.getByText('公共空间 · 大果经济社').waitFor();
  await item.getByText('篮球场的路灯坏了一个多星期').waitFor();
  await both(page, 'resident-messages-named');
  await item.click();
  const box = page.locator('#rate-box:visible');
  await box.getByText('请评价办理结果').waitFor();
  // Scrolled to: the rating box is on screen without the resident scrolling.
  await page.waitForFunction(() => {
    const el = Array.from(document.querySelectorAll('#rate-box')).find((e) => (e as HTMLElement).offsetParent !== null);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  });
  await both(page, 'resident-rate-focused');
});

it('withdraws a concern nobody accepted yet, with a reason, and tells the committee', async () => {
  const c = await api(RESIDENT, 'concern/submit', { category: 'environment', description: '祠堂门口有一堆建筑垃圾', placeId: 'dz-xicheng-daguo' });
  const { page } = await t.h.newPage();
  await loginAs(t.h.base, page, '陈阿姨');
  await page.goto(`${t.h.base}/#/pages/concern/index?id=${c.id}`);
  await button(page, '撤回诉求').click();
  await button(page, '确认撤回').click();
  await visibleText(page, '请写下撤回的原因').waitFor();
  await page.locator('textarea[placeholder*="问题已经解决了"]').fill('邻居已经帮忙清走了');
  await t.shot(page, 'resident-withdraw');
  await button(page, '确认撤回').click();
  await visibleText(page, '居民撤回').waitFor();
  await visibleText(page, '已撤回').waitFor();
  expect(await t.h.rt.store.concerns.get(c.id)).toMatchObject({ status: 'withdrawn' });
  const timeline = await t.h.rt.store.concerns.timeline(c.id);
  expect(timeline[timeline.length - 1]).toMatchObject({ type: 'withdrawn', note: '邻居已经帮忙清走了' });
  expect(t.h.rt.store.db.prepare("SELECT COUNT(*) FROM outbox WHERE kind = 'concern_withdrawn' AND recipient_openid = ?").pluck().get(CHAIR)).toBe(1);
  await both(page, 'resident-withdrawn');
});

it('chases up once the acknowledge deadline has passed, and not again the same day', async () => {
  const c = await api(RESIDENT, 'concern/submit', { category: 'road', description: '村道有个大坑，晚上看不见', placeId: 'dz-xicheng-daguo' });
  const { page } = await t.h.newPage();
  await loginAs(t.h.base, page, '陈阿姨');
  await page.goto(`${t.h.base}/#/pages/concern/index?id=${c.id}`);
  await visibleText(page, '起可以催办').waitFor();
  expect(await button(page, '催办').count()).toBe(0);

  // A day later, as if reported yesterday: the deadline has passed (a fixture; nobody moves the clock back).
  const stored = (await t.h.rt.store.concerns.get(c.id))!;
  const past = new Date(t.h.now().getTime() - 3600_000).toISOString();
  await t.h.rt.store.concerns.commit(c.id, stored.version, { patch: { sla: { ...stored.sla, ackDueAt: past, dueAt: past } }, events: [], messages: [], notifications: [], requestId: null });
  await page.reload();
  await button(page, '催办').click();
  await visibleText(page, '居民催办').waitFor();
  await visibleText(page, '起可以催办').waitFor();
  expect(await button(page, '催办').count()).toBe(0);
  expect((await t.h.rt.store.concerns.timeline(c.id)).filter((e) => e.type === 'chased')).toHaveLength(1);
  expect(t.h.rt.store.db.prepare("SELECT COUNT(*) FROM outbox WHERE kind = 'concern_chased' AND recipient_openid = ?").pluck().get(CHAIR)).toBe(1);
  await both(page, 'resident-chased');
});
