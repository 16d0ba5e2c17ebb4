/**
 * Cloud function `mediacheck`: receives WeChat's message push of photo check verdicts (mediaCheckAsync
 * v2, event `wxa_media_check`) and settles the pending check (server/media-check-push.ts). Set the mini
 * program's 消息推送 to CloudBase, JSON format, this function (README, Deploy). Anything that is not
 * WeChat's push for this mini program is ignored.
 */
import { cloudJobs, cloudRuntime } from '../../server/cloud-runtime';
import { createMediaCheckHandler } from '../../server/media-check-push';

export const main = createMediaCheckHandler(async () => {
  const [{ deps }, { config }] = await Promise.all([cloudJobs(), cloudRuntime()]);
  return { deps, appId: config.JIEFANG_WX_APPID, ...(config.JIEFANG_WX_ORIGINAL_ID ? { originalId: config.JIEFANG_WX_ORIGINAL_ID } : {}) };
});
