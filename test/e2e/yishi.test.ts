/**
 * 街坊议事 in real Chromium: 西城社区's committee opens a topic with three options; 陈阿姨 (大果经济社, a
 * cooperative of 西城) states her place, comments and votes, 李叔 votes too, and 潘会长 of 敦根社区 is refused;
 * 陈阿姨's proposal collects its supports and the committee accepts it into 议事; at the deadline the SLA job
 * publishes the counts, the committee publishes its decision with a concern, and residents see both,
 * the concern linked. Screenshots to test-results/.
 */
import type { Page } from 'playwright-core';
import { runSlaJob } from '../../core/concerns/sla-job';
import type { TopicDetail } from '../../core/topics/topic-views';
import { DEMO_IDENTITIES as I } from '../../server/demo-data';
import { browserSuite } from './harness';
import { button, chip, entry, loginAs, visibleText } from './ui';

const t = browserSuite(180_000);

const call = <T>(openid: string, action: string, data: unknown) => t.h.rt.router.call('concern', action, data, openid) as Promise<T>;
const textarea = (page: Page, placeholder: string) => page.locator(`textarea[placeholder*="${placeholder}"] >> visible=true`).first();
const input = (page: Page, placeholder: string) => page.locator(`input[placeholder*="${placeholder}"] >> visible=true`).first();
/** A small JPEG drawn in the page, as a phone camera's photo would be picked. */
async function jpeg(page: Page): Promise<Buffer> {
  const url = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 480;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#7a5';
    ctx.fillRect(0, 0, 640, 480);
    return canvas.toDataURL('image/jpeg', 0.9);
  });
  return Buffer.from(url.split(',')[1], 'base64');
}
const openTopic = async (page: Page, id: string) => {
  await page.goto(`${t.h.base}/#/yishi/pages/topic/index?id=${id}`);
  await page.locator('.topic__title >> visible=true').waitFor();
};

it('takes a village matter from a topic with three options to a published decision with a linked concern', async () => {
  t.h.rt.deps.topicSupports = { danzao: 2 };

  // The committee of 西城社区 opens the topic in 议事管理.
  const { page: committee } = await t.h.newPage();
  await loginAs(t.h.base, committee, '吴委员');
  await button(committee, '议事管理').click();
  await visibleText(committee, '发起议题').waitFor();
  await input(committee, '议题').fill('村口空地怎么用');
  await textarea(committee, '背景介绍').fill('村口有约两亩空地，委员会提出三个方案，请街坊们讨论投票。');
  await input(committee, '选项1').fill('停车场');
  await input(committee, '选项2').fill('小公园');
  await input(committee, '选项3').fill('保持原样');
  await chip(committee, '议事3天').click();
  // A photo of the site goes with the background.
  const [chooser] = await Promise.all([committee.waitForEvent('filechooser'), committee.locator('[aria-label="添加照片"] >> visible=true').first().click()]);
  await chooser.setFiles([{ name: 'site.jpg', mimeType: 'image/jpeg', buffer: await jpeg(committee) }]);
  await committee.locator('.photo-picker__tile--done >> visible=true').first().waitFor();
  await button(committee, '发起议题').click();
  // The topic page: the committee member runs it (and, living elsewhere, does not vote on it).
  await committee.locator('.topic__title >> visible=true').waitFor();
  await visibleText(committee, '截止时间').waitFor();
  const topicId = new URL(committee.url().replace('#/', '')).searchParams.get('id') ?? '';
  expect(topicId).toMatch(/^tp/);
  expect((await t.h.rt.store.topics.get(topicId))?.photos).toHaveLength(1);
  await committee.locator('.photo-gallery__img img >> visible=true').first().waitFor();
  // Shared to the village's WeChat group: H5 copies the page's link.
  await committee.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await button(committee, '复制链接，发到微信群').click();
  await visibleText(committee, '链接已复制，可以粘贴到微信群里。').waitFor();
  await t.shot(committee, 'yishi-committee-topic');

  // 陈阿姨 states her place once, then comments and votes.
  const { page: chen } = await t.h.newPage();
  await loginAs(t.h.base, chen, '陈阿姨');
  await entry(chen, '街坊议事').click();
  await visibleText(chen, '参与议事前，请先选择您居住的村（社区）和经济社。').waitFor();
  await chip(chen, '西城社区').click();
  await chip(chen, '大果经济社').click();
  await visibleText(chen, '我住在：丹灶镇 · 西城社区 · 大果经济社').waitFor();
  await visibleText(chen, '村口空地怎么用').click();
  await visibleText(chen, '请投票（每人一票）').waitFor();
  await chen.locator('.photo-gallery__img img >> visible=true').first().waitFor();
  await textarea(chen, '说说您的看法').fill('建议做小公园，老人小孩都能用。');
  await button(chen, '发表留言').click();
  await visibleText(chen, '建议做小公园，老人小孩都能用。').waitFor();
  await chip(chen, '小公园').click();
  await visibleText(chen, '您已投票，截止前可以改选').waitFor();
  await t.shot(chen, 'yishi-resident-vote');

  // 李叔 of 西城社区 votes too; the committee's reply is marked.
  await call(I.resident2, 'me/setPlace', { placeId: 'dz-xicheng' });
  await call(I.resident2, 'topic/vote', { id: topicId, optionId: 'o2' });
  const firstComment = (await call<TopicDetail>(I.xichengStaff, 'topic/get', { id: topicId })).comments[0].id;
  await call(I.xichengStaff, 'topic/comment', { id: topicId, text: '委员会会汇总大家的意见。', parentId: firstComment });

  // 潘会长 lives in 敦根社区 (九江镇): the topic is not hers to vote on.
  await call(I.dungenLeader, 'me/setPlace', { placeId: 'jj-dungen' });
  const { page: pan } = await t.h.newPage();
  await loginAs(t.h.base, pan, '潘会长');
  await openTopic(pan, topicId);
  await visibleText(pan, '这个议题属于其他村（社），只有本村（社）的居民可以参与。').waitFor();
  // No vote is offered to her, and the server refuses one sent anyway.
  expect(await pan.locator('taro-button-core >> visible=true', { hasText: '停车场' }).count()).toBe(0);
  await expect(call(I.dungenLeader, 'topic/vote', { id: topicId, optionId: 'o1' })).rejects.toMatchObject({ code: 'TOPIC.NOT_RESIDENT' });
  expect(await t.h.rt.store.topics.myVote(topicId, I.dungenLeader)).toBeNull();
  await t.shot(pan, 'yishi-other-village-refused');

  // 陈阿姨 proposes; two neighbours support it; the committee accepts it into 议事.
  await chen.goto(`${t.h.base}/#/yishi/pages/topics/index`);
  await input(chen, '提议的事').fill('祠堂前增设路灯');
  await textarea(chen, '为什么提').fill('晚上很黑，老人出行不便。');
  await button(chen, '提交提议').click();
  await visibleText(chen, '0 / 2 人支持').waitFor();
  const proposalId = new URL(chen.url().replace('#/', '')).searchParams.get('id') ?? '';
  await call(I.daguoLeader, 'me/setPlace', { placeId: 'dz-xicheng-daguo' });
  await call(I.daguoChair, 'me/setPlace', { placeId: 'dz-xicheng-daguo' });
  await call(I.daguoLeader, 'topic/support', { id: proposalId });
  await call(I.daguoChair, 'topic/support', { id: proposalId });
  await openTopic(committee, proposalId);
  await visibleText(committee, '2 / 2 人支持').waitFor();
  await input(committee, '答复理由').fill('路灯关系出行安全，纳入本月议事。');
  await textarea(committee, '投票选项').fill('装太阳能路灯\n接市电路灯');
  await button(committee, '纳入议事').click();
  await visibleText(committee, '委员会答复（纳入议事）：路灯关系出行安全，纳入本月议事。').waitFor();
  expect((await t.h.rt.store.topics.get(proposalId))?.stage).toBe('open');
  await t.shot(committee, 'yishi-proposal-accepted');

  // The deadline: the SLA job's run at that instant closes the vote and publishes the counts.
  const deadline = (await t.h.rt.store.topics.get(topicId))?.deadline ?? '';
  const report = await runSlaJob(t.h.rt.deps, t.h.rt.router.directory, new Date(Date.parse(deadline) + 1000));
  expect(report.topicsClosed).toBeGreaterThanOrEqual(1);
  await openTopic(committee, topicId);
  await visibleText(committee, '共 2 人投票').waitFor();
  await visibleText(committee, '小公园：2 票').waitFor();
  await input(committee, '决定').fill('建设村口小公园');
  await textarea(committee, '理由').fill('投票中小公园得票最多，委员会同意实施。');
  await chip(committee, '公共空间').click();
  await textarea(committee, '要落实的事').fill('按议事结果在村口空地建设小公园。');
  await button(committee, '公布决定').click();
  await visibleText(committee, '委员会决定').waitFor();
  const decided = await t.h.rt.store.topics.get(topicId);
  expect(decided?.stage).toBe('decided');
  const [concernId] = decided?.result?.concernIds ?? [];
  const concern = await t.h.rt.store.concerns.get(concernId);
  expect(concern).toMatchObject({ description: '按议事结果在村口空地建设小公园。', category: 'public_space' });

  // 陈阿姨 sees the result, the decision and what became of it.
  await openTopic(chen, topicId);
  await visibleText(chen, '建设村口小公园').waitFor();
  await visibleText(chen, '小公园：2 票').waitFor();
  await chen.locator('text=/落实事项：公共空间/ >> visible=true').first().waitFor();
  await visibleText(chen, '委员会答复').waitFor();
  await t.shot(chen, 'yishi-result');

  // The accepted proposal: 陈阿姨 and her neighbours vote; at its deadline the committee decides and hands
  // the work to 大果's volunteer team; the topic shows the concern's status and the action's step.
  await call(I.resident, 'topic/vote', { id: proposalId, optionId: 'o1' });
  await call(I.daguoLeader, 'topic/vote', { id: proposalId, optionId: 'o1' });
  const due = (await t.h.rt.store.topics.get(proposalId))?.deadline ?? '';
  await runSlaJob(t.h.rt.deps, t.h.rt.router.directory, new Date(Date.parse(due) + 1000));
  await openTopic(committee, proposalId);
  await visibleText(committee, '装太阳能路灯：2 票').waitFor();
  await input(committee, '决定').fill('在祠堂前装太阳能路灯');
  await textarea(committee, '理由').fill('街坊们多数选择太阳能路灯，省电费。');
  await chip(committee, '公共空间').click();
  await textarea(committee, '要落实的事').fill('在祠堂前安装两盏太阳能路灯。');
  await chip(committee, '大果党群清洁志愿服务队').click();
  await button(committee, '公布决定').click();
  await visibleText(committee, '大果党群清洁志愿服务队：志愿服务队正在安排时间').waitFor();
  const lit = await t.h.rt.store.topics.get(proposalId);
  const [lampConcern] = lit?.result?.concernIds ?? [];
  expect((await t.h.rt.store.actions.latestOf(lampConcern))?.status).toBe('draft');
  await openTopic(chen, proposalId);
  await chen.locator('text=/落实事项：公共空间（已签收）/ >> visible=true').first().waitFor();
  await visibleText(chen, '大果党群清洁志愿服务队：志愿服务队正在安排时间').waitFor();
  await t.shot(chen, 'yishi-followup-action');
});
