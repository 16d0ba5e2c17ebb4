/** What the 街坊议事 actions answer (core/topics/topic-service.ts). */
import type { ActionStatus } from '../volunteers/action-model';
import type { ConcernStatus } from '../model';
import type { TopicOption, TopicResult, TopicStage, VerificationKind } from './topic-model';

/** The caller's stated place (me/setPlace), with when it may next change. */
export interface PlaceView {
  placeId: string;
  placeName: string;
  setAt: string;
  changeableFrom: string;
  /** The committee's mark (户籍/常住) on this place, or null. */
  verified: VerificationKind | null;
  /** When the resident asked to be verified, while the committee has not answered. */
  verifyRequestedAt: string | null;
}

export interface TopicSummary {
  id: string;
  title: string;
  placeId: string;
  placeName: string;
  townId: string;
  stage: TopicStage;
  origin: 'committee' | 'proposal';
  deadline: string | null;
  supportCount: number;
  supportsNeeded: number;
  /** A proposal whose committee did not answer in time. */
  answerOverdue: boolean;
  hasVote: boolean;
  updatedAt: string;
}

export interface TopicCommentView {
  id: string;
  parentId: string | null;
  authorName: string;
  /** 委员会答复: written by the committee that runs the topic. */
  official: boolean;
  text: string;
  /** Held or rejected text, shown to its author and the moderators only (marked 待审核). */
  underReview: boolean;
  mine: boolean;
  at: string;
}

export interface TopicConcernLink {
  id: string;
  status: ConcernStatus | null;
  /** The concern's category name, for the follow-through list. */
  categoryName: string | null;
  /** The volunteer action that took the concern on (the team, never a volunteer), or null. */
  action: { status: ActionStatus; teamName: string } | null;
}

export interface TopicDetail extends TopicSummary {
  background: string;
  /** The title and background are held for review: only the author and the moderators see this topic. */
  underReview: boolean;
  options: Array<TopicOption & { count: number | null }>;
  myVote: string | null;
  mySupport: boolean;
  /** Why the caller may not vote or comment (an error code), or null when they may. */
  takePart: string | null;
  /** The caller runs this topic (its committee or 街坊会 leader). */
  canManage: boolean;
  answerDueAt: string | null;
  answer: { accepted: boolean; reason: string; at: string; byName: string } | null;
  /** The published result, with the linked concerns as residents see them. */
  result: (Omit<TopicResult, 'concernIds' | 'decisionModeration'> & { concerns: TopicConcernLink[] }) | null;
  comments: TopicCommentView[];
  authorName: string;
  createdAt: string;
  /** Only verified residents (户籍/常住) vote on this topic. */
  requireVerified: boolean;
  /** The caller may take part but not vote until their committee verifies them: the page says how. */
  mustVerify: boolean;
  /** 议事会 meetings, oldest added first. */
  meetings: TopicMeetingView[];
  /** When the caller asked their committee to verify them, while unanswered. */
  verifyRequestedAt: string | null;
  /** For the committee deciding a closed topic: the place's volunteer teams a decision may hand a concern to. */
  teams: Array<{ id: string; name: string }>;
  /** Display URLs of the background photos the caller may see (a held or rejected one: its author and the admins only). */
  photos: string[];
}

export interface TopicMeetingView {
  id: string;
  date: string;
  place: string;
  /** Held minutes read as the placeholder to all but the committee and the moderators. */
  minutes: string;
  underReview: boolean;
  attendance: number;
  savedAt: string;
  savedByName: string;
}

/** One resident on a committee's roster (resident/list). */
export interface ResidentRow {
  openid: string;
  name: string;
  placeId: string;
  placeName: string;
  setAt: string;
  verified: VerificationKind | null;
  verifiedAt: string | null;
  verifiedByName: string | null;
  verifyRequestedAt: string | null;
}
