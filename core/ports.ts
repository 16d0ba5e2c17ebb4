/**
 * Repository interfaces, named after domain operations. Adapters implement them over SQLite
 * (locally and in tests) and over CloudBase (production); core never sees which.
 */
import type { OutboxItem } from './model';
import type { RateLimits } from './policy';
import type { BoardRepo, TopicRepo } from './board/repo';
import type { AuditRepo, ConcernRepo, MessageRepo, OutboxRepo } from './concerns/repo';
import type { DirectoryRepo } from './directory/repo';
import type { ContactRepo, FeedbackRepo, PrivacyRepo } from './trust/people-repo';
import type { ContentCheck, ContentReportRepo, ImageCheck, PhotoCheckRepo, PhotoStorage } from './trust/repo';
import type { ActionRepo, EventRepo, PointsRepo, TeamRepo } from './volunteers/repo';
import type { SlaConfig } from './concerns/sla';
import type { SubscribeTemplateIds } from './views';
import type { VolunteerSettings } from './volunteers/volunteer-model';

export * from './directory/repo';
export * from './concerns/repo';
export * from './volunteers/repo';
export * from './trust/people-repo';
export * from './board/repo';
export * from './trust/repo';

export interface Store {
  directory: DirectoryRepo;
  concerns: ConcernRepo;
  outbox: OutboxRepo;
  messages: MessageRepo;
  audit: AuditRepo;
  teams: TeamRepo;
  events: EventRepo;
  privacy: PrivacyRepo;
  feedback: FeedbackRepo;
  photoChecks: PhotoCheckRepo;
  /** 举报: people's reports of published text, for the moderators. */
  contentReports: ContentReportRepo;
  /** The public board and town settings. */
  board: BoardRepo;
  /** 街坊议事 (yishi): topics, their comments, supports and votes, and residents' stated places. */
  topics: TopicRepo;
  /** Volunteer actions (志愿行动) that take on concerns (issue 20). */
  actions: ActionRepo;
  /** Points, rewards and redemptions (积分制, issue 20). */
  points: PointsRepo;
  // Issue 16 (staff daily use): how a resident can be reached.
  /** 联系方式: the phone a resident chose to leave on 我的, and whether they were asked. */
  contacts: ContactRepo;
  close(): Promise<void>;
}

/**
 * Counts a caller's uses of a budget within a window. `take` records one use and returns false when
 * the budget was already spent; it must be atomic per key.
 */
export interface RateLimiter {
  take(key: string, limit: number, windowSeconds: number, now: Date): Promise<boolean>;
  /** True when the budget is used up at `now`, recording nothing (e.g. "too many wrong keys from this address"). */
  spent(key: string, limit: number, windowSeconds: number, now: Date): Promise<boolean>;
}

/** Delivers one notification over one channel; throws to have the outbox retry it. */
export interface NotificationSender {
  send(item: OutboxItem): Promise<void>;
}

/** Everything core needs from the outside world, wired by one composition root per runtime. */
export interface Deps {
  store: Store;
  now: () => Date;
  newId: (prefix: string) => string;
  /** A keyed digest of `message` (HMAC-SHA256 with the deployment's server secret, hex): signs short-lived codes. */
  digest: (message: string) => string;
  rateLimiter: RateLimiter;
  rateLimits: RateLimits;
  /** Checks user text before others see it (WeChat msgSecCheck in production, a word list locally). */
  contentCheck: ContentCheck;
  /**
   * SLA policies and the working window; DEFAULT_SLA (core/concerns/sla.ts) when absent. The holiday lists are
   * not taken from here: concerns are clocked with the calendar stored in the directory.
   */
  sla?: SlaConfig;
  /** Volunteer module settings; defaults in core/volunteers/volunteer-model.ts when absent. */
  volunteer?: VolunteerSettings;
  /** Raw DEFLATE (e.g. node:zlib deflateRawSync) for .xlsx exports; without it entries are stored uncompressed. */
  deflateRaw?: (data: Uint8Array) => Uint8Array;
  /** Photo storage: checks photo ids and turns them into display URLs. Without it, photos are refused. */
  photos?: PhotoStorage;
  /** The content check of photos. Without it, photos are refused too: no photo is shown unchecked. */
  imageCheck?: ImageCheck;
  /** 街坊议事 (yishi): supports a proposal needs, per town id; DEFAULT_SUPPORTS_NEEDED for a town not named. */
  topicSupports?: Readonly<Record<string, number>>;
  /** Admin (issue 19): a new Open311 API key (random, unguessable); without it no client is created. */
  newApiKey?: () => string;
  /** The subscribe-message template ids the server sends with, told to the client by `me/profile` (issue 15). */
  subscribeTemplates?: SubscribeTemplateIds;
}
