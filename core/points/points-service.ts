/**
 * Points (积分制, issue 20 item 4): a village or cooperative may turn points on; confirmed volunteer hours
 * earn points at the town's rate, a report the handlers resolve earns a few, and nothing else earns any.
 * Residents see their own points and history; a village offers rewards, a redemption is a code its
 * committee scans or types to hand the item over, and may be reversed with a reason (audited by the
 * router, like every staff write). A public ranking is a village setting, off by default, showing
 * residents by display name only and never staff.
 */
import * as concernMoves from '../concerns/concern-moves';
import type { DirectorySnapshot } from '../directory/directory';
import { AppError } from '../errors';
import type { Caller, Concern } from '../model';
import { DEFAULT_POINTS_RATES, type PointsEntry, type PointsSettings, type Redemption, type Reward } from './points-model';
import type { ParsedInputOf } from '../schemas';
import { oversees } from '../scope';
import * as volunteerAttendance from '../volunteers/volunteer-attendance';
import { eventTitle } from '../trust/event-reports';
import { placeName, type VolunteerCtx } from '../volunteers/volunteer-common';
import { signUpRef } from '../volunteers/volunteer-codes';
import type { AttendanceView, ConcernDetail } from '../views';

type Ctx = VolunteerCtx;

export interface PointsSettingsView {
  nodeId: string;
  placeName: string;
  enabled: boolean;
  publicRanking: boolean;
  /** The town's rates, which apply here. */
  pointsPerHour: number;
  pointsPerReport: number;
}

export interface RedemptionView {
  id: string;
  code: string;
  rewardName: string;
  placeName: string;
  points: number;
  status: Redemption['status'];
  at: string;
  handedAt: string | null;
  /** For the committee only: who redeemed it and why it was reversed. */
  personName: string | null;
  reverseReason: string | null;
}

export interface RankingRow {
  name: string;
  earned: number;
}

export interface MyPoints {
  balances: Array<{ nodeId: string; placeName: string; balance: number; earned: number }>;
  history: Array<Pick<PointsEntry, 'id' | 'kind' | 'points' | 'note' | 'at'> & { placeName: string }>;
  redemptions: RedemptionView[];
}

export interface RewardList {
  settings: PointsSettingsView;
  /** What residents may redeem; a manager also sees the items no longer offered. */
  items: Reward[];
  /** The public ranking when the place shows one; null otherwise. */
  ranking: RankingRow[] | null;
  canManage: boolean;
  /** The caller's balance here. */
  myBalance: number;
}

const HISTORY_MAX = 50;
const RANKING_MAX = 10;

const placeOf = (snap: DirectorySnapshot, nodeId: string) => placeName(snap, nodeId) || snap.grid.get(nodeId)?.name || '';

function node(snap: DirectorySnapshot, nodeId: string, kinds: readonly string[]) {
  const n = snap.grid.get(nodeId);
  if (!n || !kinds.includes(n.kind)) throw new AppError('GRID.PLACE_NOT_FOUND', `no ${kinds.join(' or ')} ${nodeId}`);
  return n;
}

/** Committee staff of the place (or of a level above it) and the admins over its town manage its points. */
function manages(snap: DirectorySnapshot, caller: Caller, nodeId: string): boolean {
  if (caller.role === 'admin') return oversees(snap, caller, nodeId);
  return caller.role === 'staff' && caller.nodeId !== null && snap.grid.isWithin(nodeId, caller.nodeId) && snap.grid.get(caller.nodeId)?.kind !== 'town';
}

async function settingsView(ctx: Ctx, snap: DirectorySnapshot, nodeId: string): Promise<PointsSettingsView> {
  const town = snap.grid.placement(nodeId).town?.id ?? nodeId;
  const [own, rates] = await Promise.all([ctx.deps.store.points.settings(nodeId), ctx.deps.store.points.settings(town)]);
  return {
    nodeId,
    placeName: placeOf(snap, nodeId),
    enabled: own?.enabled ?? false,
    publicRanking: own?.publicRanking ?? false,
    pointsPerHour: rates?.pointsPerHour ?? DEFAULT_POINTS_RATES.pointsPerHour,
    pointsPerReport: rates?.pointsPerReport ?? DEFAULT_POINTS_RATES.pointsPerReport,
  };
}

/** The place whose points a service at `nodeId` earns: the nearest cooperative or village above it with points on, or null. */
async function scopeOf(ctx: Ctx, snap: DirectorySnapshot, nodeId: string): Promise<PointsSettingsView | null> {
  // The settings of every level read at once (a round trip each on CloudBase), the nearest switched on wins.
  const places = snap.grid.lineage(nodeId).filter((n) => n.kind === 'cooperative' || n.kind === 'village');
  const views = await Promise.all(places.map((n) => settingsView(ctx, snap, n.id)));
  return views.find((s) => s.enabled) ?? null;
}

function redemptionView(snap: DirectorySnapshot, r: Redemption, forManager: boolean): RedemptionView {
  return {
    id: r.id, code: r.code, rewardName: r.rewardName, placeName: placeOf(snap, r.nodeId), points: r.points, status: r.status, at: r.at, handedAt: r.handedAt,
    personName: forManager ? r.name : null, reverseReason: forManager ? r.reverseReason : null,
  };
}

// ---- earning --------------------------------------------------------------------------------------

/**
 * How much of a volunteer's ledger a correction reads for what a sign-up earned (`ph_<ref>` first, then each
 * correction `ph_<ref>~<n>`): one CloudBase request's most. A first award is made once by its id anyway.
 */
const HOURS_LEDGER_MAX = 1000;

/**
 * event/confirmHours, then the points of every confirmed place (each place earns once). A correction of
 * hours already confirmed is never silent: the difference between what the corrected minutes earn (at the
 * town's current rate) and what the place earned so far is one more ledger entry, positive or negative
 * (`ph_<ref>~<n>`, the n-th correction, so a retried or concurrent correction writes it once). A negative
 * correction is recorded even when the points were spent: the balance may then go below zero, and no
 * redemption is undone (README, issue 20).
 */
export async function confirmHours(ctx: Ctx, input: ParsedInputOf<'event/confirmHours'>): Promise<AttendanceView> {
  const view = await volunteerAttendance.confirmHours(ctx, input);
  const { store } = ctx.deps;
  const e = await store.events.getEvent(input.eventId);
  const team = e ? await store.teams.getTeam(e.teamId) : null;
  if (!e || !team) return view;
  const snap = await ctx.directory.current();
  const scope = await scopeOf(ctx, snap, team.nodeId);
  if (!scope) return view;
  const at = ctx.deps.now().toISOString();
  const town = snap.grid.placement(scope.nodeId).town?.id ?? '';
  const signUps = await store.events.listSignUps(e.id);
  // Each volunteer's ledger, read once, for what their places here earned so far.
  const ledgers = new Map<string, PointsEntry[]>();
  await Promise.all([...new Set(signUps.map((s) => s.openid))].map(async (o) => ledgers.set(o, await store.points.history(o, HOURS_LEDGER_MAX))));
  const entries: PointsEntry[] = [];
  for (const s of signUps) {
    const ref = signUpRef(ctx.deps, s.id);
    const base = `ph_${ref}`;
    const earlier = (ledgers.get(s.openid) ?? []).filter((x) => x.id === base || x.id.startsWith(`${base}~`));
    const due = s.status === 'signed' && s.confirmedMinutes !== null && s.confirmedMinutes > 0 ? Math.floor((s.confirmedMinutes * scope.pointsPerHour) / 60) : 0;
    const delta = due - earlier.reduce((sum, x) => sum + x.points, 0);
    if (delta === 0) continue;
    // A correction goes to the place the first award went to.
    const first = earlier.find((x) => x.id === base) ?? earlier[0];
    entries.push({
      id: earlier.length === 0 ? base : `${base}~${earlier.length}`, openid: s.openid, name: s.name, nodeId: first?.nodeId ?? scope.nodeId, townId: first?.townId ?? town,
      kind: 'hours', points: delta, refId: e.id, note: earlier.length === 0 ? eventTitle(e) : `志愿时长更正：${eventTitle(e)}`, at,
    });
  }
  if (entries.length > 0) await store.points.award(entries);
  return view;
}

/** A resolved report from the app earns its reporter the place's few points, once per concern. */
export async function awardReport(ctx: Ctx, c: Pick<Concern, 'id' | 'source' | 'reporterOpenid' | 'route'>, read?: DirectorySnapshot): Promise<void> {
  if (c.source !== 'app') return;
  const snap = read ?? (await ctx.directory.current());
  const scope = await scopeOf(ctx, snap, c.route.cooperativeId ?? c.route.villageId ?? c.route.townId);
  if (!scope || scope.pointsPerReport <= 0) return;
  const user = await ctx.deps.store.directory.findUser(c.reporterOpenid);
  const at = ctx.deps.now().toISOString();
  await ctx.deps.store.points.award([
    { id: `pc_${c.id}`, openid: c.reporterOpenid, name: user?.name ?? '街坊', nodeId: scope.nodeId, townId: c.route.townId, kind: 'report', points: scope.pointsPerReport, refId: c.id, note: '反映问题已办结', at },
  ]);
}

// ---- reads ----------------------------------------------------------------------------------------

export async function mine(ctx: Ctx): Promise<MyPoints> {
  const { points } = ctx.deps.store;
  const openid = ctx.caller.openid;
  const [snap, balances, history, redemptions] = await Promise.all([ctx.directory.current(), points.balances(openid), points.history(openid, HISTORY_MAX), points.redemptionsOf(openid)]);
  return {
    balances: balances.map((b) => ({ nodeId: b.nodeId, placeName: placeOf(snap, b.nodeId), balance: b.balance, earned: b.earned })),
    history: history.map((h) => ({ id: h.id, kind: h.kind, points: h.points, note: h.note, at: h.at, placeName: placeOf(snap, h.nodeId) })),
    redemptions: redemptions.map((r) => redemptionView(snap, r, false)),
  };
}

/** me/export: every balance, the whole ledger and every redemption of the caller. */
export async function exportMine(ctx: Ctx): Promise<MyPoints> {
  const { points } = ctx.deps.store;
  const openid = ctx.caller.openid;
  const [snap, balances, history, redemptions] = await Promise.all([ctx.directory.current(), points.balances(openid), points.history(openid, EXPORT_HISTORY_MAX), points.redemptionsOf(openid)]);
  return {
    balances: balances.map((b) => ({ nodeId: b.nodeId, placeName: placeOf(snap, b.nodeId), balance: b.balance, earned: b.earned })),
    history: history.map((h) => ({ id: h.id, kind: h.kind, points: h.points, note: h.note, at: h.at, placeName: placeOf(snap, h.nodeId) })),
    redemptions: redemptions.map((r) => redemptionView(snap, r, false)),
  };
}
// One CloudBase request answers at most 1000 documents: the export carries the latest 1000 entries (README).
const EXPORT_HISTORY_MAX = 1000;

/**
 * me/delete: a pending redemption is reversed (the unit back in stock, reason 账户已注销: nobody can show its
 * code any more); then the ledger and redemptions are tombstoned and the balances removed.
 */
export async function forgetPerson(ctx: Ctx, tombstone: string): Promise<void> {
  const { points } = ctx.deps.store;
  const openid = ctx.caller.openid;
  const at = ctx.deps.now().toISOString();
  for (const r of await points.redemptionsOf(openid)) {
    if (r.status !== 'pending') continue;
    const back: PointsEntry = { id: `pv_${r.id}`, openid, name: r.name, nodeId: r.nodeId, townId: r.townId, kind: 'reverse', points: r.points, refId: r.id, note: `撤销兑换：${r.rewardName}`, at };
    await points.reverse(r.id, '账户已注销', at, back);
  }
  await points.forget(openid, tombstone);
}

/** The public ranking: residents by display name, never staff. */
async function ranking(ctx: Ctx, nodeId: string): Promise<RankingRow[]> {
  const rows = await ctx.deps.store.points.ranking(nodeId, RANKING_MAX * 2);
  const staff = await Promise.all(rows.map((r) => ctx.deps.store.directory.findStaff(r.openid)));
  return rows.filter((_, i) => staff[i] === null).slice(0, RANKING_MAX).map((r) => ({ name: r.name, earned: r.earned }));
}

export async function listRewards(ctx: Ctx, input: ParsedInputOf<'reward/list'>): Promise<RewardList> {
  const snap = await ctx.directory.current();
  node(snap, input.nodeId, ['village', 'cooperative']);
  const settings = await settingsView(ctx, snap, input.nodeId);
  const canManage = manages(snap, ctx.caller, input.nodeId);
  const [all, balances] = await Promise.all([ctx.deps.store.points.listRewards(input.nodeId), ctx.deps.store.points.balances(ctx.caller.openid)]);
  return {
    settings,
    items: canManage ? all : settings.enabled ? all.filter((r) => r.active) : [],
    ranking: settings.enabled && settings.publicRanking ? await ranking(ctx, input.nodeId) : null,
    canManage,
    myBalance: balances.find((b) => b.nodeId === input.nodeId)?.balance ?? 0,
  };
}

// ---- the committee's writes --------------------------------------------------------------------------

function requireManager(snap: DirectorySnapshot, caller: Caller, nodeId: string): void {
  if (!manages(snap, caller, nodeId)) throw new AppError('AUTH.FORBIDDEN', `only the committee of ${nodeId} and its town's admin manage its points`);
}

export async function savePointsSettings(ctx: Ctx, input: ParsedInputOf<'village/savePointsSettings'>): Promise<PointsSettingsView> {
  const snap = await ctx.directory.current();
  const n = node(snap, input.nodeId, ['town', 'village', 'cooperative']);
  const isTown = n.kind === 'town';
  // The town sets the rates (its admin); a village or cooperative switches points and its ranking.
  if (isTown ? !(ctx.caller.role === 'admin' && oversees(snap, ctx.caller, n.id)) : !manages(snap, ctx.caller, n.id)) throw new AppError('AUTH.FORBIDDEN', `may not set the points of ${n.id}`);
  if (isTown ? input.enabled !== undefined || input.publicRanking !== undefined : input.pointsPerHour !== undefined || input.pointsPerReport !== undefined) {
    throw new AppError('VALIDATION.FAILED', isTown ? 'a town sets rates only' : 'rates are set by the town', [{ path: isTown ? 'enabled' : 'pointsPerHour', message: isTown ? 'a town sets rates only' : 'rates are set by the town' }]);
  }
  const prior = await ctx.deps.store.points.settings(n.id);
  const next: PointsSettings = {
    nodeId: n.id,
    enabled: input.enabled ?? prior?.enabled ?? false,
    publicRanking: input.publicRanking ?? prior?.publicRanking ?? false,
    pointsPerHour: input.pointsPerHour ?? prior?.pointsPerHour ?? DEFAULT_POINTS_RATES.pointsPerHour,
    pointsPerReport: input.pointsPerReport ?? prior?.pointsPerReport ?? DEFAULT_POINTS_RATES.pointsPerReport,
    updatedAt: ctx.deps.now().toISOString(),
  };
  await ctx.deps.store.points.saveSettings(next);
  return settingsView(ctx, snap, n.id);
}

export async function saveReward(ctx: Ctx, input: ParsedInputOf<'reward/save'>): Promise<Reward> {
  const snap = await ctx.directory.current();
  node(snap, input.nodeId, ['village', 'cooperative']);
  requireManager(snap, ctx.caller, input.nodeId);
  if (input.id !== undefined) {
    const prior = await ctx.deps.store.points.getReward(input.id);
    if (!prior || prior.nodeId !== input.nodeId) throw new AppError('REWARD.NOT_FOUND', `no reward ${input.id} at ${input.nodeId}`);
  }
  const town = snap.grid.placement(input.nodeId).town?.id ?? '';
  return ctx.deps.store.points.saveReward(
    { id: input.id ?? ctx.deps.newId('rw'), nodeId: input.nodeId, townId: town, name: input.name, points: input.points, active: input.active, updatedAt: ctx.deps.now().toISOString() },
    input.addStock,
  );
}

/** An 8-digit code from the redemption's id (a keyed digest: nobody can guess another's). */
function codeOf(ctx: Ctx, id: string): string {
  return String(parseInt(ctx.deps.digest(`redemption:${id}`).slice(0, 12), 16) % 100_000_000).padStart(8, '0');
}

export async function redeem(ctx: Ctx, input: ParsedInputOf<'reward/redeem'>): Promise<RedemptionView> {
  const snap = await ctx.directory.current();
  const reward = await ctx.deps.store.points.getReward(input.rewardId);
  if (!reward || !reward.active) throw new AppError('REWARD.NOT_FOUND', `no reward ${input.rewardId}`);
  if (!(await settingsView(ctx, snap, reward.nodeId)).enabled) throw new AppError('POINTS.OFF', `points are off at ${reward.nodeId}`);
  const id = ctx.deps.newId('rd');
  const r: Redemption = {
    id, code: codeOf(ctx, id), rewardId: reward.id, rewardName: reward.name, nodeId: reward.nodeId, townId: reward.townId, openid: ctx.caller.openid, name: ctx.caller.name,
    points: reward.points, status: 'pending', at: ctx.deps.now().toISOString(), handedAt: null, handedBy: null, reversedAt: null, reverseReason: null,
  };
  const out = await ctx.deps.store.points.redeem(r);
  if (out === 'out_of_stock') throw new AppError('REWARD.OUT_OF_STOCK', `${reward.name} is out of stock`);
  if (out === 'short') throw new AppError('POINTS.SHORT', `${reward.points} points needed`);
  if (out === 'inactive') throw new AppError('REWARD.NOT_FOUND', `reward ${reward.id} is no longer offered`);
  return redemptionView(snap, r, false);
}

export async function handOver(ctx: Ctx, input: ParsedInputOf<'reward/handOver'>): Promise<RedemptionView> {
  const snap = await ctx.directory.current();
  node(snap, input.nodeId, ['village', 'cooperative']);
  requireManager(snap, ctx.caller, input.nodeId);
  const r = await ctx.deps.store.points.redemptionByCode(input.nodeId, input.code);
  if (!r) throw new AppError('REDEMPTION.NOT_FOUND', `no redemption ${input.code} at ${input.nodeId}`);
  const done = await ctx.deps.store.points.handOver(r.id, ctx.deps.now().toISOString(), ctx.caller.name);
  if (!done) throw new AppError('REDEMPTION.WRONG_STATE', `redemption ${input.code} is ${r.status}`);
  return redemptionView(snap, done, true);
}

export async function reverse(ctx: Ctx, input: ParsedInputOf<'reward/reverse'>): Promise<RedemptionView> {
  const snap = await ctx.directory.current();
  const r = await ctx.deps.store.points.getRedemption(input.id);
  if (!r || !manages(snap, ctx.caller, r.nodeId)) throw new AppError('REDEMPTION.NOT_FOUND', `no redemption ${input.id} for this caller`);
  const at = ctx.deps.now().toISOString();
  const back: PointsEntry = { id: `pv_${r.id}`, openid: r.openid, name: r.name, nodeId: r.nodeId, townId: r.townId, kind: 'reverse', points: r.points, refId: r.id, note: `撤销兑换：${r.rewardName}`, at };
  const done = await ctx.deps.store.points.reverse(r.id, input.reason, at, back);
  if (!done) throw new AppError('REDEMPTION.WRONG_STATE', `redemption ${r.id} is ${r.status}`);
  return redemptionView(snap, done, true);
}

/** 积分标准: a town's rates, for the admins over it (the form the town admin saves with village/savePointsSettings). */
export async function townRates(ctx: Ctx, input: ParsedInputOf<'town/pointsSettings'>): Promise<PointsSettingsView> {
  const snap = await ctx.directory.current();
  const n = node(snap, input.nodeId, ['town']);
  if (!oversees(snap, ctx.caller, n.id)) throw new AppError('AUTH.FORBIDDEN', `may not read the points of ${n.id}`);
  return settingsView(ctx, snap, n.id);
}

const RECENT_MAX = 30;

/** 积分核销: the place's latest redemptions, with who redeemed them, for its committee and its town's admin. */
export async function recentRedemptions(ctx: Ctx, input: ParsedInputOf<'reward/recent'>): Promise<{ items: RedemptionView[] }> {
  const snap = await ctx.directory.current();
  node(snap, input.nodeId, ['village', 'cooperative']);
  requireManager(snap, ctx.caller, input.nodeId);
  const list = await ctx.deps.store.points.redemptionsAt(input.nodeId, RECENT_MAX);
  return { items: list.map((r) => redemptionView(snap, r, true)) };
}

/** concern/resolve, then the reporter's points for a report the handlers resolved. */
export async function resolveAndAward(ctx: Ctx, input: ParsedInputOf<'concern/resolve'>): Promise<ConcernDetail> {
  // Awarded from the concern as stored by the move (or found resolved by this request before), with the
  // move's snapshot, in parallel with the reads of the answer; the entry's id makes a retry award once.
  return concernMoves.resolve(ctx, input, (c, snap) => awardReport(ctx, c, snap));
}
