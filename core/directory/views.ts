/**
 * Views of people, staff and the town's directory: profiles, 操作记录, boundary and roster imports (re-exported by core/views.ts).
 */
import type { AuditEntry, Role } from '../model';
import type { RosterChangeView } from './roster-views';

/** An audit entry as the admin reads it: with the name of the node or office the actor serves. */
export interface AuditEntryView extends AuditEntry {
  nodeName: string | null;
  /** What the entry acted on, named for people (issue 16, item 8): a concern by its category, never a bare id. */
  target: AuditTargetView | null;
}

/** An audit entry's object as 操作记录 shows it; null when it is nothing a person could open or name. */
export type AuditTargetView =
  | { kind: 'concern'; id: string; categoryName: string }
  | { kind: 'event' | 'team'; id: string }
  | { kind: 'person'; name: string }
  | { kind: 'year'; year: number };

/** A person 操作记录 can be filtered by: the staff and admins of the admin's towns. */
export interface AuditPersonView {
  openid: string;
  name: string;
}

export interface Profile {
  openid: string;
  name: string;
  role: Role;
  /** For a leader: the village or cooperative of the team they lead. */
  nodeId: string | null;
  nodeName: string | null;
  /** Present for leaders only: the team they lead. */
  teamId?: string;
  /** Where the mini program uploads this person's photos (`uploadFolder`, core/concerns/photos.ts; never the openid). */
  photoFolder: string;
  /** The subscribe-message template ids the server sends with (issue 15); absent where none are configured. */
  subscribeTemplates?: SubscribeTemplateIds;
}

/** Which templates the mini program asks WeChat for: a resident's (their concern's progress), staff's (to-dos, overdue). */
export interface SubscribeTemplateIds {
  resident: string[];
  staff: string[];
}


export interface BoundaryImportView {
  gridVersion: number;
  nodesCreated: number;
  /** The nodes the import created, with the ids the server gave them (`ref`: the file's reference, if any). */
  created: Array<{ line: number; ref: string | null; id: string; name: string }>;
  boundaries: number;
}

/** `roster/import` and `roster/previewImport`: the rows of the file, and what they change (issue 19). */
export interface RosterImportView {
  staff: number;
  pending: number;
  /** The file was taken as the whole roster: `removed` lists who it takes off. */
  whole: boolean;
  added: RosterChangeView[];
  changed: RosterChangeView[];
  removed: RosterChangeView[];
}
