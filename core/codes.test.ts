import { checkCode, CODE_WINDOW_MS, signCode } from './codes';

/** A stand-in keyed digest for the rule's arithmetic (the runtimes use HMAC-SHA256): four FNV-1a rounds over the whole message. */
const fnv = (m: string) =>
  [1, 2, 3, 4]
    .map((seed) => {
      let h = (0x811c9dc5 ^ seed) >>> 0;
      for (const c of m) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
      return h.toString(16).padStart(8, '0');
    })
    .join('');

const at = (iso: string) => {
  let t = Date.parse(iso);
  return { now: () => new Date(t), set: (s: string) => (t = Date.parse(s)), digest: fnv };
};

describe('a signed code', () => {
  it('is taken in its own and the next minute, then refused as expired; never before it begins or for another subject', () => {
    const deps = at('2026-12-05T01:00:00.000Z');
    const { signed, expiresAt } = signCode(deps, 'event', 'ev1:secret');
    expect(expiresAt).toBe(new Date(Date.parse('2026-12-05T01:00:00.000Z') + CODE_WINDOW_MS).toISOString());
    const [w, mac] = signed.split(':');
    const verdict = (iso: string, kind: 'event' | 'person' = 'event', subject = 'ev1:secret', win = w, m = mac) => {
      deps.set(iso);
      return checkCode(deps, kind, subject, win, m);
    };
    expect(verdict('2026-12-05T01:00:59.999Z')).toBe('valid');
    expect(verdict('2026-12-05T01:01:59.999Z')).toBe('valid');
    expect(verdict('2026-12-05T01:02:00.000Z')).toBe('expired');
    expect(verdict('2026-12-06T01:00:00.000Z')).toBe('expired');
    expect(verdict('2026-12-05T00:59:59.999Z')).toBe('invalid');
    expect(verdict('2026-12-05T01:00:30.000Z', 'person')).toBe('invalid');
    expect(verdict('2026-12-05T01:00:30.000Z', 'event', 'ev2:secret')).toBe('invalid');
    expect(verdict('2026-12-05T01:00:30.000Z', 'event', 'ev1:secret', String(Number(w) - 1))).toBe('invalid');
    expect(verdict('2026-12-05T01:00:30.000Z', 'event', 'ev1:secret', 'x1')).toBe('invalid');
  });
});
