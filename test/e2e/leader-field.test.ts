/**
 * A volunteer leader in the field (issue 16, item 7), in real Chromium at 375 px and 1280 px: the H5 page
 * offers code entry where it cannot scan — a resident's 志愿码 typed in checks them in — and only inside the
 * check-in window; on the attendance list the leader finds a person without a phone by name and checks them
 * in by hand (代为签到), which the audit log records.
 */
import type { Page } from 'playwright-core';
import type { CodeView, EventDetail } from '../../core/views';
import { DEMO_IDENTITIES as I, DEMO_TEAMS } from '../../server/demo-data';
import { browserSuite } from './harness';
import { loginAs, visibleText } from './ui';

const t = browserSuite(180_000);

const button = (page: Page, text: string) => page.locator('taro-button-core:visible', { hasText: text }).first();
const call = <T>(openid: string, action: string, data: unknown) => t.h.rt.router.call('volunteer', action, data, openid) as Promise<T>;

async function event(title: string, startsInMinutes: number): Promise<EventDetail> {
  const start = t.h.now().getTime() + startsInMinutes * 60_000;
  return call<EventDetail>(I.daguoLeader, 'event/create', {
    teamId: DEMO_TEAMS.daguo, title, description: '清理河涌边垃圾', place: '大果祠堂', startAt: new Date(start).toISOString(), endAt: new Date(start + 2 * 3600_000).toISOString(), capacity: 10, waitlist: false, openTo: 'all',
  });
}

describe.each([
  ['phone', 375, 812],
  ['desk', 1280, 800],
])('at %s width', (name, width, height) => {
  it('enters a code instead of scanning in H5, inside the window only, and checks a person in by hand from the list', async () => {
    const tag = `${name}${width}`;
    const soon = await event(`${tag}河涌清洁`, 10);
    const later = await event(`${tag}下周清洁`, 7 * 24 * 60);
    for (const who of [I.resident, I.resident2]) await call(who, 'event/signup', { eventId: soon.id });
    const { page } = await t.h.newPage({ viewport: { width, height } });
    await loginAs(t.h.base, page, '罗队长');

    // A week ahead: no scan button and no code entry yet.
    await page.goto(`${t.h.base}/#/volunteer/pages/event/index?id=${later.id}`);
    await visibleText(page, '队长工具').waitFor();
    expect(await page.getByText('输入居民志愿码签到').count()).toBe(0);
    expect(await page.getByText('扫居民志愿码签到').count()).toBe(0);

    // Inside the window: the code is typed, not scanned (H5 has no scanner).
    await page.goto(`${t.h.base}/#/volunteer/pages/event/index?id=${soon.id}`);
    await visibleText(page, '队长工具').waitFor();
    expect(await page.getByText('扫居民志愿码签到').count()).toBe(0);
    const code = (await call<CodeView>(I.resident, 'volunteer/code', {})).qr;
    await page.locator('input[placeholder*="请输入居民出示的志愿码"]:visible').fill(code);
    await button(page, '输入居民志愿码签到').click();
    await visibleText(page, '陈阿姨：签到成功').waitFor();
    await t.shot(page, `leader-field-${tag}-code-entry`);

    // 李叔 left his phone at home: found by name, checked in by hand.
    await button(page, '签到名单与工时').click();
    await visibleText(page, '名单（2）').waitFor();
    await page.locator('input[placeholder="搜索姓名"]:visible').fill('李');
    await visibleText(page, '李叔').waitFor();
    expect(await page.locator('.attendance__row:visible').count()).toBe(1);
    await button(page, '代为签到').click();
    await visibleText(page, '李叔 已签到').waitFor();
    await button(page, '代为签退').waitFor();
    await t.shot(page, `leader-field-${tag}-manual`);
    const audited = t.h.rt.store.db.prepare(`SELECT actor_openid, target_id, outcome FROM audit_log WHERE action = 'event/markAttendance'`).all();
    expect(audited).toContainEqual({ actor_openid: I.daguoLeader, target_id: soon.id, outcome: 'ok' });
  });
});
