/**
 * Composition root of the cloud functions. The CloudBase store adapter (database, storage, WeChat
 * OpenAPI) is the production-adapter issue; until it lands, every call answers SERVICE.UNAVAILABLE
 * with a message that says so, rather than pretending to work on an ephemeral local file.
 */
import { AppError } from '../core/errors';
import type { Router } from '../core/router';

export async function cloudRouter(): Promise<Router> {
  throw new AppError('SERVICE.UNAVAILABLE', 'the CloudBase store adapter is not configured in this build');
}
