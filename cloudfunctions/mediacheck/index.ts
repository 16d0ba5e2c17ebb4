/**
 * Cloud function `mediacheck`: receives WeChat's message push of photo check verdicts (mediaCheckAsync
 * v2, event `wxa_media_check`) and settles the pending check (server/media-check-push.ts). Set the mini
 * program's 消息推送 to CloudBase, JSON format, this function (README, Deploy).
 */
import { cloudJobs } from '../../server/cloud-runtime';
import { createMediaCheckHandler } from '../../server/media-check-push';

export const main = createMediaCheckHandler(async () => (await cloudJobs()).deps);
