import type { ConcernDetail } from '../../core/views';
import { routedCommittee } from './format';

/** The route changes after which the concern leaves the mover's hands (or queue). */
export type RouteMove = 'dispatch' | 'transfer' | 'escalate' | 'return';

export const ROUTE_MOVES: readonly RouteMove[] = ['dispatch', 'transfer', 'escalate', 'return'];

export const WORKBENCH_URL = '/staff/pages/inbox/index';

/** What the workbench tells the mover, naming where the concern went, e.g. `已转派至新安第一经济社 · 新安第一网格`. */
export function movedText(move: RouteMove, moved: Pick<ConcernDetail, 'route'>): string {
  const to = routedCommittee(moved.route);
  switch (move) {
    case 'dispatch':
      return `已派单至${to}`;
    case 'transfer':
      return `已转派至${to}`;
    case 'escalate':
      return `已上报至${to}`;
    case 'return':
      return `已退回${moved.route.townName}派单队列`;
  }
}
