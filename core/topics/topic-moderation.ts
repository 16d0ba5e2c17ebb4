/**
 * 街坊议事 texts in 内容审核 (issue 21, second round): the moderators of a topic's town list the topics and
 * comments the content check held and publish or reject each; anyone who sees a published comment can 举报
 * it (the content_reports flow of concerns and events), and a moderator keeps it or takes it down (the
 * comment becomes `rejected`: kept, shown to its author and the moderators only). The held-text rule itself
 * is core/trust/content.ts shownText, with the topic's town.
 */
import type { ConcernCtx as Ctx } from '../concerns/concern-ctx';
import { AppError } from '../errors';
import type { Moderation } from '../model';
import type { ReportOutcome, ReportReason } from '../trust/report-model';
import { fileReport, reasonsClause } from '../concerns/report-filing';
import { takedownNoticeId } from '../trust/takedown-notice';
import { change, noticeOpened } from './topic-service';
import { TOPIC_PAGE, visibleTopic } from './topic-access';
import type { ModerationItem } from '../views';

export async function reportTopicComment(ctx: Ctx, commentId: string, reason: ReportReason): Promise<{ status: ReportOutcome }> {
  const { topics } = ctx.deps.store;
  const c = await topics.getComment(commentId);
  const snap = await ctx.directory.current();
  // Whoever may not see the topic learns nothing of the comment (visibleTopic answers TOPIC.NOT_FOUND).
  if (!c) throw new AppError('TOPIC.COMMENT_NOT_FOUND', `no comment ${commentId}`);
  await visibleTopic(ctx, snap, c.topicId);
  if (c.moderation !== 'published') {
    if (c.authorOpenid !== ctx.caller.openid && c.moderation === 'rejected') throw new AppError('TOPIC.COMMENT_NOT_FOUND', `no comment ${commentId}`);
    return { status: 'under_review' };
  }
  return fileReport(ctx.deps, ctx.caller.openid, { kind: 'topicComment', itemId: c.id, concernId: c.topicId, townId: c.townId, reason });
}

/** 下架 of a reported comment: published → rejected in the moderator's towns, then its author is told once. */
export async function takeDownTopicComment(ctx: Ctx, commentId: string, reasons: readonly ReportReason[], towns: string[] | null): Promise<void> {
  const { store } = ctx.deps;
  await store.topics.setCommentModeration(commentId, 'published', 'rejected', towns);
  const c = await store.topics.getComment(commentId);
  if (!c || c.moderation !== 'rejected') return;
  const why = reasonsClause(reasons);
  await store.messages.deliver({
    id: takedownNoticeId('topicComment', commentId),
    recipientOpenid: c.authorOpenid,
    kind: 'content_removed',
    title: '内容已被下架',
    body: `您在议题中的一条留言经管理员核实后已下架${why}。这段内容不再向其他人展示，您和管理员仍能看到；如需补充，请重新发表不含上述问题的留言。`,
    page: TOPIC_PAGE(c.topicId),
    createdAt: ctx.deps.now().toISOString(),
    readAt: null,
  });
}

/** Held topic texts (title and background) and comments of these towns (all when null), for 内容审核. */
export async function heldTopicItems(ctx: Ctx, towns: string[] | null, limit: number): Promise<ModerationItem[]> {
  const { topics } = ctx.deps.store;
  const [held, comments] = await Promise.all([topics.heldTopics(towns, limit), topics.heldComments(towns, limit)]);
  return [
    ...held.map((t): ModerationItem => ({ kind: 'topic', id: t.id, text: [t.title, t.background].filter((x) => x.length > 0).join('\n'), at: t.createdAt, townId: t.townId, subject: { kind: 'topic', id: t.id } })),
    ...comments.map((c): ModerationItem => ({ kind: 'topicComment', id: c.id, text: c.text, at: c.at, townId: c.townId, subject: { kind: 'topic', id: c.topicId } })),
  ];
}

/** A moderator publishes or rejects a held topic or comment of their towns; false when it is not held there. */
export async function decideHeldTopicText(ctx: Ctx, kind: 'topic' | 'topicComment', id: string, to: Moderation, towns: string[] | null): Promise<boolean> {
  const { topics } = ctx.deps.store;
  if (kind === 'topicComment') return topics.setCommentModeration(id, 'held', to, towns);
  const t = await topics.get(id);
  if (!t || t.moderation !== 'held' || (towns !== null && !towns.includes(t.townId))) return false;
  // At the version read: a topic changed meanwhile is reloaded by the moderator (TOPIC.CONFLICT).
  const updated = await change(ctx.deps, t, { moderation: to });
  // A committee's topic held at its opening is announced now that residents can read it.
  if (to === 'published' && updated.stage === 'open') await noticeOpened(ctx.deps, await ctx.directory.current(), updated);
  return true;
}
