/**
 * 街坊议事 (yishi): the actions of core/topics/topic-model.ts. Who may do what:
 * - a topic's committee is the staff or admin whose node holds the topic's place (a cooperative's
 *   committee, the village's above it, the town's admins), or a 街坊会 leader whose team sits there;
 * - its residents are the people whose stated place (me/setPlace) lies in the topic's place: a
 *   cooperative's residents take part in their village's topics. Anyone else is refused with a code.
 * Held text (the content check's `review`) is seen by its author and the town's moderators only.
 */
import { moderate, moderatesTown, releasedText, shownText } from '../trust/content';
import { submit as submitConcern } from '../concerns/concern-intake';
import type { ConcernCtx as Ctx } from '../concerns/concern-ctx';
import type { DirectorySnapshot } from '../directory/directory';
import { categoryOf } from '../directory/directory';
import { AppError } from '../errors';
import type { Caller, Moderation, Notification, NotificationKind } from '../model';
import { snippet } from '../concerns/notices';
import type { Deps } from '../ports';
import { CONCERN_INPUTS as schemas } from '../concerns/actions';
import type { ParsedInputOf } from '../schemas';
import { stageRank } from './topic-settle';
import { ANSWER_DAYS, PLACE_CHANGE_DAYS, TOPIC_LIMITS, type ResidentPlace, type Topic, type TopicComment } from './topic-model';
import type { PlaceView, TopicCommentView, TopicDetail, TopicSummary } from './topic-views';
import { meetingViews } from './topic-meeting-views';
import { supportsNeededFor } from './topic-town-settings';
import { tidyPunctuation } from '../concerns/notice-text';
import { checkPhotos, shownPhotoUrlLists, submitPhotoChecks } from '../concerns/photos';
import { hasHeldCommitteeText } from './topic-held';
import { decisionTeams, linkedActions, placeTeams, startDecisionAction } from './topic-actions';
import { addDays, DAY_MS, isCommittee, participatingPlaces, placeNode, placeView, refusal, TOPIC_PAGE, visibleTopic } from './topic-access';

function summary(snap: DirectorySnapshot, t: Topic, now: string): TopicSummary {
  return {
    id: t.id,
    title: t.title,
    placeId: t.placeId,
    placeName: snap.grid.placeName(t.placeId),
    townId: t.townId,
    stage: t.stage,
    origin: t.origin,
    deadline: t.deadline,
    supportCount: t.supportCount,
    supportsNeeded: t.supportsNeeded,
    answerOverdue: t.stage === 'awaiting_answer' && t.answerDueAt !== null && t.answerDueAt < now,
    hasVote: t.options.length > 0,
    updatedAt: t.updatedAt,
  };
}

function commentView(snap: DirectorySnapshot, caller: Caller, c: TopicComment): TopicCommentView {
  const mine = c.authorOpenid === caller.openid;
  const text = shownText(caller, mine, c.text, c.moderation, false, { snap, townId: c.townId });
  return { id: c.id, parentId: c.parentId, authorName: c.authorName, official: c.official, text, underReview: c.moderation !== 'published' && text === c.text, mine, at: c.at };
}

export async function detail(ctx: Ctx, snap: DirectorySnapshot, t: Topic): Promise<TopicDetail> {
  const { topics, concerns } = ctx.deps.store;
  const { caller } = ctx;
  const now = ctx.deps.now().toISOString();
  const [place, supports, myVote, comments] = await Promise.all([
    topics.getPlace(caller.openid),
    topics.supports(t.id, caller.openid),
    topics.myVote(t.id, caller.openid),
    topics.comments(t.id),
  ]);
  // Counts are shown once the deadline has passed, from the frozen result.
  const tally = t.result;
  const mod = moderatesTown(snap, caller, t.townId);
  const canManage = isCommittee(snap, caller, t.placeId);
  const open = t.stage === 'open' || t.stage === 'collecting' || t.stage === 'awaiting_answer';
  const takePart = open ? refusal(snap, place, t) : 'TOPIC.CLOSED';
  const [linked, actions, teams, [photos]] = await Promise.all([
    tally ? Promise.all(tally.concernIds.map((id) => concerns.get(id))) : Promise.resolve([]),
    tally ? linkedActions(ctx.deps, tally.concernIds) : Promise.resolve([]),
    canManage && t.stage === 'closed' ? placeTeams(ctx.deps, snap, t.placeId) : Promise.resolve([]),
    shownPhotoUrlLists(ctx.deps, caller, [t.photos ?? []]),
  ]);
  const shown = (isAuthor: boolean, text: string, moderation: Moderation) => shownText(caller, isAuthor, text, moderation, false, { snap, townId: t.townId });
  const decisionShown = (s: string | null) => (s === null || !tally ? s : shown(canManage, s, tally.decisionModeration ?? 'published'));
  return {
    ...summary(snap, t, now),
    title: shown(t.authorOpenid === caller.openid, t.title, t.moderation),
    background: shown(t.authorOpenid === caller.openid, t.background, t.moderation),
    underReview: t.moderation !== 'published',
    options: t.options.map((o) => ({ ...o, count: tally ? (tally.counts[o.id] ?? 0) : null })),
    myVote,
    mySupport: supports.mine,
    supportCount: t.stage === 'collecting' ? supports.count : t.supportCount,
    takePart,
    canManage,
    answerDueAt: t.answerDueAt,
    answer: t.answer ? { accepted: t.answer.accepted, reason: shown(canManage, t.answer.reason, t.answer.moderation), at: t.answer.at, byName: t.answer.byName } : null,
    result: tally
      ? {
          turnout: tally.turnout,
          counts: tally.counts,
          closedAt: tally.closedAt,
          decision: decisionShown(tally.decision),
          reasons: decisionShown(tally.reasons),
          decidedAt: tally.decidedAt,
          decidedByName: tally.decidedByName,
          concerns: tally.concernIds.map((id, i) => {
            const c = linked[i];
            const a = actions[i];
            return {
              id,
              status: c?.status ?? null,
              categoryName: c ? categoryOf(snap, c.route.townId, c.category)?.name ?? null : null,
              action: a ? { status: a.status, teamName: a.teamName } : null,
            };
          }),
        }
      : null,
    comments: comments.filter((c) => c.moderation !== 'rejected' || c.authorOpenid === caller.openid || mod).map((c) => commentView(snap, caller, c)),
    authorName: t.authorName,
    createdAt: t.createdAt,
    requireVerified: t.requireVerified === true,
    mustVerify: t.requireVerified === true && t.options.length > 0 && takePart === null && !place?.verified,
    meetings: meetingViews(t, canManage || mod),
    verifyRequestedAt: place?.verifyRequestedAt ?? null,
    teams,
    photos,
  };
}

/** Notices to everyone who stated a place taking part in the topic; none for held text. Ids are stable, so a retry queues nothing twice. */
export async function noticeResidents(deps: Deps, snap: DirectorySnapshot, t: Topic, kind: NotificationKind, title: string, body: string): Promise<void> {
  if (t.moderation !== 'published') return;
  const people = await deps.store.topics.residentsOf(participatingPlaces(snap, t.placeId));
  const at = deps.now().toISOString();
  const notices: Notification[] = people.map((openid) => ({ id: `n${kind}-${t.id}-${openid}`.slice(0, 128), recipientOpenid: openid, kind, title: tidyPunctuation(title), body: tidyPunctuation(body), page: TOPIC_PAGE(t.id), createdAt: at }));
  if (notices.length > 0) await deps.store.outbox.enqueue(notices);
}

/** 议题有决定了, to the place's residents: once the decision is published (ids are stable, so never twice). */
export async function noticeDecided(deps: Deps, snap: DirectorySnapshot, t: Topic): Promise<void> {
  await noticeResidents(deps, snap, t, 'topic_decided', '议题有决定了', snippet(`${t.title}：${t.result?.decision ?? ''}`));
}

/** 新议题，欢迎参与, to the place's residents: when it opens, or when a moderator publishes a held one. */
export async function noticeOpened(deps: Deps, snap: DirectorySnapshot, t: Topic): Promise<void> {
  await noticeResidents(deps, snap, t, 'topic_opened', '新议题，欢迎参与', snippet(`${snap.grid.placeName(t.placeId)}：${t.title}`));
}

function checkDeadline(deps: Deps, deadline: string): void {
  const now = deps.now().getTime();
  const at = Date.parse(deadline);
  if (at <= now || at > now + TOPIC_LIMITS.daysMax * DAY_MS) throw new AppError('TOPIC.INVALID_DEADLINE', `deadline ${deadline} is not within ${TOPIC_LIMITS.daysMax} days from now`);
}

const toOptions = (labels: readonly string[]) => labels.map((label, i) => ({ id: `o${i + 1}`, label }));

/** Applies a change at the version read; a topic changed meanwhile is a conflict the caller may retry. */
export async function change(deps: Deps, t: Topic, fields: Parameters<Deps['store']['topics']['update']>[2]): Promise<Topic> {
  const committeeHeld = hasHeldCommitteeText({ ...t, ...fields });
  const updated = await deps.store.topics.update(t.id, t.version, { ...fields, committeeHeld, updatedAt: deps.now().toISOString() });
  if (!updated) throw new AppError('TOPIC.CONFLICT', `topic ${t.id} changed since it was read`);
  return updated;
}

export async function setPlace(ctx: Ctx, input: ParsedInputOf<'me/setPlace'>): Promise<PlaceView> {
  const snap = await ctx.directory.current();
  placeNode(snap, input.placeId);
  const { topics } = ctx.deps.store;
  const now = ctx.deps.now().toISOString();
  const prior = await topics.getPlace(ctx.caller.openid);
  if (prior && prior.placeId === input.placeId) return placeView(snap, prior);
  if (prior && addDays(prior.setAt, PLACE_CHANGE_DAYS) > now) {
    throw new AppError('TOPIC.PLACE_LOCKED', `the place was set at ${prior.setAt}`, { changeableFrom: addDays(prior.setAt, PLACE_CHANGE_DAYS) });
  }
  const place: ResidentPlace = { openid: ctx.caller.openid, placeId: input.placeId, townId: snap.grid.placement(input.placeId).town?.id ?? '', setAt: now };
  await topics.setPlace(place);
  return placeView(snap, place);
}

export async function list(ctx: Ctx, input: ParsedInputOf<'topic/list'>): Promise<{ items: TopicSummary[]; place: PlaceView | null }> {
  const snap = await ctx.directory.current();
  const { caller } = ctx;
  const place = await ctx.deps.store.topics.getPlace(caller.openid);
  const places = new Set<string>();
  // A resident's own place and the village above it; a committee's places under its node.
  if (place && snap.grid.get(place.placeId)) for (const n of snap.grid.lineage(place.placeId)) if (n.kind === 'village' || n.kind === 'cooperative') places.add(n.id);
  for (const root of [caller.role === 'staff' || caller.role === 'admin' ? caller.nodeId : null, caller.leads?.nodeId ?? null]) {
    if (root === null || !snap.grid.get(root)) continue;
    const walk = (id: string): void => {
      const n = snap.grid.get(id);
      if (n && (n.kind === 'village' || n.kind === 'cooperative')) places.add(n.id);
      for (const c of snap.grid.children(id)) if (c.kind !== 'grid') walk(c.id);
    };
    walk(root);
  }
  const wanted = input.placeId === undefined ? [...places] : [...places].filter((p) => p === input.placeId);
  const now = ctx.deps.now().toISOString();
  const items = (await ctx.deps.store.topics.listByPlaces(wanted, 100))
    .filter((t) => t.moderation === 'published' || t.authorOpenid === caller.openid || moderatesTown(snap, caller, t.townId))
    .map((t) => (t.stage === 'open' && t.deadline !== null && t.deadline <= now ? { ...t, stage: 'closed' as const } : t))
    .sort((a, b) => stageRank(a.stage) - stageRank(b.stage) || (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
    .map((t) => summary(snap, t, now));
  return { items, place: place && snap.grid.get(place.placeId) ? placeView(snap, place) : null };
}

export async function get(ctx: Ctx, input: ParsedInputOf<'topic/get'>): Promise<TopicDetail> {
  const snap = await ctx.directory.current();
  return detail(ctx, snap, await visibleTopic(ctx, snap, input.id));
}

async function newTopic(ctx: Ctx, snap: DirectorySnapshot, fields: Pick<Topic, 'placeId' | 'title' | 'background' | 'options' | 'origin' | 'stage' | 'deadline' | 'supportsNeeded' | 'requireVerified'>, photos: readonly string[] = []): Promise<Topic> {
  // Photos as on a concern: the author's own uploads only, each submitted to the image check before the topic is stored.
  await checkPhotos(ctx.deps, ctx.caller.openid, photos);
  const moderation: Moderation = await moderate(ctx.deps, ctx.caller, `${fields.title}\n${fields.background}`);
  const now = ctx.deps.now().toISOString();
  const id = ctx.deps.newId('tp');
  const townId = snap.grid.placement(fields.placeId).town?.id ?? '';
  await submitPhotoChecks(ctx.deps, ctx.caller, photos, { concernId: id, townId, subject: 'topic' });
  const t: Topic = {
    ...fields,
    ...(photos.length > 0 ? { photos: [...photos] } : {}),
    id,
    townId,
    authorOpenid: ctx.caller.openid,
    authorName: ctx.caller.name,
    moderation,
    supportCount: 0,
    answerDueAt: null,
    answer: null,
    result: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await ctx.deps.store.topics.create(t);
  return t;
}

export async function create(ctx: Ctx, input: ParsedInputOf<'topic/create'>): Promise<TopicDetail> {
  const snap = await ctx.directory.current();
  placeNode(snap, input.placeId);
  if (!isCommittee(snap, ctx.caller, input.placeId)) throw new AppError('TOPIC.NOT_COMMITTEE', `the caller does not run topics of ${input.placeId}`);
  checkDeadline(ctx.deps, input.deadline);
  const t = await newTopic(ctx, snap, { placeId: input.placeId, title: input.title, background: input.background, options: toOptions(input.options), origin: 'committee', stage: 'open', deadline: input.deadline, supportsNeeded: 0, ...(input.requireVerified ? { requireVerified: true } : {}) }, input.photos);
  await noticeOpened(ctx.deps, snap, t);
  return detail(ctx, snap, t);
}

export async function propose(ctx: Ctx, input: ParsedInputOf<'topic/propose'>): Promise<TopicDetail> {
  const snap = await ctx.directory.current();
  const place = await ctx.deps.store.topics.getPlace(ctx.caller.openid);
  if (!place || !snap.grid.get(place.placeId)) throw new AppError('TOPIC.NO_PLACE', 'state your village or cooperative first');
  const townId = snap.grid.placement(place.placeId).town?.id ?? '';
  const supportsNeeded = await supportsNeededFor(ctx.deps, townId);
  const t = await newTopic(ctx, snap, { placeId: place.placeId, title: input.title, background: input.background, options: [], origin: 'proposal', stage: 'collecting', deadline: null, supportsNeeded }, input.photos);
  return detail(ctx, snap, t);
}

export async function support(ctx: Ctx, input: ParsedInputOf<'topic/support'>): Promise<{ count: number; stage: Topic['stage']; added: boolean }> {
  const snap = await ctx.directory.current();
  const { topics } = ctx.deps.store;
  let t = await visibleTopic(ctx, snap, input.id);
  if (t.stage !== 'collecting') throw new AppError('TOPIC.WRONG_STAGE', `topic ${t.id} is ${t.stage}, not collecting supports`);
  if (t.authorOpenid === ctx.caller.openid) throw new AppError('TOPIC.OWN_PROPOSAL', 'a proposer does not support their own proposal');
  const why = refusal(snap, await topics.getPlace(ctx.caller.openid), t);
  if (why) throw new AppError(why, `the caller may not support topic ${t.id}`);
  const now = ctx.deps.now().toISOString();
  const added = await topics.support(t.id, ctx.caller.openid, now);
  // The stored count follows the support records: re-read and recount until this writer's view is stored.
  for (;;) {
    const { count } = await topics.supports(t.id, ctx.caller.openid);
    if (t.stage !== 'collecting' || t.supportCount >= count) return { count, stage: t.stage, added };
    const reached = count >= t.supportsNeeded;
    const updated = await topics.update(t.id, t.version, reached ? { supportCount: count, stage: 'awaiting_answer', answerDueAt: addDays(now, ANSWER_DAYS), updatedAt: now } : { supportCount: count, updatedAt: now });
    if (updated) return { count, stage: updated.stage, added };
    const fresh = await topics.get(t.id);
    if (!fresh) throw new AppError('TOPIC.NOT_FOUND', `topic ${input.id} is gone`);
    t = fresh;
  }
}

export async function answerProposal(ctx: Ctx, input: ParsedInputOf<'topic/answerProposal'>): Promise<TopicDetail> {
  const snap = await ctx.directory.current();
  const t = await visibleTopic(ctx, snap, input.id);
  if (!isCommittee(snap, ctx.caller, t.placeId)) throw new AppError('TOPIC.NOT_COMMITTEE', `the caller does not run topics of ${t.placeId}`);
  if (t.stage !== 'awaiting_answer' && t.stage !== 'collecting') throw new AppError('TOPIC.WRONG_STAGE', `topic ${t.id} is ${t.stage}: nothing to answer`);
  if (input.accept && input.deadline !== undefined) checkDeadline(ctx.deps, input.deadline);
  const moderation = await moderate(ctx.deps, ctx.caller, input.reason);
  const answer = { accepted: input.accept, reason: input.reason, at: ctx.deps.now().toISOString(), byName: ctx.caller.name, moderation };
  const updated = await change(
    ctx.deps,
    t,
    input.accept ? { answer, stage: 'open', deadline: input.deadline ?? null, options: toOptions(input.options ?? []) } : { answer, stage: 'declined' },
  );
  const body = snippet(`${t.title}：${input.accept ? '已纳入议事' : '未采纳'}。${releasedText(input.reason, moderation)}`);
  await ctx.deps.store.outbox.enqueue([{ id: `ntopic_answered-${t.id}`, recipientOpenid: t.authorOpenid, kind: 'topic_answered', title: '您的提案有答复了', body: tidyPunctuation(body), page: TOPIC_PAGE(t.id), createdAt: answer.at }]);
  if (input.accept) await noticeOpened(ctx.deps, snap, updated);
  return detail(ctx, snap, updated);
}

export async function vote(ctx: Ctx, input: ParsedInputOf<'topic/vote'>): Promise<{ optionId: string; outcome: 'new' | 'changed' | 'same' }> {
  const snap = await ctx.directory.current();
  const { topics } = ctx.deps.store;
  // The caller's place is read with the topic (neither needs the other); the topic's checks come first.
  const placeRead = topics.getPlace(ctx.caller.openid);
  placeRead.catch(() => undefined);
  const t = await visibleTopic(ctx, snap, input.id);
  if (t.stage === 'closed' || t.stage === 'decided') throw new AppError('TOPIC.CLOSED', `topic ${t.id} is past its deadline`);
  if (t.stage !== 'open') throw new AppError('TOPIC.WRONG_STAGE', `topic ${t.id} is ${t.stage}: not open to vote`);
  if (t.options.length === 0) throw new AppError('TOPIC.NO_VOTE', `topic ${t.id} is a discussion without a vote`);
  if (!t.options.some((o) => o.id === input.optionId)) throw new AppError('TOPIC.OPTION_UNKNOWN', `topic ${t.id} has no option ${input.optionId}`);
  const place = await placeRead;
  const why = refusal(snap, place, t);
  if (why) throw new AppError(why, `the caller may not vote on topic ${t.id}`);
  if (t.requireVerified && !place?.verified) throw new AppError('TOPIC.NOT_VERIFIED', `topic ${t.id} takes votes of verified residents only`);
  // The deadline is checked again at the write: a vote arriving at or after it is refused, settled or not.
  const at = ctx.deps.now().toISOString();
  if (t.deadline !== null && t.deadline <= at) throw new AppError('TOPIC.CLOSED', `topic ${t.id} closed at ${t.deadline}`);
  const outcome = await topics.vote({ topicId: t.id, openid: ctx.caller.openid, optionId: input.optionId, at });
  return { optionId: input.optionId, outcome };
}

export async function comment(ctx: Ctx, input: ParsedInputOf<'topic/comment'>): Promise<TopicCommentView> {
  const snap = await ctx.directory.current();
  const { topics } = ctx.deps.store;
  const t = await visibleTopic(ctx, snap, input.id);
  if (t.stage === 'closed' || t.stage === 'decided' || t.stage === 'declined') throw new AppError('TOPIC.CLOSED', `topic ${t.id} is ${t.stage}: the discussion is over`);
  const official = isCommittee(snap, ctx.caller, t.placeId);
  const why = official ? null : refusal(snap, await topics.getPlace(ctx.caller.openid), t);
  if (why) throw new AppError(why, `the caller may not comment on topic ${t.id}`);
  if (input.parentId !== undefined) {
    const parent = (await topics.comments(t.id)).find((c) => c.id === input.parentId);
    if (!parent || parent.parentId !== null) throw new AppError('TOPIC.COMMENT_NOT_FOUND', `no comment ${input.parentId} to reply to in topic ${t.id}`);
  }
  const moderation = await moderate(ctx.deps, ctx.caller, input.text);
  const c: TopicComment = { id: ctx.deps.newId('tc'), topicId: t.id, townId: t.townId, parentId: input.parentId ?? null, authorOpenid: ctx.caller.openid, authorName: ctx.caller.name, official, text: input.text, moderation, at: ctx.deps.now().toISOString() };
  await topics.addComment(c);
  return commentView(snap, ctx.caller, c);
}

/**
 * The committee's decision on a closed topic: its decision and reasons are published with the result, and
 * each concern it names is submitted for the topic's place (as the committee member, with a request id
 * derived from the topic, so a retried decision files no concern twice) and stays linked to the topic.
 */
export async function decide(ctx: Ctx, input: ParsedInputOf<'topic/decide'>): Promise<TopicDetail> {
  const snap = await ctx.directory.current();
  const t = await visibleTopic(ctx, snap, input.id);
  if (!isCommittee(snap, ctx.caller, t.placeId)) throw new AppError('TOPIC.NOT_COMMITTEE', `the caller does not run topics of ${t.placeId}`);
  if (t.stage !== 'closed' || !t.result) throw new AppError('TOPIC.WRONG_STAGE', `topic ${t.id} is ${t.stage}: a decision follows the deadline`);
  const teams = await decisionTeams(ctx, snap, t, input.concerns ?? []);
  const decisionModeration = await moderate(ctx.deps, ctx.caller, `${input.decision}\n${input.reasons}`);
  const concernIds: string[] = [];
  for (const [i, c] of (input.concerns ?? []).entries()) {
    const parsed = schemas['concern/submit'].parse({ category: c.category, description: c.description, placeId: t.placeId, requestId: `${t.id}-d${i + 1}` });
    const filed = (await submitConcern(ctx, parsed)).id;
    concernIds.push(filed);
    const team = teams.get(i);
    if (team) await startDecisionAction(ctx, snap, t, filed, i, team);
  }
  const at = ctx.deps.now().toISOString();
  const result = { ...t.result, decision: input.decision, reasons: input.reasons, decidedAt: at, decidedByName: ctx.caller.name, decisionModeration, concernIds };
  const updated = await change(ctx.deps, t, { stage: 'decided', result });
  // A held decision is announced when a moderator publishes it (core/topics/topic-committee-texts.ts).
  if (decisionModeration === 'published') await noticeDecided(ctx.deps, snap, updated);
  return detail(ctx, snap, updated);
}
