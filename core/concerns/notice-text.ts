/**
 * Punctuation of notice texts. A notice is a template with people's text put into it (a reason, a note,
 * a title), and that text often ends with its own 。 or ，: put before the template's own mark it reads
 * 「。。」 or 「，。」. Every notice constructor tidies its title and body (core/concerns/notice-text.test.ts checks
 * every file that builds one), and a template ends the person's text as a clause before adding its own.
 */

/** Full-width marks; a run of two or more is one mark doubled (ASCII dots stay: 「...」 is an ellipsis). */
const RUN = /[。，、；：！？]{2,}/g;
/** What a person's text may end with before a template goes on. */
const TRAILING = /[。，、；：！？.,;:!?\s]+$/u;

/** The mark a run of marks stands for: a question or exclamation wins, then a full stop, then the last mark. */
function strongest(run: string): string {
  for (const m of ['？', '！', '。']) if (run.includes(m)) return m;
  return run[run.length - 1];
}

/** Collapses doubled punctuation (「。。」, 「，。」, 「：。」) to the one mark it means. */
export function tidyPunctuation(text: string): string {
  return text.replace(RUN, strongest);
}

/** A person's text put into a sentence: without the marks it ends with, so the template's own mark follows. */
export function clause(text: string): string {
  return text.replace(TRAILING, '');
}
