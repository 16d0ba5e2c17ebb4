/**
 * 街坊议事: 议事会, the offline meetings a committee attaches to a topic (date, place, minutes, attendance).
 * The minutes pass the content check like every text; a meeting is saved into the topic at the version
 * read, so two committee members saving at once do not lose each other's meeting.
 */
import type { ConcernCtx as Ctx } from '../concerns/concern-ctx';
import { moderate } from '../trust/content';
import { AppError } from '../errors';
import type { ParsedInputOf } from '../schemas';
import { MEETING_LIMITS, type TopicMeeting } from './topic-model';
import { change, detail } from './topic-service';
import { isCommittee, visibleTopic } from './topic-access';
import type { TopicDetail } from './topic-views';

/** `topic/saveMeeting`: adds a meeting, or (with `meetingId`) corrects one; a proposal not yet in 议事 has none. */
export async function saveMeeting(ctx: Ctx, input: ParsedInputOf<'topic/saveMeeting'>): Promise<TopicDetail> {
  const snap = await ctx.directory.current();
  const t = await visibleTopic(ctx, snap, input.id);
  if (!isCommittee(snap, ctx.caller, t.placeId)) throw new AppError('TOPIC.NOT_COMMITTEE', `the caller does not run topics of ${t.placeId}`);
  if (t.stage !== 'open' && t.stage !== 'closed' && t.stage !== 'decided') throw new AppError('TOPIC.WRONG_STAGE', `topic ${t.id} is ${t.stage}: meetings belong to topics in 议事`);
  const meetings = t.meetings ?? [];
  const prior = input.meetingId === undefined ? undefined : meetings.find((m) => m.id === input.meetingId);
  if (input.meetingId !== undefined && !prior) throw new AppError('TOPIC.MEETING_NOT_FOUND', `topic ${t.id} has no meeting ${input.meetingId}`);
  if (!prior && meetings.length >= MEETING_LIMITS.perTopic) throw new AppError('TOPIC.MEETINGS_FULL', `topic ${t.id} keeps ${MEETING_LIMITS.perTopic} meetings`);
  const minutesModeration = await moderate(ctx.deps, ctx.caller, `${input.place}\n${input.minutes}`);
  const meeting: TopicMeeting = {
    id: prior?.id ?? `m${meetings.length + 1}`,
    date: input.date,
    place: input.place,
    minutes: input.minutes,
    minutesModeration,
    attendance: input.attendance,
    savedAt: ctx.deps.now().toISOString(),
    savedByName: ctx.caller.name,
  };
  const next = prior ? meetings.map((m) => (m.id === prior.id ? meeting : m)) : [...meetings, meeting];
  return detail(ctx, snap, await change(ctx.deps, t, { meetings: next }));
}
