/**
 * WeChat's message push of a mediaCheckAsync verdict (event `wxa_media_check`, version 2), delivered to the
 * `mediacheck` cloud function (the mini program's 消息推送 set to CloudBase, JSON). It settles the pending
 * photo check with that trace id: a pass publishes the photo, anything else holds it for the moderator.
 * Trace ids are never given to clients, and a check moves only from pending, so a forged or repeated push
 * changes nothing.
 */
import { z } from 'zod';
import { settlePhotoCheck } from '../core/photos';
import type { Deps } from '../core/ports';

const pushSchema = z.object({
  Event: z.literal('wxa_media_check'),
  trace_id: z.string().min(1).max(128),
  errcode: z.number().optional(),
  result: z.object({ suggest: z.enum(['pass', 'review', 'risky']) }).passthrough().optional(),
}).passthrough();

export type MediaCheckOutcome = { settled: boolean; status: string | null } | { ignored: string };

export function createMediaCheckHandler(getDeps: () => Promise<Deps>) {
  return async function main(event: unknown): Promise<MediaCheckOutcome> {
    const parsed = pushSchema.safeParse(event);
    if (!parsed.success) return { ignored: 'not a wxa_media_check push' };
    const push = parsed.data;
    // A check WeChat could not run (errcode ≠ 0, or no result) is held for a person rather than shown.
    const suggest = push.errcode !== undefined && push.errcode !== 0 ? 'review' : (push.result?.suggest ?? 'review');
    const check = await settlePhotoCheck(await getDeps(), push.trace_id, suggest);
    if (!check) console.warn('[jiefang:mediacheck]', JSON.stringify({ traceId: push.trace_id, settled: false }));
    return { settled: check !== null, status: check?.status ?? null };
  };
}
