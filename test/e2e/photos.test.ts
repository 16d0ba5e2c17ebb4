/**
 * Photos on a report in real Chromium: two photos chosen through the file picker, compressed on the
 * device, uploaded with progress shown; a failed upload is retried without losing the typed text;
 * thumbnails in the form and in 我的诉求, full-size photos on the concern page.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { browserSuite, DOCS_SHOTS } from './harness';
import { button, chip, pickPlace } from './ui';

const t = browserSuite();


/** A real JPEG of the given size, drawn by the browser. */
async function jpeg(page: Page, width: number, height: number, color: string): Promise<Buffer> {
  const url = await page.evaluate(
    ([w, h2, c]) => {
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h2;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = c;
      ctx.fillRect(0, 0, w, h2);
      ctx.fillStyle = '#fff';
      ctx.fillRect(20, 20, (w) / 3, (h2) / 3);
      return canvas.toDataURL('image/jpeg', 0.95);
    },
    [width, height, color] as const,
  );
  return Buffer.from(url.split(',')[1], 'base64');
}

it('reports with two photos: progress, a retried failure that keeps the text, thumbnails and full view', async () => {
  const { page } = await t.h.newPage();
  await page.goto(`${t.h.base}/#/pages/login/index`);
  await button(page, '陈阿姨').click();
  await page.getByText('您好，陈阿姨').waitFor();
  await button(page, '我要反映').click();
  await page.getByText('1. 问题发生在哪里？').waitFor();
  await pickPlace(page, '西城社区');
  await chip(page, '人居环境/环境卫生').click();
  const text = '带照片上报：大果村口垃圾堆积，已经三天。';
  await page.locator('textarea[placeholder*="请描述"]').fill(text);

  // Uploads answer slowly (progress is visible); the second one fails once.
  let uploads = 0;
  await page.route('**/api/upload', async (route) => {
    uploads++;
    if (uploads === 2) return route.abort('connectionreset');
    await new Promise((r) => setTimeout(r, 1200));
    return route.continue();
  });

  const big = await jpeg(page, 2400, 1800, '#3a7');
  const tall = await jpeg(page, 900, 1600, '#a73');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('[aria-label="添加照片"]').click()]);
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles([
    { name: 'a.jpg', mimeType: 'image/jpeg', buffer: big },
    { name: 'b.jpg', mimeType: 'image/jpeg', buffer: tall },
  ]);
  await page.getByText(/上传中 \d+%/).first().waitFor();
  await page.getByText('上传失败').waitFor();
  await page.screenshot({ path: path.join(DOCS_SHOTS, 'resident-report-photos.png'), fullPage: true });

  await page.locator('.photo-picker__tile--done').first().waitFor();
  // Submitting now is refused with what to do; the text is still there.
  await button(page, '提交').click();
  await page.getByText(/有照片没有传上去/).waitFor();
  expect(await page.locator('textarea[placeholder*="请描述"]').inputValue()).toBe(text);

  await page.locator('[aria-label$="上传失败，点此重试"]').click();
  await page.waitForFunction(() => document.querySelectorAll('.photo-picker__tile--done').length === 2, null, { timeout: 20_000 });
  expect(await page.locator('.photo-picker__tile img').count()).toBe(2);
  expect(await page.locator('textarea[placeholder*="请描述"]').inputValue()).toBe(text);

  await button(page, '提交').click();
  await page.getByText('现场照片', { exact: false }).first().waitFor({ state: 'attached' }).catch(() => undefined);
  await page.waitForFunction(() => document.querySelectorAll('.photo-gallery__img img').length === 2);
  // Shown from the local cloud, compressed on the device to the long edge (1280).
  const sizes = await page.$$eval('.photo-gallery__img img', (imgs) =>
    Promise.all(
      (imgs as HTMLImageElement[]).map(
        (i) => new Promise<[number, number, string]>((r) => (i.complete && i.naturalWidth > 0 ? r([i.naturalWidth, i.naturalHeight, i.src]) : (i.onload = () => r([i.naturalWidth, i.naturalHeight, i.src])))),
      ),
    ),
  );
  expect(sizes.map(([w, hh]) => Math.max(w, hh))).toEqual([1280, 1280]);
  expect(sizes.every(([, , src]) => src.includes('/uploads/'))).toBe(true);
  const [stored] = (await t.h.rt.store.concerns.listByReporter('demo-resident-chen', { cursor: null, limit: 1 })).items;
  expect(stored.description).toBe(text);
  expect(stored.photos).toHaveLength(2);
  expect(stored.photos.every((p) => p.startsWith('local://uploads/'))).toBe(true);

  // Full view on tap.
  await page.locator('.photo-gallery__img').first().click();
  await page.locator('.taro-preview, [class*="preview"]').first().waitFor({ state: 'attached' });
  await page.goBack().catch(() => undefined);

  // A thumbnail in 我的诉求: a fresh load of the page, so the preview's history step cannot leave the old page in front.
  await page.goto(`${t.h.base}/#/pages/my-concerns/index`);
  await page.reload();
  await page.locator('.concern-item__thumb').first().waitFor();
  expect(await page.getByText('2张').count()).toBeGreaterThan(0);
});
