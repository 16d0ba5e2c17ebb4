/** Personal data: masked phones, export of everything one has stored, and deletion that forgets the person. */
import { maskPhone } from '../core/trust/privacy';
import type { ConcernDetail, MyDataExport, Page, ConcernSummary } from '../core/views';
import { DEMO_EVENTS, DEMO_IDENTITIES as I, DEMO_TEAMS } from './demo-data';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { DELETED_NAME } from './store/trust/sqlite-privacy';
import { GENEROUS_LIMITS } from './test-limits';
import { testClock } from './test-clock';

let rt: LocalRuntime;
beforeEach(() => {
  rt = createLocalRuntime({ dbPath: ':memory:', now: testClock().now, seed: 'demo', rateLimits: GENEROUS_LIMITS });
});
afterEach(() => rt.close());

const call = <T = ConcernDetail>(openid: string, action: string, data: unknown = {}, fn = 'concern') => rt.router.call(fn, action, data, openid) as Promise<T>;
const report = (openid: string) => call(openid, 'concern/submit', { category: 'environment', description: '祠堂旁垃圾堆积', placeId: 'dz-xicheng-daguo' });

/** Every stored text cell, in every table, that contains `needle`. */
function cellsContaining(needle: string): string[] {
  const db = rt.store.db;
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
  const hits: string[] = [];
  for (const t of tables) {
    const cols = (db.prepare(`PRAGMA table_info("${t}")`).all() as Array<{ name: string }>).map((c) => c.name);
    for (const c of cols) {
      const n = db.prepare(`SELECT COUNT(*) FROM "${t}" WHERE instr(CAST("${c}" AS TEXT), ?) > 0`).pluck().get(needle) as number;
      if (n > 0) hits.push(`${t}.${c}`);
    }
  }
  return hits;
}

describe('phone numbers', () => {
  it('mask all but the first three and last four digits', () => {
    expect(maskPhone('13900000001')).toBe('139****0001');
    expect(maskPhone('123')).toBe('***');
  });

  it("show the reporter's phone in full to them and to the concern's handlers only", async () => {
    const c = await report(I.resident);
    expect((await call(I.resident, 'concern/get', { id: c.id })).reporterPhone).toBe('13900000001');
    expect((await call(I.daguoChair, 'concern/get', { id: c.id })).reporterPhone).toBe('13900000001');
    expect((await call(I.townAdmin, 'concern/get', { id: c.id })).reporterPhone).toBe('139****0001');
  });
});

describe('me/export', () => {
  it('hands over every concern with its thread, the in-app messages and the volunteer record', async () => {
    const c = await report(I.resident);
    await call(I.daguoChair, 'concern/accept', { id: c.id });
    await call(I.daguoChair, 'concern/reply', { id: c.id, text: '马上安排' });
    await rt.deliverNotifications();
    await call(I.resident, 'event/signup', { eventId: DEMO_EVENTS.dungenVisit }, 'volunteer');
    await call(I.resident, 'team/apply', { teamId: DEMO_TEAMS.daguo, note: '周末有空，加我微信' }, 'volunteer');
    const data = await call<MyDataExport>(I.resident, 'me/export');
    // Their own words come with them, a held note included.
    expect(data.applications).toEqual([{ teamId: DEMO_TEAMS.daguo, teamName: '大果党群清洁志愿服务队', status: 'pending', appliedAt: expect.any(String), decidedAt: null, note: '周末有空，加我微信' }]);
    expect(data.account).toMatchObject({ name: '陈阿姨', phone: '13900000001' });
    expect(data.concerns.map((x) => x.id)).toEqual([c.id]);
    expect(data.concerns[0].thread.map((m) => m.text)).toEqual(['马上安排']);
    expect(data.messages.length).toBeGreaterThan(0);
    expect(data.volunteer).toBeDefined();
    expect(JSON.stringify(data)).not.toContain(I.resident2);
  });
});

describe('me/delete', () => {
  it('needs the explicit confirmation', async () => {
    await expect(call(I.resident, 'me/delete', {})).rejects.toMatchObject({ code: 'VALIDATION.FAILED' });
    await expect(call(I.resident, 'me/delete', { confirm: 'yes' })).rejects.toMatchObject({ code: 'VALIDATION.FAILED' });
  });

  it('forgets the person everywhere, while their concerns stay with the committee', async () => {
    // 李叔 is a team member with a sign-up, a concern, a comment and in-app messages.
    const c = await report(I.resident2);
    await call(I.daguoChair, 'concern/accept', { id: c.id });
    await call(I.resident2, 'concern/reply', { id: c.id, text: '在祠堂东侧' });
    await call(I.daguoChair, 'concern/reply', { id: c.id, text: '收到' });
    await call(I.resident2, 'event/signup', { eventId: DEMO_EVENTS.dungenVisit }, 'volunteer');
    await rt.deliverNotifications();
    expect(cellsContaining(I.resident2).length).toBeGreaterThan(3);

    await call(I.resident2, 'me/delete', { confirm: true });

    expect(cellsContaining(I.resident2)).toEqual([]);
    expect(cellsContaining('13900000002')).toEqual([]);
    expect(cellsContaining('李叔')).toEqual([]);
    const view = await call(I.daguoChair, 'concern/get', { id: c.id });
    expect(view).toMatchObject({ reporterName: DELETED_NAME, reporterPhone: null, status: 'in_progress' });
    expect(view.thread.map((m) => [m.authorName, m.text])).toEqual([
      [DELETED_NAME, '在祠堂东侧'],
      ['黄社长', '收到'],
    ]);
    const inbox = await call<Page<ConcernSummary>>(I.daguoChair, 'concern/inbox');
    expect(inbox.items.map((i) => i.id)).toContain(c.id);
    // The same WeChat user coming back starts afresh, with nothing of the old account.
    const mine = await call<Page<ConcernSummary>>(I.resident2, 'concern/listMine');
    expect(mine.items).toEqual([]);
  });

  it('refuses staff accounts and team leaders, changing nothing', async () => {
    await expect(call(I.daguoChair, 'me/delete', { confirm: true })).rejects.toMatchObject({ code: 'ME.STAFF_ACCOUNT' });
    await expect(call(I.daguoLeader, 'me/delete', { confirm: true })).rejects.toMatchObject({ code: 'ME.LEADS_TEAM' });
    expect(cellsContaining(I.daguoLeader).length).toBeGreaterThan(0);
  });
});
