/** Chinese labels for concern statuses, timeline events, roles and node kinds. */
import type { ActorRole, NodeKind, Role } from '../../core/model';

export { STATUS_TEXT } from '../../core/labels';
import { STATUS_TEXT } from '../../core/labels';

export function statusText(status: string): string {
  return (STATUS_TEXT as Record<string, string>)[status] ?? status;
}

/** NutUI Tag type per status, so the colour tells the state at a glance. */
export function statusTagType(status: string): 'default' | 'primary' | 'info' | 'success' | 'danger' | 'warning' {
  switch (status) {
    case 'resolved':
    case 'closed':
      return 'success';
    case 'withdrawn':
      return 'default';
    // Issue 16, item 8: by meaning. Waiting for someone to take it (派单, 签收) is amber, in hand is blue;
    // red is kept for what went wrong (超期, 未通过审核), never for a concern that is merely assigned.
    case 'dispatching':
    case 'assigned':
    case 'submitted':
      return 'warning';
    default:
      return 'info';
  }
}

export const EVENT_TEXT: Readonly<Record<string, string>> = {
  submitted: '居民提交',
  assigned: '系统分派',
  queued_for_dispatch: '进入派单队列',
  accepted: '签收',
  replied: '回复',
  resident_replied: '居民补充',
  resolved: '办结',
  rated: '居民评价',
  reopened: '不满意，重办',
  dispatched: '派单',
  transferred: '转派',
  returned: '退回派单队列',
  escalated: '上报',
  sla_escalated: '超期自动上报',
  sla_overdue: '超期提醒',
  // Volunteer actions (issue 20).
  action_started: '发起志愿行动',
  action_scheduled: '志愿行动已安排',
  action_reported: '志愿行动已完成',
  action_cancelled: '志愿行动已取消',
  withdrawn: '居民撤回',
  chased: '居民催办',
};

export function eventText(type: string): string {
  return EVENT_TEXT[type] ?? type;
}

export const ROLE_TEXT: Readonly<Record<ActorRole, string>> = {
  resident: '居民',
  staff: '网格员·社委',
  office: '镇职能办',
  admin: '管理员',
  leader: '志愿队长',
  system: '系统',
};

export function roleText(role: string): string {
  return (ROLE_TEXT as Record<string, string>)[role] ?? role;
}

export function isHandlerRole(role: Role): boolean {
  return role === 'staff' || role === 'office' || role === 'admin';
}

export const NODE_KIND_TEXT: Readonly<Record<NodeKind, string>> = {
  district: '区',
  town: '镇（街道）',
  village: '村（社区）',
  cooperative: '经济社',
  grid: '网格',
};
