/**
 * 大字模式 reaches every text (issue 17, item 3), measured in real Chromium: on every resident page, the
 * computed font size of typed text in inputs and textareas, of their placeholders (`::placeholder`), of
 * NutUI buttons (small ones too) and tags is at least 1.3× the normal size, and no button or tag cuts its
 * text off (scrollWidth ≤ clientWidth).
 */
import type { Page } from 'playwright-core';
import { browserSuite } from './harness';
import { loginAs, tab } from './ui';

const t = browserSuite(300_000);
const RESIDENT = 'demo-resident-chen';
const CHAIR = 'demo-staff-daguo-huang';

interface Measured {
  key: string;
  size: number;
  fits: boolean;
}

/** Every input, textarea (and its placeholder), NutUI button and tag on the page on screen. */
function measure(page: Page): Promise<Measured[]> {
  return page.evaluate(() => {
    const shown = (el: Element) => {
      const r = (el as HTMLElement).getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const px = (v: string) => parseFloat(v);
    const out: Array<{ key: string; size: number; fits: boolean }> = [];
    const seen = new Map<string, number>();
    const push = (key: string, size: number, fits: boolean) => {
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      out.push({ key: n > 1 ? `${key} #${n}` : key, size, fits });
    };
    for (const el of Array.from(document.querySelectorAll('input, textarea'))) {
      const f = el as HTMLInputElement;
      if (!shown(f) || f.type === 'file' || f.type === 'hidden' || f.type === 'checkbox' || f.type === 'radio') continue;
      const name = `${f.tagName.toLowerCase()}「${f.placeholder || f.getAttribute('aria-label') || ''}」`;
      push(name, px(getComputedStyle(f).fontSize), true);
      if (f.placeholder) push(`${name}::placeholder`, px(getComputedStyle(f, '::placeholder').fontSize), true);
    }
    for (const el of Array.from(document.querySelectorAll('.nut-button, .nut-tag'))) {
      if (!shown(el)) continue;
      const text = (el.textContent ?? '').trim();
      if (!text) continue;
      // The label's own element carries the size NutUI gives it (the button's children wrapper).
      const label = el.querySelector<HTMLElement>('.nut-button-children') ?? (el as HTMLElement);
      const box = el as HTMLElement;
      push(`${el.classList.contains('nut-tag') ? 'tag' : 'button'}「${text}」`, px(getComputedStyle(label).fontSize), box.scrollWidth <= box.clientWidth + 1);
    }
    return out;
  });
}

async function setElder(page: Page, on: boolean) {
  await page.goto(`${t.h.base}/#/pages/me/index`);
  const sw = page.locator('[role="switch"][aria-label="大字模式"] >> visible=true');
  await sw.waitFor();
  if ((await sw.getAttribute('aria-checked')) !== String(on)) await sw.click();
  expect(await sw.getAttribute('aria-checked')).toBe(String(on));
}

it('enlarges inputs, textareas, placeholders, buttons and tags at least 1.3× on every resident page, with no text cut off', async () => {
  // Something in every list: an open concern with a notice, a resolved one (rating box, the board).
  const api = (openid: string, action: string, data: unknown) => t.h.rt.router.call('concern', action, data, openid) as Promise<{ id: string }>;
  const open = await api(RESIDENT, 'concern/submit', { category: 'environment', description: '大字检查：村口的垃圾桶满了', placeId: 'dz-xicheng-daguo' });
  await api(CHAIR, 'concern/accept', { id: open.id });
  const done = await api(RESIDENT, 'concern/submit', { category: 'road', description: '大字检查：路口的路灯坏了', placeId: 'dz-xicheng-daguo' });
  await api(CHAIR, 'concern/accept', { id: done.id });
  await api(CHAIR, 'concern/resolve', { id: done.id, text: '已更换灯泡。' });
  await t.h.rt.deliverNotifications();
  const teams = (await t.h.rt.router.call('volunteer', 'team/list', {}, RESIDENT)) as { items: Array<{ id: string; name: string }> };

  const pages: Array<{ url: string; ready: string | RegExp }> = [
    { url: '/#/pages/index/index', ready: '您好，陈阿姨' },
    { url: '/#/pages/report/index', ready: '1. 问题发生在哪里？' },
    { url: '/#/pages/my-concerns/index', ready: '大字检查：村口的垃圾桶满了' },
    { url: `/#/pages/concern/index?id=${open.id}`, ready: '沟通记录' },
    { url: `/#/pages/concern/index?id=${done.id}`, ready: '请评价办理结果' },
    { url: '/#/pages/messages/index', ready: /条未读|全部已读/ },
    { url: '/#/pages/me/index', ready: '大字模式' },
    { url: '/#/pages/board/index', ready: '选择村（社区）' },
    { url: '/#/volunteer/pages/teams/index', ready: '附近的志愿队' },
    { url: `/#/volunteer/pages/team/index?id=${teams.items[0].id}`, ready: teams.items[0].name },
    { url: '/#/volunteer/pages/mine/index', ready: '我的志愿码' },
    { url: '/#/yishi/pages/topics/index', ready: /选择您居住的村|本村（社）议题/ },
    { url: '/#/account/pages/privacy/index', ready: '我们保存了您的哪些信息' },
    { url: '/#/account/pages/feedback/index', ready: '对「街坊」有什么意见或建议？' },
  ];

  const { page } = await t.h.newPage();
  await loginAs(t.h.base, page, '陈阿姨');
  const sizes: Array<Map<string, Measured>> = [];
  for (const on of [false, true]) {
    await setElder(page, on);
    const byPage = new Map<string, Measured>();
    for (const p of pages) {
      // A fresh load per page: only that page's elements are on screen.
      await page.goto(t.h.base + p.url);
      await page.reload();
      await page.getByText(p.ready).filter({ visible: true }).first().waitFor();
      for (const m of await measure(page)) byPage.set(`${p.url} ${m.key}`, m);
    }
    sizes.push(byPage);
  }
  const [normal, elder] = sizes;
  // Each kind was found: the check looked at real elements.
  const keys = [...normal.keys()];
  for (const kind of ['input「', 'textarea「', '::placeholder', 'button「', 'tag「']) expect([kind, keys.some((k) => k.includes(kind))]).toEqual([kind, true]);
  const small: string[] = [];
  const cut: string[] = [];
  for (const [key, n] of normal) {
    const e = elder.get(key);
    if (!e) continue;
    if (e.size / n.size < 1.3 - 1e-3) small.push(`${key}: ${n.size}px → ${e.size}px`);
    if (!e.fits) cut.push(key);
    if (!n.fits) cut.push(`${key} (normal)`);
  }
  expect(small).toEqual([]);
  expect(cut).toEqual([]);
  // Most of what was measured in one mode was found in the other (the same pages, the same data).
  expect([...normal.keys()].filter((k) => elder.has(k)).length).toBeGreaterThan(normal.size * 0.8);
  await page.goto(`${t.h.base}/#/pages/index/index`);
  await tab(page, '反映').click();
  await page.getByText('1. 问题发生在哪里？').filter({ visible: true }).first().waitFor();
  await t.shot(page, 'elder-sizes-report');
});
