/**
 * The account: registered number, lines and companies.
 *
 * @module
 */
import type { AccountResponse, LinesResponse } from '../contract/index.js';
import type { CallOptions, Transport } from '../transport.js';

/** The account under the session. */
export interface AccountResource {
  /**
   * The registered phone or customer number, the customer's name, and whether
   * several lines are billed together.
   *
   * @example
   * ```ts
   * const { registeredNumber, billing } = await client.account.get();
   * ```
   */
  get(options?: CallOptions): Promise<AccountResponse>;
  /**
   * The communication companies and lines billed under the account (for a
   * combined bill, to pick a line or company to view).
   *
   * @example
   * ```ts
   * const { companies, lines } = await client.account.lines();
   * ```
   */
  lines(options?: CallOptions): Promise<LinesResponse>;
}

export function createAccount(transport: Transport): AccountResource {
  return {
    get: (options) => transport.call('account.get', options),
    lines: (options) => transport.call('account.lines', options),
  };
}
