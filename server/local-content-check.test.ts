import { WordListContentCheck } from './local-content-check';

const check = new WordListContentCheck(WordListContentCheck.parse(['# 本地测试词表', '代开发票', '?加微信', '', 'SPAM  # 英文也算'].join('\n')));

describe('the local word-list content check', () => {
  it.each([
    ['祠堂旁垃圾桶满了，请清运', 'pass', undefined],
    ['低价代开发票', 'reject', 'word_list'],
    ['代 开 发 票', 'reject', 'word_list'],
    ['ＳＰＡＭ here', 'reject', 'word_list'],
    ['有事加微信聊', 'review', 'word_list'],
    ['加微信代开发票', 'reject', 'word_list'],
  ])('judges %s as %s', async (text, verdict, label) => {
    expect(await check.check(text)).toEqual(label === undefined ? { verdict } : { verdict, label });
  });

  it('reads review words, refused words and comments from a word-list file', () => {
    expect(WordListContentCheck.parse('a\n?b\n# c\n\n d # e')).toEqual({ reject: ['a', 'd'], review: ['b'] });
  });
});
