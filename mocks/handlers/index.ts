/**
 * Every handler of the reference backend, by domain, plus a catch-all that
 * answers 404 `not_found` (in the contract's format) under the base path.
 *
 * @module
 */
import type { HttpHandler } from 'msw/http';
import type { BackendContext } from '../context.js';
import { notFoundHandler } from '../route.js';
import { accountHandlers } from './account.js';
import { authHandlers } from './auth.js';
import { billingHandlers } from './billing.js';
import { credentialHandlers } from './credentials.js';
import { devHandlers } from './dev.js';
import { noticeEmailHandlers } from './notice-email.js';
import { passwordReissueHandlers } from './password-reissue.js';
import { reissueEmailHandlers } from './reissue-email.js';

export { sendMonthlyNotices } from './notice-email.js';

/** The handlers of a backend, in matching order; the 404 catch-all is last. */
export function createHandlers(ctx: BackendContext, basePath: string): HttpHandler[] {
  return [
    ...authHandlers(ctx),
    ...credentialHandlers(ctx),
    ...accountHandlers(ctx),
    ...billingHandlers(ctx),
    ...reissueEmailHandlers(ctx),
    ...noticeEmailHandlers(ctx),
    ...passwordReissueHandlers(ctx),
    ...devHandlers(ctx),
    notFoundHandler(basePath),
  ];
}
