/**
 * Volunteer trust on CloudBase. Opaque member ids (issue 14, item 7): a leader's views name members and
 * sign-ups by keyed digests, never openids, and the actions take only those (SQLite:
 * server/volunteer-flow.test.ts). Rotating check-in codes (item 8) on CloudBase, through the `volunteer` cloud function on the
 * wire fake with the test's clock: the code a leader's screen showed two minutes ago checks nobody in,
 * the one it shows now does, and the signature holds across containers (a second runtime, same secret).
 * The same on SQLite, with every kind of forgery: server/volunteer-flow.test.ts 'rotating check-in codes'.
 */
import { main as volunteerFunction } from '../cloudfunctions/volunteer/index';
import type { CodeView, EventDetail, ScanResult, TeamDetail } from '../core/views';
import { cloudbaseIdentity } from './cloud-identity';
import { createCloudHandler } from './cloud-function';
import { loadCloudConfig } from './cloud-config';
import { createCloudRuntime } from './cloud-runtime';
import { seedCloudbaseVolunteers } from './cloudbase/seed';
import { DEMO_IDENTITIES as I, DEMO_TEAMS, demoVolunteers } from './demo-data';
import { useCloudFunctions, useWechatPassing, wechatContext } from './test-cloud-function';
import { testClock } from './test-clock';

const cloud = useCloudFunctions();
const volunteer = <T>(openid: string, action: string, data: unknown) => cloud.call<T>(volunteerFunction, openid, action, data);
const failure = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code);
useWechatPassing();

it("refuses a photo of an earlier minute's code and accepts the one on screen now, from any container", async () => {
  const clock = testClock('2026-12-05T00:00:00.000Z');
  await seedCloudbaseVolunteers(cloud.store().cb, demoVolunteers(clock.now(), (id) => `secret-${id}`));
  const containers = [0, 1].map(() => createCloudRuntime(loadCloudConfig(process.env), cloud.app(), clock.now));
  const fn = (k: number) => createCloudHandler('volunteer', async () => containers[k].router, cloudbaseIdentity);
  const call = async <T>(k: number, openid: string, action: string, data: unknown): Promise<T> => {
    const res = (await fn(k)({ action, data }, wechatContext(openid))) as { ok: boolean; data?: T; code?: string };
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- the function's refusal as the plain { code } object that the tests match whole
    if (!res.ok) throw { code: res.code };
    return res.data as T;
  };
  const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code);
  const e = await call<EventDetail>(0, I.daguoLeader, 'event/create', {
    teamId: DEMO_TEAMS.daguo, title: '河涌清洁', description: '', place: '大果祠堂', startAt: '2026-12-05T01:00:00.000Z', endAt: '2026-12-05T03:00:00.000Z', capacity: 10, waitlist: false, openTo: 'all',
  });
  for (const who of [I.resident, I.resident2]) await call(0, who, 'event/signup', { eventId: e.id });
  clock.set('2026-12-05T01:00:05.000Z');
  const photo = (await call<CodeView>(0, I.daguoLeader, 'event/checkinCode', { id: e.id })).qr;
  clock.set('2026-12-05T01:02:05.000Z');
  expect(await codeOf(call(1, I.resident, 'event/scan', { code: photo }))).toBe('EVENT.CODE_EXPIRED');
  const now = (await call<CodeView>(0, I.daguoLeader, 'event/checkinCode', { id: e.id })).qr;
  expect(now).not.toBe(photo);
  expect(await call<ScanResult>(1, I.resident, 'event/scan', { code: now })).toMatchObject({ action: 'checked_in' });
  // A personal code: yesterday's is refused, this minute's is taken.
  clock.set('2026-12-04T01:00:00.000Z');
  const yesterday = (await call<CodeView>(0, I.resident2, 'volunteer/code', {})).qr;
  clock.set('2026-12-05T01:03:00.000Z');
  expect(await codeOf(call(1, I.daguoLeader, 'event/scanPerson', { eventId: e.id, code: yesterday }))).toBe('EVENT.CODE_EXPIRED');
  const today = (await call<CodeView>(0, I.resident2, 'volunteer/code', {})).qr;
  expect(await call<ScanResult>(1, I.daguoLeader, 'event/scanPerson', { eventId: e.id, code: today })).toMatchObject({ action: 'checked_in', personName: '李叔' });
  const checkedIn = cloud.wire().documents('vol_signups').filter((d) => (d as { checkInAt?: string | null }).checkInAt);
  expect(checkedIn).toHaveLength(2);
});

it("names members by opaque ids in the leader's view, and takes only those", async () => {
  await seedCloudbaseVolunteers(cloud.store().cb, demoVolunteers(new Date('2026-12-01T00:00:00.000Z'), (id) => `secret-${id}`));
  await volunteer(I.resident, 'team/apply', { teamId: DEMO_TEAMS.daguo });
  const view = await volunteer<TeamDetail>(I.daguoLeader, 'team/get', { id: DEMO_TEAMS.daguo });
  expect(JSON.stringify(view)).not.toMatch(/demo-resident/);
  const chen = view.members.find((m) => m.name === '陈阿姨')!;
  expect(await failure(volunteer(I.daguoLeader, 'team/review', { teamId: DEMO_TEAMS.daguo, memberId: `${DEMO_TEAMS.daguo}_${I.resident}`, decision: 'approve' }))).toBe('TEAM.MEMBER_NOT_FOUND');
  expect(await volunteer(I.daguoLeader, 'team/review', { teamId: DEMO_TEAMS.daguo, memberId: chen.id, decision: 'approve' })).toMatchObject({ id: chen.id, status: 'member' });
});
