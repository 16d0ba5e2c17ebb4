/**
 * What user text may contain, shared by every text field (action schemas, Open311, the CSV imports).
 * Refused anywhere in a text: NUL and the other C0 control characters but tab, line feed and carriage
 * return (they corrupt exports, logs and terminals), and the bidirectional embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069), which make a text display differently from what it says
 * ("Trojan Source"). Refused as blank: a text of nothing but invisible characters — spaces of any width,
 * format characters (zero-width space and joiners, BOM, soft hyphen, bidi marks, tag characters),
 * variation selectors, the combining grapheme joiner, Hangul fillers and the blank Braille pattern.
 * Invisible characters inside visible text (an emoji's zero-width joiner) are kept.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
const INVISIBLE = /[\p{Zs}\p{Zl}\p{Zp}\p{Cc}\p{Cf}\u034F\u115F\u1160\u3164\uFFA0\u2800\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;

export type TextProblem = 'control' | 'bidi' | 'invisible';

/** Why a (trimmed) text is refused, or null when it is fine. The empty text is fine here: callers decide on blanks. */
export function textProblem(s: string): TextProblem | null {
  if (CONTROL.test(s)) return 'control';
  if (BIDI_CONTROL.test(s)) return 'bidi';
  if (s.length > 0 && s.replace(INVISIBLE, '').length === 0) return 'invisible';
  return null;
}

export const TEXT_PROBLEM_MESSAGE: Readonly<Record<TextProblem, string>> = {
  control: 'must not contain NUL or other control characters',
  bidi: 'must not contain bidirectional override or isolate characters',
  invisible: 'must not be only invisible characters',
};

/** The same, in Chinese, for problems shown to a person (the CSV import reports). */
export const TEXT_PROBLEM_TEXT: Readonly<Record<TextProblem, string>> = {
  control: '含有不可见的控制字符',
  bidi: '含有改变文字方向的控制字符',
  invisible: '只有不可见字符',
};
