/**
 * 联系方式 (issue 16, item 3): a resident leaves a display name and a phone on 我的 with consent, or skips
 * (asked once); the handlers of their concern see the phone in full to call, anyone else masked; it is on no
 * public surface, export or Open311; me/export carries it and me/delete removes it. The same journey runs on
 * the local runtime (SQLite) and through the `concern` cloud function on the CloudBase wire fake.
 */
import { main as concernFunction } from '../cloudfunctions/concern/index';
import { handleOpen311 } from '../core/open311/open311';
import type { ConcernDetail, ContactView, ExportFile, MyDataExport, PublicConcern } from '../core/views';
import { seedCloudbaseBoardSettings } from './cloudbase/seed';
import { DEMO_IDENTITIES as I } from './demo-data';
import { DEMO_OPEN311 } from './demo-open311';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { open311Env } from './open311-xml';
import { testClock } from './test-clock';
import { useCloudFunctions, useWechatPassing } from './test-cloud-function';
import { GENEROUS_LIMITS } from './test-limits';
import { codeOf } from './test-outcome';
import { unzip } from '../test/fakes/unzip';

type Call = <T>(openid: string, action: string, data: unknown) => Promise<T>;

const NEWCOMER = 'o-newcomer-c0de';
const PHONE = '13912345678';

async function reportAndResolve(call: Call): Promise<ConcernDetail> {
  const c = await call<ConcernDetail>(NEWCOMER, 'concern/submit', { category: 'environment', description: '祠堂旁垃圾堆积', placeId: 'dz-xicheng-daguo' });
  await call(I.daguoChair, 'concern/accept', { id: c.id });
  return call<ConcernDetail>(I.daguoChair, 'concern/resolve', { id: c.id, text: '已清运' });
}

/** The journey, on whichever runtime `call` reaches; `stored` answers every stored record as text. */
function journey(call: () => Call, stored: () => Promise<string>) {
  it('asks a new resident once: a skip is remembered and never overwrites an answer', async () => {
    const first = await call()<ContactView>(NEWCOMER, 'me/contact', {});
    expect(first).toEqual({ name: expect.stringMatching(/^街坊/), phone: null, answered: false, consentedAt: null, editable: true });
    expect(await call()<ContactView>(NEWCOMER, 'me/setContact', { skip: true })).toMatchObject({ phone: null, answered: true });
    expect(await call()<ContactView>(NEWCOMER, 'me/contact', {})).toMatchObject({ answered: true, phone: null });

    const saved = await call()<ContactView>(NEWCOMER, 'me/setContact', { name: ' 陈姨 ', phone: PHONE, consent: true });
    expect(saved).toMatchObject({ name: '陈姨', phone: PHONE, answered: true, consentedAt: expect.any(String) });
    expect(await call()<{ name: string }>(NEWCOMER, 'me/profile', {})).toMatchObject({ name: '陈姨' });
    // A later skip (another phone, say) leaves the answer as it is.
    expect(await call()<ContactView>(NEWCOMER, 'me/setContact', { skip: true })).toMatchObject({ name: '陈姨', phone: PHONE });
    expect(await call()<ContactView>(NEWCOMER, 'me/contact', {})).toEqual(saved);
  });

  it('refuses bad input with VALIDATION.FAILED and keeps what was stored; staff keep their roster entry', async () => {
    await call()(NEWCOMER, 'me/setContact', { name: '陈姨', phone: PHONE, consent: true });
    const before = await stored();
    for (const bad of [
      { name: '陈姨', phone: '12345', consent: true },
      { name: '陈姨', phone: '1391234567x', consent: true },
      { name: '陈姨', phone: PHONE },
      { name: '陈姨', phone: PHONE, consent: false },
      { name: '   ', phone: PHONE, consent: true },
      { name: '陈'.repeat(21), phone: PHONE, consent: true },
      { name: '陈姨', phone: PHONE, consent: true, openid: I.resident },
      { skip: false },
      {},
    ]) {
      expect({ bad, code: await codeOf(call()(NEWCOMER, 'me/setContact', bad)) }).toEqual({ bad, code: 'VALIDATION.FAILED' });
    }
    expect(await stored()).toBe(before);
    expect(await codeOf(call()(I.daguoChair, 'me/setContact', { name: '黄', phone: PHONE, consent: true }))).toBe('ME.STAFF_ACCOUNT');
    expect(await call()<ContactView>(I.daguoChair, 'me/contact', {})).toEqual({ name: '黄社长', phone: null, answered: true, consentedAt: null, editable: false });
  });

  it("shows the phone in full to the concern's handlers and to the resident, masked to the town's admin", async () => {
    await call()(NEWCOMER, 'me/setContact', { name: '陈姨', phone: PHONE, consent: true });
    const c = await call()<ConcernDetail>(NEWCOMER, 'concern/submit', { category: 'environment', description: '祠堂旁垃圾堆积', placeId: 'dz-xicheng-daguo' });
    expect(await call()<ConcernDetail>(I.daguoChair, 'concern/get', { id: c.id })).toMatchObject({ reporterName: '陈姨', reporterPhone: PHONE, location: null });
    expect(await call()<ConcernDetail>(NEWCOMER, 'concern/get', { id: c.id })).toMatchObject({ reporterPhone: PHONE });
    expect(await call()<ConcernDetail>(I.townAdmin, 'concern/get', { id: c.id })).toMatchObject({ reporterPhone: '139****5678' });
    expect(await codeOf(call()(I.resident2, 'concern/get', { id: c.id }))).toBe('CONCERN.NOT_FOUND');
    // Taking the phone back hides it from the handlers at once.
    await call()(NEWCOMER, 'me/setContact', { name: '陈姨', phone: null, consent: true });
    expect(await call()<ConcernDetail>(I.daguoChair, 'concern/get', { id: c.id })).toMatchObject({ reporterPhone: null });
  });

  it('keeps the phone off the board and the exports; me/export carries it and me/delete removes it', async () => {
    await call()(NEWCOMER, 'me/setContact', { name: '陈姨', phone: PHONE, consent: true });
    const resolved = await reportAndResolve(call());
    const board = await call()<{ items: PublicConcern[] }>(I.resident2, 'board/list', { placeId: 'dz-xicheng' });
    expect(board.items.map((i) => i.id)).toContain(resolved.id);
    expect(JSON.stringify(board)).not.toContain(PHONE);
    expect(JSON.stringify(await call()(I.resident2, 'board/get', { id: resolved.id }))).not.toContain(PHONE);
    const csv = await call()<ExportFile>(I.daguoChair, 'export/concerns', { format: 'csv' });
    expect(Buffer.from(csv.base64, 'base64').toString('utf8')).toContain(resolved.id);
    expect(Buffer.from(csv.base64, 'base64').toString('utf8')).not.toContain(PHONE);
    const xlsx = await call()<ExportFile>(I.daguoChair, 'export/concerns', { format: 'xlsx' });
    const sheets = [...unzip(Buffer.from(xlsx.base64, 'base64')).values()].map((b) => b.toString('utf8')).join('\n');
    expect(sheets).toContain(resolved.id);
    expect(sheets).not.toContain(PHONE);

    const mine = await call()<MyDataExport>(NEWCOMER, 'me/export', {});
    expect(mine.contact).toEqual({ phone: PHONE, answeredAt: expect.any(String), consentedAt: expect.any(String) });
    expect(mine.account.name).toBe('陈姨');
    expect(await stored()).toContain(PHONE);
    await call()(NEWCOMER, 'me/delete', { confirm: true });
    expect(await stored()).not.toContain(PHONE);
    expect(await stored()).not.toContain('陈姨');
  });
}

describe('a resident’s contact on the local runtime (SQLite)', () => {
  let rt: LocalRuntime;
  beforeEach(() => {
    rt = createLocalRuntime({ dbPath: ':memory:', now: testClock().now, seed: 'demo', rateLimits: GENEROUS_LIMITS });
  });
  afterEach(() => rt.close());
  const call: Call = (openid, action, data) => rt.router.call('concern', action, data, openid) as never;
  const stored = async () => {
    const db = rt.store.db;
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
    return tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).all())).join('\n');
  };
  journey(() => call, stored);

  it('never reaches Open311, keyed or public', async () => {
    await call(NEWCOMER, 'me/setContact', { name: '陈姨', phone: PHONE, consent: true });
    const resolved = await reportAndResolve(call);
    const get = async (query: Record<string, string>) =>
      (await handleOpen311(open311Env(rt.deps, rt.router.directory), { method: 'GET', path: `v2/requests/${resolved.id}.json`, query, body: null, contentType: null })).body;
    const keyed = await get({ api_key: DEMO_OPEN311.danzaoTown.key });
    expect(keyed).toContain(resolved.id);
    expect(keyed).not.toContain(PHONE);
    expect(await get({})).not.toContain(PHONE);
  });
});

describe('a resident’s contact through the concern cloud function (CloudBase wire fake)', () => {
  const cloud = useCloudFunctions();
  useWechatPassing();
  // As `npm run cloudbase:setup -- --demo` does: 丹灶镇's public board on.
  beforeEach(() => seedCloudbaseBoardSettings(cloud.store().cb, ['danzao']));
  const call: Call = (openid, action, data) => cloud.call(concernFunction, openid, action, data);
  const stored = async () => {
    const w = cloud.wire();
    return w.collectionNames().map((c) => JSON.stringify(w.documents(c))).join('\n');
  };
  journey(() => call, stored);
});
