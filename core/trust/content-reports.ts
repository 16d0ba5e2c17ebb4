/**
 * 举报 (report this content): a person who can see a published text — a concern's description on the
 * public board or in its own page, a message of a thread they take part in — reports it for the town's
 * moderators, with a reason from a fixed list. The report hides nothing: the text stays as it is until a
 * moderator keeps it (保留, `publish`) or takes it down (下架, `reject`: the text becomes `rejected`, kept
 * for its author, the concern's handlers and the moderators). Reports of one item are decided together.
 */
import { canView } from '../concerns/access';
import { onPublicBoard } from '../board/board-service';
import type { ConcernCtx as Ctx } from '../concerns/concern-ctx';
import { AppError } from '../errors';
import { reportedEventText, reportEvent, takeDownEvent } from './event-reports';
import type { Concern, ConcernMessage, Moderation } from '../model';
import type { ContentReport, ReportedItemKind, ReportedKind, ReportOutcome, ReportReason } from './report-model';
import type { ParsedInputOf } from '../schemas';
import { fileReport } from '../concerns/report-filing';
import { tellAuthorOfTakedown } from './takedown-notice';
import type { ModerationItem } from '../views';
import { reportTopicComment, takeDownTopicComment } from '../topics/topic-moderation';
import { EVENT_PAGE } from '../volunteers/volunteer-common';

export async function report(ctx: Ctx, input: ParsedInputOf<'moderation/report'>): Promise<{ status: ReportOutcome }> {
  if ('eventId' in input) return reportEvent(ctx, input.eventId, input.reason);
  if ('topicCommentId' in input) return reportTopicComment(ctx, input.topicCommentId, input.reason);
  const { store } = ctx.deps;
  const snap = await ctx.directory.current();
  const c = await store.concerns.get(input.concernId);
  if (input.messageId !== undefined && input.finalReply) throw new AppError('VALIDATION.FAILED', 'a message or the final reply, not both', [{ path: 'finalReply', message: 'with messageId' }]);
  const kind: ReportedKind = input.messageId === undefined && !input.finalReply ? 'concern' : 'message';
  // A thread is private to those who take part in it; a description and the final reply (办理答复) are
  // also on the board, and may be reported from there.
  const boardText = kind === 'concern' || input.finalReply === true;
  const sees = c !== null && (canView(snap.grid, ctx.caller, c) || (boardText && (await onPublicBoard(ctx, c))));
  if (!c || !sees) throw new AppError('CONCERN.NOT_FOUND', `no concern ${input.concernId} for this caller`);
  let moderation: Moderation = c.moderation;
  let messageId = input.messageId;
  if (kind === 'message') {
    const thread = await store.concerns.thread(c.id);
    const m = input.finalReply ? finalReplyOf(c, thread) : thread.find((x) => x.id === input.messageId);
    if (!m) throw new AppError('CONCERN.NOT_FOUND', input.finalReply ? `no final reply in concern ${c.id}` : `no message ${input.messageId} in concern ${c.id}`);
    moderation = m.moderation;
    messageId = m.id;
  }
  if (moderation !== 'published') return { status: 'under_review' };
  return fileReport(ctx.deps, ctx.caller.openid, { kind, itemId: messageId ?? c.id, concernId: c.id, townId: c.route.townId, reason: input.reason });
}

/** How many open reports a decision reads to find the item's (the 内容审核 list reads as many). */
const OPEN_READ = 1000;

/**
 * The board card's final reply (办理答复): the last published message of the thread not written by the
 * reporter — the rule of `latestReplies` on both stores, which fills the card. A held or rejected reply is
 * never it, so a takedown moves the card to the reply before (or none).
 */
export function finalReplyOf(c: Pick<Concern, 'reporterOpenid'>, thread: readonly ConcernMessage[]): ConcernMessage | undefined {
  return [...thread].reverse().find((m) => m.authorOpenid !== c.reporterOpenid && m.moderation === 'published');
}

const ITEM_KIND: Readonly<Record<ReportedKind, ReportedItemKind>> = { concern: 'reportedConcern', message: 'reportedMessage', event: 'reportedEvent', topicComment: 'reportedTopicComment' };
const REPORTED_KIND: Readonly<Record<ReportedItemKind, ReportedKind>> = { reportedConcern: 'concern', reportedMessage: 'message', reportedEvent: 'event', reportedTopicComment: 'topicComment' };

/**
 * The reported texts of these towns (all when null) for 内容审核, one item per text with how many reported
 * it and why, dated by its first open report. The text is read as it is now.
 */
export async function reportedItems(ctx: Ctx, towns: string[] | null, limit: number): Promise<ModerationItem[]> {
  const { store } = ctx.deps;
  const groups = new Map<string, ContentReport[]>();
  for (const r of await store.contentReports.open(towns, Math.min(limit * 10, OPEN_READ))) {
    const key = `${r.kind}:${r.itemId}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const items: ModerationItem[] = [];
  for (const reports of groups.values()) {
    const [first] = reports;
    const text =
      first.kind === 'event'
        ? await reportedEventText(ctx, first.itemId)
        : first.kind === 'topicComment'
          ? (await store.topics.getComment(first.itemId))?.text
        : first.kind === 'concern'
          ? (await store.concerns.get(first.concernId))?.description
          : (await store.concerns.thread(first.concernId)).find((m) => m.id === first.itemId)?.text;
    const reasons = [...new Set(reports.map((r) => r.reason))] as ReportReason[];
    items.push({
      kind: ITEM_KIND[first.kind],
      id: first.itemId,
      text: text ?? '',
      at: first.at,
      townId: first.townId,
      subject: { kind: first.kind === 'event' ? 'event' : first.kind === 'topicComment' ? 'topic' : 'concern', id: first.concernId },
      reports: { count: reports.length, reasons },
    });
    if (items.length >= limit) break;
  }
  return items;
}

/**
 * A moderator's decision on a reported text: `reject` takes it down first (published → rejected, in the
 * moderator's towns), then the item's open reports close; a run cut between the two leaves the reports
 * open, and deciding again closes them. Only a text with an open report in these towns is decided: false
 * (nothing changed) otherwise.
 */
export async function decideReported(ctx: Ctx, itemKind: ReportedItemKind, id: string, decision: 'publish' | 'reject', towns: string[] | null): Promise<boolean> {
  const { store } = ctx.deps;
  const kind = REPORTED_KIND[itemKind];
  if (!(await store.contentReports.isOpen(kind, id, towns))) return false;
  if (decision === 'reject') {
    // The author is told before the reports close, so a run cut in between tells them when decided again.
    const reports = (await store.contentReports.open(towns, OPEN_READ)).filter((r) => r.kind === kind && r.itemId === id);
    const reasons = reports.map((r) => r.reason);
    if (kind === 'event') {
      await takeDownEvent(ctx, id, reasons, EVENT_PAGE(id));
    } else if (kind === 'topicComment') {
      await takeDownTopicComment(ctx, id, reasons, towns);
    } else {
      await store.concerns.decideModeration(kind, id, 'rejected', towns, 'published');
      if (reports.length > 0) await tellAuthorOfTakedown(ctx, kind, id, reports[0].concernId, reasons);
    }
  }
  return (await store.contentReports.close(kind, id, decision === 'reject' ? 'removed' : 'kept', ctx.deps.now().toISOString(), towns)) > 0;
}
