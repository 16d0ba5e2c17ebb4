/**
 * A town's working time (issue 19): the working day its SLA clocks count, the check-in margin of its
 * volunteer events and the lead of their reminders. A town that set none keeps the deployment's
 * (deps.sla's calendar window, deps.volunteer); each stored field overrides one of them.
 */
import type { DirectorySnapshot } from './directory';
import type { Deps, TownWorkSettings } from '../ports';
import { DEFAULT_SLA } from '../concerns/sla';
import { DEFAULT_VOLUNTEER_SETTINGS } from '../volunteers/volunteer-model';

/** What a town's computations use: every field settled. */
export interface TownWork {
  dayStartMinute: number;
  dayEndMinute: number;
  checkinMarginMinutes: number;
  reminderLeadMinutes: number;
}


export const NO_TOWN_WORK: TownWorkSettings = { dayStartMinute: null, dayEndMinute: null, checkinMarginMinutes: null, reminderLeadMinutes: null };

/** The deployment's own values, which a town without settings keeps. */
export function deploymentWork(deps: Pick<Deps, 'sla' | 'volunteer'>): TownWork {
  const cal = (deps.sla ?? DEFAULT_SLA).calendar;
  const v = deps.volunteer ?? DEFAULT_VOLUNTEER_SETTINGS;
  return { dayStartMinute: cal.dayStartMinute, dayEndMinute: cal.dayEndMinute, checkinMarginMinutes: v.checkinMarginMinutes, reminderLeadMinutes: v.reminderLeadMinutes };
}

export function effectiveWork(deps: Pick<Deps, 'sla' | 'volunteer'>, stored: TownWorkSettings): TownWork {
  const d = deploymentWork(deps);
  return {
    dayStartMinute: stored.dayStartMinute ?? d.dayStartMinute,
    dayEndMinute: stored.dayEndMinute ?? d.dayEndMinute,
    checkinMarginMinutes: stored.checkinMarginMinutes ?? d.checkinMarginMinutes,
    reminderLeadMinutes: stored.reminderLeadMinutes ?? d.reminderLeadMinutes,
  };
}

/** The town's working time, as its computations use it (one read of its settings). */
export async function townWork(deps: Deps, townId: string): Promise<TownWork> {
  return effectiveWork(deps, await deps.store.board.workSettings(townId));
}

/** The town a node (a team's village or cooperative) belongs to, from the snapshot; null for an unknown node. */
export function townOfNode(snap: DirectorySnapshot, nodeId: string): string | null {
  return snap.grid.get(nodeId) ? snap.grid.placement(nodeId).town?.id ?? null : null;
}

/** The check-in margin of events of a team at `nodeId`: its town's, or the deployment's for a node in no town. */
export async function checkinMarginAt(deps: Deps, snap: DirectorySnapshot, nodeId: string | null): Promise<number> {
  const town = nodeId === null ? null : townOfNode(snap, nodeId);
  return town === null ? deploymentWork(deps).checkinMarginMinutes : (await townWork(deps, town)).checkinMarginMinutes;
}
