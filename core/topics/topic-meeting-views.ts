/** How a topic's 议事会 meetings read to a caller (core/topics/topic-views.ts TopicMeetingView). */
import { HELD_TEXT } from '../trust/content';
import type { Topic } from './topic-model';
import type { TopicMeetingView } from './topic-views';

/**
 * The meetings as the caller may see them: held or rejected minutes only to the committee (who wrote them)
 * and the moderators of the topic's town (`mayModerate`), the placeholder to everyone else.
 */
export function meetingViews(t: Topic, committeeOrModerator: boolean): TopicMeetingView[] {
  return (t.meetings ?? []).map((m) => {
    const visible = m.minutesModeration === 'published' || committeeOrModerator;
    return {
      id: m.id,
      date: m.date,
      // The place was checked with the minutes: held, it is no more shown than they are.
      place: visible ? m.place : '',
      minutes: visible ? m.minutes : HELD_TEXT,
      underReview: m.minutesModeration !== 'published' && visible,
      attendance: m.attendance,
      savedAt: m.savedAt,
      savedByName: m.savedByName,
    };
  });
}
