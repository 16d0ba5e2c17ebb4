/** The person's own data and feedback in the H5 build: 投诉建议, and deleting one's account. */
import { browserSuite } from './harness';
import { button } from './ui';

const t = browserSuite();


it('sends feedback about the app from 投诉建议', async () => {
  const { page } = await t.h.newPage();
  await page.goto(`${t.h.base}/#/pages/login/index`);
  await button(page, '陈阿姨').click();
  await page.getByText('投诉建议').first().click();
  await page.locator('textarea[placeholder*="意见或建议"]').fill('希望首页的字再大一点，老人家看得清。');
  await button(page, '提交意见').click();
  await page.getByText('感谢您的意见').first().waitFor();
  const rows = t.h.rt.store.db.prepare('SELECT author_openid, text FROM feedback').all();
  expect(rows).toEqual([{ author_openid: 'demo-resident-chen', text: '希望首页的字再大一点，老人家看得清。' }]);
});

it('deletes the account after an explicit confirmation, forgetting the person', async () => {
  const { page } = await t.h.newPage();
  await page.goto(`${t.h.base}/#/pages/login/index`);
  await button(page, '李叔').click();
  await page.getByText('个人信息与隐私').first().click();
  await button(page, '注销账号').click();
  await page.getByText('确定要注销吗').waitFor();
  expect(t.h.rt.store.db.prepare(`SELECT COUNT(*) FROM users WHERE openid = 'demo-resident-li'`).pluck().get()).toBe(1);
  await button(page, '确认注销').click();
  await page.getByText('本地演示登录').waitFor();
  expect(t.h.rt.store.db.prepare(`SELECT COUNT(*) FROM users WHERE openid = 'demo-resident-li'`).pluck().get()).toBe(0);
  expect(t.h.rt.store.db.prepare(`SELECT COUNT(*) FROM vol_members WHERE openid = 'demo-resident-li'`).pluck().get()).toBe(0);
});
