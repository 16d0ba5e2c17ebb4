import type { PointsEntryKind, RedemptionStatus } from '../../core/points/points-model';

/** What earned or spent a line of the points history. */
export const POINTS_KIND_TEXT: Record<PointsEntryKind, string> = { hours: '志愿服务', report: '反映问题', redeem: '兑换', reverse: '撤销兑换' };

export const REDEMPTION_STATUS_TEXT: Record<RedemptionStatus, string> = { pending: '待领取', handed: '已领取', reversed: '已撤销' };

/** Points with their sign, e.g. "+39" or "-30". */
export const signedPoints = (n: number) => (n > 0 ? `+${n}` : String(n));
