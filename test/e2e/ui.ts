/** How the browser tests find and drive Taro's H5 components. */
import type { Page } from 'playwright-core';

/** A NutUI button: Taro renders it as a web component whose inner label is covered by the button itself. */
export const button = (page: Page, text: string) => page.locator('taro-button-core', { hasText: text }).first();

/**
 * A button (or chip) labelled exactly `text`. Pages below in the H5 stack stay in the DOM, so e.g. `签收`
 * must not match the inbox's 待签收 filter underneath.
 */
export const chip = (page: Page, text: string) => page.locator('taro-button-core').filter({ has: page.getByText(text, { exact: true }) }).first();

/** Signs in on the local login page as the demo identity whose button shows `name`, and waits for home. */
/** The first visible element with this text (pages of the stack behind stay in the DOM, hidden). */
export const visibleText = (page: Page, text: string) => page.locator(`text=${text} >> visible=true`).first();

export async function loginAs(base: string, page: Page, name: string, hello = `您好，${name}`): Promise<void> {
  await page.goto(`${base}/#/pages/login/index`);
  await button(page, name).click();
  await page.getByText(hello).waitFor();
}

/**
 * On the report page, picks the place by the picker's search (the town on the map only): the cooperative
 * of the village, or the village itself (不清楚经济社 where it has cooperatives).
 */
export async function pickPlace(page: Page, village: string, cooperative?: string): Promise<void> {
  const search = page.locator('input[placeholder="搜索村（社区）或经济社名称"] >> visible=true').first();
  await search.fill(cooperative ?? village);
  const label = cooperative ? `${village} / ${cooperative}` : new RegExp(`^${village}( / 不清楚经济社)?$`);
  await page.locator('taro-button-core').filter({ has: page.getByText(label, { exact: true }) }).first().click();
  await visibleText(page, `已选：${cooperative ? `${village} / ${cooperative}` : village}`).waitFor();
}

/** 陈阿姨 opens 我要反映 and picks the place (the village, then optionally a cooperative) and the category. */
export async function startReport(base: string, page: Page, chips: { village: string; cooperative?: string; category: string }): Promise<void> {
  await loginAs(base, page, '陈阿姨');
  await button(page, '我要反映').click();
  await visibleText(page, '1. 问题发生在哪里？').waitFor();
  await pickPlace(page, chips.village, chips.cooperative);
  await chip(page, chips.category).click();
}

/** A tab of the tab bar (首页 / 反映 / 消息 / 我的), by its label. */
export const tab = (page: Page, label: string) => page.locator('.weui-tabbar__item').filter({ has: page.locator('.weui-tabbar__label', { hasText: new RegExp(`^${label}$`) }) }).first();

/** An entry of home's icon grid (我的诉求, 志愿服务, 我的志愿, 公开栏, 街坊议事), by its visible label. */
export const entry = (page: Page, label: string) => page.locator('.home__entry >> visible=true').filter({ has: page.getByText(label, { exact: true }) }).first();
