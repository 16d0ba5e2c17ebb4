/**
 * The action router: the one entry to the domain for every runtime. A cloud function and the local
 * dev server both hand it (function, action, raw data, caller openid) and map what it returns or
 * throws to the wire format.
 */
import { ACTION_FUNCTION, isActionName, type ActionName, type ActionOutput } from './actions';
import * as concerns from './concern-service';
import { DirectoryCache } from './directory';
import { AppError } from './errors';
import * as gridActions from './grid-service';
import type { Caller } from './model';
import type { Deps } from './ports';
import { schemas, type ParsedInputOf } from './schemas';
import type { Profile } from './views';

type Ctx = concerns.ConcernCtx;
type Handler<A extends ActionName> = (ctx: Ctx, input: ParsedInputOf<A>) => Promise<ActionOutput<A>>;

const handlers: { [A in ActionName]: Handler<A> } = {
  'me/profile': async (ctx) => profile(ctx),
  'grid/tree': async (ctx) => {
    const snap = await ctx.directory.current();
    return { nodes: snap.grid.tree((id) => snap.where.boundary(id)) };
  },
  'grid/locate': gridActions.locate,
  'grid/importBoundaries': gridActions.importBoundaries,
  'roster/import': gridActions.importRoster,
  'category/list': async (ctx, input) => ({ items: await ctx.deps.store.directory.listCategories(input.townId) }),
  'concern/submit': concerns.submit,
  'concern/listMine': concerns.listMine,
  'concern/get': concerns.get,
  'concern/inbox': concerns.inbox,
  'concern/accept': concerns.accept,
  'concern/reply': concerns.reply,
  'concern/resolve': concerns.resolve,
};

async function profile(ctx: Ctx): Promise<Profile> {
  const { caller } = ctx;
  let nodeName: string | null = null;
  if (caller.nodeId !== null) {
    const snap = await ctx.directory.current();
    nodeName = snap.grid.get(caller.nodeId)?.name ?? snap.officeById.get(caller.nodeId)?.name ?? null;
  }
  return { openid: caller.openid, name: caller.name, role: caller.role, nodeId: caller.nodeId, nodeName };
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
    // A roster entry imported by phone becomes this user's role the first time they call.
    if (user.phone !== null) {
      const claimed = await deps.store.directory.claimPendingStaff(openid, user.phone);
      if (claimed) return { openid, name: claimed.name, role: claimed.role, nodeId: claimed.nodeId };
    }
    return { openid, name: user.name, role: 'resident', nodeId: null };
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
