/**
 * 举报 of a volunteer event's texts on SQLite (issue 15): the same flow as on CloudBase
 * (server/event-reports-cloudbase.test.ts) through the local router, a taken-down title in the notices
 * that name the event, and the migration that lets content_reports hold kind `event`, keeping every row.
 */
import Database from 'better-sqlite3';
import type { EventDetail, EventSummary } from '../core/views';
import { DEMO_IDENTITIES as I, DEMO_TEAMS } from './demo-data';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { MIGRATIONS } from './sqlite-schema';
import { GENEROUS_LIMITS } from './test-limits';

let rt: LocalRuntime;
beforeEach(() => {
  let t = Date.parse('2026-12-05T00:00:00Z');
  rt = createLocalRuntime({ dbPath: ':memory:', seed: 'demo', rateLimits: GENEROUS_LIMITS, now: () => new Date((t += 1000)) });
});
afterEach(() => rt.close());

const call = <T>(fn: 'concern' | 'volunteer', openid: string, action: string, data: unknown = {}) => rt.router.call(fn, action, data, openid) as Promise<T>;

describe('reporting a volunteer event (举报活动) on SQLite', () => {
  it('takes the texts down for everyone but its leaders and moderators, in lists and notices too', async () => {
    const e = await call<EventDetail>('volunteer', I.daguoLeader, 'event/create', {
      teamId: DEMO_TEAMS.daguo, title: '河涌清洁', description: '带好手套，集合后分组', place: '大果祠堂', startAt: '2026-12-06T01:00:00.000Z', endAt: '2026-12-06T03:00:00.000Z', capacity: 10, waitlist: false, openTo: 'all',
    });
    await call('volunteer', I.resident, 'event/signup', { eventId: e.id });
    expect(await call('concern', I.resident2, 'moderation/report', { eventId: e.id, reason: 'ad' })).toEqual({ status: 'reported' });
    expect(rt.store.db.prepare(`SELECT kind, item_id FROM content_reports`).all()).toEqual([{ kind: 'event', item_id: e.id }]);
    await call('concern', I.townAdmin, 'moderation/decide', { kind: 'reportedEvent', id: e.id, decision: 'reject' });

    expect(await call('volunteer', I.resident2, 'event/get', { id: e.id })).toMatchObject({ title: '内容已下架', description: '内容已下架' });
    expect(await call('volunteer', I.daguoLeader, 'event/get', { id: e.id })).toMatchObject({ title: '河涌清洁', description: '带好手套，集合后分组' });
    const listed = await call<{ events: EventSummary[] }>('volunteer', I.resident2, 'team/get', { id: DEMO_TEAMS.daguo });
    expect(listed.events.find((x) => x.id === e.id)).toMatchObject({ title: '内容已下架', place: '大果祠堂' });
    expect(rt.store.db.prepare(`SELECT title, description FROM vol_events WHERE id = ?`).get(e.id)).toEqual({ title: '河涌清洁', description: '带好手套，集合后分组' });
    // A notice sent after the takedown names the event as 内容已下架.
    await call('volunteer', I.daguoLeader, 'event/cancelEvent', { id: e.id, reason: '天气原因' });
    const notices = rt.store.db.prepare(`SELECT body FROM outbox WHERE recipient_openid = ? AND kind = 'event_cancelled'`).pluck().all(I.resident) as string[];
    expect(notices).toEqual(['「内容已下架」（12-06 09:00）已取消：天气原因。']);
    const told = rt.store.db.prepare(`SELECT recipient_openid, kind FROM inbox_messages WHERE kind = 'content_removed'`).all();
    expect(told).toEqual([{ recipient_openid: I.daguoLeader, kind: 'content_removed' }]);
  });

  it('migrates content_reports to take kind event, keeping every row it had', () => {
    const at = MIGRATIONS.findIndex((m) => m.includes('content_reports_next'));
    expect(at).toBeGreaterThan(0);
    const db = new Database(':memory:');
    for (const m of MIGRATIONS.slice(0, at)) db.exec(m);
    const insert = db.prepare(`INSERT INTO content_reports (id, kind, item_id, concern_id, town_id, reporter_openid, reason, at, status, decided_at) VALUES (?, ?, ?, ?, 'danzao', ?, 'ad', ?, ?, ?)`);
    insert.run('cr1', 'concern', 'c1', 'c1', 'o1', '2026-12-01T00:00:00Z', 'open', null);
    insert.run('cr2', 'message', 'm1', 'c1', 'o2', '2026-12-01T00:01:00Z', 'removed', '2026-12-01T00:02:00Z');
    expect(() => insert.run('cr3', 'event', 'ev1', 'ev1', 'o1', '2026-12-01T00:03:00Z', 'open', null)).toThrow(/CHECK/);
    const before = db.prepare('SELECT * FROM content_reports ORDER BY id').all();
    for (const m of MIGRATIONS.slice(at)) db.exec(m);
    expect(db.prepare('SELECT * FROM content_reports ORDER BY id').all()).toEqual(before);
    insert.run('cr3', 'event', 'ev1', 'ev1', 'o1', '2026-12-01T00:03:00Z', 'open', null);
    expect(() => insert.run('cr4', 'event', 'ev1', 'ev1', 'o1', '2026-12-01T00:04:00Z', 'open', null)).toThrow(/UNIQUE/);
    expect(() => insert.run('cr5', 'photo', 'p1', 'c1', 'o1', '2026-12-01T00:04:00Z', 'open', null)).toThrow(/CHECK/);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE tbl_name = 'content_reports' AND type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all()).toEqual(['content_reports_open', 'content_reports_reporter']);
    db.close();
  });
});
