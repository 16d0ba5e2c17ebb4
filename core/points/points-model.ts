/**
 * Points (积分制, issue 20 item 4): voluntary recognition of service. A village or cooperative turns it on;
 * confirmed volunteer hours earn points at the town's rate and a report the handlers resolve earns a few;
 * nothing else earns any (no logins, no penalties). Points are kept per person and per place (the village
 * or cooperative whose rewards they buy), in an append-only ledger with a balance beside it.
 */

import { beijingMonthKey } from '../beijing';

/** Settings of one node: a village or cooperative switches points and its public ranking; a town sets the rates. */
export interface PointsSettings {
  nodeId: string;
  enabled: boolean;
  /** Off by default; shows residents by display name only, never staff. */
  publicRanking: boolean;
  /** Read from the town's record: points per confirmed volunteer hour, and per resolved report. */
  pointsPerHour: number;
  pointsPerReport: number;
  updatedAt: string;
}

export const DEFAULT_POINTS_RATES = { pointsPerHour: 10, pointsPerReport: 2 } as const;

export type PointsEntryKind = 'hours' | 'report' | 'redeem' | 'reverse';

/** One line of a person's points ledger. Its id makes an award happen once (e.g. `ph_<signUpId>`). */
export interface PointsEntry {
  id: string;
  openid: string;
  /** The display name the ranking shows, as it was at the entry. */
  name: string;
  /** The village or cooperative the points belong to. */
  nodeId: string;
  townId: string;
  kind: PointsEntryKind;
  /** Positive when earned or given back, negative when spent. */
  points: number;
  /** What earned or spent it: the sign-up, concern or redemption id. */
  refId: string;
  note: string;
  at: string;
}

export interface PointsBalance {
  openid: string;
  name: string;
  nodeId: string;
  balance: number;
  /** Everything ever earned here (what the ranking counts); spending does not lower it. */
  earned: number;
}

/** 积分兑换: an item a village offers, with its price in points and what is left. */
export interface Reward {
  id: string;
  nodeId: string;
  townId: string;
  name: string;
  points: number;
  stock: number;
  active: boolean;
  updatedAt: string;
}

export type RedemptionStatus = 'pending' | 'handed' | 'reversed';

export interface Redemption {
  id: string;
  /** Shown to the resident and scanned or typed by the committee. */
  code: string;
  rewardId: string;
  rewardName: string;
  nodeId: string;
  townId: string;
  openid: string;
  name: string;
  points: number;
  status: RedemptionStatus;
  at: string;
  handedAt: string | null;
  handedBy: string | null;
  reversedAt: string | null;
  reverseReason: string | null;
}

/** What a redemption attempt found: taken, or why not (nothing written then). */
export type RedeemOutcome = 'ok' | 'out_of_stock' | 'short' | 'inactive';

/** Points earned and spent at one place in one month (Beijing time), for 办理统计. */
export interface PointsMonthTotal {
  nodeId: string;
  month: string;
  /** Earned by hours and reports. */
  earned: number;
  /** Spent on redemptions, less what reversals gave back. */
  redeemed: number;
}

/** Ledger entries summed per place and Beijing month, sorted by month then place. */
export function sumByMonth(entries: ReadonlyArray<Pick<PointsEntry, 'nodeId' | 'kind' | 'points' | 'at'>>): PointsMonthTotal[] {
  const out = new Map<string, PointsMonthTotal>();
  for (const e of entries) {
    const month = beijingMonthKey(e.at);
    const key = `${month}\n${e.nodeId}`;
    const t = out.get(key) ?? out.set(key, { nodeId: e.nodeId, month, earned: 0, redeemed: 0 }).get(key)!;
    if (e.kind === 'hours' || e.kind === 'report') t.earned += e.points;
    else t.redeemed -= e.points;
  }
  return [...out.values()].sort((a, b) => (a.month === b.month ? a.nodeId.localeCompare(b.nodeId) : a.month.localeCompare(b.month)));
}
