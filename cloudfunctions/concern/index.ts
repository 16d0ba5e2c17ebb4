/** Cloud function `concern`: concerns, the grid tree, categories, the caller's profile. */
import { createCloudHandler } from '../../server/cloud-function';
import { cloudbaseIdentity } from '../../server/cloud-identity';
import { cloudRouter } from '../../server/cloud-runtime';

export const main = createCloudHandler('concern', cloudRouter, cloudbaseIdentity);
