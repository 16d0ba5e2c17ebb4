import { readFileSync } from 'node:fs';
import type { ContentCheck, ContentVerdict } from '../core/ports';

export interface WordList {
  /** Text containing any of these is refused. */
  reject: string[];
  /** Text containing any of these is held for a person to review. */
  review: string[];
}

/** Case, width and spacing do not hide a word: ＡＢ, a b and AB are the same. */
function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\u200b-\u200d\ufeff]+/g, '');
}

/**
 * The local content check: a configurable word list, for the local cloud and tests. Production uses
 * WeChat's msgSecCheck (wechat-openapi.ts).
 */
export class WordListContentCheck implements ContentCheck {
  private readonly reject: string[];
  private readonly review: string[];

  constructor(words: WordList) {
    this.reject = words.reject.map(normalise).filter((w) => w.length > 0);
    this.review = words.review.map(normalise).filter((w) => w.length > 0);
  }

  /**
   * Reads a word list file: one word per line; a line starting with `?` holds for review instead of
   * refusing; `#` starts a comment; blank lines are ignored.
   */
  static parse(text: string): WordList {
    const words: WordList = { reject: [], review: [] };
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.replace(/#.*$/, '').trim();
      if (line === '') continue;
      if (line.startsWith('?')) words.review.push(line.slice(1).trim());
      else words.reject.push(line);
    }
    return words;
  }

  static fromFile(path: string): WordListContentCheck {
    return new WordListContentCheck(WordListContentCheck.parse(readFileSync(path, 'utf8')));
  }

  async check(text: string): Promise<ContentVerdict> {
    const t = normalise(text);
    if (this.reject.some((w) => t.includes(w))) return { verdict: 'reject', label: 'word_list' };
    if (this.review.some((w) => t.includes(w))) return { verdict: 'review', label: 'word_list' };
    return { verdict: 'pass' };
  }
}
