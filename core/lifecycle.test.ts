import { AppError } from './errors';
import { ALL_LIFECYCLE_ACTIONS, ALL_STATUSES, EVENT_OF, TRANSITIONS, canMove, nextStatus } from './lifecycle';
import type { ConcernStatus } from './model';

describe('the concern lifecycle', () => {
  const legal: Array<[ConcernStatus, string, ConcernStatus]> = [
    ['submitted', 'route_assign', 'assigned'],
    ['submitted', 'route_dispatch', 'dispatching'],
    ['assigned', 'accept', 'accepted'],
    ['accepted', 'reply', 'in_progress'],
    ['accepted', 'resolve', 'resolved'],
    ['in_progress', 'reply', 'in_progress'],
    ['in_progress', 'resolve', 'resolved'],
  ];

  it.each(legal)('moves a %s concern by %s to %s', (from, action, to) => {
    expect(nextStatus(from, action as never)).toBe(to);
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
    expect(refused).toBe(ALL_STATUSES.length * ALL_LIFECYCLE_ACTIONS.length - legal.length);
  });

  it('lists exactly the legal moves above in its table', () => {
    const listed = ALL_STATUSES.flatMap((s) => Object.entries(TRANSITIONS[s]).map(([a, to]) => `${s}/${a}/${to}`));
    expect(listed.sort()).toEqual(legal.map((l) => l.join('/')).sort());
  });

  it('names a timeline event for every action', () => {
    for (const a of ALL_LIFECYCLE_ACTIONS) expect(EVENT_OF[a]).toMatch(/^[a-z_]+$/);
  });

  it('never leaves a closed concern', () => {
    for (const a of ALL_LIFECYCLE_ACTIONS) expect(canMove('closed', a)).toBe(false);
  });
});
