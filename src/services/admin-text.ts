/** Chinese labels of the town admin's pages: held content kinds, audited actions and their outcomes. */
import { REPORT_REASON_TEXT } from './report-text';
import type { ActionName } from '../../core/actions';
import type { HeldKind, ModerationItem } from '../../core/views';

export const HELD_KIND_TEXT: Readonly<Record<HeldKind, string>> = {
  hoursReason: '工时修改原因',
  photo: '照片',
  concern: '诉求内容',
  message: '诉求留言',
  event: '志愿活动',
  cancelReason: '活动取消原因',
  application: '入队申请留言',
  reportedConcern: '被举报的诉求内容',
  reportedMessage: '被举报的诉求留言',
  // WeChat review (issue 15): 举报 of volunteer event texts
  reportedEvent: '被举报的志愿活动',
  // 街坊议事 (issue 21)
  reportedTopicComment: '被举报的议题留言',
  topic: '议题内容',
  topicComment: '议题留言',
  topicAnswer: '委员会对提议的答复',
  topicDecision: '委员会决定及理由',
  topicMinutes: '议事会纪要',
};

export function heldKindText(kind: string): string {
  return (HELD_KIND_TEXT as Record<string, string>)[kind] ?? '其他内容';
}

/** How many people reported a text (举报), and why, e.g. `2 人举报：内容不实、泄露他人隐私`. */
export function reportsText(reports: NonNullable<ModerationItem['reports']>): string {
  return `${reports.count} 人举报：${reports.reasons.map((r) => REPORT_REASON_TEXT[r]).join('、')}`;
}

/** The page that shows what a held text belongs to, and how the link to it reads. */
export function subjectLink(subject: ModerationItem['subject']): { url: string; label: string } {
  const id = encodeURIComponent(subject.id);
  switch (subject.kind) {
    case 'concern':
      return { url: `/pages/concern/index?id=${id}`, label: '查看所属诉求' };
    case 'event':
      return { url: `/volunteer/pages/event/index?id=${id}`, label: '查看所属活动' };
    case 'team':
      return { url: `/volunteer/pages/team/index?id=${id}`, label: '查看所属队伍' };
    case 'topic':
      return { url: `/yishi/pages/topic/index?id=${id}`, label: '查看所属议题' };
  }
}

/**
 * Short names of the actions the audit log records: every write (and export) made by staff or an admin.
 * An action missing here shows under its raw name; a test keeps this table complete.
 */
export const AUDIT_ACTION_TEXT: Readonly<Partial<Record<ActionName, string>>> = {
  'me/delete': '注销账号',
  'grid/importBoundaries': '导入网格边界',
  'roster/import': '导入人员名册',
  'concern/submit': '提交诉求',
  'concern/accept': '签收诉求',
  'concern/reply': '回复诉求',
  'concern/resolve': '办结诉求',
  'concern/rate': '评价诉求',
  'concern/dispatch': '派单',
  'concern/transfer': '转派',
  'concern/return': '退回派单队列',
  'concern/escalate': '上报',
  'concern/plusOne': '我也遇到了（+1）',
  'concern/importHotline': '导入12345工单',
  'message/markRead': '消息标为已读',
  'feedback/submit': '提交意见反馈',
  'moderation/decide': '内容审核',
  'moderation/report': '举报内容',
  'town/setReplyTemplates': '设置常用回复',
  'team/apply': '申请入队',
  'team/review': '审核入队申请',
  'team/leave': '退出队伍',
  'team/setPartyMember': '设置党员身份',
  'event/create': '发布志愿活动',
  'event/signup': '活动报名',
  'event/cancel': '取消报名',
  'event/cancelEvent': '取消志愿活动',
  'event/scan': '扫码签到',
  'event/scanPerson': '扫志愿码签到',
  'event/confirmHours': '确认工时',
  'export/concerns': '导出诉求',
  'export/rates': '导出办理统计',
  'calendar/save': '录入节假日安排',
  // 街坊议事 (yishi)
  'me/setPlace': '设置居住地',
  'topic/create': '发起议题',
  'topic/propose': '提出议事提议',
  'topic/support': '支持提议',
  'topic/vote': '议题投票',
  'topic/comment': '议题留言',
  'topic/decide': '公布议事决定',
  'topic/answerProposal': '答复议事提议',
  // Volunteer actions and points (issue 20).
  'concern/startAction': '发起志愿行动',
  'event/recordResult': '填写志愿行动结果',
  'concern/resolveFromAction': '据志愿行动办结',
  'reward/save': '保存兑换物品',
  'reward/redeem': '兑换积分物品',
  'reward/handOver': '核销兑换码',
  'reward/reverse': '撤销兑换',
  'village/savePointsSettings': '设置积分制',
  // Issue 16 (staff daily use).
  'event/markAttendance': '代为签到签退',
  'me/setContact': '填写联系方式',
  // Admin (issue 19).
  'roster/save': '添加或修改人员',
  'roster/remove': '移除人员',
  'category/save': '修改诉求类别',
  'town/saveSettings': '修改镇街设置',
  'team/create': '新建志愿队',
  'team/saveLeaders': '任命队长',
  // Residents following up (#17).
  'concern/withdraw': '撤回诉求',
  'concern/chase': '催办诉求',
  // Admin (issue 19): Open311 clients.
  'apiClient/create': '新建开放接口客户端',
  'apiClient/revoke': '吊销开放接口客户端',
  // 街坊议事, issue 21 second round.
  'resident/verify': '认证议事居民',
  'me/requestVerification': '申请议事居民认证',
  'topic/saveMeeting': '记录议事会',
  'town/saveTopicSettings': '修改提议所需支持数',
  // Admin (issue 19): the grid editor and the district's towns.
  'node/save': '编辑网格节点',
  'node/retire': '撤销网格节点',
  'town/save': '编辑镇街',
  'town/saveAdmins': '任免镇街管理员',
  // Admin (issue 19): archiving a volunteer team.
  'team/archive': '撤销志愿队',
  // Issue 20, item 3 (h20b).
  'event/flagPlace': '志愿服务队反映需要整治',
};

export function auditActionText(action: string): string {
  return (AUDIT_ACTION_TEXT as Record<string, string | undefined>)[action] ?? action;
}

/** `ok`, or the error code of a refused attempt. */
export function auditOutcomeText(outcome: string): string {
  if (outcome === 'ok') return '成功';
  if (outcome === 'AUTH.FORBIDDEN' || outcome.endsWith('.NOT_FOUND')) return `被拒绝（${outcome}）`;
  return `未成功（${outcome}）`;
}
