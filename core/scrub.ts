/**
 * Takes personal data out of text shown on the public board: phone numbers, ID numbers, the names of
 * the people on the concern, and anything that reads like a name with a form of address (陈阿姨, 王先生).
 * A pattern pass errs on the side of removing too much: the board shows what was fixed, not who asked.
 */

const MASK = '＊＊';

const PATTERNS: RegExp[] = [
  // Resident ID numbers.
  /\d{17}[\dXx]|\d{15}/g,
  // Mainland mobile numbers, with or without spaces/dashes and a +86 prefix.
  /(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}/g,
  // Landlines: area code then 7–8 digits.
  /0\d{2,3}[\s-]?\d{7,8}/g,
  // Any remaining run of 7+ digits (house phone, account numbers).
  /\d{7,}/g,
  // A surname-like character followed by a form of address.
  /[\u4e00-\u9fa5]{1,2}(?:阿姨|叔叔|大叔|阿叔|阿伯|伯伯|大爷|大妈|大姐|大哥|先生|女士|小姐|师傅|老师|老伯|婆婆|阿婆|奶奶|爷爷|社长|书记|主任|队长|会长|网格员|社委|委员)/g,
  // 老/小/阿 + one character, e.g. 老陈, 阿强.
  /(?:老|小|阿)[\u4e00-\u9fa5](?=[，。、,.!！?？\s]|$)/g,
  // "我叫…", "姓名：…", "联系人…".
  /(?:我叫|我是|姓名[:：]?|联系人[:：]?|联系[:：])[\u4e00-\u9fa5]{1,4}/g,
];

/** The text with phone numbers, ID numbers, the given names and name-like phrases masked. */
export function scrubPersonal(text: string, names: readonly string[] = []): string {
  let out = text;
  for (const n of [...new Set(names)].filter((x) => x.trim().length >= 2).sort((a, b) => b.length - a.length)) {
    out = out.split(n).join(MASK);
    // The surname with a form of address (陈阿姨 → 陈) is caught by the patterns below.
  }
  for (const p of PATTERNS) out = out.replace(p, MASK);
  return out;
}
