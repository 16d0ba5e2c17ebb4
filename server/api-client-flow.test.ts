/**
 * Open311 clients as the admin manages them (issue 19), on SQLite and on the CloudBase wire fake (one
 * runtime, as a warm container holds it): a town admin creates a client for their town, whose key (answered
 * once, never listed) opens the Open311 API at once; revoking it shuts that key out at the next request;
 * another town's admin neither sees nor revokes it; towns the admin does not oversee are refused.
 */
import type { ApiClientRecord } from '../core/admin/api-client-model';
import { handleOpen311 } from '../core/open311/open311';
import type { Deps } from '../core/ports';
import type { DirectoryCache } from '../core/directory/directory';
import { DEMO_IDENTITIES as I } from './demo-data';
import { DEMO_OPEN311 } from './demo-open311';
import { open311Env } from './open311-xml';
import { onBothRuntimes } from './test-both-runtimes';

interface Runtime {
  deps: Deps;
  router: { directory: DirectoryCache; call(fn: string, action: string, data: unknown, openid: string): Promise<unknown> };
}
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e as { code?: string }).code ?? String(e),
  );
const NEW_CLIENT = { name: '丹灶镇网格化平台', source: 'open311', reads: 'scope', requestsPerMinute: 60, postsPerHour: 100 };

function flows(rt: () => Runtime) {
  const call = <T,>(openid: string, action: string, data: unknown) => rt().router.call('concern', action, data, openid) as Promise<T>;
  /** The HTTP status of listing 丹灶镇's requests with this key. */
  const open311Status = async (key: string) =>
    (await handleOpen311(open311Env(rt().deps, rt().router.directory), { method: 'GET', path: 'v2/requests.json', query: { api_key: key, jurisdiction_id: 'danzao' }, body: null, contentType: null, clientIp: '10.0.0.1' })).status;

  it('creates a client whose key opens Open311 at once, lists it without the key, and revokes it for the next request', async () => {
    const made = await call<{ client: ApiClientRecord; key: string }>(I.townAdmin, 'apiClient/create', NEW_CLIENT);
    expect(made.client).toMatchObject({ ...NEW_CLIENT, townIds: ['danzao'], revokedAt: null });
    expect(made.key.length).toBeGreaterThanOrEqual(32);
    expect(await open311Status(made.key)).toBe(200);

    const listed = await call<{ items: ApiClientRecord[] }>(I.townAdmin, 'apiClient/list', {});
    // 丹灶镇's admin sees 丹灶镇's clients only (not the district hotline, which serves three towns), without keys.
    expect(listed.items.map((c) => c.id)).toContain(made.client.id);
    expect(listed.items.every((c) => c.townIds.join() === 'danzao')).toBe(true);
    expect(JSON.stringify(listed)).not.toContain(made.key);
    expect((await call<{ items: ApiClientRecord[] }>(I.jiujiangAdmin, 'apiClient/list', {})).items).toEqual([]);
    expect((await call<{ items: ApiClientRecord[] }>(I.districtAdmin, 'apiClient/list', {})).items.map((c) => c.id)).toContain(made.client.id);
    const other = await call<{ client: ApiClientRecord; key: string }>(I.townAdmin, 'apiClient/create', { ...NEW_CLIENT, name: '另一个平台' });

    expect(await outcome(call(I.jiujiangAdmin, 'apiClient/revoke', { id: made.client.id }))).toBe('APICLIENT.NOT_FOUND');
    expect(await outcome(call(I.townAdmin, 'apiClient/revoke', { id: DEMO_OPEN311.hotline.id }))).toBe('APICLIENT.NOT_FOUND');
    expect(await open311Status(made.key)).toBe(200);
    const revoked = await call<ApiClientRecord>(I.townAdmin, 'apiClient/revoke', { id: made.client.id });
    expect(revoked.revokedAt).toEqual(expect.any(String));
    expect(await open311Status(made.key)).toBe(403);
    expect(await outcome(call(I.townAdmin, 'apiClient/revoke', { id: made.client.id }))).toBe('APICLIENT.NOT_FOUND');
    // Kept, marked revoked: its posts still name it.
    expect((await call<{ items: ApiClientRecord[] }>(I.townAdmin, 'apiClient/list', {})).items.find((c) => c.id === made.client.id)).toEqual(revoked);
    // Another client's key is untouched.
    expect(await open311Status(other.key)).toBe(200);
  });

  it('grants only towns the admin oversees, checks budgets, and lets a district admin name several towns', async () => {
    const before = await call<{ items: ApiClientRecord[] }>(I.districtAdmin, 'apiClient/list', {});
    const refusals = await Promise.all([
      outcome(call(I.townAdmin, 'apiClient/create', { ...NEW_CLIENT, townIds: ['jiujiang'] })),
      outcome(call(I.townAdmin, 'apiClient/create', { ...NEW_CLIENT, townIds: ['danzao', 'xiqiao'] })),
      outcome(call(I.townAdmin, 'apiClient/create', { ...NEW_CLIENT, townIds: ['dz-xinan'] })),
      outcome(call(I.districtAdmin, 'apiClient/create', NEW_CLIENT)),
      outcome(call(I.townAdmin, 'apiClient/create', { ...NEW_CLIENT, requestsPerMinute: 0 })),
      outcome(call(I.townAdmin, 'apiClient/create', { ...NEW_CLIENT, postsPerHour: 100000 })),
      outcome(call(I.townAdmin, 'apiClient/create', { ...NEW_CLIENT, keyHash: 'x' })),
      outcome(call(I.xinanStaff, 'apiClient/create', NEW_CLIENT)),
    ]);
    expect(refusals).toEqual(['APICLIENT.TOWN_INVALID', 'APICLIENT.TOWN_INVALID', 'APICLIENT.TOWN_INVALID', 'APICLIENT.TOWN_INVALID', 'VALIDATION.FAILED', 'VALIDATION.FAILED', 'VALIDATION.FAILED', 'AUTH.FORBIDDEN']);
    // Nothing was written by any refusal.
    expect(await call(I.districtAdmin, 'apiClient/list', {})).toEqual(before);
    // Budgets left out: the default ones.
    const made = await call<{ client: ApiClientRecord; key: string }>(I.districtAdmin, 'apiClient/create', { name: '区网格化平台', source: '12345', reads: 'own', townIds: ['jiujiang', 'xiqiao'] });
    expect(made.client).toMatchObject({ townIds: ['jiujiang', 'xiqiao'], requestsPerMinute: 120, postsPerHour: 600 });
    // A town admin does not manage a client that also serves another town.
    expect(await outcome(call(I.jiujiangAdmin, 'apiClient/revoke', { id: made.client.id }))).toBe('APICLIENT.NOT_FOUND');
    expect((await call<ApiClientRecord>(I.districtAdmin, 'apiClient/revoke', { id: made.client.id })).id).toBe(made.client.id);
  });
}

onBothRuntimes('Open311 clients', (_call, b) => flows(b.rt));
