import { AppError } from '../errors';
import { ACTORS, ALL_ACTORS, ALL_LIFECYCLE_ACTIONS, ALL_STATUSES, EVENT_OF, TRANSITIONS, canMove, decide, mustDecide, nextStatus, type Actor, type LifecycleAction } from './lifecycle';
import type { ConcernStatus } from '../model';

/** Every legal move, written out by hand: [from, action, to, the one kind of actor who takes it, event]. */
const legal: Array<[ConcernStatus, LifecycleAction, ConcernStatus, Actor, string]> = [
  ['submitted', 'route_assign', 'assigned', 'system', 'assigned'],
  ['submitted', 'route_dispatch', 'dispatching', 'system', 'queued_for_dispatch'],
  ['submitted', 'comment', 'submitted', 'reporter', 'resident_replied'],
  ['dispatching', 'dispatch', 'assigned', 'dispatcher', 'dispatched'],
  ['dispatching', 'comment', 'dispatching', 'reporter', 'resident_replied'],
  ['dispatching', 'sla_flag', 'dispatching', 'system', 'sla_overdue'],
  ['assigned', 'accept', 'accepted', 'handler', 'accepted'],
  ['accepted', 'reply', 'in_progress', 'handler', 'replied'],
  ['accepted', 'resolve', 'resolved', 'handler', 'resolved'],
  ['in_progress', 'reply', 'in_progress', 'handler', 'replied'],
  ['in_progress', 'resolve', 'resolved', 'handler', 'resolved'],
  ['resolved', 'comment', 'resolved', 'reporter', 'resident_replied'],
  ['resolved', 'rate', 'closed', 'reporter', 'rated'],
  ['resolved', 'reopen', 'assigned', 'reporter', 'reopened'],
  // A case being worked can be commented on, transferred, returned, escalated, or caught by the clock.
  ...(['assigned', 'accepted', 'in_progress'] as const).flatMap((s): Array<[ConcernStatus, LifecycleAction, ConcernStatus, Actor, string]> => [
    [s, 'comment', s, 'reporter', 'resident_replied'],
    [s, 'transfer', 'assigned', 'handler', 'transferred'],
    [s, 'return', 'dispatching', 'handler', 'returned'],
    [s, 'escalate', 'assigned', 'handler', 'escalated'],
    [s, 'sla_escalate', 'assigned', 'system', 'sla_escalated'],
    [s, 'sla_flag', s, 'system', 'sla_overdue'],
  ]),
  // The reporter withdraws (撤回) before anyone accepted it, and chases up (催办) while it is open.
  ['dispatching', 'withdraw', 'withdrawn', 'reporter', 'withdrawn'],
  ['assigned', 'withdraw', 'withdrawn', 'reporter', 'withdrawn'],
  ...(['dispatching', 'assigned', 'accepted', 'in_progress'] as const).map((s): [ConcernStatus, LifecycleAction, ConcernStatus, Actor, string] => [s, 'chase', s, 'reporter', 'chased']),
];

describe('the concern lifecycle', () => {
  it.each(legal)('moves a %s concern by %s to %s', (from, action, to) => {
    expect(canMove(from, action)).toBe(true);
    expect(nextStatus(from, action)).toBe(to);
  });

  // Generated from the exported lists, so an action, state or actor added later is covered here too.
  const triples = ALL_STATUSES.flatMap((s) => ALL_LIFECYCLE_ACTIONS.flatMap((a) => ALL_ACTORS.map((r) => [s, a, r] as const)));

  it.each(triples)('decides %s / %s / %s as the table says', (from, action, actor) => {
    const hit = legal.find(([f, a, , r]) => f === from && a === action && r === actor);
    const d = decide(from, action, [actor]);
    if (hit) {
      expect(d).toEqual({ ok: true, to: hit[2], event: hit[4] });
    } else if (!legal.some(([, a, , r]) => a === action && r === actor)) {
      // This actor never takes this action, in any state.
      expect(d).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
    } else {
      expect(d).toEqual({ ok: false, code: 'CONCERN.ILLEGAL_TRANSITION' });
    }
  });

  it('covers every (state, action, actor) triple', () => {
    expect(triples).toHaveLength(ALL_STATUSES.length * ALL_LIFECYCLE_ACTIONS.length * ALL_ACTORS.length);
    expect(ALL_STATUSES).toHaveLength(8);
    expect(ALL_LIFECYCLE_ACTIONS).toHaveLength(16);
  });

  it('refuses every (state, action) pair that the table does not list, with ILLEGAL_TRANSITION', () => {
    const allowed = new Set(legal.map(([f, a]) => `${f}/${a}`));
    let refused = 0;
    for (const from of ALL_STATUSES) {
      for (const action of ALL_LIFECYCLE_ACTIONS) {
        if (allowed.has(`${from}/${action}`)) continue;
        expect(canMove(from, action)).toBe(false);
        try {
          nextStatus(from, action);
          throw new Error(`expected ${from}/${action} to be refused`);
        } catch (e) {
          expect(e).toBeInstanceOf(AppError);
          expect((e as AppError).code).toBe('CONCERN.ILLEGAL_TRANSITION');
        }
        refused++;
      }
    }
    expect(refused).toBe(ALL_STATUSES.length * ALL_LIFECYCLE_ACTIONS.length - allowed.size);
  });

  it('lists exactly the legal moves above in its table', () => {
    const listed = ALL_STATUSES.flatMap((s) => Object.entries(TRANSITIONS[s]).map(([a, to]) => `${s}/${a}/${to}`));
    expect(listed.sort()).toEqual(legal.map(([f, a, t]) => `${f}/${a}/${t}`).sort());
  });

  it('gives each action exactly one kind of actor, as listed above', () => {
    for (const a of ALL_LIFECYCLE_ACTIONS) {
      const who = [...new Set(legal.filter((l) => l[1] === a).map((l) => l[3]))];
      expect([a, [...ACTORS[a]]]).toEqual([a, who]);
    }
  });

  it('lets a caller who is both handler and dispatcher take either kind of move', () => {
    expect(decide('dispatching', 'dispatch', ['handler', 'dispatcher'])).toMatchObject({ ok: true, to: 'assigned' });
    expect(decide('assigned', 'accept', ['handler', 'dispatcher'])).toMatchObject({ ok: true, to: 'accepted' });
    expect(decide('assigned', 'accept', [])).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
  });

  it('throws the refusal code from mustDecide', () => {
    expect(() => mustDecide('assigned', 'rate', ['reporter'])).toThrow(expect.objectContaining({ code: 'CONCERN.ILLEGAL_TRANSITION' }));
    expect(() => mustDecide('resolved', 'rate', ['handler'])).toThrow(expect.objectContaining({ code: 'AUTH.FORBIDDEN' }));
  });

  it('names a timeline event for every action', () => {
    for (const a of ALL_LIFECYCLE_ACTIONS) expect(EVENT_OF[a]).toMatch(/^[a-z_]+$/);
  });

  it('never leaves a closed concern', () => {
    for (const a of ALL_LIFECYCLE_ACTIONS) expect(canMove('closed', a)).toBe(false);
  });
});

describe('what a refused move tells the caller', () => {
  it('names the state and the action in the details of both refusals', () => {
    expect(() => mustDecide('submitted', 'rate', ['handler'])).toThrow(expect.objectContaining({ code: 'AUTH.FORBIDDEN', details: { from: 'submitted', action: 'rate' } }));
    expect(() => mustDecide('closed', 'accept', ['handler'])).toThrow(expect.objectContaining({ code: 'CONCERN.ILLEGAL_TRANSITION', details: { from: 'closed', action: 'accept' } }));
    expect(() => nextStatus('closed', 'accept')).toThrow(expect.objectContaining({ code: 'CONCERN.ILLEGAL_TRANSITION', details: { from: 'closed', action: 'accept' } }));
  });
});
