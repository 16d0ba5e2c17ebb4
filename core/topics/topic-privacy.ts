/**
 * 街坊议事 in a person's export (me/export): their stated place and its verification, the topics and
 * comments they wrote (held ones too: they are theirs, marked), their votes and supports. Another person's
 * topic is named by its title only when that title is published. me/delete anonymises the same records
 * (TopicRepo.forget): authored texts keep no author, votes and supports keep no link to the person, and
 * every count stays as it was.
 */
import type { ConcernCtx as Ctx } from '../concerns/concern-ctx';
import { releasedText } from '../trust/content';
import type { Moderation } from '../model';
import type { Topic } from './topic-model';
import { placeView } from './topic-access';
import type { PlaceView } from './topic-views';

export interface MyYishiData {
  place: PlaceView | null;
  topics: Array<{ id: string; title: string; background: string; placeName: string; stage: Topic['stage']; createdAt: string; underReview: boolean }>;
  comments: Array<{ topicId: string; topicTitle: string; parentId: string | null; text: string; at: string; underReview: boolean }>;
  votes: Array<{ topicId: string; topicTitle: string; optionId: string; optionLabel: string; at: string }>;
  supports: Array<{ topicId: string; topicTitle: string; at: string }>;
}

export async function exportYishi(ctx: Ctx): Promise<MyYishiData> {
  const snap = await ctx.directory.current();
  const { topics } = ctx.deps.store;
  const [place, data] = await Promise.all([topics.getPlace(ctx.caller.openid), topics.personData(ctx.caller.openid)]);
  const ids = [...new Set([...data.comments, ...data.votes, ...data.supports].map((x) => x.topicId))];
  const read = await Promise.all(ids.map((id) => topics.get(id)));
  const byId = new Map<string, Topic>(read.filter((t): t is Topic => t !== null).map((t) => [t.id, t]));
  for (const t of data.topics) byId.set(t.id, t);
  const title = (id: string) => {
    const t = byId.get(id);
    if (!t) return '';
    return t.authorOpenid === ctx.caller.openid ? t.title : releasedText(t.title, t.moderation);
  };
  const held = (m: Moderation) => m !== 'published';
  return {
    place: place && snap.grid.get(place.placeId) ? placeView(snap, place) : null,
    topics: data.topics.map((t) => ({ id: t.id, title: t.title, background: t.background, placeName: snap.grid.placeName(t.placeId), stage: t.stage, createdAt: t.createdAt, underReview: held(t.moderation) })),
    comments: data.comments.map((c) => ({ topicId: c.topicId, topicTitle: title(c.topicId), parentId: c.parentId, text: c.text, at: c.at, underReview: held(c.moderation) })),
    votes: data.votes.map((v) => ({ topicId: v.topicId, topicTitle: title(v.topicId), optionId: v.optionId, optionLabel: byId.get(v.topicId)?.options.find((o) => o.id === v.optionId)?.label ?? '', at: v.at })),
    supports: data.supports.map((s) => ({ topicId: s.topicId, topicTitle: title(s.topicId), at: s.at })),
  };
}
