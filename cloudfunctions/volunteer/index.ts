/** Cloud function `volunteer`: teams, membership, events, sign-ups, check-in and hours. */
import { createCloudHandler } from '../../server/cloud-function';
import { cloudbaseIdentity } from '../../server/cloud-identity';
import { cloudRouter } from '../../server/cloud-runtime';

export const main = createCloudHandler('volunteer', cloudRouter, cloudbaseIdentity);
