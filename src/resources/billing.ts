/**
 * Billing history, breakdowns and summaries.
 *
 * @module
 */
import {
  MONTH_PATTERN,
  normalizeNumber,
  type BreakdownResponse,
  type HistoryResponse,
  type SummaryResponse,
} from '../contract/index.js';
import { ValidationError } from '../errors.js';
import type { CallOptions, Transport } from '../transport.js';

/** Which part of a month's bill to break down. */
export type BreakdownScope =
  /** Every company and line (the default). */
  | { view?: 'total' }
  /** One communication company. */
  | { view: 'company'; company: string }
  /** One line; dashes are accepted and removed. */
  | { view: 'line'; line: string };

/** Billing amounts, breakdowns and summaries. */
export interface BillingResource {
  /**
   * Monthly amounts of the past 15 months including the current one, newest
   * first; `breakdownAvailable` marks the 4 months with breakdowns.
   *
   * @example
   * ```ts
   * const { months } = await client.billing.history();
   * months.length; // 15
   * ```
   */
  history(options?: CallOptions): Promise<HistoryResponse>;
  /**
   * A month's detailed breakdown, in total or for one company or line, with
   * every company, line and item of charge.
   *
   * @param month - `YYYY-MM`, one of the past 4 months
   * @throws {@link NotFoundError} with code `breakdown_not_retained` for older months, `month_out_of_range` outside the 15, `not_found` for an unknown line or company
   * @example
   * ```ts
   * const all = await client.billing.breakdown('2026-11');
   * const line = await client.billing.breakdown('2026-11', { view: 'line', line: '090-1111-0087' });
   * ```
   */
  breakdown(month: string, scope?: BreakdownScope, options?: CallOptions): Promise<BreakdownResponse>;
  /**
   * A month's billing summary: usage amounts and notices (notices are plain
   * text: render them as text).
   *
   * @example
   * ```ts
   * const { usage, notices } = await client.billing.summary('2026-11');
   * ```
   */
  summary(month: string, options?: CallOptions): Promise<SummaryResponse>;
}

function checkMonth(month: string): void {
  if (!MONTH_PATTERN.test(month)) {
    throw new ValidationError([{ field: 'month', code: 'invalid_format', message: 'The month must be written YYYY-MM, e.g. 2026-11.' }]);
  }
}

export function createBilling(transport: Transport): BillingResource {
  return {
    history: (options) => transport.call('billing.history', options),
    async breakdown(month, scope = {}, options) {
      checkMonth(month);
      const query =
        scope.view === 'company'
          ? { view: 'company' as const, company: scope.company }
          : scope.view === 'line'
            ? { view: 'line' as const, line: normalizeNumber(scope.line) }
            : { view: 'total' as const };
      return transport.call('billing.breakdown', { ...options, params: { month }, query });
    },
    async summary(month, options) {
      checkMonth(month);
      return transport.call('billing.summary', { ...options, params: { month } });
    },
  };
}
