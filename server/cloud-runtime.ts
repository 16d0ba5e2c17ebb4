/**
 * Composition root of the cloud functions. The CloudBase store adapter (database, storage, WeChat
 * OpenAPI) is the production-adapter issue; until it lands, every call answers SERVICE.UNAVAILABLE
 * with a message that says so, rather than pretending to work on an ephemeral local file.
 */
import { AppError } from '../core/errors';
import type { DirectoryCache } from '../core/directory';
import type { Deps } from '../core/ports';
import type { Router } from '../core/router';

export async function cloudRouter(): Promise<Router> {
  throw new AppError('SERVICE.UNAVAILABLE', 'the CloudBase store adapter is not configured in this build');
}

/** What the timer functions need: the same deps and grid cache as the router. */
export async function cloudJobs(): Promise<{ deps: Deps; directory: DirectoryCache }> {
  throw new AppError('SERVICE.UNAVAILABLE', 'the CloudBase store adapter is not configured in this build');
}
