/**
 * Personal data, handled minimally: phone numbers masked for everyone but the person and the
 * concern's handlers; a resident can take all their data with them (`me/export`) and leave
 * (`me/delete`), their concerns staying with the committee under a name that identifies nobody.
 */
import type { ConcernCtx as Ctx } from '../concerns/concern-ctx';
import * as concernInbox from '../concerns/concern-inbox';
import * as concernRead from '../concerns/concern-read';
import { AppError } from '../errors';
import type { InboxMessage } from '../model';
import { forgetPhotos } from './privacy-photos';
import { exportYishi } from '../topics/topic-privacy';
import * as points from '../points/points-service';
import * as volunteerMine from '../volunteers/volunteer-mine';
import type { ConcernDetail, MyDataExport, Profile } from '../views';

// maskPhone lives in scrub.ts (concern-read uses it, and this module uses the concern modules).
export { maskPhone } from './scrub';

const EXPORT_PAGE = 50;

async function applications(ctx: Ctx): Promise<MyDataExport['applications']> {
  const { teams } = ctx.deps.store;
  const [mine, all] = await Promise.all([teams.membershipsOf(ctx.caller.openid), teams.listTeams()]);
  const names = new Map(all.map((t) => [t.id, t.name]));
  return mine.map((m) => ({ teamId: m.teamId, teamName: names.get(m.teamId) ?? '', status: m.status, appliedAt: m.appliedAt, decidedAt: m.decidedAt, note: m.note }));
}

export async function exportMine(ctx: Ctx, profile: Profile): Promise<MyDataExport> {
  const { store } = ctx.deps;
  const [user, contact] = await Promise.all([store.directory.findUser(ctx.caller.openid), store.contacts.get(ctx.caller.openid)]);
  const details: ConcernDetail[] = [];
  let cursor: string | undefined;
  do {
    const page = await concernInbox.listMine(ctx, { cursor, limit: EXPORT_PAGE });
    for (const c of page.items) details.push(await concernRead.get(ctx, { id: c.id }));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const messages: InboxMessage[] = [];
  let mcursor: string | null = null;
  do {
    const page = await store.messages.list(ctx.caller.openid, { cursor: mcursor, limit: EXPORT_PAGE });
    messages.push(...page.items);
    mcursor = page.nextCursor;
  } while (mcursor);
  return {
    exportedAt: ctx.deps.now().toISOString(),
    profile,
    account: { name: user?.name ?? ctx.caller.name, phone: user?.phone ?? null, createdAt: user?.createdAt ?? null },
    contact: contact && { phone: contact.phone, answeredAt: contact.answeredAt, consentedAt: contact.consentedAt },
    concerns: details,
    messages,
    volunteer: await volunteerMine.mine(ctx),
    applications: await applications(ctx),
    yishi: await exportYishi(ctx),
    points: await points.exportMine(ctx),
  };
}

/** Removes the caller's personal data for good. Staff accounts and team leaders are refused: the town manages those. */
export async function deleteMe(ctx: Ctx): Promise<{ deleted: true }> {
  const { caller, deps } = ctx;
  if (caller.role !== 'resident') throw new AppError('ME.STAFF_ACCOUNT', 'staff accounts are removed from the roster by the town admin');
  if (caller.leads) throw new AppError('ME.LEADS_TEAM', 'hand the team over to another leader first');
  // Files first: while the person's record exists, a delete that stopped half-way can be run again.
  await forgetPhotos(deps, caller.openid);
  const tombstone = deps.newId('gone-');
  // 街坊议事: votes, supports, comments and topics go to the same tombstone; the stated place goes. Before the
  // person's record, which is forgotten last so that a delete cut off half-way can be run again.
  await deps.store.topics.forget(caller.openid, tombstone);
  // 积分制: pending redemptions reversed, the ledger and redemptions tombstoned, the balances removed.
  await points.forgetPerson(ctx, tombstone);
  await deps.store.privacy.forget(caller.openid, tombstone, deps.now().toISOString());
  return { deleted: true };
}
