/**
 * A person's own records: app feedback, the right to be forgotten and the contact they left (re-exported by core/ports.ts).
 */
import type { Feedback } from '../model';
import type { Page } from '../views';
import type { PageQuery } from '../directory/repo';

/** Feedback about the app (投诉建议). */
export interface FeedbackRepo {
  /** Single insert. */
  add(f: Feedback): Promise<void>;
  /** Feedback of these towns (all, including feedback with no town, when null), newest first. */
  list(townIds: string[] | null, page: PageQuery): Promise<Page<Feedback>>;
}

/** A person's right to be forgotten, across every repository. */
export interface PrivacyRepo {
  /**
   * In ONE atomic step: replaces the person's openid by `tombstone` wherever it is stored (their
   * concerns stay with the committee, reported by nobody nameable), blanks their name and phone in
   * every record, deletes their in-app messages and personal check-in code, and marks the user record
   * deleted. Records of other people are untouched. CloudBase: one transaction per collection batch,
   * idempotent so an interrupted run can simply be repeated.
   */
  forget(openid: string, tombstone: string, at: string): Promise<void>;
  /**
   * me/delete's files (issue 14): replaces each photo's file id `from` by `to` on the concern
   * `concernId` (its photos and its messages' photos) and on the photo's check. Idempotent: a photo
   * already renamed, or a concern without it, is left as it is. No other record changes.
   */
  renamePhotos(renames: PhotoRename[]): Promise<void>;
}

/** A stored photo moved by me/delete to a place that names nobody. */
export interface PhotoRename {
  concernId: string;
  from: string;
  to: string;
}

// Issue 16 (staff daily use): a resident's contact, left on 我的 with consent, asked once.
/** What a resident answered when asked how the committee may reach them. */
export interface ResidentContact {
  openid: string;
  /** The phone they left (a mainland mobile number), or null: they skipped, or left none. */
  phone: string | null;
  /** When they answered, by saving or by skipping: a resident is asked once. */
  answeredAt: string;
  /** When they agreed to the consent text by saving; null for a skip. */
  consentedAt: string | null;
}

export interface ContactRepo {
  get(openid: string): Promise<ResidentContact | null>;
  /**
   * Stores the answer, replacing an earlier one, and when `name` is given the user's display name, in one
   * atomic step. Writes nothing and returns false when the user does not exist (or has left).
   */
  save(contact: ResidentContact, name: string | null): Promise<boolean>;
}
