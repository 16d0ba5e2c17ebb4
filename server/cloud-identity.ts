import tcb from '@cloudbase/node-sdk';
import type { IdentityOf } from './cloud-function';

/**
 * WeChat identity of a cloud-function call: WX_OPENID from the CloudBase context, which CloudBase
 * fills from the signed mini-program session. A field of the event is never trusted for this.
 */
export const cloudbaseIdentity: IdentityOf = (context) => {
  const openid: unknown = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]).WX_OPENID;
  return typeof openid === 'string' && openid.length > 0 ? openid : null;
};
