/** Reminders of volunteer events (timer job). */
import type { DirectoryCache } from '../directory/directory';
import { deploymentWork, townOfNode } from '../directory/town-settings';
import { eventTitle } from '../trust/event-reports';
import type { Deps } from '../ports';
import { type Team } from './volunteer-model';
import { EVENT_PAGE, notice } from './volunteer-common';
import { beijingTime } from '../beijing';
/**
 * Queues a reminder for every signed place of an event starting within its town's lead time (the
 * deployment's where the town set none). Idempotent: a place is marked reminded in the same atomic step
 * as its notice is queued, so running this from several timers, or again after a crash, reminds each
 * person once per event. Places are asked for up to the longest lead of any town; one whose town's lead
 * has not come yet is left for a later run.
 */
export async function sendReminders(deps: Deps, directory: DirectoryCache, limit = 200): Promise<number> {
  const now = deps.now();
  const fallback = deploymentWork(deps).reminderLeadMinutes;
  const leads = new Map((await deps.store.board.listWorkSettings()).map((t) => [t.townId, t.work.reminderLeadMinutes ?? fallback]));
  const until = (lead: number) => new Date(now.getTime() + lead * 60_000).toISOString();
  const due = await deps.store.events.dueReminders(now.toISOString(), until(Math.max(fallback, ...leads.values())), limit);
  const snap = due.length > 0 ? await directory.current() : null;
  const teams = new Map<string, Team | null>();
  const teamOf = async (id: string) => (teams.has(id) ? teams.get(id)! : teams.set(id, await deps.store.teams.getTeam(id)).get(id)!);
  let sent = 0;
  for (const { signUp, event } of due) {
    const team = await teamOf(event.teamId);
    const town = team && snap ? townOfNode(snap, team.nodeId) : null;
    if (event.startAt > until((town === null ? undefined : leads.get(town)) ?? fallback)) continue;
    const n = notice(deps, signUp.openid, 'event_reminder', '志愿活动提醒', `「${eventTitle(event)}」将于${beijingTime(event.startAt)}在${event.place}开始，请准时参加并扫码签到。`, EVENT_PAGE(event.id), now.toISOString());
    if (await deps.store.events.markReminded(signUp.id, now.toISOString(), n)) sent++;
  }
  return sent;
}
