/**
 * Chinese labels of the domain's enumerations, one definition each, for the mini program, exports and
 * timeline notes alike. Plain data: the mini program may import it at run time (.dependency-cruiser.cjs).
 */
import type { ConcernSource, ConcernStatus, Rating } from './model';

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

export const SOURCE_TEXT: Readonly<Record<ConcernSource, string>> = { app: '小程序', open311: 'Open311', '12345': '12345热线' };
