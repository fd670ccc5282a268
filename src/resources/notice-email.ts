/**
 * The email address for the monthly billing-amount notice.
 *
 * @module
 */
import { normalizeNumber, type LinkCheckResponse, type NoticeEmailRequest, type NoticeEmailStatus } from '../contract/index.js';
import type { CallOptions, Transport } from '../transport.js';

/** Registration of the billing-amount notice email. */
export interface NoticeEmailResource {
  /**
   * Whether a notice address is registered, pending, or none, and the
   * sender address to allow in spam filters.
   *
   * @example
   * ```ts
   * const { state, sender } = await client.noticeEmail.status();
   * ```
   */
  status(options?: CallOptions): Promise<NoticeEmailStatus>;
  /**
   * Temporarily registers an address of type `mobile` or `internet`. A
   * confirmation link valid 24 hours is mailed to it.
   *
   * @throws {@link ConflictError} when one is registered already, {@link ValidationError}
   * @example
   * ```ts
   * await client.noticeEmail.register({ type: 'mobile', email: 'taro@docomo.example' });
   * ```
   */
  register(request: NoticeEmailRequest, options?: CallOptions): Promise<NoticeEmailStatus>;
  /**
   * Changes the address or its type; confirmed like a registration.
   *
   * @example
   * ```ts
   * await client.noticeEmail.change({ type: 'internet', email: 'taro@example.jp' });
   * ```
   */
  change(request: NoticeEmailRequest, options?: CallOptions): Promise<NoticeEmailStatus>;
  /**
   * Stops the notice.
   *
   * @example
   * ```ts
   * await client.noticeEmail.delete();
   * ```
   */
  delete(options?: CallOptions): Promise<void>;
  /**
   * Completes the formal registration from the mailed link, with the
   * registered phone or customer number. Dashes, spaces and full-width digits
   * are removed before sending (the service wants digits only). No session needed.
   *
   * @throws {@link LinkExpiredError}; {@link ValidationError} (`wrong_number`) when the number differs
   * @example
   * ```ts
   * await client.noticeEmail.confirm(token, '090-1234-5678');
   * ```
   */
  confirm(token: string, registeredNumber: string, options?: CallOptions): Promise<NoticeEmailStatus>;
  /**
   * Whether the mailed link can still be used, without using it (so the
   * confirm step can say at once that it cannot). No session needed.
   *
   * @throws {@link LinkExpiredError} when the link is expired, used or unknown
   * @example
   * ```ts
   * await client.noticeEmail.checkLink(token); // throws LinkExpiredError for a dead link
   * ```
   */
  checkLink(token: string, options?: CallOptions): Promise<LinkCheckResponse>;
}

export function createNoticeEmail(transport: Transport): NoticeEmailResource {
  return {
    status: (options) => transport.call('noticeEmail.status', options),
    register: (request, options) => transport.call('noticeEmail.register', { ...options, body: request }),
    change: (request, options) => transport.call('noticeEmail.change', { ...options, body: request }),
    delete: async (options) => {
      await transport.call('noticeEmail.delete', options);
    },
    confirm: (token, registeredNumber, options) =>
      transport.call('noticeEmail.confirm', {
        ...options,
        body: { token, registeredNumber: normalizeNumber(registeredNumber) },
      }),
    checkLink: (token, options) => transport.call('noticeEmail.checkLink', { ...options, query: { token } }),
  };
}
