/**
 * The action router: the one entry to the domain for every runtime. A cloud function and the local
 * dev server both hand it (function, action, raw data, caller openid) and map what it returns or
 * throws to the wire format.
 */
import { ACTION_FUNCTION, isActionName, type ActionName, type ActionOutput } from './actions';
import * as board from './board-service';
import * as calendar from './calendar-service';
import * as concernCtx from './concern-ctx';
import * as concernIntake from './concern-intake';
import * as concernInbox from './concern-inbox';
import * as concernRead from './concern-read';
import * as concernMoves from './concern-moves';
import * as followUp from './concern-followup';
import { labelMessages } from './message-labels';
import { codeOfIssues } from './coded-issue';
import { moderate } from './content';
import * as moderation from './moderation';
import * as reports from './content-reports';
import { deleteMe, exportMine } from './privacy';
import { uploadFolder } from './photos';
import { getContact, setContact } from './contact';
import { listAudit } from './audit-list';
import { markAttendance } from './volunteer-manual';
import * as exports_ from './export-service';
import { importHotline } from './hotline-import';
import * as volunteerMine from './volunteer-mine';
import * as volunteerAttendance from './volunteer-attendance';
import * as volunteerTeams from './volunteer-teams';
import * as volunteerEvents from './volunteer-events';
import * as volunteerExport from './volunteer-export';
import * as topics from './topic-service';
import * as topicResidents from './topic-residents';
import * as topicMeetings from './topic-meetings';
import * as topicTownSettings from './topic-town-settings';
import * as volunteerActions from './action-service';
import * as points from './points-service';
import { ratesWithVolunteers } from './action-stats';
import { flagPlace } from './action-flag';
import { upcoming as upcomingEvents } from './event-upcoming';
import { CallDirectory, DirectoryCache } from './directory';
import { SINGLE_MOVES, BUDGET_IN_MOVE, SNAPSHOT_AHEAD } from './call-plan';
import { ACTION_POLICY, ALL_ROLES, type ActionRule } from './policy';
import { AppError } from './errors';
import { adminTowns, townOf } from './scope';
import * as gridActions from './grid-service';
import * as rosterImport from './roster-import-service';
import { attention as adminAttention } from './admin-attention';
import * as roster from './roster-service';
import * as categories from './category-service';
import * as teamAdmin from './team-admin-service';
import * as teamArchive from './team-archive-service';
import * as townSettings from './town-settings-service';
import * as apiClients from './api-client-service';
import { gridMap } from './grid-map-service';
import * as gridAdmin from './grid-admin-service';
import * as towns from './town-admin-service';
import { previewBoundaries } from './boundary-preview';
import type { Caller } from './model';
import type { Deps, UserRecord } from './ports';
import { schemas, type ParsedInputOf } from './schemas';
import type { Profile } from './views';

type Ctx = concernCtx.ConcernCtx;
type Handler<A extends ActionName> = (ctx: Ctx, input: ParsedInputOf<A>) => Promise<ActionOutput<A>>;

const handlers: { [A in ActionName]: Handler<A> } = {
  'me/profile': async (ctx) => profile(ctx),
  'feedback/submit': async (ctx, input) => {
    const verdict = await moderate(ctx.deps, ctx.caller, input.text);
    const id = ctx.deps.newId('f');
    const contact = input.contact ? input.contact : null;
    // Filed under the town the author works in; a resident's, the town of their latest report (else the district's).
    const latest = async () => (await ctx.deps.store.concerns.listByReporter(ctx.caller.openid, { cursor: null, limit: 1 })).items[0]?.route.townId ?? null;
    const townId = townOf(await ctx.directory.current(), ctx.caller) ?? (await latest());
    await ctx.deps.store.feedback.add({ id, authorOpenid: ctx.caller.openid, text: input.text, contact, townId, createdAt: ctx.deps.now().toISOString(), moderation: verdict });
    return { id };
  },
  'feedback/list': async (ctx, input) => ctx.deps.store.feedback.list(adminTowns(await ctx.directory.current(), ctx.caller), { cursor: input.cursor ?? null, limit: input.limit ?? 20 }),
  'moderation/list': async (ctx) => moderation.listHeld(ctx),
  'moderation/decide': moderation.decide,
  'moderation/report': reports.report,
  'me/export': async (ctx) => exportMine(ctx, await profile(ctx)),
  'me/delete': async (ctx) => deleteMe(ctx),
  // Issue 16 (staff daily use): the resident's contact.
  'me/contact': async (ctx) => getContact(ctx),
  'me/setContact': async (ctx, input) => setContact(ctx, input),
  'event/markAttendance': markAttendance,
  'grid/tree': async (ctx) => {
    const snap = await ctx.directory.current();
    // Retired places (issue 19) are for the admins' grid editor only, never offered to pick.
    return { nodes: snap.grid.tree((id) => snap.where.boundary(id), ctx.caller.role === 'admin') };
  },
  'grid/locate': gridActions.locate,
  'grid/importBoundaries': gridActions.importBoundaries,
  'roster/import': rosterImport.importRoster,
  'category/list': categories.list,
  'concern/submit': concernIntake.submit,
  'concern/listMine': concernInbox.listMine,
  'concern/get': concernRead.get,
  'concern/inbox': concernInbox.inbox,
  'concern/inboxCounts': concernInbox.inboxCounts,
  'concern/accept': concernMoves.accept,
  'concern/reply': concernMoves.reply,
  'concern/resolve': points.resolveAndAward,
  'concern/rate': concernMoves.rate,
  'concern/dispatch': concernMoves.dispatch,
  'concern/transfer': concernMoves.transfer,
  'concern/return': concernMoves.returnToQueue,
  'concern/escalate': concernMoves.escalate,
  'stats/rates': ratesWithVolunteers,
  'message/list': async (ctx, input) => {
    const { messages } = ctx.deps.store;
    const page = await messages.list(ctx.caller.openid, { cursor: input.cursor ?? null, limit: input.limit ?? 20 });
    const items = await labelMessages(ctx.deps, await ctx.directory.current(), ctx.caller, page.items);
    return { ...page, items, unread: await messages.unreadCount(ctx.caller.openid) };
  },
  'message/markRead': async (ctx, input) => {
    const { messages } = ctx.deps.store;
    const changed = await messages.markRead(ctx.caller.openid, input.ids ?? null, ctx.deps.now().toISOString());
    return { changed, unread: await messages.unreadCount(ctx.caller.openid) };
  },
  'audit/list': listAudit,
  'board/list': board.list,
  'board/get': board.get,
  'concern/similar': board.similar,
  'concern/plusOne': board.plusOne,
  'town/replyTemplates': board.replyTemplates,
  'town/setReplyTemplates': board.setReplyTemplates,
  'volunteer/mine': volunteerMine.mine,
  'volunteer/code': volunteerAttendance.volunteerCode,
  'event/checkinCode': volunteerAttendance.checkinCode,
  'team/list': volunteerTeams.listTeams,
  'team/get': volunteerActions.teamDetail,
  'team/apply': volunteerTeams.apply,
  'team/review': volunteerTeams.review,
  'team/leave': volunteerTeams.leave,
  'team/setPartyMember': volunteerTeams.setPartyMember,
  'event/create': volunteerActions.createEvent,
  'event/get': volunteerActions.getEvent,
  'event/signup': volunteerEvents.signUp,
  'event/cancel': volunteerEvents.cancelSignUp,
  'event/cancelEvent': volunteerActions.cancelEvent,
  'event/scan': volunteerAttendance.scanEvent,
  'event/scanPerson': volunteerAttendance.scanPerson,
  'event/attendance': volunteerAttendance.getAttendance,
  'event/confirmHours': points.confirmHours,
  'event/exportCsv': volunteerExport.exportCsv,
  'concern/importHotline': importHotline,
  'export/concerns': exports_.exportConcerns,
  'export/rates': exports_.exportRates,
  'calendar/list': calendar.list,
  'calendar/save': calendar.save,
  // 街坊议事 (yishi)
  'me/setPlace': topics.setPlace,
  'topic/list': topics.list,
  'topic/get': topics.get,
  'topic/create': topics.create,
  'topic/propose': topics.propose,
  'topic/support': topics.support,
  'topic/vote': topics.vote,
  'topic/comment': topics.comment,
  'topic/decide': topics.decide,
  'topic/answerProposal': topics.answerProposal,
  // Volunteer actions (issue 20).
  'concern/startAction': volunteerActions.startAction,
  'event/recordResult': volunteerActions.recordResult,
  'concern/resolveFromAction': volunteerActions.resolveFromAction,
  // Points (issue 20).
  'points/mine': points.mine,
  'reward/list': points.listRewards,
  'reward/save': points.saveReward,
  'reward/redeem': points.redeem,
  'reward/handOver': points.handOver,
  'reward/reverse': points.reverse,
  'village/savePointsSettings': points.savePointsSettings,
  // Admin (issue 19).
  'roster/list': roster.list,
  'roster/save': roster.save,
  'roster/remove': roster.remove,
  'category/save': categories.save,
  'town/saveSettings': townSettings.save,
  'team/create': teamAdmin.create,
  'team/saveLeaders': teamAdmin.saveLeaders,
  // Residents following up (#17).
  'concern/withdraw': followUp.withdraw,
  'concern/chase': followUp.chase,
  'apiClient/create': apiClients.create,
  'apiClient/list': apiClients.list,
  'apiClient/revoke': apiClients.revoke,
  // Residents report on a map (#17).
  'grid/map': gridMap,
  // 街坊议事, issue 21 second round.
  'resident/list': topicResidents.listResidents,
  'resident/verify': topicResidents.verify,
  'me/requestVerification': topicResidents.requestVerification,
  'topic/saveMeeting': topicMeetings.saveMeeting,
  'town/topicSettings': topicTownSettings.topicSettings,
  'town/saveTopicSettings': topicTownSettings.saveTopicSettings,
  'node/save': gridAdmin.save,
  'node/retire': gridAdmin.retire,
  'grid/previewBoundaries': previewBoundaries,
  'town/list': async (ctx) => towns.list(ctx),
  'town/save': towns.save,
  'town/saveAdmins': towns.saveAdmins,
  // Admin (issue 19): archiving a volunteer team.
  'team/archive': teamArchive.archive,
  'town/settings': townSettings.get,
  // Issue 20, item 3 (h20b).
  'event/flagPlace': flagPlace,
  // Points (issue 20, h20p).
  'reward/recent': points.recentRedemptions,
  // Admin (issue 19, h19): what a roster file would change, before it is applied.
  'roster/previewImport': rosterImport.previewImport,
  // Admin (issue 19, h19): the admin home's attention list.
  'admin/attention': adminAttention,
  // Issue 17, item 5.
  'event/upcoming': upcomingEvents,
  // Points (issue 20, h20c).
  'town/pointsSettings': points.townRates,
};

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

async function profile(ctx: Ctx): Promise<Profile> {
  const { caller } = ctx;
  // A team leader is a resident: shown as `leader` with the team's place, without any staff rights.
  const nodeId = caller.leads ? caller.leads.nodeId : caller.nodeId;
  let nodeName: string | null = null;
  if (nodeId !== null) {
    const snap = await ctx.directory.current();
    nodeName = snap.grid.get(nodeId)?.name ?? snap.officeById.get(nodeId)?.name ?? null;
  }
  const base = {
    openid: caller.openid, name: caller.name, role: caller.role, nodeId, nodeName, photoFolder: uploadFolder(ctx.deps.digest, caller.openid),
    // The client asks WeChat for exactly the templates the server sends with (issue 15).
    ...(ctx.deps.subscribeTemplates ? { subscribeTemplates: ctx.deps.subscribeTemplates } : {}),
  };
  return caller.leads ? { ...base, role: 'leader', teamId: caller.leads.teamId } : base;
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
      const parsed = schemas[action].safeParse(data ?? {});
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
      const concernRead = SINGLE_MOVES.has(action) && typeof move.id === 'string' && VALID_OPENID.test(openid) ? concernCtx.readForMove(deps, move.id, openid, move.requestId) : undefined;
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
        const handler = handlers[action] as Handler<typeof action>;
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
