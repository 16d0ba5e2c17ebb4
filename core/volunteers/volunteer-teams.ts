/** Volunteer teams: listing, a team's page, applying, review, leaving, party membership. */
import { moderate, shownText } from '../trust/content';
import type { DirectorySnapshot } from '../directory/directory';
import { AppError } from '../errors';
import { memberRef } from './volunteer-codes';
import type { ParsedInputOf } from '../schemas';
import type { MemberView, TeamDetail, TeamSummary } from '../views';
import { type Membership, type Team } from './volunteer-model';
import { clause } from '../concerns/notice-text';
import { adminOverTeam, canSeeEvent, eventSummaries, getTeam, membershipId, notice, nowIso, placeName, requireLeader, TEAM_PAGE, type Ctx } from './volunteer-common';
/** How far back events are listed on a team page, so a leader can still confirm hours. */
const RECENT_DAYS = 30;

function teamSummary(snap: DirectorySnapshot, team: Team, memberCount: number, mine: Membership | null, iLead: boolean): TeamSummary {
  return {
    id: team.id,
    name: team.name,
    kind: team.kind,
    nodeId: team.nodeId,
    placeName: placeName(snap, team.nodeId),
    description: team.description,
    memberCount,
    myStatus: mine?.status ?? null,
    iLead,
    archivedAt: team.archivedAt ?? null,
  };
}

/**
 * A member as the caller sees them: the application's note is for the team's leaders (and moderators);
 * so is party membership (党员), which is personal. Only a leader, who reviews and marks members, gets the
 * membership id; anyone else gets a position in the list, never an id that carries the person's openid.
 */
function memberView(ctx: Ctx, m: Membership, iLead: boolean, position: number, adminOver = false): MemberView {
  const note = m.note !== null && (iLead || adminOver) ? shownText(ctx.caller, m.openid === ctx.caller.openid, m.note, m.noteModeration) : null;
  return { id: iLead ? memberRef(ctx.deps, m.id) : `member-${position + 1}`, name: m.name, status: m.status, partyMember: iLead ? m.partyMember : null, appliedAt: m.appliedAt, note };
}

export async function summaries(ctx: Ctx, teams: Team[]): Promise<TeamSummary[]> {
  const { teams: repo } = ctx.deps.store;
  const [snap, counts, mine, led] = await Promise.all([ctx.directory.current(), repo.memberCounts(), repo.membershipsOf(ctx.caller.openid), repo.ledBy(ctx.caller.openid)]);
  const byTeam = new Map(mine.map((m) => [m.teamId, m]));
  return teams.map((t) => teamSummary(snap, t, counts.get(t.id) ?? 0, byTeam.get(t.id) ?? null, led.includes(t.id)));
}

export async function listTeams(ctx: Ctx, input: ParsedInputOf<'team/list'>): Promise<{ items: TeamSummary[] }> {
  const snap = await ctx.directory.current();
  // An archived team is no longer joined (issue 19): listed only when asked for (the admin's page, history).
  let teams = (await ctx.deps.store.teams.listTeams()).filter((t) => input.archived === true || t.archivedAt === undefined);
  const near = input.nodeId;
  if (near !== undefined) {
    if (!snap.grid.get(near)) throw new AppError('GRID.PLACE_NOT_FOUND', `unknown place ${near}`);
    // Near a place: teams inside it, and teams of the village or cooperative it belongs to.
    teams = teams.filter((t) => snap.grid.isWithin(t.nodeId, near) || snap.grid.isWithin(near, t.nodeId));
  }
  return { items: await summaries(ctx, teams) };
}

export async function getTeamDetail(ctx: Ctx, input: ParsedInputOf<'team/get'>): Promise<TeamDetail> {
  const team = await getTeam(ctx, input.id);
  const { teams, events } = ctx.deps.store;
  const [[summary], leaders, members, list] = await Promise.all([
    summaries(ctx, [team]),
    teams.leaders(team.id),
    teams.listMembers(team.id),
    events.listEvents([team.id], new Date(ctx.deps.now().getTime() - RECENT_DAYS * 86_400_000).toISOString()),
  ]);
  // The leader sees applications of every status; others see current members only.
  const shown = summary.iLead ? members : members.filter((m) => m.status === 'member');
  // The admin of the team's own town (or district) moderates its notes and events; no other town's admin.
  const adminOver = await adminOverTeam(ctx, team);
  return {
    ...summary,
    leaderNames: leaders.map((l) => l.name),
    members: shown.map((m, i) => memberView(ctx, m, summary.iLead, i, adminOver)),
    events: await eventSummaries(
      ctx,
      list.filter((e) => canSeeEvent(e, summary.iLead, adminOver)),
      new Map([[team.id, team]]),
    ),
  };
}

export async function apply(ctx: Ctx, input: ParsedInputOf<'team/apply'>): Promise<TeamSummary> {
  const team = await getTeam(ctx, input.teamId);
  if (team.archivedAt !== undefined) throw new AppError('TEAM.ARCHIVED', `team ${team.id} is archived`);
  const { caller } = ctx;
  const at = nowIso(ctx);
  const leaders = await ctx.deps.store.teams.leaders(team.id);
  const note = input.note ? input.note : null;
  const noteModeration = note === null ? 'published' : await moderate(ctx.deps, caller, note);
  // A held note stays out of the leader's notice; the leader reads it on the team page once published.
  const said = note === null ? '' : noteModeration === 'published' ? `：${clause(note)}` : '（留言正在审核）';
  const body = `${caller.name}申请加入${team.name}${said}，请审核。`;
  const notices = leaders.map((l) => notice(ctx.deps, l.openid, 'team_applied', '新的入队申请', body, TEAM_PAGE(team.id), at));
  await ctx.deps.store.teams.apply(
    {
      id: membershipId(team.id, caller.openid),
      teamId: team.id,
      openid: caller.openid,
      name: caller.name,
      status: 'pending',
      partyMember: false,
      appliedAt: at,
      decidedAt: null,
      note,
      noteModeration,
    },
    notices,
  );
  return (await summaries(ctx, [team]))[0];
}

export async function review(ctx: Ctx, input: ParsedInputOf<'team/review'>): Promise<MemberView> {
  const team = await requireLeader(ctx, input.teamId);
  const { teams } = ctx.deps.store;
  const m = (await teams.listMembers(team.id)).find((x) => memberRef(ctx.deps, x.id) === input.memberId);
  if (!m) throw new AppError('TEAM.MEMBER_NOT_FOUND', `no application ${input.memberId}`);
  const at = nowIso(ctx);
  const approve = input.decision === 'approve';
  const to = approve ? 'member' : 'declined';
  if (m.status === to) return memberView(ctx, m, true, 0); // a repeated tap
  const body = approve ? `您已加入${team.name}，可以报名队里的活动了。` : `${team.name}暂未通过您的入队申请，可联系队长了解情况。`;
  const done = await teams.transition(m.id, ['pending'], to, at, [notice(ctx.deps, m.openid, 'team_reviewed', approve ? '入队申请已通过' : '入队申请未通过', body, TEAM_PAGE(team.id), at)]);
  if (!done) throw new AppError('TEAM.MEMBER_NOT_FOUND', `application ${input.memberId} is no longer pending`);
  return memberView(ctx, done, true, 0);
}

export async function leave(ctx: Ctx, input: ParsedInputOf<'team/leave'>): Promise<TeamSummary> {
  const team = await getTeam(ctx, input.teamId);
  const done = await ctx.deps.store.teams.transition(membershipId(team.id, ctx.caller.openid), ['pending', 'member'], 'left', nowIso(ctx), []);
  if (!done) throw new AppError('TEAM.NOT_MEMBER', 'not a member of this team');
  return (await summaries(ctx, [team]))[0];
}

export async function setPartyMember(ctx: Ctx, input: ParsedInputOf<'team/setPartyMember'>): Promise<MemberView> {
  const team = await requireLeader(ctx, input.teamId);
  const m = (await ctx.deps.store.teams.listMembers(team.id)).find((x) => memberRef(ctx.deps, x.id) === input.memberId);
  if (!m) throw new AppError('TEAM.MEMBER_NOT_FOUND', 'not a member of this team');
  const done = await ctx.deps.store.teams.setPartyMember(m.id, input.partyMember);
  if (!done) throw new AppError('TEAM.MEMBER_NOT_FOUND', `no member ${input.memberId}`);
  return memberView(ctx, done, true, 0);
}
