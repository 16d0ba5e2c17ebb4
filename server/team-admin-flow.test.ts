/**
 * Volunteer teams as the town's admin sets them up (issue 19), on SQLite and on the CloudBase wire fake
 * (one runtime, as a warm container holds it): a new team for a cooperative, a leader found by phone who
 * at their next call creates the team's first event, leaders replaced whole, and no reach into another town.
 */
import type { AdminTeamView, TeamArchiveResult } from '../core/directory/roster-views';
import type { EventDetail, Profile, TeamSummary } from '../core/views';
import { DEMO_IDENTITIES as I } from './demo-data';
import { onBothRuntimes } from './test-both-runtimes';

type Call = <T>(fn: 'concern' | 'volunteer', openid: string, action: string, data: unknown) => Promise<T>;
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e as { code?: string }).code ?? String(e),
  );
const EVENT = { title: '河涌清洁', description: '', place: '新安第二经济社祠堂', startAt: '2030-01-05T01:00:00Z', endAt: '2030-01-05T03:00:00Z', capacity: 10, waitlist: false, openTo: 'all' };
const NEW_TEAM = { nodeId: 'dz-xinan-2', name: '新安第二经济社党群志愿队', kind: 'party_service', description: '周末清理河涌' };

function flows(call: Call) {
  it('creates a team, appoints a resident found by phone, who then creates its first event', async () => {
    const team = await call<AdminTeamView>('volunteer', I.townAdmin, 'team/create', NEW_TEAM);
    expect(team).toMatchObject({ name: NEW_TEAM.name, nodeId: 'dz-xinan-2', placeName: '丹灶镇 · 新安社区 · 新安第二经济社', leaders: [] });
    expect(await outcome(call('volunteer', I.resident2, 'event/create', { ...EVENT, teamId: team.id }))).toBe('AUTH.FORBIDDEN');
    const led = await call<AdminTeamView>('volunteer', I.townAdmin, 'team/saveLeaders', { teamId: team.id, phones: ['13900000002'] });
    expect(led.leaders).toEqual([{ name: '李叔', phone: '13900000002' }]);
    expect(await call<Profile>('concern', I.resident2, 'me/profile', {})).toMatchObject({ role: 'leader', teamId: team.id });
    const event = await call<EventDetail>('volunteer', I.resident2, 'event/create', { ...EVENT, teamId: team.id });
    expect(event.title).toBe('河涌清洁');
    // Leaders replaced whole: 李叔 hands over to 陈阿姨 and leads no more.
    await call('volunteer', I.townAdmin, 'team/saveLeaders', { teamId: team.id, phones: ['13900000001'] });
    expect(await outcome(call('volunteer', I.resident2, 'event/create', { ...EVENT, teamId: team.id }))).toBe('AUTH.FORBIDDEN');
    expect((await call<Profile>('concern', I.resident, 'me/profile', {})).role).toBe('leader');
  });

  it('refuses a place outside the town, a staff member or an unknown phone as leader, and another town’s team', async () => {
    const team = await call<AdminTeamView>('volunteer', I.townAdmin, 'team/create', NEW_TEAM);
    const refusals = await Promise.all([
      outcome(call('volunteer', I.townAdmin, 'team/create', { ...NEW_TEAM, nodeId: 'jj-dungen-1' })),
      outcome(call('volunteer', I.townAdmin, 'team/create', { ...NEW_TEAM, nodeId: 'dz-xinan-2-g' })),
      outcome(call('volunteer', I.townAdmin, 'team/saveLeaders', { teamId: team.id, phones: ['13800000003'] })),
      outcome(call('volunteer', I.townAdmin, 'team/saveLeaders', { teamId: team.id, phones: ['13900000002', '13900000099'] })),
      outcome(call('volunteer', I.jiujiangAdmin, 'team/saveLeaders', { teamId: team.id, phones: ['13900000002'] })),
      outcome(call('volunteer', I.daguoLeader, 'team/saveLeaders', { teamId: team.id, phones: ['13900000002'] })),
    ]);
    expect(refusals).toEqual(['TEAM.PLACE_INVALID', 'TEAM.PLACE_INVALID', 'TEAM.LEADER_INVALID', 'TEAM.LEADER_INVALID', 'TEAM.NOT_FOUND', 'AUTH.FORBIDDEN']);
    expect((await call<Profile>('concern', I.resident2, 'me/profile', {})).role).toBe('resident');
    // The district admin reaches every town.
    const jj = await call<AdminTeamView>('volunteer', I.districtAdmin, 'team/create', { ...NEW_TEAM, nodeId: 'jj-dungen-1', name: '敦根第一经济社志愿队' });
    expect((await call<AdminTeamView>('volunteer', I.districtAdmin, 'team/saveLeaders', { teamId: jj.id, phones: ['13900000002'] })).leaders.map((l) => l.name)).toEqual(['李叔']);
  });

  it('archives a team: its coming event is called off with a notice, it leaves 加入 and takes nothing new, its history stays', async () => {
    const team = await call<AdminTeamView>('volunteer', I.townAdmin, 'team/create', NEW_TEAM);
    await call('volunteer', I.townAdmin, 'team/saveLeaders', { teamId: team.id, phones: ['13900000002'] });
    const event = await call<EventDetail>('volunteer', I.resident2, 'event/create', { ...EVENT, teamId: team.id });
    expect(await call<{ status: string }>('volunteer', I.resident, 'event/signup', { eventId: event.id })).toMatchObject({ status: 'signed' });
    // Not an admin of this town: nothing found, nothing changed.
    expect(await outcome(call('volunteer', I.jiujiangAdmin, 'team/archive', { teamId: team.id }))).toBe('TEAM.NOT_FOUND');
    expect(await outcome(call('volunteer', I.townAdmin, 'team/archive', { teamId: 'no-such-team' }))).toBe('TEAM.NOT_FOUND');
    const listed = async (archived?: boolean) => (await call<{ items: TeamSummary[] }>('volunteer', I.resident, 'team/list', archived ? { archived } : {})).items.find((t) => t.id === team.id);
    expect(await listed()).toMatchObject({ archivedAt: null });

    const done = await call<TeamArchiveResult>('volunteer', I.townAdmin, 'team/archive', { teamId: team.id });
    expect(done).toEqual({ teamId: team.id, archivedAt: expect.any(String), cancelledEvents: [{ id: event.id, title: '河涌清洁', startAt: event.startAt, notified: 1 }] });
    expect(await call<EventDetail>('volunteer', I.resident, 'event/get', { id: event.id })).toMatchObject({ status: 'cancelled', cancelReason: '志愿队已撤销' });
    expect(await listed()).toBeUndefined();
    expect(await listed(true)).toMatchObject({ id: team.id, archivedAt: done.archivedAt });
    expect(await outcome(call('volunteer', I.resident, 'team/apply', { teamId: team.id }))).toBe('TEAM.ARCHIVED');
    expect(await outcome(call('volunteer', I.resident2, 'event/create', { ...EVENT, teamId: team.id }))).toBe('TEAM.ARCHIVED');
    // The team page stays readable (history), and a repeated archive changes nothing.
    expect((await call<TeamSummary>('volunteer', I.resident, 'team/get', { id: team.id })).archivedAt).toBe(done.archivedAt);
    expect(await call<TeamArchiveResult>('volunteer', I.townAdmin, 'team/archive', { teamId: team.id })).toEqual({ ...done, cancelledEvents: [] });
  });
}

onBothRuntimes('team set-up', (_call, b) => flows(b.callIn));
