import type { AuditRepo, BoardRepo, ConcernRepo, DirectoryRepo, EventRepo, FeedbackRepo, MessageRepo, OutboxRepo, PhotoCheckRepo, PrivacyRepo, Store, TeamRepo } from '../../core/ports';
import { CloudbaseAudit } from '../store/concerns/cloudbase-audit';
import { CloudbaseBoard } from '../store/board/cloudbase-board';
import { CloudbaseConcerns } from '../store/concerns/cloudbase-concerns';
import { CloudbaseDb, type Database } from './db';
import { CloudbaseDirectory } from '../store/directory/cloudbase-directory';
import { CloudbaseEvents } from '../store/volunteers/cloudbase-events';
import { CloudbaseFeedback } from '../store/trust/cloudbase-feedback';
import { CloudbaseMessages, CloudbaseOutbox } from '../store/concerns/cloudbase-outbox';
import { CloudbasePhotoChecks } from '../store/trust/cloudbase-photo-checks';
import { CloudbaseContentReports } from '../store/trust/cloudbase-content-reports';
import type { ContactRepo, ContentReportRepo } from '../../core/ports';
import { CloudbaseContacts } from '../store/trust/cloudbase-contacts';
import { CloudbasePrivacy } from '../store/trust/cloudbase-privacy';
import { CloudbaseTeams } from '../store/volunteers/cloudbase-teams';
import { CloudbaseTopics } from '../store/board/cloudbase-topics';
import type { TopicRepo } from '../../core/ports';
import { CloudbaseActions } from '../store/volunteers/cloudbase-actions';
import { CloudbasePoints } from '../store/volunteers/cloudbase-points';
import type { ActionRepo, PointsRepo } from '../../core/ports';

export interface CloudbaseStoreOptions {
  /** `app.database()` of an initialised `@cloudbase/node-sdk` app. */
  db: Database;
  /** Prefixed to every collection name (tests on a real environment use a fresh one per run). */
  prefix?: string;
  /** The most documents asked for in one request: CloudBase's cap of 1,000 unless a test lowers it. */
  pageSize?: number;
}

/** The CloudBase adapter of every repository: one file per repository, all over `CloudbaseDb`. */
export class CloudbaseStore implements Store {
  readonly cb: CloudbaseDb;
  readonly directory: DirectoryRepo;
  readonly concerns: ConcernRepo;
  readonly outbox: OutboxRepo;
  readonly messages: MessageRepo;
  readonly audit: AuditRepo;
  readonly teams: TeamRepo;
  readonly events: EventRepo;
  readonly privacy: PrivacyRepo;
  readonly feedback: FeedbackRepo;
  readonly photoChecks: PhotoCheckRepo;
  readonly contentReports: ContentReportRepo;
  readonly board: BoardRepo;
  /** 街坊议事 (yishi). */
  readonly topics: TopicRepo;
  /** Volunteer actions (issue 20). */
  readonly actions: ActionRepo;
  readonly points: PointsRepo;
  readonly contacts: ContactRepo;

  constructor(opts: CloudbaseStoreOptions) {
    this.cb = new CloudbaseDb(opts.db, opts.prefix ?? '', opts.pageSize);
    this.directory = new CloudbaseDirectory(this.cb);
    this.concerns = new CloudbaseConcerns(this.cb);
    this.outbox = new CloudbaseOutbox(this.cb);
    this.messages = new CloudbaseMessages(this.cb);
    this.audit = new CloudbaseAudit(this.cb);
    this.teams = new CloudbaseTeams(this.cb);
    this.events = new CloudbaseEvents(this.cb);
    this.privacy = new CloudbasePrivacy(this.cb);
    this.feedback = new CloudbaseFeedback(this.cb);
    this.photoChecks = new CloudbasePhotoChecks(this.cb);
    this.contentReports = new CloudbaseContentReports(this.cb);
    this.board = new CloudbaseBoard(this.cb);
    this.topics = new CloudbaseTopics(this.cb);
    this.actions = new CloudbaseActions(this.cb);
    this.points = new CloudbasePoints(this.cb);
    this.contacts = new CloudbaseContacts(this.cb);
  }

  /** Nothing to release: the SDK keeps no connection open between requests. */
  async close(): Promise<void> {}
}
