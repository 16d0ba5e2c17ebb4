/** What the admin's roster and team actions answer (issue 19). Type-only on the client. */
import type { ConcernStatus, StaffMember } from '../model';
import type { RosterChange } from './roster-import-diff';
import type { Team } from '../volunteers/volunteer-model';

/** A person on the roster, with the place or office they serve. */
export interface RosterEntry extends StaffMember {
  nodeName: string;
  /** The caller themself: the page offers no removal, and no change of role or place. */
  self: boolean;
}

/** An entry waiting for its WeChat user, named by phone (bound when someone with that phone first calls). */
export interface PendingEntry {
  phone: string;
  name: string;
  role: StaffMember['role'];
  nodeId: string;
  nodeName: string;
}

export interface DepartedEntry {
  openid: string;
  name: string;
  role: StaffMember['role'];
  nodeId: string;
  nodeName: string;
  removedAt: string;
}

export interface RosterView {
  items: RosterEntry[];
  pending: PendingEntry[];
  /** Who left, newest first: their history (timelines, audit log) keeps their name. */
  departed: DepartedEntry[];
}

/** An open concern at the place a removed person served, listed so the admin can see it is picked up. */
export interface OpenConcernRef {
  id: string;
  categoryName: string;
  status: ConcernStatus;
  placeName: string;
  createdAt: string;
}

export interface RosterRemoval {
  removed: { name: string; nodeId: string; nodeName: string };
  /** Open concerns of the place (or office) they served, most urgent first (at most ROSTER_OPEN_MAX). */
  openConcerns: OpenConcernRef[];
  /** Whether someone else still serves that place; if not, its concerns wait for a new person there. */
  othersRemain: boolean;
}

/** A team as its town's admin sees it: where it belongs and who leads it. */
export interface AdminTeamView {
  id: string;
  name: string;
  kind: Team['kind'];
  nodeId: string;
  placeName: string;
  description: string;
  leaders: Array<{ name: string; phone: string | null }>;
}

/** `team/archive`: when the team was archived, and the events it called off with how many people were told. */
export interface TeamArchiveResult {
  teamId: string;
  archivedAt: string;
  cancelledEvents: Array<{ id: string; title: string; startAt: string; notified: number }>;
}

/** A change a roster file makes (roster/previewImport, roster/import), with the names of the places. */
export interface RosterChangeView extends RosterChange {
  nodeName: string;
  before?: RosterChange['before'] & { nodeName: string };
}
