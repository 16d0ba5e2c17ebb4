/**
 * Chinese labels of the domain's enumerations, one definition each, for the mini program, exports and
 * timeline notes alike. Plain data: the mini program may import it at run time (.dependency-cruiser.cjs).
 */
import type { ConcernSource, ConcernStatus, Rating } from './model';
import type { ReportReason } from './trust/report-model';

export const STATUS_TEXT: Readonly<Record<ConcernStatus, string>> = {
  submitted: '已提交',
  dispatching: '待派单',
  assigned: '已分派',
  accepted: '已签收',
  in_progress: '办理中',
  resolved: '已办结',
  closed: '已关闭',
  withdrawn: '已撤回',
};

export const RATING_TEXT: Readonly<Record<Rating, string>> = { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' };

export const SOURCE_TEXT: Readonly<Record<ConcernSource, string>> = { app: '小程序', open311: 'Open311', '12345': '12345热线', team: '志愿服务队发现' };

/** Each reason in Chinese, as the 举报 sheet lists it and the author's takedown notice names it. */
export const REPORT_REASON_TEXT: Readonly<Record<ReportReason, string>> = {
  ad: '广告或引流',
  abuse: '辱骂或人身攻击',
  privacy: '泄露他人隐私',
  false: '内容不实',
  illegal: '违法违规',
  other: '其他问题',
};
// 街坊议事 (yishi): the topic forms' limits, plain data the mini program takes at run time.
export { MEETING_LIMITS, SUPPORTS_NEEDED_MAX, TOPIC_LIMITS } from './topics/topic-model';
