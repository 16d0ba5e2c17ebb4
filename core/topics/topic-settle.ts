/**
 * The deadline of a topic: when it passes, the vote closes and the counts are frozen into the published
 * result. Driven by the injected clock, twice over: the SLA job closes every due topic, and any read of a
 * topic past its deadline closes it first, so nobody sees it open (or votes) after the deadline whether or
 * not the job has run. Closing is one conditional update at the version read: of two closers one wins, and
 * the other reads the winner's result.
 */
import type { Deps } from '../ports';
import type { Topic, TopicStage } from './topic-model';

const RANK: Readonly<Record<TopicStage, number>> = { open: 0, awaiting_answer: 1, collecting: 2, closed: 3, decided: 4, declined: 5 };

/** Lists show open topics first, then proposals waiting for an answer or supports, then finished ones. */
export function stageRank(stage: TopicStage): number {
  return RANK[stage];
}

/**
 * The topic as it stands at `now` (the job's run time; `deps.now()` for a read): closed with its counts
 * when its deadline has passed.
 */
export async function settle(deps: Deps, first: Topic, now?: string): Promise<Topic> {
  let t: Topic | null = first;
  const at = now ?? deps.now().toISOString();
  while (t && t.stage === 'open' && t.deadline !== null && t.deadline <= at) {
    const tally = await deps.store.topics.tally(t.id);
    const counts = Object.fromEntries(t.options.map((o) => [o.id, tally.counts[o.id] ?? 0]));
    const result = { turnout: tally.turnout, counts, closedAt: at, decision: null, reasons: null, decidedAt: null, decidedByName: null, decisionModeration: null, concernIds: [] };
    const closed = await deps.store.topics.update(t.id, t.version, { stage: 'closed', result, updatedAt: at });
    if (closed) return closed;
    t = await deps.store.topics.get(t.id);
  }
  if (!t) throw new Error(`topic ${first.id} vanished while it was being closed`);
  return t;
}

/** The SLA job's part: closes every open topic whose deadline has passed; answers how many it closed. */
export async function closeDueTopics(deps: Deps, at: string, batch = 100): Promise<number> {
  let closed = 0;
  const seen = new Set<string>();
  for (;;) {
    const due = (await deps.store.topics.dueToClose(at, batch)).filter((t) => !seen.has(t.id));
    if (due.length === 0) return closed;
    for (const t of due) {
      seen.add(t.id);
      if ((await settle(deps, t, at)).stage === 'closed') closed++;
    }
  }
}
