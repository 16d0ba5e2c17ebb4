/**
 * TARO_APP_SUBSCRIBE_LONG_TERM: `true` when the configured templates are long-term ones (长期订阅, granted by
 * WeChat only to offline public services — 政务民生, 医疗, 交通, 金融, 教育 — so an account of the 政务民生
 * category may use them). Anything else means one-time templates.
 */
export function isLongTerm(raw: string | undefined): boolean {
  return (raw ?? '').trim().toLowerCase() === 'true';
}

/**
 * Whether the app asks at a moment: the first ask (the report's submit, the staff switch) always; asking
 * again on a reply or a rating only for one-time templates, whose quota is one notice per acceptance — a
 * long-term acceptance lasts, so asking again would only show the dialog once more.
 */
export function asksAt(moment: 'first' | 'again', longTerm: boolean): boolean {
  return moment === 'first' || !longTerm;
}

/** Template ids from TARO_APP_SUBSCRIBE_TEMPLATE_IDS (comma-separated); WeChat takes at most 3 at once. */
export function subscribeTemplateIds(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .slice(0, 3);
}
