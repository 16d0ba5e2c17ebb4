import { textProblem } from './text';

describe('what a text field may contain', () => {
  it.each([
    ['ordinary Chinese', '路灯坏了'],
    ['an emoji joined with zero-width joiners', '👨‍👩‍👧 一家人'],
    ['line breaks and tabs', '第一行\n第二行\t完'],
    ['a right-to-left mark inside Arabic text', 'مرحبا\u200F'],
    ['the empty text (blank checks are the caller’s)', ''],
  ])('accepts %s', (_name, s) => {
    expect(textProblem(s)).toBeNull();
  });

  it.each([
    ['zero-width spaces only', '\u200B\u200B\u200B', 'invisible'],
    ['an ideographic space and a Hangul filler', '\u3000\u3164', 'invisible'],
    ['a byte-order mark', '\uFEFF', 'invisible'],
    ['soft hyphens and word joiners', '\u00AD\u2060', 'invisible'],
    ['tag characters', '\u{E0041}\u{E0042}', 'invisible'],
    ['variation selectors and a blank Braille pattern', '\uFE0F\u2800', 'invisible'],
    ['a NUL inside visible text', '路灯\u0000坏了', 'control'],
    ['an escape character', 'a\u001B[31m', 'control'],
    ['a right-to-left override', '付款\u202E123', 'bidi'],
    ['a left-to-right isolate', '\u2066管理员\u2069', 'bidi'],
  ])('refuses %s', (_name, s, problem) => {
    expect(textProblem(s)).toBe(problem);
  });
});
