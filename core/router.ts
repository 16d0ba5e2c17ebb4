/**
 * The action router: the one entry to the domain for every runtime. A cloud function and the local
 * dev server both hand it (function, action, raw data, caller openid) and map what it returns or
 * throws to the wire format. It keeps only the pipeline: parse → caller → policy → budget → handler →
 * audit; each action's schema, rule and handler are its declaration (core/<area>/actions.ts, issue 23).
 */
import { ACTIONS, ACTION_FUNCTION, ACTION_POLICY, isActionName } from './action-registry';
import { ALL_ROLES, type ActionCtx, type ActionRule } from './action-kit';
import { readForMove } from './concerns/concern-ctx';
import { codeOfIssues } from './coded-issue';
import { CallDirectory, DirectoryCache } from './directory/directory';
import { SINGLE_MOVES, BUDGET_IN_MOVE, SNAPSHOT_AHEAD } from './call-plan';
import { AppError } from './errors';
import { townOf } from './scope';
import type { Caller } from './model';
import type { Deps, UserRecord } from './ports';

/** Any one action's handler, as the router calls it: on the input its schema parsed. */
type AnyHandler = (ctx: ActionCtx, input: unknown) => Promise<unknown>;


/** What an audited write acted on: its `id`, the person of a roster change (`openid`), a category (`code`), a team (`teamId`), or the year of a calendar. */
function targetOf(data: unknown): string | null {
  const { id, year, openid, code, teamId } = (data ?? {}) as { id?: unknown; year?: unknown; openid?: unknown; code?: unknown; teamId?: unknown };
  if (typeof id === 'string') return id.slice(0, 64);
  if (typeof openid === 'string') return openid.slice(0, 64);
  if (typeof code === 'string') return code.slice(0, 64);
  if (typeof teamId === 'string') return teamId.slice(0, 64);
  // A town's admins (issue 19, town/saveAdmins).
  const { townId } = (data ?? {}) as { townId?: unknown };
  if (typeof townId === 'string') return townId.slice(0, 64);
  return typeof year === 'number' ? String(year) : null;
}

/** What an openid must look like to name a caller (a WeChat openid, or a client system's id). */
const VALID_OPENID = /^[A-Za-z0-9_-]{1,64}$/;

/** A short, stable default name for a resident seen for the first time. */
function defaultResidentName(openid: string): string {
  return `街坊${openid.slice(-4)}`;
}

export interface Router {
  /** Resolves who the caller is from the server-side roster; residents are created on first sight. */
  resolveCaller(openid: string): Promise<Caller>;
  call(fn: string, action: string, data: unknown, openid: string): Promise<unknown>;
  /** The grid cache this router uses; background jobs share it. */
  directory: DirectoryCache;
}

export function createRouter(deps: Deps): Router {
  const directory = new DirectoryCache(deps.store.directory);

  async function resolveCaller(openid: string, atOnce = false): Promise<Caller> {
    if (!VALID_OPENID.test(openid)) throw new AppError('AUTH.REQUIRED', 'no valid caller identity');
    const newUser = () => ({ openid, name: defaultResidentName(openid), phone: null, createdAt: deps.now().toISOString() });
    let user: UserRecord;
    let teamId: string | undefined;
    if (atOnce) {
      // The staff entry, the user and the teams they lead in one round trip (call-plan.ts).
      const [staff, found, led] = await Promise.all([deps.store.directory.findStaff(openid), deps.store.directory.findUser(openid), deps.store.teams.ledBy(openid)]);
      if (staff) return { openid, name: staff.name, role: staff.role, nodeId: staff.nodeId };
      user = found ?? (await deps.store.directory.ensureUser(newUser(), { absent: true }));
      teamId = led[0];
    } else {
      const staff = await deps.store.directory.findStaff(openid);
      if (staff) return { openid, name: staff.name, role: staff.role, nodeId: staff.nodeId };
      // Independent reads, at once: a cloud function pays one round trip for both.
      const [ensured, led] = await Promise.all([deps.store.directory.ensureUser(newUser()), deps.store.teams.ledBy(openid)]);
      user = ensured;
      teamId = led[0];
    }
    const team = teamId === undefined ? null : await deps.store.teams.getTeam(teamId);
    const leads = team ? { teamId: team.id, nodeId: team.nodeId } : null;
    // A roster entry imported by phone becomes this user's role the first time they call.
    if (user.phone !== null) {
      const claimed = await deps.store.directory.claimPendingStaff(openid, user.phone);
      if (claimed) return { openid, name: claimed.name, role: claimed.role, nodeId: claimed.nodeId, leads };
    }
    return { openid, name: user.name, role: 'resident', nodeId: null, leads };
  }

  /**
   * AUTH.FORBIDDEN for a caller whose role may not call `action`. A resident who was taken off the roster
   * (a departure record names them) is told so: `details.removed`, so the app says 账号已被移出名单 rather
   * than a plain refusal. Only a refused call pays this read.
   */
  async function refusal(caller: Caller, action: string): Promise<AppError> {
    const removed = caller.role === 'resident' && (await deps.store.directory.listDepartedStaff()).some((d) => d.openid === caller.openid);
    return removed
      ? new AppError('AUTH.FORBIDDEN', `removed from the roster: ${action} is a staff action`, { removed: true })
      : new AppError('AUTH.FORBIDDEN', `${caller.role} may not call ${action}`);
  }

  async function spendBudget(openid: string, rule: ActionRule) {
    const now = deps.now();
    const { writesPerMinute, submitsPerHour } = deps.rateLimits;
    if (!(await deps.rateLimiter.take(`w:${openid}`, writesPerMinute, 60, now))) {
      throw new AppError('RATE_LIMITED', `more than ${writesPerMinute} writes a minute`);
    }
    if (rule.budget === 'submit' && !(await deps.rateLimiter.take(`s:${openid}`, submitsPerHour, 3600, now))) {
      throw new AppError('RATE_LIMITED', `more than ${submitsPerHour} reports an hour`);
    }
  }

  async function audit(caller: Caller, action: string, data: unknown, outcome: string) {
    // The handler has just read the directory: its snapshot names the caller's town without another read.
    const snap = directory.latest() ?? (await directory.current());
    await deps.store.audit.append({
      id: deps.newId('a'),
      at: deps.now().toISOString(),
      actorOpenid: caller.openid,
      actorName: caller.name,
      actorRole: caller.role,
      nodeId: caller.nodeId,
      townId: townOf(snap, caller),
      action,
      targetId: targetOf(data),
      outcome,
    });
  }

  return {
    resolveCaller,
    directory,
    async call(fn, action, data, openid) {
      if (!isActionName(action) || ACTION_FUNCTION[action] !== fn) {
        throw new AppError('ACTION.UNKNOWN', `no action ${action} in function ${fn}`);
      }
      const declared = ACTIONS[action];
      const parsed = declared.input.safeParse(data ?? {});
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw new AppError(codeOfIssues(parsed.error.issues), `invalid input for ${action}`, issues);
      }
      const rule = ACTION_POLICY[action];
      const callDirectory = SNAPSHOT_AHEAD.has(action) ? new CallDirectory(directory, deps.store.directory) : directory;
      // A write every role may make spends its budget (keyed by the openid alone) while the caller is
      // resolved: whoever the caller turns out to be, the role check cannot refuse it.
      const budgetAhead = rule.write && ALL_ROLES.every((r) => rule.roles.includes(r)) && VALID_OPENID.test(openid) ? spendBudget(openid, rule) : null;
      budgetAhead?.catch(() => undefined);
      // A single move's concern is read while the caller is resolved (call-plan.ts).
      const move = parsed.data as { id?: unknown; requestId?: string };
      const concernRead = SINGLE_MOVES.has(action) && typeof move.id === 'string' && VALID_OPENID.test(openid) ? readForMove(deps, move.id, openid, move.requestId) : undefined;
      concernRead?.catch(() => undefined);
      const caller = await resolveCaller(openid, rule.roles.includes('resident'));
      // Staff and admins' writes, and a team leader's volunteer writes (events, reviews, hours, cancellations).
      const audited = rule.write && (caller.role !== 'resident' || (caller.leads !== null && ACTION_FUNCTION[action] === 'volunteer'));
      let auditOk: Promise<void> | undefined;
      try {
        if (!rule.roles.includes(caller.role)) throw await refusal(caller, action);
        const budget = rule.write ? budgetAhead ?? spendBudget(caller.openid, rule) : undefined;
        // A move spends its budget beside its first reads (call-plan.ts); any other write before it starts.
        const budgetInMove = budget && BUDGET_IN_MOVE.has(action) ? budget : undefined;
        budgetInMove?.catch(() => undefined);
        if (budget && !budgetInMove) await budget;
        const handler = declared.handler as AnyHandler;
        // A single move's audit entry starts once the move is stored, beside the reads of its answer.
        const committed = audited && SINGLE_MOVES.has(action) ? () => void (auditOk ??= audit(caller, action, parsed.data, 'ok')).catch(() => undefined) : undefined;
        const out = await handler({ deps, directory: callDirectory, caller, committed, budget: budgetInMove, concernRead }, parsed.data);
        await budgetInMove;
        if (audited) await (auditOk ?? audit(caller, action, parsed.data, 'ok'));
        return out;
      } catch (e) {
        // A move already stored was audited as done when it was stored.
        if (auditOk) await auditOk;
        else if (audited && e instanceof AppError) await audit(caller, action, parsed.data, e.code);
        throw e;
      }
    },
  };
}
