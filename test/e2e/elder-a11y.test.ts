/**
 * 适老化 in real Chromium: 大字模式 on 我的 enlarges text (computed font sizes, ≥ 1.3×) and touch
 * targets (≥ 48 px) on three pages and is remembered after a reload; axe-core finds no serious or
 * critical violation on the resident pages. Screenshots of the main pages land in docs/screenshots/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { browserSuite, DOCS_SHOTS } from './harness';
import { button, loginAs, tab } from './ui';

const t = browserSuite(180_000);

const AXE = readFileSync(path.resolve(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

/** Font size in CSS px of the first element showing this text, and of a primary button label. */
const fontOf = (page: Page, text: string) => page.getByText(text, { exact: true }).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

const PAGES = [
  { url: '/#/pages/index/index', text: '家门口遇到的烦心事，都可以在这里反映，村（社区）网格员会及时处理并答复您。' },
  { url: '/#/pages/report/index', text: '1. 问题发生在哪里？' },
  { url: '/#/pages/me/index', text: '大字模式' },
];

it('大字模式 enlarges text at least 1.3× and touch targets to 48 px on three pages, and is remembered', async () => {
  const { page } = await t.h.newPage();
  await loginAs(t.h.base, page, '陈阿姨');
  const before: number[] = [];
  for (const p of PAGES) {
    await page.goto(t.h.base + p.url);
    before.push(await fontOf(page, p.text));
  }
  await page.goto(`${t.h.base}/#/pages/index/index`);
  await tab(page, '我的').click();
  const sw = page.locator('[role="switch"][aria-label="大字模式"]');
  await sw.waitFor();
  expect(await sw.getAttribute('aria-checked')).toBe('false');
  await sw.click();
  expect(await sw.getAttribute('aria-checked')).toBe('true');
  await page.reload();
  for (const [i, p] of PAGES.entries()) {
    await page.goto(t.h.base + p.url);
    const after = await fontOf(page, p.text);
    expect([p.url, after / before[i] >= 1.3 - 1e-6]).toEqual([p.url, true]);
  }
  await page.goto(`${t.h.base}/#/pages/index/index`);
  await button(page, '我要反映').waitFor();
  // The buttons on screen (tab pages visited before stay in the DOM, hidden).
  const heights = (await page.$$eval('taro-button-core', (els) => els.map((e) => e.getBoundingClientRect().height))).filter((h) => h > 0);
  expect(Math.min(...heights)).toBeGreaterThanOrEqual(48);
  await page.screenshot({ path: path.join(DOCS_SHOTS, 'resident-home-elder.png'), fullPage: true });
  await page.goto(`${t.h.base}/#/pages/me/index`);
  await sw.waitFor();
  expect(await sw.getAttribute('aria-checked')).toBe('true');
});

async function axe(page: Page): Promise<Array<{ id: string; impact: string; nodes: string[] }>> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
}

it('has no serious or critical accessibility violation on the resident pages (axe-core), in both modes', async () => {
  // axe-core is the test's own inline script: the page's CSP rightly refuses it, so this context bypasses it.
  const { page } = await t.h.newPage({ bypassCSP: true });
  await loginAs(t.h.base, page, '陈阿姨');
  // Something to show in the lists.
  await t.h.rt.router.call('concern', 'concern/submit', { category: 'environment', description: '无障碍检查用：村口路灯不亮。', placeId: 'dz-xicheng-daguo' }, 'demo-resident-chen');
  const [mine] = (await t.h.rt.store.concerns.listByReporter('demo-resident-chen', { cursor: null, limit: 1 })).items;
  const pages = [
    { url: '/#/pages/index/index', ready: '我要反映', shot: 'resident-home' },
    { url: '/#/pages/report/index', ready: '1. 问题发生在哪里？', shot: 'resident-report' },
    { url: '/#/pages/my-concerns/index', ready: '无障碍检查用', shot: 'resident-my-concerns' },
    { url: `/#/pages/concern/index?id=${mine.id}`, ready: '沟通记录', shot: 'resident-concern' },
    { url: '/#/pages/messages/index', ready: /暂时没有消息|全部已读|条未读/, shot: 'resident-messages' },
    { url: '/#/pages/me/index', ready: '大字模式', shot: 'resident-me' },
    { url: '/#/pages/board/index', ready: '选择村（社区）', shot: 'resident-board-all' },
  ];
  const found: Array<{ url: string; id: string; impact: string; nodes: string[] }> = [];
  for (const elder of [false, true]) {
    if (elder) {
      await page.goto(`${t.h.base}/#/pages/me/index`);
      await page.locator('[role="switch"]').click();
    }
    for (const p of pages) {
      await page.goto(t.h.base + p.url);
      // Home lists the resident's concerns too (hidden below the page on screen): the visible one.
      await page.getByText(p.ready).filter({ visible: true }).first().waitFor();
      await page.waitForTimeout(300);
      if (!elder) await page.screenshot({ path: path.join(DOCS_SHOTS, `${p.shot}.png`), fullPage: false });
      for (const v of await axe(page)) if (v.impact === 'serious' || v.impact === 'critical') found.push({ url: p.url, ...v });
    }
  }
  expect(found).toEqual([]);
});

/** Taro H5 slides a new page in: the text is there before the page has finished moving. */
const settled = (page: Page) => page.waitForTimeout(500);

it('saves screenshots of the main staff pages', async () => {
  const { page } = await t.h.newPage();
  await loginAs(t.h.base, page, '黄社长');
  const c = (await t.h.rt.router.call('concern', 'concern/submit', { category: 'road', description: '截图用：大果路口路灯不亮。', placeId: 'dz-xicheng-daguo' }, 'demo-resident-li')) as { id: string };
  await button(page, '诉求工作台').click();
  await page.getByText('截图用：大果路口路灯不亮。').waitFor();
  await settled(page);
  await page.screenshot({ path: path.join(DOCS_SHOTS, 'staff-inbox.png') });
  await page.goto(`${t.h.base}/#/staff/pages/handle/index?id=${c.id}`);
  await button(page, '签收').waitFor();
  await settled(page);
  await page.screenshot({ path: path.join(DOCS_SHOTS, 'staff-handle.png') });
  await page.goto(`${t.h.base}/#/staff/pages/dashboard/index`);
  await page.getByText(/响应率/).first().waitFor();
  await settled(page);
  await page.screenshot({ path: path.join(DOCS_SHOTS, 'staff-dashboard.png') });
});
