/**
 * The clock of tests. No test reads the machine's clock to decide what it expects: a runtime under test
 * gets one of these, which starts at a fixed instant and moves only as the test says (and by 1 ms on
 * every read, so that things stored one after another keep their order). CI also runs the node tests
 * with the machine's date moved (faketime), which a test on this clock does not notice.
 */

/** Wednesday 2026-11-25, 10:00 in Beijing: a working day, inside the working window, in a year with a holiday list. */
export const TEST_START = '2026-11-25T02:00:00.000Z';

export interface TestClock {
  /** The current instant; each read is 1 ms after the one before. */
  now: () => Date;
  /** Moves the clock to an instant (ISO). */
  set(iso: string): void;
  /** Moves the clock on by `ms`. */
  advance(ms: number): void;
}

export function testClock(start: string = TEST_START): TestClock {
  let t = Date.parse(start);
  if (Number.isNaN(t)) throw new Error(`not an instant: ${start}`);
  return {
    now: () => new Date(t++),
    set(iso) {
      t = Date.parse(iso);
    },
    advance(ms) {
      t += ms;
    },
  };
}
