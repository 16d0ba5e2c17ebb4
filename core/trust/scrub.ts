/**
 * Takes personal data out of text shown on the public board: phone numbers, ID numbers, the names of
 * the people on the concern, and anything that reads like a name with a form of address (陈阿姨, 王先生).
 * A pattern pass errs on the side of removing too much: the board shows what was fixed, not who asked.
 */

const MASK = '＊＊';

/** Digits however they are written: ASCII, full-width, or Chinese numerals as people read out a number. */
const DIGITS: Readonly<Record<string, string>> = {
  ...Object.fromEntries([...'０１２３４５６７８９'].map((c, i) => [c, String(i)])),
  〇: '0', 零: '0', 洞: '0', 一: '1', 幺: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
};
const digitOf = (ch: string): string | null => (/[0-9]/.test(ch) ? ch : DIGITS[ch] ?? null);
/** What may stand between the digits of one number: spaces (also full-width), dashes, dots. */
const SEPARATOR = /^[\s\u3000\-－—.．·]$/;
/** A date is not a personal number: 2026-11-30, 2026.11.30. */
const DATE = /^\d{4}\D\d{1,2}\D\d{1,2}$/;
/** Phones have 7 digits or more (a local landline without area code); ID numbers 15 or 18. */
const NUMBER_MIN_DIGITS = 7;
/** A mainland mobile number's length (138 0013 8000). */
const MOBILE_DIGITS = 11;

/**
 * Masks every number of 7 or more digits in any of the ways people write it — 13800138000,
 * １３８００１３８０００, 一三八 零零一三 八零零零, 138-0013-8000, +86 138…, an ID number ending in X — but
 * not a date.
 */
function maskNumbers(text: string): string {
  const chars = [...text];
  let out = '';
  for (let i = 0; i < chars.length; ) {
    // Stryker disable next-line ConditionalExpression,BlockStatement: a fast path; a character that is no digit would make a run of itself, too short to mask.
    if (digitOf(chars[i]) === null) {
      out += chars[i++];
      continue;
    }
    let end = i;
    let digits = '';
    // Stryker disable next-line EqualityOperator: past the end there is no digit and no separator, so the run ends there either way.
    for (let j = i; j < chars.length; j++) {
      const d = digitOf(chars[j]);
      if (d !== null) {
        digits += d;
        end = j;
        continue;
      }
      // A separator belongs to the number only with a digit after it (past the end, chars[j + 1] is undefined: no digit).
      // Stryker disable next-line ArithmeticOperator: the run ends on a digit whichever neighbour of a lone separator is checked.
      if (!(SEPARATOR.test(chars[j]) && digitOf(chars[j + 1]) !== null)) break;
    }
    const run = chars.slice(i, end + 1).join('');
    const asDigits = run.replace(/./gu, (c) => digitOf(c) ?? '-');
    if (digits.length >= NUMBER_MIN_DIGITS && !DATE.test(asDigits)) {
      // A leading + (+86) and an ID number's check letter go with the number.
      if (out.endsWith('+') || out.endsWith('＋')) out = out.slice(0, -1);
      out += MASK;
      // Stryker disable next-line Regex,StringLiteral: one character, or none past the end, is tested.
      if (/^[Xx]$/.test(chars[end + 1] ?? '')) end++;
    } else out += run;
    i = end + 1;
  }
  return out;
}

const PATTERNS: RegExp[] = [
  // A surname-like character followed by a form of address.
  /[\u4e00-\u9fa5]{1,2}(?:阿姨|叔叔|大叔|阿叔|阿伯|伯伯|大爷|大妈|大姐|大哥|先生|女士|小姐|师傅|老师|老伯|婆婆|阿婆|奶奶|爷爷|社长|书记|主任|队长|会长|网格员|社委|委员)/g,
  // 老/小/阿 + one character, e.g. 老陈, 阿强.
  /(?:老|小|阿)[\u4e00-\u9fa5](?=[，。、,.!！?？\s]|$)/g,
  // "我叫…", "姓名：…", "联系人…".
  /(?:我叫|我是|姓名[:：]?|联系人[:：]?|联系[:：])[\u4e00-\u9fa5]{1,4}/g,
];

/** The text with phone numbers, ID numbers, the given names and name-like phrases masked. */
// Stryker disable next-line ArrayDeclaration: without names no name is masked; a default name would have to occur in the text.
export function scrubPersonal(text: string, names: readonly string[] = []): string {
  let out = text;
  for (const n of [...new Set(names)].filter((x) => x.trim().length >= 2).sort((a, b) => b.length - a.length)) {
    out = out.split(n).join(MASK);
    // The surname with a form of address (陈阿姨 → 陈) is caught by the patterns below.
  }
  out = maskNumbers(out);
  for (const p of PATTERNS) out = out.replace(p, MASK);
  return out;
}

/**
 * `13900000001` → `139****0001`: a number of a mobile's length or longer shows its first three and last
 * four characters; a shorter one (a local landline, 86661234 → `****1234`) its last four only, since
 * three and four would be all of it; anything shorter than 7 digits is masked whole.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '');
  if (digits.length < NUMBER_MIN_DIGITS) return '*'.repeat(digits.length);
  const head = digits.length >= MOBILE_DIGITS ? digits.slice(0, 3) : '';
  return `${head}****${digits.slice(-4)}`;
}
