/**
 * Moderation of held content: the town admin lists what the content checks held in their town — concern
 * descriptions and thread messages, volunteer event texts, event cancellation reasons, team application
 * notes, leaders' reasons for correcting hours, and photos — and publishes or rejects each item. A
 * decision changes only the item's state: the content is kept either way.
 */
import type { ConcernCtx as Ctx } from '../concerns/concern-ctx';
import { decideReported, reportedItems } from './content-reports';
import type { DirectorySnapshot } from '../directory/directory';
import { AppError } from '../errors';
import { adminTowns } from '../scope';
import type { Notification } from '../model';
import { photoUrlLists } from '../concerns/photos';
import { decideHeldTopicText, heldTopicItems } from '../topics/topic-moderation';
import { decideCommitteeText, heldCommitteeItems, isCommitteeTextKind } from '../topics/topic-committee-texts';
import type { ParsedInputOf } from '../schemas';
import type { ModerationItem } from '../views';
import { beijingTime } from '../beijing';
import { EVENT_PAGE } from '../volunteers/volunteer-common';
import { eventText } from '../volunteers/volunteer-events';
import type { Team, VolunteerEvent } from '../volunteers/volunteer-model';
import { tidyPunctuation } from '../concerns/notice-text';

const LIST_MAX = 100;

async function townsOf(ctx: Ctx): Promise<string[] | null> {
  const towns = adminTowns(await ctx.directory.current(), ctx.caller);
  if (towns !== null && towns.length === 0) throw new AppError('AUTH.FORBIDDEN', 'a moderator serves a town or the district');
  return towns;
}

const townOf = (snap: DirectorySnapshot, nodeId: string): string => snap.grid.placement(nodeId).town?.id ?? nodeId;

/** Teams in these towns (all when null), with the town each belongs to. */
async function teamsIn(ctx: Ctx, towns: string[] | null): Promise<Map<string, { team: Team; townId: string }>> {
  const snap = await ctx.directory.current();
  const out = new Map<string, { team: Team; townId: string }>();
  for (const team of await ctx.deps.store.teams.listTeams()) {
    const townId = townOf(snap, team.nodeId);
    if (towns === null || towns.includes(townId)) out.set(team.id, { team, townId });
  }
  return out;
}

function eventItems(e: VolunteerEvent, townId: string): ModerationItem[] {
  const subject = { kind: 'event' as const, id: e.id };
  const items: ModerationItem[] = [];
  if (e.moderation === 'held') items.push({ kind: 'event', id: e.id, text: eventText(e), at: e.createdAt, townId, subject });
  if (e.cancelModeration === 'held' && e.cancelReason !== null) items.push({ kind: 'cancelReason', id: e.id, text: e.cancelReason, at: e.cancelledAt ?? e.createdAt, townId, subject });
  return items;
}

const byAt = (a: ModerationItem, b: ModerationItem) => (a.at === b.at ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.at < b.at ? -1 : 1);

export async function listHeld(ctx: Ctx): Promise<{ items: ModerationItem[] }> {
  const towns = await townsOf(ctx);
  const teams = await teamsIn(ctx, towns);
  const teamIds = towns === null ? null : [...teams.keys()];
  const { concerns, events, teams: teamRepo, photoChecks } = ctx.deps.store;
  const [held, heldEvents, heldNotes, heldReasons, heldPhotos] = await Promise.all([
    concerns.heldContent(towns, LIST_MAX),
    events.heldEvents(teamIds, LIST_MAX),
    teamRepo.heldNotes(teamIds, LIST_MAX),
    events.heldHoursReasons(teamIds, LIST_MAX),
    photoChecks.held(towns, LIST_MAX),
  ]);
  const [photoUrls] = await photoUrlLists(ctx.deps, [heldPhotos.map((p) => p.fileId)]);
  const urlOf = new Map(heldPhotos.map((p, i) => [p.fileId, photoUrls[i]]));
  const eventTeams = new Map((await Promise.all([...new Set(heldReasons.map((a) => a.eventId))].map((id) => events.getEvent(id)))).flatMap((e) => (e ? [[e.id, e.teamId] as const] : [])));
  const items: ModerationItem[] = [
    ...held.map((h) => ({ kind: h.kind, id: h.id, text: h.text, at: h.at, townId: h.townId, subject: { kind: 'concern' as const, id: h.concernId } })),
    ...heldEvents.flatMap((e) => eventItems(e, teams.get(e.teamId)?.townId ?? '')),
    ...heldNotes.map((m) => ({ kind: 'application' as const, id: m.id, text: m.note ?? '', at: m.appliedAt, townId: teams.get(m.teamId)?.townId ?? '', subject: { kind: 'team' as const, id: m.teamId } })),
    ...heldReasons.map((a) => ({
      kind: 'hoursReason' as const,
      id: a.id,
      text: a.reason ?? '',
      at: a.at,
      townId: teams.get(eventTeams.get(a.eventId) ?? '')?.townId ?? '',
      subject: { kind: 'event' as const, id: a.eventId },
    })),
    ...heldPhotos.map((p) => ({
      kind: 'photo' as const,
      id: p.id,
      text: '',
      ...(urlOf.get(p.fileId) ? { photoUrl: urlOf.get(p.fileId) } : {}),
      at: p.submittedAt,
      townId: p.townId,
      subject: { kind: p.subject === 'topic' ? ('topic' as const) : ('concern' as const), id: p.concernId },
    })),
  ];
  items.push(...(await reportedItems(ctx, towns, LIST_MAX)));
  items.push(...(await heldTopicItems(ctx, towns, LIST_MAX)));
  items.push(...(await heldCommitteeItems(ctx, towns, LIST_MAX)));
  return { items: items.sort(byAt).slice(0, LIST_MAX) };
}

const notHeld = (kind: string, id: string) => new AppError('MODERATION.NOT_HELD', `no held ${kind} ${id} in this moderator's towns`);

/** Tells the leader who created an event what the moderator decided on its texts. */
function reviewNotice(ctx: Ctx, e: VolunteerEvent, published: boolean): Notification {
  const at = ctx.deps.now().toISOString();
  const when = beijingTime(e.startAt);
  return {
    id: ctx.deps.newId('n'),
    recipientOpenid: e.createdBy,
    kind: 'event_reviewed',
    title: published ? '活动已通过审核' : '活动未通过审核',
    body: tidyPunctuation(published ? `「${e.title}」（${when}）已通过内容审核，居民现在可以看到并报名了。` : `「${e.title}」（${when}）未通过内容审核，居民看不到这个活动。请调整标题、地点或说明后重新发布。`),
    page: EVENT_PAGE(e.id),
    createdAt: at,
  };
}

type Decision = 'published' | 'rejected';

async function decideVolunteer(ctx: Ctx, input: ParsedInputOf<'moderation/decide'>, towns: string[] | null, to: Decision): Promise<boolean> {
  const teams = await teamsIn(ctx, towns);
  if (input.kind === 'hoursReason') {
    // Held reasons are few: the entry must be among those of the moderator's teams.
    const held = await ctx.deps.store.events.heldHoursReasons(towns === null ? null : [...teams.keys()], 10_000);
    if (!held.some((a) => a.id === input.id)) throw notHeld(input.kind, input.id);
    return ctx.deps.store.events.decideHoursReason(input.id, to);
  }
  if (input.kind === 'application') {
    // A membership id is `${teamId}_${openid}`: the team is the one whose id prefixes it.
    const team = [...teams.values()].find(({ team: t }) => input.id.startsWith(`${t.id}_`));
    if (!team) throw notHeld(input.kind, input.id);
    return ctx.deps.store.teams.decideNote(input.id, to);
  }
  const e = await ctx.deps.store.events.getEvent(input.id);
  if (!e || !teams.has(e.teamId)) throw notHeld(input.kind, input.id);
  const notices = input.kind === 'event' ? [reviewNotice(ctx, e, to === 'published')] : [];
  return ctx.deps.store.events.decideEvent(e.id, input.kind === 'event' ? 'event' : 'cancelReason', to, notices);
}

export async function decide(ctx: Ctx, input: ParsedInputOf<'moderation/decide'>): Promise<{ decided: true }> {
  const towns = await townsOf(ctx);
  const to: Decision = input.decision === 'publish' ? 'published' : 'rejected';
  // Every item must be held in the moderator's own towns: part of the conditional update, or looked up first.
  let ok: boolean;
  if (input.kind === 'photo') {
    // The town is part of the conditional update itself: another town's photo is simply not held here.
    ok = await ctx.deps.store.photoChecks.decide(input.id, to, ctx.deps.now().toISOString(), towns);
  } else if (isCommitteeTextKind(input.kind)) {
    ok = await decideCommitteeText(ctx, input.kind, input.id, to, towns);
  } else if (input.kind === 'topic' || input.kind === 'topicComment') {
    ok = await decideHeldTopicText(ctx, input.kind, input.id, to, towns);
  } else if (input.kind === 'reportedConcern' || input.kind === 'reportedMessage' || input.kind === 'reportedEvent' || input.kind === 'reportedTopicComment') {
    ok = await decideReported(ctx, input.kind, input.id, input.decision, towns);
  } else if (input.kind === 'concern' || input.kind === 'message') {
    ok = await ctx.deps.store.concerns.decideModeration(input.kind, input.id, to, towns);
  } else {
    ok = await decideVolunteer(ctx, input, towns, to);
  }
  if (!ok) throw new AppError('MODERATION.NOT_HELD', `${input.kind} ${input.id} is not held in this moderator's towns (decided already, or another town's)`);
  return { decided: true };
}
