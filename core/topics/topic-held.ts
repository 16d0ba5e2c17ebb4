/** Whether a topic has a text of its committee waiting for a moderator (core/topics/topic-committee-texts.ts). */
import type { Topic } from './topic-model';

export function hasHeldCommitteeText(t: Pick<Topic, 'answer' | 'result' | 'meetings'>): boolean {
  return t.answer?.moderation === 'held' || t.result?.decisionModeration === 'held' || (t.meetings ?? []).some((m) => m.minutesModeration === 'held');
}
