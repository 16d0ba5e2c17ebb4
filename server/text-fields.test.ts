/**
 * Text that is only invisible characters, or carries a bidirectional override or NUL, is refused with
 * VALIDATION.FAILED by every text field, and nothing is written: through the router on SQLite, through
 * the `concern` cloud function on the CloudBase wire fake, over Open311 and in the hotline CSV import.
 */
import { handleOpen311 } from '../core/open311/open311';
import { main as concernFunction } from '../cloudfunctions/concern/index';
import { open311Env } from './open311-xml';
import { DEMO_EVENTS, DEMO_IDENTITIES as I, DEMO_TEAMS } from './demo-data';
import { DEMO_OPEN311 } from './demo-open311';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { useCloudFunctions, useWechatPassing, wechatContext } from './test-cloud-function';
import { GENEROUS_LIMITS } from './test-limits';

const ATTACKS: Array<[string, string]> = [
  ['only zero-width spaces', '\u200B\u200B\u200B'],
  ['only a Hangul filler and a BOM', '\u3164\uFEFF'],
  ['a right-to-left override', '垃圾\u202E桶满了'],
  ['a NUL', '垃圾\u0000桶满了'],
];

describe('text fields on SQLite', () => {
  let rt: LocalRuntime;
  beforeEach(() => {
    rt = createLocalRuntime({ dbPath: ':memory:', seed: 'demo', now: () => new Date('2026-03-02T01:30:00Z'), rateLimits: GENEROUS_LIMITS });
  });
  afterEach(() => rt.close());
  const rows = () =>
    Object.fromEntries(['concerns', 'concern_events', 'feedback', 'vol_events', 'vol_members'].map((t) => [t, rt.store.db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get()]));
  const call = (fn: string, openid: string, action: string, data: unknown) => rt.router.call(fn, action, data, openid);

  it.each(ATTACKS)('refuse %s in every kind of text, writing nothing', async (_name, bad) => {
    const concern = (await call('concern', I.resident, 'concern/submit', { category: 'road', description: '路面塌陷', placeId: 'dz-xinan-1' })) as { id: string };
    const before = rows();
    const attempts: Array<[string, string, string, unknown]> = [
      ['concern', I.resident, 'concern/submit', { category: 'road', description: bad, placeId: 'dz-xinan-1' }],
      ['concern', I.resident, 'concern/reply', { id: concern.id, text: bad }],
      ['concern', I.xinanStaff, 'concern/return', { id: concern.id, reason: bad }],
      ['concern', I.resident, 'feedback/submit', { text: bad }],
      ['concern', I.resident, 'feedback/submit', { text: '字太小', contact: bad }],
      ['volunteer', I.resident, 'team/apply', { teamId: DEMO_TEAMS.dungen, note: bad }],
      ['volunteer', I.daguoLeader, 'event/cancelEvent', { id: DEMO_EVENTS.daguoCleanup, reason: bad }],
      [
        'volunteer',
        I.daguoLeader,
        'event/create',
        { teamId: DEMO_TEAMS.daguo, title: bad, description: '', place: '祠堂门口', startAt: '2030-01-05T01:00:00Z', endAt: '2030-01-05T03:00:00Z', capacity: 10, waitlist: true, openTo: 'all' },
      ],
    ];
    for (const [fn, who, action, data] of attempts) {
      await expect(call(fn, who, action, data)).rejects.toMatchObject({ code: 'VALIDATION.FAILED' });
    }
    expect(rows()).toEqual(before);
  });

  it('refuse such a description over Open311 and in the hotline CSV import, storing no ticket', async () => {
    const env = open311Env(rt.deps, rt.router.directory);
    for (const [, bad] of ATTACKS) {
      const body = new URLSearchParams({ api_key: DEMO_OPEN311.hotline.key, jurisdiction_id: 'danzao', service_code: 'environment', address_string: '大果经济社', description: bad }).toString();
      const res = await handleOpen311(env, { method: 'POST', path: 'v2/requests.json', query: {}, body, contentType: 'application/x-www-form-urlencoded' });
      expect(res.status).toBe(400);
      const csv = ['ticket,category,description,lat,lng,address,media_url', `NH901,environment,${bad},,,丹灶镇大果经济社,`].join('\r\n');
      await expect(call('concern', I.townAdmin, 'concern/importHotline', { csv })).rejects.toMatchObject({ code: 'IMPORT.INVALID' });
    }
    expect(rt.store.db.prepare('SELECT COUNT(*) FROM concerns').pluck().get()).toBe(0);
  });
});

describe('text fields on CloudBase', () => {
  const cloud = useCloudFunctions();
  const wechat = useWechatPassing();
  const context = wechatContext;

  it.each(ATTACKS)('refuse %s in a report sent to the cloud function, storing nothing', async (_name, bad) => {
    const res = await concernFunction({ action: 'concern/submit', data: { category: 'environment', description: bad, placeId: 'dz-xicheng-daguo' } }, context('o-resident'));
    expect(res).toMatchObject({ ok: false, code: 'VALIDATION.FAILED' });
    expect(cloud.wire().documents('concerns')).toEqual([]);
    expect(wechat().requests).toEqual([]);
  });
});
