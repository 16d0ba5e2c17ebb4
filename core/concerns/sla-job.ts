/**
 * The SLA timer: every overdue concern moves one level up (cooperative/grid → village → town) and is
 * flagged; at the top it is flagged only. Each missed clock is acted on once, even when two runs overlap
 * (a cloud timer and a retry, or two local processes): the change is committed only at the version the
 * run read, and a run that loses re-reads the concern and finds the clock already marked.
 */
import type { DirectoryCache } from '../directory/directory';
import { decide, isOpen, isWorking } from './lifecycle';
import type { Concern } from '../model';
import { releasedText } from '../trust/content';
import { snippet, toStaff } from './notices';
import type { Deps } from '../ports';
import { escalationTarget, routeUp } from './route-change';
import { SYSTEM_ACTOR, rerouteNotices, staffOn, toChange } from './concern-act';
import { markMissed, missedAt } from './sla';
import { remindMissingCalendar } from '../directory/calendar-service';
import { closeDueTopics } from '../topics/topic-settle';

export interface SlaRunReport {
  /** Concerns found with a clock run out. */
  due: number;
  escalated: number;
  /** Overdue at the top level (or in the dispatcher queue): flagged, nowhere higher to go. */
  flagged: number;
  /** Already handled by a concurrent run, or met in the meantime. */
  skipped: number;
  /** Years that clocks run into without a holiday list (admins are reminded daily until entered). */
  calendarMissing: number[];
  /** Reminders about those years queued by this run (0 when today's were queued already). */
  calendarNotices: number;
  /** Open volunteer events whose place counters were set back to what their sign-ups hold. */
  countersCorrected: number;
  /** 街坊议事 (yishi): topics whose deadline passed, closed with their counts published. */
  topicsClosed: number;
  /** Rewards whose stock got back the units cut-off redemptions took (CloudBase; h20c). */
  stockCorrected: number;
}

const ATTEMPTS = 3;

function clockText(missed: { ack: boolean; resolve: boolean }): string {
  return missed.ack ? '超过签收时限未签收' : '超过办结时限未办结';
}

type Outcome = 'escalated' | 'flagged' | 'skipped';

async function actOn(deps: Deps, directory: DirectoryCache, first: Concern, at: string): Promise<Outcome> {
  let c: Concern | null = first;
  for (let attempt = 1; attempt <= ATTEMPTS && c; attempt++) {
    const missed = missedAt(c.sla, at);
    if (!isOpen(c.status) || (!missed.ack && !missed.resolve)) return 'skipped';
    const snap = await directory.current();
    const up = isWorking(c.status) && escalationTarget(c.route) !== null;
    const action = up ? 'sla_escalate' : 'sla_flag';
    const d = decide(c.status, action, ['system']);
    if (!d.ok) return 'skipped';
    const sla = markMissed(c.sla, missed, c.route);
    let change;
    if (up) {
      const route = routeUp(snap.grid, c.route, 'sla_escalate', clockText(missed));
      const notifications = await rerouteNotices(deps, c, route, null, '超期诉求已上报，待签收', at);
      change = toChange(deps, SYSTEM_ACTOR, c, action, d.to, at, { note: route.reason, route, sla, notifications }, null);
    } else {
      const staff = await staffOn(deps, c);
      const note = `${clockText(missed)}，已标记超期`;
      const notifications = toStaff(deps, staff, '', 'concern_overdue', '诉求已超期，请尽快办理', c, snippet(`${note}：${releasedText(c.description, c.moderation)}`), at);
      change = toChange(deps, SYSTEM_ACTOR, c, action, d.to, at, { note, sla, notifications }, null);
    }
    // The conditional update: applies only if nobody changed the concern since it was read.
    if (await deps.store.concerns.commit(c.id, c.version, change)) return up ? 'escalated' : 'flagged';
    c = await deps.store.concerns.get(c.id);
  }
  return 'skipped';
}

/**
 * One run of the job: takes due concerns in batches (earliest deadline first) until none is left. A
 * concern that could not be settled in this run is not taken again in the same run.
 */
export async function runSlaJob(deps: Deps, directory: DirectoryCache, now: Date, batch = 200): Promise<SlaRunReport> {
  const at = now.toISOString();
  const calendar = await remindMissingCalendar(deps, await directory.current(), now);
  const countersCorrected = await deps.store.events.reconcileCounters(at);
  const stockCorrected = await deps.store.points.reconcileStock(at);
  const topicsClosed = await closeDueTopics(deps, at);
  const report: SlaRunReport = { due: 0, escalated: 0, flagged: 0, skipped: 0, calendarMissing: calendar.missing, calendarNotices: calendar.queued, countersCorrected, topicsClosed, stockCorrected };
  const seen = new Set<string>();
  for (;;) {
    const due = (await deps.store.concerns.dueForSla(at, batch)).filter((c) => !seen.has(c.id));
    if (due.length === 0) break;
    for (const c of due) {
      seen.add(c.id);
      report.due++;
      report[await actOn(deps, directory, c, at)]++;
    }
  }
  return report;
}
