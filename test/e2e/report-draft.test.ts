/**
 * Drafts survive (#17) in real Chromium: a report being written — place, category, text and a photo
 * already uploaded — is restored after a reload; a submit that fails offline is kept, shown as 待发送 and
 * sent by itself when the network returns, stored once (its requestId). Also: text pasted past the limit
 * is not cut, the counter says so and submit explains; a too-short description is refused with a hint.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { browserSuite, DOCS_SHOTS } from './harness';
import { button, startReport, visibleText } from './ui';

const t = browserSuite();
const RESIDENT = 'demo-resident-chen';
const desc = (page: Page) => page.locator('textarea[placeholder*="请描述"]');

async function jpeg(page: Page): Promise<Buffer> {
  const url = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 480;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#3a7';
    ctx.fillRect(0, 0, 640, 480);
    return canvas.toDataURL('image/jpeg', 0.9);
  });
  return Buffer.from(url.split(',')[1], 'base64');
}

const mine = async () => (await t.h.rt.store.concerns.listByReporter(RESIDENT, { cursor: null, limit: 20 })).items;

it('restores a report being written, with its uploaded photo, after a reload', async () => {
  const { page } = await t.h.newPage();
  await startReport(t.h.base, page, { village: '西城社区', cooperative: '大果经济社', category: '人居环境/环境卫生' });
  const text = '草稿：祠堂后面的排水沟堵了，下雨就漫到路上。';
  await desc(page).fill(text);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('[aria-label="添加照片"]').click()]);
  await chooser.setFiles([{ name: 'a.jpg', mimeType: 'image/jpeg', buffer: await jpeg(page) }]);
  await page.locator('.photo-picker__tile--done').first().waitFor();

  await page.reload();
  await page.getByText('1. 问题发生在哪里？').waitFor();
  await page.waitForFunction((want) => Array.from(document.querySelectorAll('textarea')).some((a) => a.value === want), text);
  await page.locator('.photo-picker__tile--done').first().waitFor();
  expect(await page.locator('.photo-picker__tile img').count()).toBe(1);
  await t.shot(page, 'resident-report-draft-restored');
  await page.screenshot({ path: path.join(DOCS_SHOTS, 'resident-report-draft-restored.png'), fullPage: false });

  const before = (await mine()).length;
  await button(page, '提交').click();
  await visibleText(page, '提交成功').waitFor();
  const stored = (await mine()).find((c) => c.description === text)!;
  expect(stored).toMatchObject({ placeId: 'dz-xicheng-daguo', category: 'environment' });
  expect(stored.photos).toHaveLength(1);
  expect(await mine()).toHaveLength(before + 1);

  // Stored: the form starts empty again.
  await page.goto(`${t.h.base}/#/pages/report/index`);
  await page.getByText('1. 问题发生在哪里？').waitFor();
  expect(await page.locator('textarea').evaluateAll((as) => as.map((a) => (a as HTMLTextAreaElement).value).filter((v) => v.includes('草稿')))).toEqual([]);
});

it('keeps an offline submit as 待发送 and sends it once when the network returns', async () => {
  const { context, page } = await t.h.newPage();
  await startReport(t.h.base, page, { village: '西城社区', cooperative: '大果经济社', category: '道路设施' });
  const text = '离线提交：村道中间的井盖松了，车过会响。';
  await desc(page).fill(text);
  await context.setOffline(true);
  await button(page, '提交').click();
  await visibleText(page, '联网后会自动提交').waitFor();
  await page.locator('#report-pending:visible').waitFor();
  await t.shot(page, 'resident-report-offline-pending');
  await page.screenshot({ path: path.join(DOCS_SHOTS, 'resident-report-offline-pending.png'), fullPage: false });
  expect((await mine()).filter((c) => c.description === text)).toEqual([]);

  await context.setOffline(false);
  await visibleText(page, '提交成功').waitFor();
  const stored = (await mine()).filter((c) => c.description === text);
  expect(stored).toHaveLength(1);
  expect(stored[0].requestId).not.toBeNull();
});

it('does not cut pasted text past the limit, and refuses a too-short description with a hint', async () => {
  const { page } = await t.h.newPage();
  await startReport(t.h.base, page, { village: '西城社区', category: '人居环境/环境卫生' });
  await desc(page).fill('脏');
  await button(page, '提交').click();
  await visibleText(page, '描述太短了').waitFor();
  const long = '垃'.repeat(520);
  await desc(page).fill(long);
  await visibleText(page, '已超出 20 字').waitFor();
  expect(await desc(page).inputValue()).toBe(long);
  await button(page, '提交').click();
  await visibleText(page, '问题描述不能超过 500 字').waitFor();
  expect((await mine()).filter((c) => c.description.startsWith('垃垃'))).toEqual([]);
});
