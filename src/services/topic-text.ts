/** Chinese names of 街坊议事 stages and the deadlines a committee picks from. */
import type { TopicStage, VerificationKind } from '../../core/topics/topic-model';
import type { ActionStatus } from '../../core/volunteers/action-model';

export const STAGE_TEXT: Readonly<Record<TopicStage, string>> = {
  collecting: '征集支持',
  awaiting_answer: '待委员会答复',
  declined: '未采纳',
  open: '议事中',
  closed: '已截止，待决定',
  decided: '已决定',
};

export function stageTagType(stage: TopicStage): 'primary' | 'warning' | 'success' | 'default' {
  if (stage === 'open') return 'primary';
  if (stage === 'awaiting_answer' || stage === 'closed') return 'warning';
  if (stage === 'decided') return 'success';
  return 'default';
}

/** Voting periods a committee picks from, in days. */
export const PERIOD_DAYS = [3, 7, 14, 30] as const;

export function deadlineIn(days: number, from: Date = new Date()): string {
  return new Date(from.getTime() + days * 86_400_000).toISOString();
}

/** 户籍 / 常住: what the committee vouched for (resident/verify). */
export const VERIFIED_TEXT: Readonly<Record<VerificationKind, string>> = { huji: '户籍居民', changzhu: '常住居民' };

/** How far a decision's volunteer action got, as residents read it on the topic (the team, never a volunteer). */
export const ACTION_STEP_TEXT: Readonly<Record<ActionStatus, string>> = {
  draft: '志愿服务队正在安排时间',
  scheduled: '已安排志愿活动',
  reported: '志愿服务队已完成，等待办结',
  resolved: '已落实办结',
  cancelled: '志愿行动已取消，由村（社）继续办理',
};
