import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { clause, tidyPunctuation } from './notice-text';

const DOUBLED = /[。，、；：！？]{2,}/;

describe('tidyPunctuation', () => {
  it.each([
    ['已清理。。', '已清理。'],
    ['我想参加。，请审核。', '我想参加。请审核。'],
    ['原因：，。', '原因。'],
    ['真的吗？。', '真的吗？'],
    ['太好了！，谢谢', '太好了！谢谢'],
    ['东岳一社、，大果', '东岳一社，大果'],
  ])('collapses %j to %j', (text, tidy) => {
    expect(tidyPunctuation(text)).toBe(tidy);
  });

  it('leaves single marks, an ASCII ellipsis and brackets alone', () => {
    for (const s of ['您的诉求已签收，正在办理。', '等等...好的', '（原因：已修好。）', '12:30 开始']) expect(tidyPunctuation(s)).toBe(s);
  });
});

describe('clause', () => {
  it('drops the marks a person’s text ends with, so the template’s own mark follows', () => {
    expect(clause('我想参加。')).toBe('我想参加');
    expect(clause('下雨了！！ ')).toBe('下雨了');
    expect(clause('好的.')).toBe('好的');
    expect(`已取消：${clause('台风，')}。`).toBe('已取消：台风。');
  });
});

/**
 * Every notice template of the app, wherever it is written: a file of core/ that builds a notice (an object
 * with `recipientOpenid:` or a `NoticeTemplate`) must tidy it. A new template that forgets fails here.
 */
describe('every notice template of core/', () => {
  const dir = path.resolve(__dirname, '..');
  const walk = (sub: string): string[] =>
    readdirSync(path.join(dir, sub), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(sub, e.name)) : [path.join(sub, e.name)]));
  const builders = walk('')
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !['model.ts', 'ports.ts', 'concerns/notice-text.ts'].includes(f))
    .map((f) => ({ f, src: readFileSync(path.join(dir, f), 'utf8') }))
    .filter(({ src }) => /recipientOpenid: |\): NoticeTemplate \{/.test(src));

  it('are found (the scan is looking at the right files)', () => {
    expect(builders.map((b) => b.f)).toEqual(expect.arrayContaining(['concerns/notices.ts', 'volunteers/volunteer-common.ts', 'topics/topic-service.ts', 'trust/moderation.ts']));
  });

  it.each(['concerns/notices.ts', 'volunteers/volunteer-common.ts', 'topics/topic-service.ts', 'directory/calendar-service.ts', 'trust/event-reports.ts', 'trust/takedown-notice.ts', 'trust/moderation.ts', 'volunteers/action-service.ts'])(
    '%s tidies the body of each notice it builds',
    (f) => {
      const src = readFileSync(path.join(dir, f), 'utf8');
      const built = src.split('\n').filter((l) => /recipientOpenid: |\): NoticeTemplate \{/.test(l) || /^\s*return \{ id: deps\.newId\('n'\), kind/.test(l));
      // Each line that builds a notice either tidies its body there or is followed (multi-line object) by a tidied `body:`.
      const multi = (src.match(/^\s+body: /gm) ?? []).length;
      const tidiedMulti = (src.match(/^\s+body: tidyPunctuation\(/gm) ?? []).length;
      expect(tidiedMulti).toBe(multi);
      for (const l of built) if (/body[,}]|body: (?!tidy)/.test(l) && !/^\s*(recipientOpenid|(export )?function)/.test(l)) expect([f, l.trim()]).toEqual([f, expect.stringContaining('body: tidyPunctuation(')]);
    },
  );

  it('no template of core/ writes doubled punctuation itself', () => {
    for (const { f, src } of builders) {
      const literals = src.match(/`[^`]*`|'[^'\n]*'/g) ?? [];
      for (const s of literals) expect([f, DOUBLED.test(s.replace(/\$\{[^}]*\}/g, 'x'))]).toEqual([f, false]);
    }
  });
});
