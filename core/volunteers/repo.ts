/**
 * Volunteer repositories: teams, events and sign-ups, volunteer actions and points (re-exported by core/ports.ts).
 */
import type { ActionChange, ActionStatus, VolunteerAction } from './action-model';
import type { Moderation, Notification } from '../model';
import type { PointsBalance, PointsEntry, PointsMonthTotal, PointsSettings, RedeemOutcome, Redemption, Reward } from '../points/points-model';
import type { HoursAudit, Membership, SignUp, Team, VolunteerEvent } from './volunteer-model';
import type { NoticeTemplate } from '../concerns/repo';

/**
 * Teams, their leaders and members. Membership records have the deterministic id `${teamId}_${openid}`,
 * so a person has one record per team whatever the number of concurrent applications.
 */
export interface TeamRepo {
  listTeams(): Promise<Team[]>;
  getTeam(id: string): Promise<Team | null>;
  /** Team ids this person leads (a leader is a resident; leadership is its own table/collection). */
  ledBy(openid: string): Promise<string[]>;
  isLeader(teamId: string, openid: string): Promise<boolean>;
  leaders(teamId: string): Promise<Array<{ openid: string; name: string }>>;
  getMembership(teamId: string, openid: string): Promise<Membership | null>;
  membershipsOf(openid: string): Promise<Membership[]>;
  /** Members of every status, oldest application first. */
  listMembers(teamId: string): Promise<Membership[]>;
  memberCounts(): Promise<Map<string, number>>;
  /**
   * Records an application, atomically: creates the record, or re-opens a declined/left one as pending
   * (conditional on its status), and queues the notices in the same step. A pending or member record is
   * returned unchanged with `changed: false`. CloudBase: `doc(id).create()` or a conditional
   * `where({_id, status: _.in(['declined','left'])}).update()` in one transaction with the outbox add.
   */
  apply(m: Membership, notices: Notification[]): Promise<{ membership: Membership; changed: boolean }>;
  /**
   * Moves a membership from one of `from` to `to`, only if its status is still one of `from` (a
   * conditional update), queuing the notices in the same step. Returns null when it was not in `from`.
   */
  transition(id: string, from: readonly Membership['status'][], to: Membership['status'], at: string, notices: Notification[]): Promise<Membership | null>;
  /** Sets or clears the 党员 badge of a current member; null when there is no such member. Single-document update. */
  setPartyMember(id: string, partyMember: boolean): Promise<Membership | null>;
  /**
   * Applications whose note is held for a moderator, in these teams (all when null), oldest first, at
   * most `limit`. An indexed query on the held notes (SQLite a partial index, CloudBase `noteModeration`).
   */
  heldNotes(teamIds: string[] | null, limit: number): Promise<Membership[]>;
  /** A moderator's decision on a held note: a conditional single-document update from `held`; false when not held. */
  decideNote(membershipId: string, to: 'published' | 'rejected'): Promise<boolean>;

  // Admin (issue 19): teams as the town's admin sets them up.
  /** Stores a new team (no leaders yet); false (nothing written) when a team with its id exists. */
  createTeam(team: Team): Promise<boolean>;
  /**
   * Replaces the team's leaders by exactly these people, atomically (two admins saving at once: one set
   * wins whole). False (nothing written) when there is no such team.
   */
  setLeaders(teamId: string, leaders: Array<{ openid: string; name: string }>): Promise<boolean>;
  /**
   * Marks the team archived at `at`, only if it is not archived yet (a conditional single-document
   * update); false (nothing written) when there is no such team or it was archived already.
   */
  archiveTeam(teamId: string, at: string): Promise<boolean>;
}

export type SignUpOutcome =
  /** `position`: the waitlist position, when the store counted it with its last reads (else the caller counts it). */
  | { kind: 'signed' | 'waitlisted'; signUp: SignUp; created: boolean; position?: number }
  | { kind: 'full' }
  | { kind: 'closed' }
  /** A retry of a request (same requestId) whose place the person has since cancelled. */
  | { kind: 'stale'; signUp: SignUp };

export interface CancelOutcome {
  /** The cancelled sign-up, or null when the person held no place. */
  cancelled: SignUp | null;
  /** Whoever the waitlist promoted into the freed place, if anyone. */
  promoted: SignUp | null;
}

/** Why and when an event was called off, with the content check's verdict on the reason. */
export interface EventCancellation {
  reason: string;
  moderation: Moderation;
  at: string;
}

export interface AttendanceChange {
  field: 'checkIn' | 'checkOut';
  at: string;
}

/**
 * Volunteer events, their sign-ups and attendance. The event document carries the counters
 * (`signedCount`, `waitlistCount`); each sign-up is its own document with id `${eventId}_${openid}`.
 */
export interface EventRepo {
  /** Stores a new event. Single insert. */
  createEvent(e: VolunteerEvent): Promise<void>;
  /**
   * Sets the place and waitlist counters of open events to what their sign-ups hold, where they differ:
   * a sign-up that took a place and died before writing its document must not keep the place for ever.
   * Where a sign-up may still be on its way (CloudBase: the counter moved since the previous run), the
   * event is left for the next run. Answers how many events were corrected. Run by the SLA timer.
   */
  reconcileCounters(now: string): Promise<number>;
  getEvent(id: string): Promise<VolunteerEvent | null>;
  /** Open and cancelled events of these teams ending at or after `from`, soonest first. */
  listEvents(teamIds: string[], from: string): Promise<VolunteerEvent[]>;
  getSignUp(eventId: string, openid: string): Promise<SignUp | null>;
  /** Every sign-up of the event (any status), in arrival order. */
  listSignUps(eventId: string): Promise<SignUp[]>;
  /** 1-based place in the waitlist of a waitlisted sign-up with this arrival order. A count query. */
  waitlistPosition(eventId: string, arrival: number): Promise<number>;
  /** This person's sign-ups of every status, with their events, newest event first. */
  signUpsOf(openid: string): Promise<Array<{ signUp: SignUp; event: VolunteerEvent }>>;
  /**
   * Takes a place for this person, as ONE atomic step — never a read of the count followed by a write:
   * 1. a person already holding a place (signed or waitlisted) gets it back (`created: false`);
   *    a retry with the requestId of a place since cancelled gets `stale`;
   * 2. otherwise the event's `signedCount` is incremented only where the event is open and
   *    `signedCount < capacity` (a conditional update), and the sign-up is written `signed`;
   * 3. when that matched nothing and the event has a waitlist, `waitlistCount` is incremented the same
   *    way and the sign-up is written `waitlisted` with the next arrival order; with no waitlist: `full`.
   * An event that is not open gives `closed`. The sign-up document id is `${eventId}_${openid}`, so two
   * concurrent calls by one person cannot both take a place.
   * CloudBase: `where({_id: eventId, status: 'open', signedCount: _.lt(capacity)}).update({signedCount:
   * _.inc(1)})` (capacity never changes), then `doc(`${eventId}_${openid}`).set(...)`, both in one
   * transaction (or the counter given back when the document write fails). Arrival order there is the
   * server date plus the document id.
   */
  signUp(eventId: string, person: { openid: string; name: string }, requestId: string | null, at: string, read?: SignUpReads): Promise<SignUpOutcome>;
  /**
   * Gives up this person's place, atomically with its consequences: the sign-up becomes `cancelled`
   * (conditional on it being signed or waitlisted), the matching counter is decremented, and when a
   * signed place was freed the first waitlisted sign-up by arrival becomes `signed` (counters moved in
   * the same step) and `promotionNotice` is queued for that person. CloudBase: one transaction.
   */
  cancelSignUp(eventId: string, openid: string, at: string, promotionNotice: NoticeTemplate): Promise<CancelOutcome>;
  /**
   * Cancels an open event (conditional on status 'open') and queues `notice` for every person signed
   * or waitlisted at that moment, in the same atomic step; returns how many were told, or null when
   * the event was not open. CloudBase: one transaction (event update + one outbox add per sign-up).
   */
  cancelEvent(eventId: string, cancel: EventCancellation, notice: NoticeTemplate): Promise<number | null>;
  /**
   * Events whose texts or cancellation reason are held for a moderator, in these teams (all when null),
   * oldest first, at most `limit`. Indexed queries on each held field (SQLite partial indexes; CloudBase
   * `moderation` and `cancelModeration`), merged.
   */
  heldEvents(teamIds: string[] | null, limit: number): Promise<VolunteerEvent[]>;
  /**
   * A moderator's decision on an event's texts ('event') or its cancellation reason ('cancelReason'): a
   * conditional update of that field from `held`, queuing the notices in the same atomic step; false when
   * it was not held. CloudBase: one transaction (event update + outbox adds).
   */
  decideEvent(eventId: string, field: 'event' | 'cancelReason', to: 'published' | 'rejected', notices: Notification[]): Promise<boolean>;
  /** 下架 of a reported event (issue 15): sets `textRemovedAt` once, on a published event only; false otherwise. */
  takeDownText(eventId: string, at: string): Promise<boolean>;
  /**
   * Hours audit entries whose reason is held for a moderator, of events of these teams (all when null),
   * oldest first, at most `limit`. SQLite: the partial index joined with the events; CloudBase: the
   * `reasonModeration` index, then the entries' events read to keep those of the teams.
   */
  heldHoursReasons(teamIds: string[] | null, limit: number): Promise<HoursAudit[]>;
  /**
   * A moderator's decision on a held reason: a conditional update of the entry's `reasonModeration`
   * only (the entry is otherwise never changed); false when not held.
   */
  decideHoursReason(entryId: string, to: 'published' | 'rejected'): Promise<boolean>;
  /**
   * Records a check-in (only where none is recorded yet) or a check-out (only after a check-in), on a
   * signed place. Single conditional update; returns the sign-up after it, or null when it did not apply.
   */
  recordAttendance(signUpId: string, change: AttendanceChange): Promise<SignUp | null>;
  /**
   * Sets confirmed minutes and appends the audit entries, in one atomic step; every audit entry's
   * sign-up must belong to `eventId`. CloudBase: one transaction.
   */
  confirmHours(eventId: string, entries: HoursAudit[]): Promise<void>;
  hoursAudit(eventId: string): Promise<HoursAudit[]>;
  /**
   * Signed places of open events starting between `from` and `until` that were not reminded yet, at most `limit`.
   */
  dueReminders(from: string, until: string, limit: number): Promise<Array<{ signUp: SignUp; event: VolunteerEvent }>>;
  /**
   * Marks the sign-up reminded — only if it was not yet (conditional update) — and queues the notice
   * in the same step. Returns false when someone else already did, so each person is reminded once.
   */
  markReminded(signUpId: string, at: string, notice: Notification): Promise<boolean>;
  /** This person's personal check-in code, created on first use. Unique per person (a create that may lose to a concurrent one and then reads). */
  personalCode(openid: string, fresh: string): Promise<string>;
  /** Whose personal code this is, or null. */
  personByCode(code: string): Promise<string | null>;
}

/** Actions started and resolved in one village and month (Beijing time), for 办理统计. */
export interface ActionMonthCount {
  villageId: string | null;
  month: string;
  started: number;
  /** Concerns resolved with an action's result, counted in the month the action was resolved. */
  concernsResolved: number;
}

/**
 * Volunteer actions (志愿行动, issue 20). An open action (draft, scheduled, reported) holds its concerns:
 * a concern is in at most one open action at a time, and every write that starts or ends one changes the
 * action and those holds in ONE atomic step, with its notices.
 */
export interface ActionRepo {
  /** Stores a new action holding its concerns, with its notices; false, writing nothing, when any concern is held by an open action. */
  create(a: VolunteerAction, notices: Notification[]): Promise<boolean>;
  get(id: string): Promise<VolunteerAction | null>;
  /** The newest action that took on this concern (open or not), or null. */
  latestOf(concernId: string): Promise<VolunteerAction | null>;
  /** The action an event was scheduled for, or null. */
  ofEvent(eventId: string): Promise<VolunteerAction | null>;
  /** The teams' actions in these statuses, oldest first. */
  listOfTeams(teamIds: string[], statuses: readonly ActionStatus[]): Promise<VolunteerAction[]>;
  /**
   * Moves the action from one of `from` to `to` with `change` and queues the notices, in ONE atomic step;
   * a move out of the open statuses releases its concerns. Answers the stored action, or null (nothing
   * written) when it was not in `from`.
   */
  transition(id: string, from: readonly ActionStatus[], to: ActionStatus, change: ActionChange, notices: Notification[]): Promise<VolunteerAction | null>;
  /** Per village and month from `fromMonth` to `toMonth` (YYYY-MM, Beijing time) of these towns (all when null). */
  monthlyCounts(query: { fromMonth: string; toMonth: string; townIds: string[] | null }): Promise<ActionMonthCount[]>;
}

/**
 * Points (积分制, issue 20): an append-only ledger with one balance per person and place. Every write that
 * changes a balance writes its ledger entry in the same atomic step; a redemption takes one unit of stock
 * and the points together, or nothing.
 */
export interface PointsRepo {
  /** The settings stored for a node, or null (points off, default rates). */
  settings(nodeId: string): Promise<PointsSettings | null>;
  saveSettings(s: PointsSettings): Promise<void>;
  /** Adds earned entries with their balances; an entry whose id is stored already adds nothing. Answers how many were new. */
  award(entries: PointsEntry[]): Promise<number>;
  /** A person's balances, one per place. */
  balances(openid: string): Promise<PointsBalance[]>;
  /** A person's ledger, newest first. */
  history(openid: string, limit: number): Promise<PointsEntry[]>;
  /** The place's balances by points earned, most first (ties by openid). */
  ranking(nodeId: string, limit: number): Promise<PointsBalance[]>;
  listRewards(nodeId: string): Promise<Reward[]>;
  getReward(id: string): Promise<Reward | null>;
  /** Stores a reward's name, price and whether it is offered, and adds `addStock` to its stock (never below 0): a concurrent redemption is never overwritten. */
  saveReward(r: Omit<Reward, 'stock'>, addStock: number): Promise<Reward>;
  /** Takes one unit of the reward and its points from the person's balance with the redemption and its ledger entry, in ONE atomic step; nothing when refused. */
  redeem(r: Redemption): Promise<RedeemOutcome>;
  getRedemption(id: string): Promise<Redemption | null>;
  /** The redemption with this code at this place, or null. */
  redemptionByCode(nodeId: string, code: string): Promise<Redemption | null>;
  /** A person's redemptions, newest first. */
  redemptionsOf(openid: string): Promise<Redemption[]>;
  /** pending → handed, conditionally; null when it was not pending. */
  handOver(id: string, at: string, by: string): Promise<Redemption | null>;
  /** pending or handed → reversed: the unit back in stock, the points back with a ledger entry, in one step; null when it was not. */
  reverse(id: string, reason: string, at: string, entry: PointsEntry): Promise<Redemption | null>;
  /** Points earned and redeemed per place and month from `fromMonth` to `toMonth` (Beijing time) in these towns (all when null). */
  monthlyTotals(query: { fromMonth: string; toMonth: string; townIds: string[] | null }): Promise<PointsMonthTotal[]>;
  /** The place's latest redemptions, newest first (ties by id, descending), at most `limit` (积分核销). */
  redemptionsAt(nodeId: string, limit: number): Promise<Redemption[]>;
  /**
   * me/delete (h20c): the person's ledger entries and redemptions go to `tombstone` with their name blanked
   * (the place's monthly totals stay), and their balances are removed (no ranking shows them). Pending
   * redemptions are reversed by the caller first. Idempotent: an interrupted run can be repeated.
   */
  forget(openid: string, tombstone: string): Promise<void>;
  /**
   * Gives back the units of stock that redemptions cut off half-way took and never held (CloudBase; SQLite
   * takes stock and writes the redemption in one transaction, and answers 0). Like the sign-up counters, a
   * reward that may have a redemption on its way is left for a later run. Answers how many rewards were
   * corrected. Run by the SLA timer.
   */
  reconcileStock(now: string): Promise<number>;
}

/**
 * What a sign-up's caller has just read (issue 22): the person's sign-up for the event, and the event. A
 * store may decide from these instead of reading them again; every write it makes still checks the stored
 * state (a place is taken only while the event is open and not full; a sign-up written only where it was
 * as read), so an answer read a moment earlier changes nothing.
 */
export interface SignUpReads {
  held: SignUp | null;
  event: Pick<VolunteerEvent, 'capacity' | 'status' | 'waitlist' | 'signedCount'>;
}
