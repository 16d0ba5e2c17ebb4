import type { WordList } from './local-content-check';

/**
 * The local cloud's built-in word list: a small demonstration set (ads, fraud bait). A town sets its
 * own with JIEFANG_WORD_LIST (a file: one word a line; `?word` holds for review instead of refusing).
 * A refused word stops text typed in the app at submit (CONTENT.RISKY); relayed text and held words wait
 * for a moderator, never dropped.
 */
export const DEFAULT_WORD_LIST: WordList = {
  reject: ['赌博网站', '代开发票', '网络刷单'],
  review: ['加微信', '加我微信', '私聊', '无抵押贷款'],
};
