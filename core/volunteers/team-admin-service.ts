/**
 * Volunteer teams as the town's admin sets them up (issue 19): a new team for a village or cooperative,
 * and its leaders, residents found by the phone their WeChat account carries. A town admin acts in their
 * own town, a district admin anywhere; a team elsewhere is not found. A leader's next call leads the
 * team: the router reads leadership from the store on every call (resolveCaller, teams.ledBy).
 */
import type { ConcernCtx as Ctx } from '../concerns/concern-ctx';
import { moderate } from '../trust/content';
import { AppError } from '../errors';
import type { ParsedInputOf } from '../schemas';
import { oversees } from '../scope';
import type { AdminTeamView } from '../directory/roster-views';
import type { Team } from './volunteer-model';

async function view(ctx: Ctx, team: Team): Promise<AdminTeamView> {
  const snap = await ctx.directory.current();
  const leaders = await ctx.deps.store.teams.leaders(team.id);
  const users = await Promise.all(leaders.map((l) => ctx.deps.store.directory.findUser(l.openid)));
  return {
    id: team.id,
    name: team.name,
    kind: team.kind,
    nodeId: team.nodeId,
    placeName: snap.grid.placeName(team.nodeId),
    description: team.description,
    leaders: leaders.map((l, i) => ({ name: l.name, phone: users[i]?.phone ?? null })),
  };
}

export async function create(ctx: Ctx, input: ParsedInputOf<'team/create'>): Promise<AdminTeamView> {
  const snap = await ctx.directory.current();
  const node = snap.grid.get(input.nodeId);
  if (!node || (node.kind !== 'village' && node.kind !== 'cooperative') || !oversees(snap, ctx.caller, node.id)) {
    throw new AppError('TEAM.PLACE_INVALID', `${input.nodeId} is no village or cooperative of your town`);
  }
  // Team names and descriptions are public: risky text is refused here, as a resident's would be.
  await moderate(ctx.deps, ctx.caller, input.name);
  if (input.description) await moderate(ctx.deps, ctx.caller, input.description);
  const team: Team = { id: ctx.deps.newId('t'), name: input.name, kind: input.kind, nodeId: node.id, description: input.description, createdAt: ctx.deps.now().toISOString() };
  if (!(await ctx.deps.store.teams.createTeam(team))) throw new AppError('INTERNAL', `team id ${team.id} was taken`);
  return view(ctx, team);
}

export async function saveLeaders(ctx: Ctx, input: ParsedInputOf<'team/saveLeaders'>): Promise<AdminTeamView> {
  const snap = await ctx.directory.current();
  const team = await ctx.deps.store.teams.getTeam(input.teamId);
  if (!team || !oversees(snap, ctx.caller, team.nodeId)) throw new AppError('TEAM.NOT_FOUND', `no team ${input.teamId} in your town`);
  const { directory } = ctx.deps.store;
  const problems: Array<{ phone: string; message: string }> = [];
  const leaders: Array<{ openid: string; name: string }> = [];
  for (const phone of [...new Set(input.phones)]) {
    const users = await directory.findUsersByPhone(phone);
    if (users.length !== 1) {
      problems.push({ phone, message: users.length === 0 ? '没有使用这个手机号的居民，请对方先登录小程序' : '多个账号使用这个手机号，请联系技术人员' });
      continue;
    }
    const [user] = users;
    // A team is led by residents: a staff member's roster role would take the place of the leadership.
    if (await directory.findStaff(user.openid)) {
      problems.push({ phone, message: '这是工作人员账号，队长须为居民' });
      continue;
    }
    leaders.push({ openid: user.openid, name: user.name });
  }
  if (problems.length > 0) throw new AppError('TEAM.LEADER_INVALID', problems.map((p) => `${p.phone}: ${p.message}`).join('; '), problems);
  if (!(await ctx.deps.store.teams.setLeaders(team.id, leaders))) throw new AppError('TEAM.NOT_FOUND', `team ${team.id} is gone`);
  return view(ctx, team);
}
