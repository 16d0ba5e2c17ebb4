/**
 * The action router: the one entry to the domain for every runtime. A cloud function and the local
 * dev server both hand it (function, action, raw data, caller openid) and map what it returns or
 * throws to the wire format.
 */
import { ACTION_FUNCTION, isActionName, type ActionName, type ActionOutput } from './actions';
import * as concerns from './concern-service';
import * as volunteers from './volunteer-service';
import { DirectoryCache } from './directory';
import { AppError } from './errors';
import type { Caller } from './model';
import type { Deps } from './ports';
import { schemas, type ParsedInputOf } from './schemas';
import type { Profile } from './views';

type Ctx = concerns.ConcernCtx;
type Handler<A extends ActionName> = (ctx: Ctx, input: ParsedInputOf<A>) => Promise<ActionOutput<A>>;

const handlers: { [A in ActionName]: Handler<A> } = {
  'me/profile': async (ctx) => profile(ctx),
  'grid/tree': async (ctx) => ({ nodes: (await ctx.directory.current()).grid.tree() }),
  'category/list': async (ctx, input) => ({ items: await ctx.deps.store.directory.listCategories(input.townId) }),
  'concern/submit': concerns.submit,
  'concern/listMine': concerns.listMine,
  'concern/get': concerns.get,
  'concern/inbox': concerns.inbox,
  'concern/accept': concerns.accept,
  'concern/reply': concerns.reply,
  'concern/resolve': concerns.resolve,
  'message/list': async (ctx, input) => {
    const { messages } = ctx.deps.store;
    const page = await messages.list(ctx.caller.openid, { cursor: input.cursor ?? null, limit: input.limit ?? 20 });
    return { ...page, unread: await messages.unreadCount(ctx.caller.openid) };
  },
  'message/markRead': async (ctx, input) => {
    const { messages } = ctx.deps.store;
    const changed = await messages.markRead(ctx.caller.openid, input.ids ?? null, ctx.deps.now().toISOString());
    return { changed, unread: await messages.unreadCount(ctx.caller.openid) };
  },
  'volunteer/mine': volunteers.mine,
  'team/list': volunteers.listTeams,
  'team/get': volunteers.getTeamDetail,
  'team/apply': volunteers.apply,
  'team/review': volunteers.review,
  'team/leave': volunteers.leave,
  'team/setPartyMember': volunteers.setPartyMember,
  'event/create': volunteers.createEvent,
  'event/get': volunteers.getEventDetail,
  'event/signup': volunteers.signUp,
  'event/cancel': volunteers.cancelSignUp,
  'event/cancelEvent': volunteers.cancelEvent,
  'event/scan': volunteers.scanEvent,
  'event/scanPerson': volunteers.scanPerson,
  'event/attendance': volunteers.getAttendance,
  'event/confirmHours': volunteers.confirmHours,
  'event/exportCsv': volunteers.exportCsv,
};

async function profile(ctx: Ctx): Promise<Profile> {
  const { caller } = ctx;
  // A team leader is a resident: shown as `leader` with the team's place, without any staff rights.
  const nodeId = caller.leads ? caller.leads.nodeId : caller.nodeId;
  let nodeName: string | null = null;
  if (nodeId !== null) {
    const snap = await ctx.directory.current();
    nodeName = snap.grid.get(nodeId)?.name ?? snap.officeById.get(nodeId)?.name ?? null;
  }
  const base = { openid: caller.openid, name: caller.name, role: caller.role, nodeId, nodeName };
  return caller.leads ? { ...base, role: 'leader', teamId: caller.leads.teamId } : base;
}

/** A short, stable default name for a resident seen for the first time. */
function defaultResidentName(openid: string): string {
  return `街坊${openid.slice(-4)}`;
}

export interface Router {
  /** Resolves who the caller is from the server-side roster; residents are created on first sight. */
  resolveCaller(openid: string): Promise<Caller>;
  call(fn: string, action: string, data: unknown, openid: string): Promise<unknown>;
}

export function createRouter(deps: Deps): Router {
  const directory = new DirectoryCache(deps.store.directory);

  async function resolveCaller(openid: string): Promise<Caller> {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(openid)) throw new AppError('AUTH.REQUIRED', 'no valid caller identity');
    const staff = await deps.store.directory.findStaff(openid);
    if (staff) return { openid, name: staff.name, role: staff.role, nodeId: staff.nodeId };
    const user = await deps.store.directory.ensureUser({
      openid,
      name: defaultResidentName(openid),
      phone: null,
      createdAt: deps.now().toISOString(),
    });
    const [teamId] = await deps.store.teams.ledBy(openid);
    const team = teamId === undefined ? null : await deps.store.teams.getTeam(teamId);
    return { openid, name: user.name, role: 'resident', nodeId: null, leads: team ? { teamId: team.id, nodeId: team.nodeId } : null };
  }

  return {
    resolveCaller,
    async call(fn, action, data, openid) {
      if (!isActionName(action) || ACTION_FUNCTION[action] !== fn) {
        throw new AppError('ACTION.UNKNOWN', `no action ${action} in function ${fn}`);
      }
      const parsed = schemas[action].safeParse(data ?? {});
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw new AppError('VALIDATION.FAILED', `invalid input for ${action}`, issues);
      }
      const caller = await resolveCaller(openid);
      const handler = handlers[action] as Handler<typeof action>;
      return handler({ deps, directory, caller }, parsed.data as never);
    },
  };
}
