/**
 * What moderators read: held user text (re-exported by core/views.ts).
 */
import type { ReportedItemKind, ReportReason } from './report-model';

/**
 * What a piece of held text is: a concern's description, a message of its thread, an event's texts, an
 * event's cancellation reason, a team application's note, a leader's reason for correcting hours, or a
 * photo attached to a concern or a message of its thread.
 */
export type HeldKind = 'concern' | 'message' | 'event' | 'cancelReason' | 'application' | 'hoursReason' | 'photo' | ReportedItemKind | 'topic' | 'topicComment' | 'topicAnswer' | 'topicDecision' | 'topicMinutes';

/** One piece of held user text as the moderator sees it, oldest first in `moderation/list`. */
export interface ModerationItem {
  kind: HeldKind;
  /** The id to pass to `moderation/decide` with this kind. */
  id: string;
  /** The held text; for an event its title, place and description, one per line; empty for a photo. */
  text: string;
  /** For a photo: a display URL the moderator opens (temporary in production). */
  photoUrl?: string;
  at: string;
  townId: string;
  /** What the text belongs to, so the moderator can open it. */
  subject: { kind: 'concern' | 'event' | 'team' | 'topic'; id: string };
  /** For a reported (举报) published text: how many people reported it, and their reasons. */
  reports?: { count: number; reasons: ReportReason[] };
}
