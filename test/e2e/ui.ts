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

/** 陈阿姨 opens 我要反映 and picks the place (the village, then optionally a cooperative) and the category. */
export async function startReport(base: string, page: Page, chips: { village: string; cooperative?: string; category: string }): Promise<void> {
  await loginAs(base, page, '陈阿姨');
  await button(page, '我要反映').click();
  await chip(page, chips.village).click();
  if (chips.cooperative) await chip(page, chips.cooperative).click();
  await chip(page, chips.category).click();
}
