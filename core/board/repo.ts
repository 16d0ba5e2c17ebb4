/**
 * Board repositories: the public board, town settings and 街坊议事 topics (re-exported by core/ports.ts).
 */
import type { Concern, Moderation } from '../model';
import type { ResidentPlace, ResidentVerification, Topic, TopicComment, TopicVote, VoteOutcome } from '../topics/topic-model';

/** Per-town settings kept by the town admin. */
export interface TownSettings {
  /** Resolved concerns shown on the public board (personal data removed), and open ones can get "+1". */
  publicBoard: boolean;
  /** Quick reply templates for staff, per category code. */
  replyTemplates: Record<string, string[]>;
}

/** Which open concerns count as "the same problem nearby". */
export interface SimilarQuery {
  townId: string;
  category: string;
  villageId: string | null;
  gridId: string | null;
  /** A box around the reported point (WGS-84); core filters by exact distance afterwards. */
  box: { minLat: number; maxLat: number; minLng: number; maxLng: number } | null;
  limit: number;
}

/** The public board: town settings, resolved concerns per village, open ones nearby, and "+1"s. */
export interface BoardRepo {
  settings(townId: string): Promise<TownSettings>;
  saveReplyTemplates(townId: string, templates: Record<string, string[]>): Promise<void>;
  /** Admin (issue 19): turns the town's public board on or off; its reply templates stay as they were. */
  setPublicBoard(townId: string, on: boolean): Promise<void>;
  /**
   * Every query of the board lists public concerns only (core/trust/content.ts isPublicConcern): a published
   * description, never a 举报 category. Held text never reaches a public surface.
   */
  /** Resolved or closed concerns of these towns (and this village, when given), most recently updated first. */
  listResolved(townIds: string[], villageId: string | null, limit: number): Promise<Concern[]>;
  /** Open concerns of the category in the town, in the village or grid or inside the box; newest first. */
  similarOpen(q: SimilarQuery): Promise<Concern[]>;
  /** Records one "+1" per person per concern; false when this person already did. Single insert. */
  plusOne(concernId: string, openid: string, at: string): Promise<boolean>;
  /** "+1" counts of these concerns, and whether this person gave one. */
  plusOnes(concernIds: string[], openid: string): Promise<Map<string, { count: number; mine: boolean }>>;
  /** Residents report on a map (#17): open public concerns of the town located inside the box (WGS-84), newest update first. */
  openInBox(townId: string, box: { minLat: number; maxLat: number; minLng: number; maxLng: number }, limit: number): Promise<Concern[]>;
  // Admin (issue 19): a town's working time, kept with its other settings.
  /** The town's working-time settings as stored; every field null when it keeps the deployment's defaults. */
  workSettings(townId: string): Promise<TownWorkSettings>;
  /** Replaces the town's working-time settings whole; its public board and reply templates stay as they were. */
  saveWorkSettings(townId: string, work: TownWorkSettings): Promise<void>;
  /** Every town that stored working-time settings (any field set), by town id. */
  listWorkSettings(): Promise<Array<{ townId: string; work: TownWorkSettings }>>;
}

/**
 * A town's working time (issue 19), each null while the town keeps the deployment's default: the working
 * day the SLA clocks count (minutes after Beijing midnight), the check-in margin of its volunteer events
 * and how long before an event its reminders go out.
 */
export interface TownWorkSettings {
  dayStartMinute: number | null;
  dayEndMinute: number | null;
  checkinMarginMinutes: number | null;
  reminderLeadMinutes: number | null;
}

/** The fields of a topic a change may set (core/topics/topic-service.ts); the id and version are the store's. */
export type TopicChange = Partial<Omit<Topic, 'id' | 'townId' | 'placeId' | 'createdAt' | 'version'>>;

/**
 * 街坊议事 (yishi, core/topics/topic-model.ts). Supports and votes are one record per person and topic, so their
 * counts are exact under any concurrency: they are counted from those records, never kept by increments.
 */
export interface TopicRepo {
  create(t: Topic): Promise<void>;
  get(id: string): Promise<Topic | null>;
  /** Topics of these places (none when empty), most recently updated first, at most `limit`. */
  listByPlaces(placeIds: string[], limit: number): Promise<Topic[]>;
  /**
   * ONE conditional update: applies `change` and bumps the version when the topic is still at `version`;
   * answers the topic as stored after it, or null when it changed since (or does not exist).
   */
  update(id: string, version: number, change: TopicChange): Promise<Topic | null>;
  /** Open topics whose deadline is at or before `at`, earliest deadline first, at most `limit`. */
  dueToClose(at: string, limit: number): Promise<Topic[]>;
  addComment(c: TopicComment): Promise<void>;
  /** A topic's comments and replies, oldest first. */
  comments(topicId: string): Promise<TopicComment[]>;
  /** Records one support per person and topic: false when this person supported it already. */
  support(topicId: string, openid: string, at: string): Promise<boolean>;
  /** How many people support the topic, and whether `openid` is one of them. */
  supports(topicId: string, openid: string): Promise<{ count: number; mine: boolean }>;
  /** One vote per person and topic: a first vote, a changed choice, or the same choice (nothing written). */
  vote(v: TopicVote): Promise<VoteOutcome>;
  /** The option `openid` chose, or null. */
  myVote(topicId: string, openid: string): Promise<string | null>;
  /** Votes per option id (options nobody chose are absent) and how many people voted. */
  tally(topicId: string): Promise<{ turnout: number; counts: Record<string, number> }>;
  getPlace(openid: string): Promise<ResidentPlace | null>;
  /** Stores (or replaces) a person's stated place. */
  setPlace(p: ResidentPlace): Promise<void>;
  /** The people who stated one of these places (none when empty), in openid order. */
  residentsOf(placeIds: string[]): Promise<string[]>;
  /**
   * A person's account is deleted (me/delete): their votes, supports, comments and topics move to
   * `tombstone` (counts stay as they were), their name is blanked on their comments and topics, and their
   * stated place is removed. Idempotent: a run cut short is simply repeated.
   */
  forget(openid: string, tombstone: string): Promise<void>;
  // Issue 21, second round: verified residents, the town's support number, a person's 议事 data.
  /** The stated places of these places' residents (none when empty), in openid order, at most `limit`. */
  listResidents(placeIds: string[], limit: number): Promise<ResidentPlace[]>;
  /**
   * ONE conditional update: sets (or, with null, clears) the committee's mark on the person's stated place
   * and clears their request, only while their stated place is still `placeId`. False when it is not.
   */
  setVerification(openid: string, placeId: string, verified: ResidentVerification | null): Promise<boolean>;
  /** ONE conditional update: records the person's request while their stated place is `placeId`. */
  requestVerification(openid: string, placeId: string, at: string): Promise<boolean>;
  /** The supports a proposal of this town needs, as its admin set it, or null. */
  townSupports(townId: string): Promise<number | null>;
  setTownSupports(townId: string, supportsNeeded: number, at: string): Promise<void>;
  /** What one person has in 议事 (me/export): the topics and comments they wrote, their votes and supports. */
  personData(openid: string): Promise<{ topics: Topic[]; comments: TopicComment[]; votes: TopicVote[]; supports: Array<{ topicId: string; at: string }> }>;
  // 内容审核 of 议事 texts (issue 21, second round).
  /** Topics whose title and background are held, in these towns (all when null), at most `limit`, in id order. */
  heldTopics(townIds: string[] | null, limit: number): Promise<Topic[]>;
  /** Comments held for review in these towns (all when null), at most `limit`, in id order. */
  heldComments(townIds: string[] | null, limit: number): Promise<TopicComment[]>;
  getComment(id: string): Promise<TopicComment | null>;
  /**
   * ONE conditional update of a comment's moderation from `from` to `to`, only in these towns (all when
   * null): false (nothing changed) when it is not at `from` there.
   */
  setCommentModeration(id: string, from: Moderation, to: Moderation, townIds: string[] | null): Promise<boolean>;
  /** Topics with a held text of their committee (`committeeHeld`) in these towns (all when null), at most `limit`, in id order. An indexed query. */
  heldCommittee(townIds: string[] | null, limit: number): Promise<Topic[]>;
}
