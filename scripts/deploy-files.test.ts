/** The deployment files stay in step with the code that relies on them. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { COLLECTIONS } from '../server/cloudbase/db';
import { ALL_FUNCTIONS, FUNCTION_CONFIG } from './build-functions';

const ROOT = path.resolve(__dirname, '..');
const read = (rel: string) => JSON.parse(readFileSync(path.join(ROOT, rel), 'utf8')) as Record<string, unknown>;

describe('the deployment files', () => {
  it('cloudbaserc.json deploys every function with the settings its config.json gets', () => {
    const rc = read('cloudbaserc.json') as { envId: string; functionRoot: string; functions: Array<{ name: string; timeout: number; memorySize: number; triggers?: unknown }> };
    expect(rc.envId).toBe('{{env.ENV_ID}}');
    expect(rc.functionRoot).toBe('./dist-functions');
    expect(rc.functions.map((f) => f.name).sort()).toEqual([...ALL_FUNCTIONS].sort());
    for (const f of rc.functions) {
      const cfg = FUNCTION_CONFIG[f.name];
      expect({ name: f.name, timeout: f.timeout, memorySize: f.memorySize, triggers: f.triggers }).toEqual({ name: f.name, timeout: cfg.timeout, memorySize: cfg.memorySize, triggers: cfg.triggers });
    }
  });

  it('every collection the store uses has its file of indexes and rules, and no other file exists', () => {
    const files = readdirSync(path.join(ROOT, 'cloudbase/collections')).map((f) => f.replace(/\.json$/, ''));
    expect(files.sort()).toEqual([...COLLECTIONS].sort());
    for (const name of COLLECTIONS) {
      const c = read(`cloudbase/collections/${name}.json`) as { collection: string; rules: unknown; indexes: Array<{ keys: unknown[] }> };
      expect(c.collection).toBe(name);
      expect(c.rules).toEqual({ read: false, write: false });
      for (const i of c.indexes) expect(i.keys.length).toBeGreaterThan(0);
    }
    const rules = read('cloudbase/database.rules.json');
    expect(Object.keys(rules).filter((k) => k !== '//').sort()).toEqual([...COLLECTIONS].sort());
  });

  it.each([
    // [collection, the fields a query of the store filters and sorts on, in index order]
    ['concerns', ['route.gridId', 'sla.dueAt', '_id'], 'the open inbox of a grid, most urgent first'],
    ['concerns', ['route.townId', 'sla.dueAt', '_id'], 'the open inbox of a town'],
    ['concerns', ['route.coOfficeId', 'sla.dueAt', '_id'], 'the open inbox of an office'],
    ['concerns', ['route.villageId', 'createdAt', '_id'], 'every concern of a village, newest first, and its monthly rates'],
    ['concerns', ['sla.watchAt', '_id'], 'the SLA job'],
    ['concerns', ['pastNodeIds', 'createdAt', '_id'], 'every concern a node passed on, newest first'],
    ['audit_log', ['townId', 'createdAt', '_id'], "a town's audit log, newest first"],
    ['audit_log', ['createdAt', '_id'], 'the whole audit log'],
    ['feedback', ['townId', 'createdAt', '_id'], "a town's feedback, newest first"],
    ['vol_signups', ['eventId', 'status', 'arrival'], 'the waitlist in arrival order and its positions'],
    ['vol_signups', ['eventId', 'status', 'remindedAt', 'arrival'], 'places due a reminder'],
    ['vol_signups', ['openid'], "a person's sign-ups"],
    ['vol_events', ['status', 'startAt', '_id'], 'events starting soon'],
    ['vol_events', ['teamId', 'endAt'], "a team's events"],
    ['vol_members', ['status', 'teamId'], 'member counts'],
    ['vol_person_codes', ['code'], 'who a check-in code belongs to'],
    ['vol_hours_audit', ['eventId', 'at'], "an event's hours audit"],
    ['vol_hours_audit', ['signUpId'], 'moving a forgotten person’s hours audit to the tombstone'],
    ['concerns', ['moderation', 'createdAt', '_id'], 'held descriptions, oldest first'],
    ['vol_events', ['moderation', 'createdAt', '_id'], 'events with held texts, oldest first'],
    ['vol_events', ['cancelModeration', 'cancelledAt', '_id'], 'held cancellation reasons, oldest first'],
    ['vol_members', ['noteModeration', 'appliedAt', '_id'], 'held application notes, oldest first'],
    ['vol_hours_audit', ['reasonModeration', 'at', '_id'], 'held reasons for correcting hours, oldest first'],
    ['photo_checks', ['traceId'], 'the pending photo check a WeChat push answers'],
    ['photo_checks', ['status', 'townId', 'submittedAt', '_id'], 'held photos of a town, oldest first'],
    ['photo_checks', ['checkId'], 'a moderator’s decision on one photo'],
    ['photo_checks', ['openid'], 'a person’s photo checks, when they delete their account'],
    ['concerns', ['messages.moderation'], 'concerns holding a held message'],
    ['concerns', ['messages.id'], 'a moderator’s decision on one message'],
    ['concerns', ['events.actorOpenid'], 'what a person did, when they delete their account'],
    ['concerns', ['messages.authorOpenid'], 'what a person wrote, when they delete their account'],
    ['outbox', ['recipientOpenid'], 'a person’s notices, when they delete their account'],
    ['feedback', ['createdAt', '_id'], 'feedback, newest first'],
    ['feedback', ['authorOpenid'], 'a person’s feedback, when they delete their account'],
    ['content_reports', ['status', 'townId', 'at', 'reportId'], 'open reports of a town, oldest first'],
    ['content_reports', ['kind', 'itemId', 'status'], 'closing the open reports of one item'],
    ['content_reports', ['reporterOpenid'], 'a person’s reports, when they delete their account'],
    ['api_clients', ['keyHash'], 'an Open311 client by the hash of its key'],
    ['rate_limits', ['expiresAt'], 'sweeping the counters of ended windows'],
    ['concerns', ['route.townId', 'status', 'updatedAt', '_id'], 'the public board (resolved concerns of a town, most recently updated first) and, by its (town, status) prefix, open concerns of a category nearby'],
    ['concern_plus_ones', ['concernId'], 'the +1 count of the cards shown'],
    ['concern_plus_ones', ['openid'], 'a person’s +1s, when they delete their account'],
    // 街坊议事 (yishi)
    ['topics', ['placeId', 'updatedAt', '_id'], 'the topics of a place, most recently updated first'],
    ['topics', ['stage', 'deadline', '_id'], 'open topics past their deadline, for the SLA job'],
    ['topics', ['authorOpenid'], 'a person’s topics, when they delete their account'],
    ['topic_comments', ['topicId', 'at', '_id'], 'a topic’s comments, oldest first'],
    ['topic_comments', ['authorOpenid'], 'a person’s comments, when they delete their account'],
    ['topic_supports', ['openid'], 'a person’s supports, when they delete their account'],
    ['topic_votes', ['openid'], 'a person’s votes, when they delete their account'],
    // Volunteer actions (issue 20):
    ['vol_actions', ['concernIds', 'startedAt', '_id'], 'the newest action of a concern'],
    ['vol_actions', ['startedMonth', 'townId'], 'actions started per month, in every town or some'],
    ['vol_actions', ['resolvedMonth', 'townId'], 'actions resolved per month, in every town or some'],
    ['topic_supports', ['topicId'], 'the support count of a proposal'],
    ['topic_votes', ['topicId', 'optionId'], 'the votes per option of a topic'],
    ['resident_places', ['placeId'], 'the residents of a place, for the notices of its topics'],
    // Issue 22, chunked transactions:
    ['vol_events', ['noticesPending'], 'cancelled events whose notices a cut-off run left unwritten'],
    ['content_reports', ['status', 'at', 'reportId'], 'open reports of every town, oldest first'],
    ['photo_checks', ['status', 'submittedAt', '_id'], 'held photos of every town, oldest first'],
    // Admin (issue 19).
    ['users', ['phone'], 'a team leader the admin finds by phone'],
  ])('%s has an index on %j for %s', (coll, fields) => {
    const c = read(`cloudbase/collections/${coll}.json`) as { indexes: Array<{ keys: Array<{ field: string }> }> };
    expect(c.indexes.map((i) => i.keys.map((k) => k.field))).toContainEqual(fields);
  });

  it('no collection has more indexes than the older basic plan allows (20, `_id_` included)', () => {
    for (const name of COLLECTIONS) expect({ name, indexes: (read(`cloudbase/collections/${name}.json`) as { indexes: unknown[] }).indexes.length + 1 <= 20 }).toEqual({ name, indexes: true });
  });

  it('an Open311 key hash belongs to one client only', () => {
    const c = read('cloudbase/collections/api_clients.json') as { indexes: Array<{ unique: boolean; keys: Array<{ field: string }> }> };
    expect(c.indexes.find((i) => i.keys.map((k) => k.field).join() === 'keyHash')?.unique).toBe(true);
  });

  it('the audit log is append-only: its repository never updates or removes, and clients can neither read nor write it', () => {
    const source = readFileSync(path.join(ROOT, 'server/store/concerns/cloudbase-audit.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(source).toMatch(/\.add\(/);
    expect(source).not.toMatch(/\.(update|updateWhere|conditionalUpdate|updateAndReturn|set|remove|transaction)\(/);
    expect(read('cloudbase/database.rules.json').audit_log).toEqual({ read: false, write: false });
  });

  it('every function has an entry to bundle', () => {
    for (const name of ALL_FUNCTIONS) expect(readdirSync(path.join(ROOT, 'cloudfunctions', name))).toContain('index.ts');
  });

  it('every function folder and every function with settings is built and deployed', () => {
    expect([...ALL_FUNCTIONS].sort()).toEqual(readdirSync(path.join(ROOT, 'cloudfunctions')).sort());
    expect([...ALL_FUNCTIONS].sort()).toEqual(Object.keys(FUNCTION_CONFIG).sort());
  });
});
