/**
 * The CloudBase adapter of volunteer actions (core/ports.ts: ActionRepo). `vol_actions` holds the actions;
 * `vol_action_holds` one document per concern held by an open action, `_id` the concern's id, so a concern
 * is in at most one open action: creating an action creates its holds in the same transaction, and a
 * concurrent creator meets a conflict (or a duplicate key) and, retried, finds the hold.
 */
import { mergeMonthCounts, OPEN_ACTION_STATUSES, type ActionChange, type ActionResult, type ActionStatus, type VolunteerAction } from '../../../core/volunteers/action-model';
import type { Notification } from '../../../core/model';
import type { ActionMonthCount, ActionRepo } from '../../../core/ports';
import type { CloudbaseDb, Filter, StoredDoc } from '../../cloudbase/db';
import { outboxDoc } from '../concerns/cloudbase-outbox';

function toAction(d: StoredDoc): VolunteerAction {
  const str = (v: unknown) => (v === null || v === undefined ? null : `${v as string | number}`);
  return {
    id: d._id,
    teamId: String(d.teamId),
    townId: String(d.townId),
    villageId: str(d.villageId),
    placeId: String(d.placeId),
    concernIds: (d.concernIds as string[]).map(String),
    title: String(d.title),
    description: String(d.description),
    place: String(d.place),
    photos: (d.photos as string[]).map(String),
    status: d.status as ActionStatus,
    eventId: str(d.eventId),
    result: (d.result as ActionResult | null) ?? null,
    startedByOpenid: String(d.startedByOpenid),
    startedByName: String(d.startedByName),
    startedAt: String(d.startedAt),
    startedMonth: String(d.startedMonth),
    resolvedMonth: str(d.resolvedMonth),
    concernsResolved: Number(d.concernsResolved),
    updatedAt: String(d.updatedAt),
  };
}

export class CloudbaseActions implements ActionRepo {
  constructor(private readonly cb: CloudbaseDb) {}

  async create(a: VolunteerAction, notices: Notification[]): Promise<boolean> {
    const { id, ...fields } = a;
    return this.cb.transaction(async (tx) => {
      for (const c of a.concernIds) if (await tx.get('vol_action_holds', c)) return false;
      for (const c of a.concernIds) await tx.create('vol_action_holds', { _id: c, actionId: id, at: a.startedAt });
      await tx.create('vol_actions', { _id: id, ...fields });
      await tx.createAll('outbox', notices.map(outboxDoc));
      return true;
    });
  }
  async get(id: string): Promise<VolunteerAction | null> {
    const d = await this.cb.getDoc('vol_actions', id);
    return d ? toAction(d) : null;
  }
  async latestOf(concernId: string): Promise<VolunteerAction | null> {
    const [d] = await this.cb.find('vol_actions', { concernIds: concernId }, [['startedAt', 'desc'], ['_id', 'desc']], 1);
    return d ? toAction(d) : null;
  }
  async ofEvent(eventId: string): Promise<VolunteerAction | null> {
    const [d] = await this.cb.find('vol_actions', { eventId }, [], 1);
    return d ? toAction(d) : null;
  }
  async listOfTeams(teamIds: string[], statuses: readonly ActionStatus[]): Promise<VolunteerAction[]> {
    if (teamIds.length === 0 || statuses.length === 0) return [];
    const { _ } = this.cb;
    const docs = await this.cb.readAll('vol_actions', { teamId: _.in(teamIds), status: _.in([...statuses]) });
    return docs.map(toAction).sort((x, y) => (x.startedAt === y.startedAt ? (x.id < y.id ? -1 : 1) : x.startedAt < y.startedAt ? -1 : 1));
  }
  async transition(id: string, from: readonly ActionStatus[], to: ActionStatus, change: ActionChange, notices: Notification[]): Promise<VolunteerAction | null> {
    if (from.length === 0) return null;
    return this.cb.transaction(async (tx) => {
      const d = await tx.get('vol_actions', id);
      if (!d || !from.includes(d.status as ActionStatus)) return null;
      const fields: Record<string, unknown> = { status: to, updatedAt: change.updatedAt };
      if (change.eventId !== undefined) fields.eventId = change.eventId;
      if (change.result !== undefined) fields.result = change.result;
      if (change.resolved !== undefined) Object.assign(fields, { resolvedMonth: change.resolved.month, concernsResolved: change.resolved.concerns });
      await tx.update('vol_actions', id, fields);
      if (!OPEN_ACTION_STATUSES.includes(to)) {
        for (const c of (d.concernIds as string[]).map(String)) {
          const hold = await tx.get('vol_action_holds', c);
          if (hold && hold.actionId === id) await tx.remove('vol_action_holds', c);
        }
      }
      await tx.createAll('outbox', notices.map(outboxDoc));
      return toAction({ ...d, ...fields, _id: id });
    });
  }
  async monthlyCounts(query: { fromMonth: string; toMonth: string; townIds: string[] | null }): Promise<ActionMonthCount[]> {
    const { fromMonth, toMonth, townIds } = query;
    if (townIds !== null && townIds.length === 0) return [];
    const { _ } = this.cb;
    const towns: Filter = townIds === null ? {} : { townId: _.in(townIds) };
    const within = _.gte(fromMonth).and(_.lte(toMonth));
    const fields = { villageId: true, startedMonth: true, resolvedMonth: true, concernsResolved: true };
    const [started, resolved] = await Promise.all([
      this.cb.readAll('vol_actions', { ...towns, startedMonth: within }, fields),
      this.cb.readAll('vol_actions', { ...towns, resolvedMonth: within }, fields),
    ]);
    const village = (d: StoredDoc) => (d.villageId === null || d.villageId === undefined ? null : `${d.villageId as string}`);
    return mergeMonthCounts(
      started.map((d) => ({ villageId: village(d), month: String(d.startedMonth), n: 1 })),
      resolved.map((d) => ({ villageId: village(d), month: String(d.resolvedMonth), n: Number(d.concernsResolved) })),
    );
  }
}
