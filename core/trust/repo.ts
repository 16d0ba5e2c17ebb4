/**
 * Trust and safety ports: 举报 reports, content and photo checks and photo storage (re-exported by core/ports.ts).
 */
import type { Moderation } from '../model';
import type { ContentReport, ReportedKind } from './report-model';

/** 举报 reports (core/trust/report-model.ts): one per person and item, decided together per item. */
export interface ContentReportRepo {
  /**
   * Stores a report unless this person already reported this item (whatever its status): ONE insert that
   * is a no-op on the (kind, item, reporter) key. True when stored.
   */
  add(r: ContentReport): Promise<boolean>;
  /** Open reports of items in these towns (all when null), oldest first, at most `limit`. */
  open(townIds: string[] | null, limit: number): Promise<ContentReport[]>;
  /** Whether an open report of this item exists in these towns (all when null). */
  isOpen(kind: ReportedKind, itemId: string, townIds: string[] | null): Promise<boolean>;
  /**
   * Closes the open reports of one item in these towns (all when null): ONE conditional update from
   * `open` to `to`; answers how many it closed (0: none open there, decided already or another town's).
   */
  close(kind: ReportedKind, itemId: string, to: 'kept' | 'removed', at: string, townIds: string[] | null): Promise<number>;
}

/** What a content check says about a text: publish it, hold it for a person to review, or refuse it. */
export interface ContentVerdict {
  verdict: 'pass' | 'review' | 'reject';
  /** Why, as a stable machine-readable label (e.g. `ad`, `abuse`), when the check gives one. */
  label?: string;
}

/**
 * The content check of one stored photo, keyed by the file. Created when the photo is attached to a
 * concern or a message; its status says who may see the photo: `published` (everyone who may see the
 * concern), `pending` (the same, while WeChat's asynchronous check runs), `held` or `rejected` (only the
 * uploader and the moderators).
 */
export interface PhotoCheck {
  /** The check's own id (a file id is a storage reference, not an id a client may send). */
  id: string;
  fileId: string;
  /** The uploader, who still sees a held photo. */
  openid: string;
  /** The concern the photo is attached to (to the concern itself or to a message of its thread). */
  concernId: string;
  townId: string;
  /** WeChat's trace id while the verdict is pending (mediaCheckAsync); null for a verdict given at once. */
  traceId: string | null;
  status: 'pending' | Moderation;
  submittedAt: string;
  decidedAt: string | null;
  /** `topic`: a topic's background photo, `concernId` then holding the topic's id (街坊议事); absent: a concern's. */
  subject?: 'topic';
}

/** Photo checks (`photo_checks`): one per file. */
export interface PhotoCheckRepo {
  /** Stores new checks; a file already checked keeps its first check (a retried submission adds nothing). */
  add(checks: PhotoCheck[]): Promise<void>;
  /** The checks of these files that exist. One batched read (`fileId: _.in(ids)`). */
  ofFiles(fileIds: string[]): Promise<PhotoCheck[]>;
  /** Every check of the photos this person uploaded (an indexed query by uploader), for me/delete. */
  ofUploader(openid: string): Promise<PhotoCheck[]>;
  /**
   * WeChat's verdict for a trace id: moves the pending check to `status` (a conditional update, so a
   * repeated push changes nothing); the check as updated, or null when no pending check has that trace id.
   */
  settle(traceId: string, status: Moderation, at: string): Promise<PhotoCheck | null>;
  /** Held checks in these towns (all when null), oldest first, at most `limit`. An indexed query. */
  held(townIds: string[] | null, limit: number): Promise<PhotoCheck[]>;
  /** A moderator's decision: ONE conditional update from `held`, in these towns (all when null); false when not held there. */
  decide(id: string, to: 'published' | 'rejected', at: string, townIds: string[] | null): Promise<boolean>;
}

/**
 * Checks stored photos (WeChat mediaCheckAsync in production, a digest blocklist locally). A check either
 * answers at once or answers a trace id; the verdict for a trace id arrives later (WeChat's message push,
 * `settlePhotoCheck` in core/concerns/photos.ts).
 */
export interface ImageCheck {
  submit(fileId: string, openid: string): Promise<{ verdict: ContentVerdict['verdict'] } | { traceId: string }>;
}

/** Checks user-written text before it is stored or shown to others (WeChat msgSecCheck in production). */
export interface ContentCheck {
  /** `openid` is the author: WeChat's check weighs the author's history. */
  check(text: string, openid: string): Promise<ContentVerdict>;
}

/**
 * Photos are uploaded by the client straight to storage and referenced by file id (`cloud://…` on
 * CloudBase, `local://uploads/…` locally). The server hands out display URLs, deletes files and stores the
 * photos it receives itself (Open311 file parts).
 */
/** The image types a stored photo may be, as file extensions. */
export type PhotoType = 'jpg' | 'png' | 'webp';

export interface PhotoStorage {
  /** A display URL for each file id, in the same order; null for a file that does not exist. */
  displayUrls(fileIds: string[]): Promise<Array<string | null>>;
  /** Deletes the files; ids of files that do not exist are ignored. */
  delete(fileIds: string[]): Promise<void>;
  /**
   * Stores a photo the server received itself (an Open311 client's file part, the local server's upload) as
   * an upload of `owner`, so that `ownedBy(owner, …)` holds for it; answers its file id. The bytes were
   * already checked to be of `type`.
   */
  upload(owner: string, bytes: Uint8Array, type: PhotoType): Promise<string>;
  /**
   * Whether each file was uploaded by this person. A storage without the method proves only that the
   * file exists in it (a non-null display URL).
   */
  ownedBy?(openid: string, fileIds: string[]): Promise<boolean[]>;
  /**
   * me/delete: copies each of the person's files to a place whose id and URLs name nobody (idempotent: a
   * copy made before is made again) and answers each file's id there, in order; a file whose id names
   * nobody already, or that is not this person's upload, keeps its id. The originals stay until `forgetOwner`.
   */
  rehome(openid: string, fileIds: string[]): Promise<string[]>;
  /** The person's uploads this storage can list (attached or not); null when it cannot list them (CloudBase). */
  uploadsOf(openid: string): Promise<string[] | null>;
  /**
   * me/delete, after the stores point at the rehomed ids: deletes the originals of the `rehomed` files and
   * every record that names the person as a file's owner. Idempotent.
   */
  forgetOwner(openid: string, rehomed: string[]): Promise<void>;
}
