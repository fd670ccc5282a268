/**
 * The email address (with a secret question) used to reissue a forgotten password.
 *
 * @module
 */
import type { LinkCheckResponse, ReissueEmailConfirmRequest, ReissueEmailRequest, ReissueEmailStatus, SecretQuestion } from '../contract/index.js';
import type { CallOptions, Transport } from '../transport.js';

/** Registration of the email for password reissue. */
export interface ReissueEmailResource {
  /**
   * The secret questions to choose from. No session needed.
   *
   * @example
   * ```ts
   * const questions = await client.reissueEmail.questions();
   * ```
   */
  questions(options?: CallOptions): Promise<SecretQuestion[]>;
  /**
   * Whether an address is registered, pending confirmation, or none (addresses are masked).
   *
   * @example
   * ```ts
   * const { state } = await client.reissueEmail.status();
   * ```
   */
  status(options?: CallOptions): Promise<ReissueEmailStatus>;
  /**
   * Registers the address (typed twice), a secret question and its answer.
   * Nothing is registered until the mailed link (valid 24 hours) is followed
   * and {@link ReissueEmailResource.confirm} succeeds.
   *
   * @throws {@link ConflictError} when one is registered already (use `change`), {@link ValidationError}
   * @example
   * ```ts
   * await client.reissueEmail.register({ email, emailConfirm: email, questionId: 'first-pet', answer });
   * ```
   */
  register(request: ReissueEmailRequest, options?: CallOptions): Promise<ReissueEmailStatus>;
  /**
   * Changes the address, question or answer; confirmed like a registration.
   *
   * @example
   * ```ts
   * await client.reissueEmail.change({ email, emailConfirm: email, questionId, answer });
   * ```
   */
  change(request: ReissueEmailRequest, options?: CallOptions): Promise<ReissueEmailStatus>;
  /**
   * Deletes the registration.
   *
   * @example
   * ```ts
   * await client.reissueEmail.delete();
   * ```
   */
  delete(options?: CallOptions): Promise<void>;
  /**
   * Completes a registration from the mailed link: its token, and the secret
   * question and answer again. No session needed.
   *
   * @throws {@link LinkExpiredError} when the link is expired, used or unknown; {@link ValidationError} (`wrong_answer`) when the answer differs
   * @example
   * ```ts
   * const token = new URL(location.href).searchParams.get('token')!;
   * await client.reissueEmail.confirm({ token, questionId, answer });
   * ```
   */
  confirm(request: ReissueEmailConfirmRequest, options?: CallOptions): Promise<ReissueEmailStatus>;
  /**
   * Whether the mailed link can still be used, without using it (so the
   * confirm step can say at once that it cannot). No session needed.
   *
   * @throws {@link LinkExpiredError} when the link is expired, used or unknown
   * @example
   * ```ts
   * await client.reissueEmail.checkLink(token); // throws LinkExpiredError for a dead link
   * ```
   */
  checkLink(token: string, options?: CallOptions): Promise<LinkCheckResponse>;
}

export function createReissueEmail(transport: Transport): ReissueEmailResource {
  return {
    questions: async (options) => (await transport.call('reissueEmail.questions', options)).questions,
    status: (options) => transport.call('reissueEmail.status', options),
    register: (request, options) => transport.call('reissueEmail.register', { ...options, body: request }),
    change: (request, options) => transport.call('reissueEmail.change', { ...options, body: request }),
    delete: async (options) => {
      await transport.call('reissueEmail.delete', options);
    },
    confirm: (request, options) => transport.call('reissueEmail.confirm', { ...options, body: request }),
    checkLink: (token, options) => transport.call('reissueEmail.checkLink', { ...options, query: { token } }),
  };
}
