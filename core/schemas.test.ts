import { codeOfIssues } from './coded-issue';
import { schemas } from './action-registry';
import { LIMITS } from './schemas';

const submit = schemas['concern/submit'];
const good = { category: 'environment', description: '路灯坏了', placeId: 'dz-xicheng-daguo' };

describe('validation of concern/submit', () => {
  it('accepts a minimal report and trims the description', () => {
    const r = submit.safeParse({ ...good, description: '  路灯坏了  ' });
    expect(r.success && r.data.description).toBe('路灯坏了');
  });

  const bad: Array<[string, Record<string, unknown>]> = [
    ['a blank description', { ...good, description: '   ' }],
    ['a description over the limit', { ...good, description: '字'.repeat(LIMITS.descriptionMax + 1) }],
    ['a missing place', { category: good.category, description: good.description }],
    ['a place id with odd characters', { ...good, placeId: '../etc' }],
    ['a category that is not a code', { ...good, category: '环境' }],
    ['an unknown field such as openid', { ...good, openid: 'someone-else' }],
    ['a status field', { ...good, status: 'closed' }],
    ['a latitude out of range', { ...good, location: { lat: 91, lng: 113 } }],
    ['ten photos', { ...good, photos: Array.from({ length: 10 }, (_, i) => `p${i}`) }],
    ['a short request id', { ...good, requestId: 'abc' }],
    ['a description that is not text', { ...good, description: 42 }],
  ];

  it.each(bad)('rejects %s', (_name, input) => {
    expect(submit.safeParse(input).success).toBe(false);
  });

  it('refuses a description under the minimum with its own code, and takes one at the minimum', () => {
    const short = submit.safeParse({ ...good, description: ' 路灯坏 ' });
    expect(short.success ? [] : codeOfIssues(short.error.issues)).toBe('CONCERN.DESCRIPTION_TOO_SHORT');
    expect(submit.safeParse({ ...good, description: '字'.repeat(LIMITS.descriptionMin) }).success).toBe(true);
    const blank = submit.safeParse({ ...good, description: '  ' });
    expect(blank.success ? [] : codeOfIssues(blank.error.issues)).toBe('VALIDATION.FAILED');
  });

  it('counts characters, not UTF-16 units: 500 emoji fit', () => {
    expect(submit.safeParse({ ...good, description: '😀'.repeat(LIMITS.descriptionMax) }).success).toBe(true);
  });
});

describe('validation of the other actions', () => {
  it('rejects unknown fields everywhere', () => {
    for (const [name, schema] of Object.entries(schemas)) {
      expect([name, schema.safeParse({ unexpected: 1 }).success]).toEqual([name, false]);
    }
  });

  it('requires reply text and caps it', () => {
    expect(schemas['concern/reply'].safeParse({ id: 'c1', text: '' }).success).toBe(false);
    expect(schemas['concern/reply'].safeParse({ id: 'c1', text: 'x'.repeat(LIMITS.replyMax + 1) }).success).toBe(false);
    expect(schemas['concern/reply'].safeParse({ id: 'c1', text: '已安排清理' }).success).toBe(true);
  });

  it('caps page sizes', () => {
    expect(schemas['concern/inbox'].safeParse({ limit: LIMITS.pageMax + 1 }).success).toBe(false);
    expect(schemas['concern/inbox'].safeParse({ limit: 10, scope: 'open' }).success).toBe(true);
  });
});
