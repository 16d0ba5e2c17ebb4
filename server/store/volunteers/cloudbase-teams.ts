import type { Moderation, Notification } from '../../../core/model';
import type { TeamRepo } from '../../../core/ports';
import type { Membership, Team } from '../../../core/volunteers/volunteer-model';
import type { CloudbaseDb, StoredDoc } from '../../cloudbase/db';
import { outboxDoc } from '../concerns/cloudbase-outbox';
import { CloudbaseTeamAdmin } from './cloudbase-team-admin';

const str = (v: unknown): string | null => (v === null || v === undefined ? null : `${v as string | number}`);

const toTeam = (d: StoredDoc): Team => ({ id: d._id, name: String(d.name), kind: d.kind as Team['kind'], nodeId: String(d.nodeId), description: String(d.description), createdAt: String(d.createdAt), ...(typeof d.archivedAt === 'string' ? { archivedAt: d.archivedAt } : {}) });

export function memberDoc(m: Membership): StoredDoc {
  const { id, ...rest } = m;
  return { _id: id, ...rest };
}

function toMember(d: StoredDoc): Membership {
  return {
    id: d._id,
    teamId: String(d.teamId),
    openid: String(d.openid),
    name: String(d.name),
    status: d.status as Membership['status'],
    partyMember: d.partyMember === true,
    appliedAt: String(d.appliedAt),
    decidedAt: str(d.decidedAt),
    note: str(d.note),
    // Applications stored before notes were kept carry neither field.
    noteModeration: (d.noteModeration as Moderation | undefined) ?? 'published',
  };
}

const byAppliedAt = (a: Membership, b: Membership) => (a.appliedAt === b.appliedAt ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.appliedAt < b.appliedAt ? -1 : 1);

/**
 * Teams (`vol_teams`), leaderships (`vol_team_leaders`, `_id` `${teamId}_${openid}`) and memberships
 * (`vol_members`, `_id` `${teamId}_${openid}`). Every membership step that queues notices is one
 * transaction that reads the membership and writes it with the outbox documents: two concurrent steps
 * on one membership conflict on its document, and the retried one sees the other's result.
 */
export class CloudbaseTeams implements TeamRepo {
  private readonly admin: CloudbaseTeamAdmin;
  constructor(private readonly cb: CloudbaseDb) {
    this.admin = new CloudbaseTeamAdmin(cb);
  }

  // Admin (issue 19): in team-admin.ts.
  createTeam(team: Team): Promise<boolean> {
    return this.admin.createTeam(team);
  }
  setLeaders(teamId: string, leaders: Array<{ openid: string; name: string }>): Promise<boolean> {
    return this.admin.setLeaders(teamId, leaders);
  }
  archiveTeam(teamId: string, at: string): Promise<boolean> {
    return this.admin.archiveTeam(teamId, at);
  }

  async listTeams(): Promise<Team[]> {
    return (await this.cb.readAll('vol_teams')).map(toTeam).sort((a, b) => (a.nodeId === b.nodeId ? (a.id < b.id ? -1 : 1) : a.nodeId < b.nodeId ? -1 : 1));
  }
  async getTeam(id: string): Promise<Team | null> {
    const d = await this.cb.getDoc('vol_teams', id);
    return d ? toTeam(d) : null;
  }
  async ledBy(openid: string): Promise<string[]> {
    return (await this.cb.readAll('vol_team_leaders', { openid })).map((d) => String(d.teamId)).sort();
  }
  async isLeader(teamId: string, openid: string): Promise<boolean> {
    return (await this.cb.getDoc('vol_team_leaders', `${teamId}_${openid}`)) !== null;
  }
  async leaders(teamId: string): Promise<Array<{ openid: string; name: string }>> {
    return (await this.cb.readAll('vol_team_leaders', { teamId }))
      .map((d) => ({ openid: String(d.openid), name: String(d.name) }))
      .sort((a, b) => (a.openid < b.openid ? -1 : 1));
  }
  async getMembership(teamId: string, openid: string): Promise<Membership | null> {
    const d = await this.cb.getDoc('vol_members', `${teamId}_${openid}`);
    return d ? toMember(d) : null;
  }
  async membershipsOf(openid: string): Promise<Membership[]> {
    return (await this.cb.readAll('vol_members', { openid })).map(toMember).sort(byAppliedAt);
  }
  async listMembers(teamId: string): Promise<Membership[]> {
    return (await this.cb.readAll('vol_members', { teamId })).map(toMember).sort(byAppliedAt);
  }
  async memberCounts(): Promise<Map<string, number>> {
    const rows = await this.cb.aggregate('vol_members', [{ $match: { status: 'member' } }, { $group: { _id: '$teamId', n: { $sum: 1 } } }]);
    return new Map(rows.map((r) => [String(r._id), Number(r.n)]));
  }

  async apply(m: Membership, notices: Notification[]): Promise<{ membership: Membership; changed: boolean }> {
    return this.cb.transaction(async (tx) => {
      const cur = await tx.get('vol_members', m.id);
      let after: Membership;
      if (!cur) {
        after = { ...m, status: 'pending', partyMember: false, decidedAt: null };
        await tx.create('vol_members', memberDoc(after));
      } else if (cur.status === 'declined' || cur.status === 'left') {
        const reopened = { status: 'pending' as const, name: m.name, appliedAt: m.appliedAt, decidedAt: null, note: m.note, noteModeration: m.noteModeration };
        after = { ...toMember(cur), ...reopened };
        await tx.update('vol_members', m.id, reopened);
      } else {
        return { membership: toMember(cur), changed: false };
      }
      await tx.createAll('outbox', notices.map(outboxDoc));
      return { membership: after, changed: true };
    });
  }

  async transition(id: string, from: readonly Membership['status'][], to: Membership['status'], at: string, notices: Notification[]): Promise<Membership | null> {
    return this.cb.transaction(async (tx) => {
      const cur = await tx.get('vol_members', id);
      if (!cur || !from.includes(cur.status as Membership['status'])) return null;
      await tx.update('vol_members', id, { status: to, decidedAt: at });
      await tx.createAll('outbox', notices.map(outboxDoc));
      return { ...toMember(cur), status: to, decidedAt: at };
    });
  }

  /** A conditional update; read back, since setting the badge it already has changes nothing (`updated: 0`). */
  async setPartyMember(id: string, partyMember: boolean): Promise<Membership | null> {
    await this.cb.updateWhere('vol_members', { _id: id, status: 'member' }, { partyMember });
    const d = await this.cb.getDoc('vol_members', id);
    return d && d.status === 'member' ? toMember(d) : null;
  }

  /** An indexed query on `noteModeration: 'held'` in the given teams. */
  async heldNotes(teamIds: string[] | null, limit: number): Promise<Membership[]> {
    if (teamIds !== null && teamIds.length === 0) return [];
    const inTeams = teamIds === null ? {} : { teamId: teamIds.length === 1 ? teamIds[0] : this.cb._.in(teamIds) };
    return (await this.cb.collect('vol_members', { noteModeration: 'held', ...inTeams }, { field: 'appliedAt', dir: 'asc' }, limit)).map(toMember);
  }

  /** A conditional single-document update from `held`. */
  async decideNote(membershipId: string, to: 'published' | 'rejected'): Promise<boolean> {
    return this.cb.conditionalUpdate('vol_members', { _id: membershipId, noteModeration: 'held' }, { noteModeration: to });
  }
}
