/**
 * Issue 17: a one-character description is refused by the backend too, with its own code and nothing
 * stored, on both stores (SQLite router and the `concern` cloud function over the CloudBase wire fake).
 */
import type { ConcernDetail, ConcernSummary, Page } from '../core/views';
import { DEMO_IDENTITIES as I } from './demo-data';
import { BACKENDS, type Backend } from './test-backends';
import { testClock } from './test-clock';

describe.each(BACKENDS)('the minimum description length on %s', (_name, backend) => {
  let b: Backend;
  beforeEach(async () => {
    b = await backend(testClock().now);
  });
  afterEach(() => b.close());

  const submit = (description: string) => b.call(I.resident, 'concern/submit', { category: 'environment', description, placeId: 'dz-xicheng-daguo' });
  const mine = async () => ((await b.call(I.resident, 'concern/listMine', {})) as Page<ConcernSummary>).items;

  it.each([['脏'], ['路灯'], ['  有坑  ']])('refuses %j with CONCERN.DESCRIPTION_TOO_SHORT and stores nothing', async (text) => {
    await expect(submit(text)).rejects.toMatchObject({ code: 'CONCERN.DESCRIPTION_TOO_SHORT' });
    expect(await mine()).toEqual([]);
  });

  it('takes four characters, counted as characters, not UTF-16 units', async () => {
    const c = (await submit('路灯坏了')) as ConcernDetail;
    expect(c.description).toBe('路灯坏了');
    await expect(submit('😀😀😀')).rejects.toMatchObject({ code: 'CONCERN.DESCRIPTION_TOO_SHORT' });
    expect((await mine()).map((m) => m.id)).toEqual([c.id]);
  });

  it('still answers VALIDATION.FAILED for a blank description', async () => {
    await expect(submit('   ')).rejects.toMatchObject({ code: 'VALIDATION.FAILED' });
  });
});
