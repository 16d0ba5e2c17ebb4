/**
 * 街坊议事 (deliberation), after Decidim's proposals, supports, debates and results: a committee opens a
 * topic (议题) for its village or cooperative, or a resident proposes one that collects supports until the
 * committee must answer it; residents of the place comment and vote once each (changeable until the
 * deadline); at the deadline the counts are published, then the committee's decision and its reasons, and
 * the concerns the decision created stay linked to the topic.
 */
import type { Moderation } from '../model';

/**
 * Where a topic stands:
 * - `collecting`: a resident's proposal gathering supports;
 * - `awaiting_answer`: it has enough supports; the committee must accept or decline it by `answerDueAt`;
 * - `declined`: the committee declined it, with a reason;
 * - `open`: under discussion and, when it has options, open to vote until `deadline`;
 * - `closed`: the deadline passed and the counts are published; the committee's decision is awaited;
 * - `decided`: the decision and its reasons are published.
 */
export type TopicStage = 'collecting' | 'awaiting_answer' | 'declined' | 'open' | 'closed' | 'decided';

export const TOPIC_STAGES: readonly TopicStage[] = ['collecting', 'awaiting_answer', 'declined', 'open', 'closed', 'decided'];

export interface TopicOption {
  /** `o1`, `o2`, … in the order the committee gave them. */
  id: string;
  label: string;
}

export interface TopicAnswer {
  accepted: boolean;
  reason: string;
  at: string;
  byName: string;
  /** The content check's verdict on the reason. */
  moderation: Moderation;
}

/** The published result: frozen at the deadline; the decision is added by the committee afterwards. */
export interface TopicResult {
  /** How many people voted. */
  turnout: number;
  /** Votes per option id (every option present, 0 when nobody chose it). */
  counts: Record<string, number>;
  closedAt: string;
  decision: string | null;
  reasons: string | null;
  decidedAt: string | null;
  decidedByName: string | null;
  /** The content check's verdict on the decision and reasons; null before the decision. */
  decisionModeration: Moderation | null;
  /** Concerns the decision created (Decidim's accountability): residents see what became of each. */
  concernIds: string[];
}

export interface Topic {
  id: string;
  townId: string;
  /** The village or cooperative the topic belongs to; its residents (and those of its cooperatives) take part. */
  placeId: string;
  title: string;
  background: string;
  options: TopicOption[];
  origin: 'committee' | 'proposal';
  authorOpenid: string;
  authorName: string;
  /** The content check's verdict on the title and background together. */
  moderation: Moderation;
  stage: TopicStage;
  /** Supports a proposal needs before the committee must answer (the town's rule when it was proposed). */
  supportsNeeded: number;
  supportCount: number;
  answerDueAt: string | null;
  answer: TopicAnswer | null;
  /** Voting (when there are options) and discussion end here; null while a proposal waits. */
  deadline: string | null;
  result: TopicResult | null;
  createdAt: string;
  updatedAt: string;
  /** Bumped by every change: updates are conditional on the version read. */
  version: number;
  /** Only residents the committee verified (户籍/常住) may vote; absent on topics stored before it existed. */
  requireVerified?: boolean;
  /** 议事会: offline meetings attached to the topic, in the order they were added. */
  meetings?: TopicMeeting[];
  /**
   * Some text of the committee (its answer to the proposal, its decision and reasons, a meeting's minutes)
   * is held for review: the topic is in 内容审核 (kept by every change, core/topics/topic-committee-texts.ts).
   */
  committeeHeld?: boolean;
  /** Background photos (file ids of the author's uploads), checked like a concern's (core/concerns/photos.ts); absent means none. */
  photos?: string[];
}

/** A comment or a reply (one level: a reply's parent is a comment). */
export interface TopicComment {
  id: string;
  topicId: string;
  townId: string;
  parentId: string | null;
  authorOpenid: string;
  authorName: string;
  /** Written by a member of the committee that runs the topic: shown as 委员会答复. */
  official: boolean;
  text: string;
  moderation: Moderation;
  at: string;
}

/** The village or cooperative a resident said they live in (`me/setPlace`). */
export interface ResidentPlace {
  openid: string;
  placeId: string;
  townId: string;
  setAt: string;
  /** The committee's mark (户籍/常住) for this place; a new place starts unverified. Absent means null. */
  verified?: ResidentVerification | null;
  /** When the resident asked to be verified (me/requestVerification), until the committee answers. */
  verifyRequestedAt?: string | null;
}

/** 户籍 (registered here) or 常住 (lives here): what the committee vouches for. */
export type VerificationKind = 'huji' | 'changzhu';

export interface ResidentVerification {
  kind: VerificationKind;
  at: string;
  byName: string;
}

/** 议事会: an offline meeting on a topic, recorded by its committee. */
export interface TopicMeeting {
  /** `m1`, `m2`, … in the order they were added. */
  id: string;
  /** When it was (or will be) held. */
  date: string;
  place: string;
  /** 会议纪要; content-checked like every text. */
  minutes: string;
  minutesModeration: Moderation;
  attendance: number;
  savedAt: string;
  savedByName: string;
}

/** One person's vote on a topic. */
export interface TopicVote {
  topicId: string;
  openid: string;
  optionId: string;
  at: string;
}

/** What a vote did: the first vote of this person, a changed choice, or the same choice again. */
export type VoteOutcome = 'new' | 'changed' | 'same';

/** A resident may change their stated place once in this many days. */
export const PLACE_CHANGE_DAYS = 90;
/** Supports a proposal needs, unless the deployment sets another number for its towns. */
export const DEFAULT_SUPPORTS_NEEDED = 10;
/** Days the committee has to answer a proposal that reached its supports. */
export const ANSWER_DAYS = 14;

export const TOPIC_LIMITS = {
  titleMax: 60,
  backgroundMax: 2000,
  optionMax: 40,
  optionsMin: 2,
  optionsMax: 6,
  commentMax: 500,
  decisionMax: 500,
  reasonsMax: 1000,
  /** Longest voting period: a village matter, not a season. */
  daysMax: 90,
  /** Concerns one decision may create. */
  concernsMax: 5,
  /** Background photos of one topic. */
  photosMax: 6,
} as const;

export const MEETING_LIMITS = {
  placeMax: 60,
  minutesMax: 2000,
  attendanceMax: 100_000,
  /** Meetings one topic keeps. */
  perTopic: 20,
} as const;

/** The most supports a town may ask of a proposal (town/saveTopicSettings). */
export const SUPPORTS_NEEDED_MAX = 1000;
