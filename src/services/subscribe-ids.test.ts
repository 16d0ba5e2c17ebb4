import { asksAt, isLongTerm, subscribeTemplateIds } from './subscribe-ids';

describe('subscribe-message template ids', () => {
  it.each([
    [undefined, []],
    ['', []],
    [' tA , tB,,', ['tA', 'tB']],
    ['a,b,c,d', ['a', 'b', 'c']],
  ])('reads %p as %p (at most three, WeChat’s limit)', (raw, ids) => {
    expect(subscribeTemplateIds(raw)).toEqual(ids);
  });

  it('asks again on a reply or a rating for one-time templates only; a long-term acceptance lasts', () => {
    expect([undefined, '', 'false', '1', 'yes', 'true', ' TRUE '].map(isLongTerm)).toEqual([false, false, false, false, false, true, true]);
    expect([asksAt('first', false), asksAt('again', false), asksAt('first', true), asksAt('again', true)]).toEqual([true, true, true, false]);
  });
});
