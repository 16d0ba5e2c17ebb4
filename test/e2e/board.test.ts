/**
 * The public board and the duplicate hint in real Chromium: a resolved concern shows on 公开栏 without
 * the phone number, names or photos; reporting the same kind of problem in the same place shows the
 * open one first, and "+1" counts the resident instead of filing a duplicate.
 */
import path from 'node:path';
import { DEMO_IDENTITIES as I } from '../../server/demo-data';
import { browserSuite, DOCS_SHOTS } from './harness';
import { button, chip, loginAs, pickPlace, tab } from './ui';

const t = browserSuite();

const call = (openid: string, action: string, data: unknown) => t.h.rt.router.call('concern', action, data, openid) as Promise<{ id: string }>;

it('shows a resolved concern on 公开栏 without phone numbers, names or photos', async () => {
  const photo = t.h.rt.photos!.put(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'jpg', I.resident);
  const c = await call(I.resident, 'concern/submit', {
    category: 'environment',
    description: '我是陈阿姨，电话13800138000，西城村口的垃圾三天没人清。',
    placeId: 'dz-xicheng-daguo',
    photos: [photo],
  });
  await call(I.daguoChair, 'concern/accept', { id: c.id });
  await call(I.daguoChair, 'concern/resolve', { id: c.id, text: '黄社长已安排清运并增设两个垃圾桶，电话0757-86661234。' });

  const { page } = await t.h.newPage();
  await loginAs(t.h.base, page, '李叔');
  await tab(page, '我的').click();
  await button(page, '公开栏').click();
  await chip(page, '西城社区').click();
  await page.getByText(/已安排清运并增设两个垃圾桶/).waitFor();
  const body = await page.locator('.board').innerText();
  for (const secret of ['13800138000', '0757-86661234', '陈阿姨', '黄社长']) expect([secret, body.includes(secret)]).toEqual([secret, false]);
  expect(body).toContain('西城村口的垃圾三天没人清');
  expect(await page.locator('.board img').count()).toBe(0);
  await page.screenshot({ path: path.join(DOCS_SHOTS, 'resident-board.png'), fullPage: false });
});

it('shows an open concern of the same kind nearby before submitting, and takes a +1 instead of a duplicate', async () => {
  const open = await call(I.resident2, 'concern/submit', { category: 'road', description: '大果经济社路口的路灯坏了，晚上很黑。', placeId: 'dz-xicheng-daguo' });
  const { page } = await t.h.newPage();
  await loginAs(t.h.base, page, '陈阿姨');
  await button(page, '我要反映').click();
  await pickPlace(page, '西城社区', '大果经济社');
  await chip(page, '道路设施').click();
  await page.getByText('附近已有 1 条相同问题正在办理').waitFor();
  await page.getByText(/大果经济社路口的路灯坏了/).waitFor();
  await page.screenshot({ path: path.join(DOCS_SHOTS, 'resident-report-similar.png'), fullPage: false });
  await button(page, '我也遇到了 +1').click();
  await page.getByText('已+1（1人关注）').waitFor();
  const counts = await t.h.rt.store.board.plusOnes([open.id], I.resident);
  expect(counts.get(open.id)).toEqual({ count: 1, mine: true });
  // No duplicate was filed.
  expect((await t.h.rt.store.concerns.listByReporter(I.resident, { cursor: null, limit: 10 })).items.filter((c) => c.category === 'road')).toEqual([]);
});
