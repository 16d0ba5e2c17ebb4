import type { InboxMessage } from './model';
import type { ConcernDetail } from './concerns/views';
import type { AuditEntryView, AuditPersonView, Profile } from './directory/views';
import type { EventSummary, MyVolunteer } from './volunteers/views';
import type { MyPoints } from './points/points-service';
import type { MyYishiData } from './topics/topic-privacy';
import type { MemberStatus } from './volunteers/volunteer-model';

export * from './trust/views';
export * from './directory/views';
export * from './volunteers/views';
export * from './concerns/views';

/** Everything the app stores about the caller, as `me/export` hands it over. */
export interface MyDataExport {
  exportedAt: string;
  profile: Profile;
  account: { name: string; phone: string | null; createdAt: string | null };
  /** Issue 16: what they left on 我的 for the committee (null: never asked). */
  contact: { phone: string | null; answeredAt: string; consentedAt: string | null } | null;
  concerns: ConcernDetail[];
  messages: InboxMessage[];
  volunteer: MyVolunteer;
  /** Every team application the person made, with what they wrote (held notes included: they are theirs). */
  applications: Array<{ teamId: string; teamName: string; status: MemberStatus; appliedAt: string; decidedAt: string | null; note: string | null }>;
  /** 街坊议事 (issue 21): the stated place, the topics and comments they wrote, their votes and supports. */
  yishi: MyYishiData;
  /** 积分制 (issue 20, h20c): balances, the whole points ledger and every redemption. */
  points: MyPoints;
}


export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A generated file carried in JSON: the mini program saves it (weapp) or downloads it (H5). */
export interface ExportFile {
  filename: string;
  mime: string;
  base64: string;
  /** Data rows in the file (the header not counted). */
  rows: number;
}


/** `audit/list`'s page: entries, and the people the filter may pick. */
export type AuditPage = Page<AuditEntryView> & { people: AuditPersonView[] };

/** `event/upcoming`: null when the resident stated no place (home then invites them to). */
export interface UpcomingEvents {
  placeId: string | null;
  items: EventSummary[];
}

/** Every action's output, by name: what its handler resolves to (core/action-registry.ts, issue 23). */
export type { Outputs } from './action-registry';

// Issue 16 (staff daily use): the resident's contact, as `me/contact` and `me/setContact` answer it.
export interface ContactView {
  name: string;
  phone: string | null;
  /** The resident answered (saved or skipped): the app does not ask again. */
  answered: boolean;
  consentedAt: string | null;
  /** Staff take their name and phone from the town's roster: nothing to set here. */
  editable: boolean;
}
