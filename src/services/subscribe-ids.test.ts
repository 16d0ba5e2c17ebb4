import { subscribeTemplateIds } from './subscribe-ids';

describe('subscribe-message template ids', () => {
  it.each([
    [undefined, []],
    ['', []],
    [' tA , tB,,', ['tA', 'tB']],
    ['a,b,c,d', ['a', 'b', 'c']],
  ])('reads %p as %p (at most three, WeChat’s limit)', (raw, ids) => {
    expect(subscribeTemplateIds(raw)).toEqual(ids);
  });
});
