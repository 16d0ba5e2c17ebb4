import { SqliteContacts } from './store/trust/sqlite-contacts';
import { SqliteBoard } from './store/board/sqlite-board';
import type Database from 'better-sqlite3';
import type { AuditRepo, BoardRepo, FeedbackRepo, PhotoCheckRepo, PrivacyRepo, ConcernRepo, DirectoryRepo, EventRepo, MessageRepo, OutboxRepo, Store, TeamRepo } from '../core/ports';
import { DEFAULT_SLA, type SlaConfig } from '../core/concerns/sla';
import { SqliteAudit } from './store/concerns/sqlite-audit';
import { SqliteFeedback } from './store/trust/sqlite-feedback';
import { SqlitePhotoChecks } from './store/trust/sqlite-photo-checks';
import { SqliteContentReports } from './store/trust/sqlite-content-reports';
import { SqliteTopics } from './store/board/sqlite-topics';
import type { TopicRepo } from '../core/ports';
import type { ContactRepo, ContentReportRepo } from '../core/ports';
import { SqlitePrivacy } from './store/trust/sqlite-privacy';
import { SqliteMessages, SqliteOutbox } from './store/concerns/sqlite-outbox';
import { SqliteEvents } from './store/volunteers/sqlite-volunteer';
import { SqliteTeams } from './store/volunteers/sqlite-volunteer-teams';
import { SqliteActions } from './store/volunteers/sqlite-actions';
import { SqlitePoints } from './store/volunteers/sqlite-points';
import type { ActionRepo, PointsRepo } from '../core/ports';
import { openCheckedDatabase } from './sqlite-open';
import { toConcern } from './store/concerns/sqlite-concern-rows';
import { SqliteDirectory } from './store/directory/sqlite-directory';
import { backfillClocks, SqliteConcerns } from './store/concerns/sqlite-concerns';

export interface SqliteStoreOptions {
  /** A file path, or `:memory:` for tests. */
  path: string;
  /** Clocks given to concerns stored before clocks existed (migration 3). */
  sla?: SlaConfig;
}

/** The SQLite adapter of every repository. better-sqlite3 is synchronous; the interfaces are async for CloudBase. */
export class SqliteStore implements Store {
  readonly db: Database.Database;
  readonly directory: DirectoryRepo;
  readonly concerns: ConcernRepo;
  readonly outbox: OutboxRepo;
  readonly messages: MessageRepo;
  readonly audit: AuditRepo;
  readonly privacy: PrivacyRepo;
  readonly feedback: FeedbackRepo;
  readonly photoChecks: PhotoCheckRepo;
  readonly contentReports: ContentReportRepo;
  readonly teams: TeamRepo;
  readonly events: EventRepo;
  readonly board: BoardRepo;
  /** 街坊议事 (yishi). */
  readonly topics: TopicRepo;
  /** Volunteer actions (issue 20). */
  readonly actions: ActionRepo;
  readonly points: PointsRepo;
  readonly contacts: ContactRepo;
  /** No database file existed before this store opened one: a first start, which may be seeded. */
  readonly fresh: boolean;

  constructor(opts: SqliteStoreOptions) {
    ({ db: this.db, fresh: this.fresh } = openCheckedDatabase(opts.path));
    const directory = new SqliteDirectory(this.db);
    // The national holiday lists this release knows, for every year the store has no list of yet.
    directory.seedBuiltinCalendar();
    this.directory = directory;
    this.concerns = new SqliteConcerns(this.db);
    backfillClocks(this.db, opts.sla ?? DEFAULT_SLA);
    this.outbox = new SqliteOutbox(this.db);
    this.messages = new SqliteMessages(this.db);
    this.audit = new SqliteAudit(this.db);
    this.privacy = new SqlitePrivacy(this.db);
    this.feedback = new SqliteFeedback(this.db);
    this.photoChecks = new SqlitePhotoChecks(this.db);
    this.contentReports = new SqliteContentReports(this.db);
    this.teams = new SqliteTeams(this.db);
    this.events = new SqliteEvents(this.db);
    this.board = new SqliteBoard(this.db, toConcern);
    this.topics = new SqliteTopics(this.db);
    this.actions = new SqliteActions(this.db);
    this.points = new SqlitePoints(this.db);
    this.contacts = new SqliteContacts(this.db);
  }

  /**
   * Copies the write-ahead log into the database file and empties it (TRUNCATE), without waiting for other
   * processes' readers. Not done (a full disk, a reader still on the log) leaves the log whole for the next try.
   */
  checkpoint(): { done: boolean; reason?: string } {
    if (!this.db.open || this.db.memory) return { done: true };
    const wait = this.db.pragma('busy_timeout', { simple: true }) as number;
    this.db.pragma('busy_timeout = 0');
    try {
      const [r] = this.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number; checkpointed: number }>;
      return r.busy === 0 ? { done: true } : { done: false, reason: `busy: ${r.checkpointed} of ${r.log} frames copied` };
    } catch (e) {
      return { done: false, reason: e instanceof Error ? e.message : String(e) };
    } finally {
      this.db.pragma(`busy_timeout = ${wait}`);
    }
  }

  /** Empties the log into the database file first, so a stopped server leaves one file behind. */
  async close(): Promise<void> {
    if (!this.db.open) return;
    this.checkpoint();
    this.db.close();
  }
}
