import { builtinCalendarYears } from '../../core/directory/calendar';
import { GridIndex } from '../../core/directory/grid';
import type { DirectoryData, VolunteerData } from '../demo-data';
import type { CloudbaseDb, CollectionName, StoredDoc } from './db';
import type { ApiClient } from '../../core/model';
import type { DirectoryRepo } from '../../core/ports';
import { boundaryDoc, nodeDoc } from '../store/directory/cloudbase-directory';
import { CloudbaseApiClients } from '../store/trust/cloudbase-api-clients';
import { eventDoc } from '../store/volunteers/cloudbase-events';
import { memberDoc } from '../store/volunteers/cloudbase-teams';

async function put(cb: CloudbaseDb, coll: CollectionName, docs: StoredDoc[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 100) await cb.coll(coll).add(docs.slice(i, i + 100));
}

/**
 * Loads directory data (grid, boundaries, offices, categories, roster, users) into empty collections and
 * bumps the grid version last, so caches rebuild once everything is there. Refuses a malformed grid
 * before writing anything; does nothing when grid nodes already exist.
 */
export async function seedCloudbaseDirectory(cb: CloudbaseDb, data: DirectoryData): Promise<boolean> {
  new GridIndex(data.nodes); // throws on a malformed tree
  if ((await cb.count('grid_nodes', {})) > 0) return false;
  await put(cb, 'grid_nodes', data.nodes.map(nodeDoc));
  await put(cb, 'grid_boundaries', data.boundaries.map(boundaryDoc));
  await put(cb, 'offices', data.offices.map((o) => ({ _id: o.id, townId: o.townId, code: o.code, name: o.name })));
  await put(cb, 'categories', data.categories.map((c, i) => ({ _id: `${c.townId}/${c.code}`, townId: c.townId, code: c.code, name: c.name, kind: c.kind, leadOfficeCode: c.leadOfficeCode, ackHours: c.ackHours, resolveDays: c.resolveDays, enabled: c.enabled, sort: i })));
  await put(cb, 'staff', data.staff.map((s) => ({ _id: s.openid, name: s.name, role: s.role, nodeId: s.nodeId, phone: s.phone })));
  await put(cb, 'users', data.users.map((u) => ({ _id: u.openid, name: u.name, phone: u.phone, createdAt: u.createdAt })));
  const meta = await cb.getDoc('meta', 'grid');
  if (meta) await cb.updateWhere('meta', { _id: 'grid' }, { version: cb._.inc(1) });
  else await cb.coll('meta').add({ _id: 'grid', version: 1 });
  return true;
}

/**
 * Stores the holiday lists this release knows for every year the environment has no list of (run on
 * every setup: a list an admin entered is never replaced). Returns the years added.
 */
export function seedCloudbaseCalendar(directory: DirectoryRepo): Promise<number[]> {
  return directory.seedCalendarYears(builtinCalendarYears());
}

/**
 * Loads volunteer teams, their leaders (as residents), members and events. Only runs while there are no
 * teams. Leaders who are not users yet become users.
 */
export async function seedCloudbaseVolunteers(cb: CloudbaseDb, data: VolunteerData): Promise<boolean> {
  if ((await cb.count('vol_teams', {})) > 0) return false;
  await put(cb, 'vol_teams', data.teams.map((t) => ({ _id: t.id, name: t.name, kind: t.kind, nodeId: t.nodeId, description: t.description, createdAt: t.createdAt })));
  for (const { user } of data.leaders) await cb.createOnce('users', { _id: user.openid, name: user.name, phone: user.phone, createdAt: user.createdAt });
  await put(cb, 'vol_team_leaders', data.leaders.map(({ teamId, user }) => ({ _id: `${teamId}_${user.openid}`, teamId, openid: user.openid, name: user.name })));
  await put(cb, 'vol_members', data.members.map(memberDoc));
  await put(cb, 'vol_events', data.events.map(eventDoc));
  return true;
}

/**
 * Turns the public board on in these towns (the demo does so in every town). A town that has settings
 * keeps them: nothing is overwritten. Returns the towns turned on.
 */
export async function seedCloudbaseBoardSettings(cb: CloudbaseDb, townIds: string[]): Promise<string[]> {
  const on: string[] = [];
  for (const t of townIds) if ((await cb.createOnce('town_settings', { _id: t, publicBoard: true, replyTemplates: [] })).created) on.push(t);
  return on;
}

/** Stores an Open311 client system with the hash of its key; an existing client id keeps its document (and key). Returns whether it was added. */
export async function addCloudbaseApiClient(cb: CloudbaseDb, client: ApiClient, key: string, createdAt: string): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{1,50}$/.test(client.id)) throw new Error('client id must be 1–50 letters, digits, _ or -');
  return new CloudbaseApiClients(cb).create(client, key, createdAt);
}
