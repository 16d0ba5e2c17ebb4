/**
 * What callers see of volunteer actions (issue 20). Residents see the team that took a concern on and how
 * far it got, never the volunteers; the team's leaders and the concerns' handlers see the whole action.
 */
import type { ActionStatus, VolunteerAction } from './action-model';
import { releasedText } from '../trust/content';
import type { Deps } from '../ports';

/** The action as its team's leaders and the concerns' handlers see it. */
export interface ActionView {
  id: string;
  status: ActionStatus;
  teamId: string;
  teamName: string;
  title: string;
  description: string;
  place: string;
  photos: string[];
  concernIds: string[];
  eventId: string | null;
  startedAt: string;
  startedByName: string;
  /** The recorded result: held text shows as the review placeholder to all but its author and moderators. */
  result: { text: string; photos: string[]; at: string; underReview: boolean } | null;
}

/** The action that took a concern on, on the concern's page: the team only, never a volunteer's name. */
export interface ConcernActionView {
  id: string;
  status: ActionStatus;
  teamName: string;
  eventId: string | null;
}

export function actionView(a: VolunteerAction, teamName: string, mayReadHeld: boolean): ActionView {
  const r = a.result;
  return {
    id: a.id,
    status: a.status,
    teamId: a.teamId,
    teamName,
    title: a.title,
    description: a.description,
    place: a.place,
    photos: a.photos,
    concernIds: a.concernIds,
    eventId: a.eventId,
    startedAt: a.startedAt,
    startedByName: a.startedByName,
    result: r === null ? null : { text: mayReadHeld ? r.text : releasedText(r.text, r.moderation), photos: r.photos, at: r.at, underReview: r.moderation !== 'published' },
  };
}

/** The newest action of a concern for its page (one read of the action, one of its team), or null. */
export async function concernActionView(deps: Deps, concernId: string): Promise<ConcernActionView | null> {
  const a = await deps.store.actions.latestOf(concernId);
  if (!a) return null;
  const team = await deps.store.teams.getTeam(a.teamId);
  return { id: a.id, status: a.status, teamName: team?.name ?? '志愿服务队', eventId: a.eventId };
}
