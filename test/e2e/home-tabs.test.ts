/**
 * Home as a WeChat service in real Chromium (issue 17, item 5): the tab bar 首页 / 反映 / 消息 / 我的 with the
 * unread badge on 消息, home's entry grid and its three short lists, and the H5 navigation bar with back on
 * pages below a tab (none on the tabs themselves).
 */
import type { Page } from 'playwright-core';
import path from 'node:path';
import { browserSuite, DOCS_SHOTS } from './harness';
import { button, entry, loginAs, tab, visibleText } from './ui';

const t = browserSuite();
const RESIDENT = 'demo-resident-chen';
const CHAIR = 'demo-staff-daguo-huang';
const api = (openid: string, action: string, data: unknown) => t.h.rt.router.call('concern', action, data, openid) as Promise<{ id: string }>;

const badge = (page: Page) => tab(page, '消息').locator('.taro-tabbar-badge');
const navBar = (page: Page) => page.locator('#taro-navigation-bar');

it('walks the tabs, shows the unread count on 消息 and clears it when read', async () => {
  // One concern in hand (open, with a notice), one resolved and on the public board.
  const open = await api(RESIDENT, 'concern/submit', { category: 'environment', description: '首页测试：祠堂门口的垃圾没人清', placeId: 'dz-xicheng-daguo' });
  await api(CHAIR, 'concern/accept', { id: open.id });
  const done = await api('demo-resident-li', 'concern/submit', { category: 'road', description: '首页测试：大果路口的路灯坏了', placeId: 'dz-xicheng-daguo' });
  await api(CHAIR, 'concern/accept', { id: done.id });
  await api(CHAIR, 'concern/resolve', { id: done.id, text: '已更换灯泡。' });
  await t.h.rt.deliverNotifications();
  const unread = (await t.h.rt.router.call('concern', 'message/list', { limit: 1 }, RESIDENT)) as { unread: number };
  expect(unread.unread).toBeGreaterThan(0);

  const { page } = await t.h.newPage();
  await loginAs(t.h.base, page, '陈阿姨');
  for (const label of ['首页', '反映', '消息', '我的']) await tab(page, label).waitFor();
  for (const label of ['我的诉求', '志愿服务', '我的志愿', '公开栏', '街坊议事']) await entry(page, label).waitFor();
  // The open concern with its state; the board's latest.
  const mine = page.locator('.home-list:visible', { hasText: '我的诉求（办理中）' });
  await mine.getByText('首页测试：祠堂门口的垃圾没人清').waitFor();
  await mine.getByText('已签收').waitFor();
  const board = page.locator('.home-list:visible', { hasText: '公开栏最新' });
  await board.getByText(/首页测试：大果路口的路灯坏了/).waitFor();
  await page.locator('.home-list:visible', { hasText: '我报名的志愿活动' }).getByText(/还没有报名/).waitFor();
  await expect(badge(page).textContent()).resolves.toBe(String(unread.unread));
  // No navigation bar button on a tab page.
  expect(await navBar(page).evaluate((el) => el.classList.contains('taro-navigation-bar-show'))).toBe(true);
  expect(await page.locator('.taro-navigation-bar-back').isVisible()).toBe(false);
  await t.shot(page, 'home-tabs');

  await tab(page, '反映').click();
  await visibleText(page, '1. 问题发生在哪里？').waitFor();
  await tab(page, '消息').click();
  await button(page, '全部标为已读').click();
  await visibleText(page, '全部已读').waitFor();
  await badge(page).waitFor({ state: 'detached' });
  await tab(page, '我的').click();
  await page.locator('[role="switch"][aria-label="大字模式"]').waitFor();
  await tab(page, '首页').click();
  await visibleText(page, '您好，陈阿姨').waitFor();
});

it('opens pages below a tab with a back button in the navigation bar, and back returns to the tab', async () => {
  const { page } = await t.h.newPage();
  await loginAs(t.h.base, page, '陈阿姨');
  await entry(page, '我的诉求').click();
  await page.locator('.taro-navigation-bar-title', { hasText: '我的诉求' }).waitFor();
  const back = page.locator('.taro-navigation-bar-back');
  await back.waitFor({ state: 'visible' });
  // The page has finished sliding in: home's greeting is no longer shown.
  await page.locator('text=您好，陈阿姨 >> visible=true').waitFor({ state: 'detached' });
  await t.shot(page, 'home-nav-back');
  await page.screenshot({ path: path.join(DOCS_SHOTS, 'resident-nav-back.png') });
  await back.click();
  await visibleText(page, '您好，陈阿姨').waitFor();
  await back.waitFor({ state: 'hidden' });

  // 我要反映 on my concerns' empty list or home switches to the 反映 tab (never navigateTo).
  await button(page, '我要反映').click();
  await visibleText(page, '1. 问题发生在哪里？').waitFor();
  expect(await back.isVisible()).toBe(false);
});

it('lists the village’s volunteer events the resident can join once she has stated her place', async () => {
  const start = new Date(t.h.now().getTime() + 2 * 86_400_000);
  await t.h.rt.router.call(
    'volunteer',
    'event/create',
    { teamId: 'team-daguo-clean', title: '首页测试：河涌边周末清洁', description: '清理河涌两岸的垃圾。', place: '大果河涌', startAt: start.toISOString(), endAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(), capacity: 10, waitlist: false, openTo: 'all' },
    'demo-leader-daguo-luo',
  );
  await api(RESIDENT, 'me/setPlace', { placeId: 'dz-xicheng-daguo' });
  const { page } = await t.h.newPage();
  await loginAs(t.h.base, page, '陈阿姨');
  const near = page.locator('.home-list:visible', { hasText: '本村志愿活动' });
  await near.getByText('首页测试：河涌边周末清洁').waitFor();
  await near.getByText(/大果党群清洁志愿服务队/).first().waitFor();
  await near.getByText('首页测试：河涌边周末清洁').click();
  await page.locator('.taro-navigation-bar-title', { hasText: /活动/ }).first().waitFor();
});
