/**
 * The author of a text a moderator takes down (下架 of a reported text, issue 15) is told in 消息: which
 * of their texts, why (the reasons people gave), that it stays visible to them, the concern's handlers
 * and the moderators, and what to do. The message carries neither the text nor who reported it. In-app
 * only (no subscribe message: WeChat's templates have no field for it). Its id is derived from the
 * item, so deciding again after an interrupted run tells the author once.
 */
import type { ConcernCtx as Ctx } from '../concerns/concern-ctx';
import { RESIDENT_PAGE, STAFF_PAGE } from '../concerns/notices';
import { reasonsClause } from '../concerns/report-filing';
import type { ReportedKind, ReportReason } from './report-model';
import { tidyPunctuation } from '../concerns/notice-text';

export const takedownNoticeId = (kind: ReportedKind, itemId: string) => `takedown-${kind}-${itemId}`;

export async function tellAuthorOfTakedown(ctx: Ctx, kind: ReportedKind, itemId: string, concernId: string, reasons: readonly ReportReason[]): Promise<void> {
  const { store } = ctx.deps;
  const c = await store.concerns.get(concernId);
  if (!c) return;
  const m = kind === 'message' ? (await store.concerns.thread(c.id)).find((x) => x.id === itemId) : undefined;
  if (kind === 'message' && !m) return;
  const author = m ? m.authorOpenid : c.reporterOpenid;
  const what = m ? '在诉求中的一条留言' : '提交的诉求描述';
  const why = reasonsClause(reasons);
  await store.messages.deliver({
    id: takedownNoticeId(kind, itemId),
    recipientOpenid: author,
    kind: 'content_removed',
    title: '内容已被下架',
    body: tidyPunctuation(`您${what}经管理员核实后已下架${why}。这段内容不再向其他人展示，您、办理人员和管理员仍能看到；如需补充，请重新发表不含上述问题的内容。`),
    page: m && m.authorRole !== 'resident' ? STAFF_PAGE(c.id) : RESIDENT_PAGE(c.id),
    createdAt: ctx.deps.now().toISOString(),
    readAt: null,
  });
}
