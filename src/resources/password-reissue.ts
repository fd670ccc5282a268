/**
 * Reissue of a forgotten password.
 *
 * @module
 */
import type { PasswordReissueRequest } from '../contract/index.js';
import type { CallOptions, Transport } from '../transport.js';

/** Password reissue. */
export interface PasswordReissueResource {
  /**
   * Asks for a new password with the login ID, the registered email, the
   * secret question and its answer. Resolves the same way whether or not they
   * matched (so nobody can learn which accounts exist); on a match, a
   * temporary password is mailed and the account is unlocked. Logging in with
   * it gives stage `password-change-required`.
   *
   * @example
   * ```ts
   * await client.passwordReissue.request({ loginId, email, questionId, answer });
   * showMessage('If these matched, a new password has been mailed.');
   * ```
   */
  request(request: PasswordReissueRequest, options?: CallOptions): Promise<void>;
}

export function createPasswordReissue(transport: Transport): PasswordReissueResource {
  return {
    async request(request, options) {
      await transport.call('passwordReissue.request', { ...options, body: request });
    },
  };
}
