/**
 * The committee's own texts on a topic in 内容审核 (issue 21, third round): its answer to a proposal, its
 * decision with the reasons, and each 议事会's minutes pass the content check like every text. A held one
 * is read by the committee and the moderators of the topic's town only (core/topics/topic-service.ts detail,
 * core/topics/topic-meeting-views.ts), never in a notice; the topic carries `committeeHeld` while any is held so
 * the moderators find it on an index, and they publish or reject each text.
 */
import type { ConcernCtx as Ctx } from '../concerns/concern-ctx';
import type { Moderation } from '../model';
import { change, noticeDecided } from './topic-service';
import type { ModerationItem } from '../views';

export type CommitteeTextKind = 'topicAnswer' | 'topicDecision' | 'topicMinutes';

/** A meeting's item id: the topic's id and the meeting's (`m1`, …), as `${topicId}_${meetingId}`. */
const minutesId = (topicId: string, meetingId: string) => `${topicId}_${meetingId}`;

function splitMinutesId(id: string): { topicId: string; meetingId: string } | null {
  const at = id.lastIndexOf('_');
  return at <= 0 ? null : { topicId: id.slice(0, at), meetingId: id.slice(at + 1) };
}

/** The held committee texts of these towns (all when null), one item per text. */
export async function heldCommitteeItems(ctx: Ctx, towns: string[] | null, limit: number): Promise<ModerationItem[]> {
  const items: ModerationItem[] = [];
  for (const t of await ctx.deps.store.topics.heldCommittee(towns, limit)) {
    const subject = { kind: 'topic' as const, id: t.id };
    if (t.answer?.moderation === 'held') items.push({ kind: 'topicAnswer', id: t.id, text: t.answer.reason, at: t.answer.at, townId: t.townId, subject });
    const r = t.result;
    if (r?.decisionModeration === 'held') items.push({ kind: 'topicDecision', id: t.id, text: [r.decision ?? '', r.reasons ?? ''].join('\n'), at: r.decidedAt ?? r.closedAt, townId: t.townId, subject });
    for (const m of t.meetings ?? []) {
      if (m.minutesModeration === 'held') items.push({ kind: 'topicMinutes', id: minutesId(t.id, m.id), text: [m.place, m.minutes].join('\n'), at: m.savedAt, townId: t.townId, subject });
    }
  }
  return items;
}

/**
 * A moderator publishes or rejects one held committee text of their towns, at the version read (a topic
 * changed meanwhile answers TOPIC.CONFLICT: reload and decide again); false when it is not held there.
 */
export async function decideCommitteeText(ctx: Ctx, kind: CommitteeTextKind, id: string, to: Moderation, towns: string[] | null): Promise<boolean> {
  const ref = kind === 'topicMinutes' ? splitMinutesId(id) : { topicId: id, meetingId: '' };
  if (!ref) return false;
  const t = await ctx.deps.store.topics.get(ref.topicId);
  if (!t || (towns !== null && !towns.includes(t.townId))) return false;
  if (kind === 'topicAnswer') {
    if (!t.answer || t.answer.moderation !== 'held') return false;
    await change(ctx.deps, t, { answer: { ...t.answer, moderation: to } });
    return true;
  }
  if (kind === 'topicDecision') {
    if (!t.result || t.result.decisionModeration !== 'held') return false;
    const updated = await change(ctx.deps, t, { result: { ...t.result, decisionModeration: to } });
    // The residents hear of the decision once it may be read.
    if (to === 'published' && updated.stage === 'decided') await noticeDecided(ctx.deps, await ctx.directory.current(), updated);
    return true;
  }
  const meetings = t.meetings ?? [];
  if (!meetings.some((m) => m.id === ref.meetingId && m.minutesModeration === 'held')) return false;
  await change(ctx.deps, t, { meetings: meetings.map((m) => (m.id === ref.meetingId ? { ...m, minutesModeration: to } : m)) });
  return true;
}

export function isCommitteeTextKind(kind: string): kind is CommitteeTextKind {
  return kind === 'topicAnswer' || kind === 'topicDecision' || kind === 'topicMinutes';
}
