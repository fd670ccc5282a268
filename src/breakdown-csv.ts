/**
 * A month's detailed breakdown as CSV, for accountants: `web-billing-kit/csv`.
 * Its own entry, so the SDK (`web-billing-kit`) stays as small as it was;
 * `<wb-breakdown>` loads it on the first "Download CSV".
 *
 * @example
 * ```ts
 * import { breakdownToCsv, breakdownCsvFileName } from 'web-billing-kit/csv';
 *
 * const breakdown = await client.billing.breakdown('2026-11');
 * const csv = breakdownToCsv(breakdown, { locale: 'ja' });
 * // Node: await writeFile(breakdownCsvFileName(breakdown.month), csv);
 * ```
 *
 * @module
 */
import type { BreakdownResponse, ChargeItem } from './contract/types.js';
import { formatLineNumber } from './line-number.js';

/** Languages of the CSV's header row and words (item labels and company names come from the breakdown in that language). */
export type CsvLocale = 'en' | 'ja';

/** Options of {@link breakdownToCsv}. */
export interface BreakdownCsvOptions {
  /** Language of the header row, the row kinds and the labels. Default `ja`. */
  locale?: CsvLocale;
}

const WORDS = {
  en: {
    header: ['Billing month', 'Payment due date', 'Communication company', 'Line number', 'Row', 'Item code', 'Item of charge', 'Kind', 'Amount (JPY)'],
    item: 'Item',
    line: 'Line subtotal',
    company: 'Company subtotal',
    total: 'Total',
    kinds: { charge: 'Charge', discount: 'Discount', fee: 'Outside the scope of consumption tax', tax: 'Consumption tax' },
  },
  ja: {
    header: ['請求月', 'お支払期日', '通信会社', '回線番号', '区分', '項目コード', 'ご利用項目', '種別', '金額（円）'],
    item: '明細',
    line: '回線小計',
    company: '会社小計',
    total: '合計',
    kinds: { charge: '料金', discount: '割引', fee: '不課税', tax: '消費税等' },
  },
} satisfies Record<CsvLocale, { kinds: Record<ChargeItem['kind'], string> } & Record<string, unknown>>;

/**
 * A text cell, RFC 4180-quoted when it holds a comma, a quote or a line
 * break, and defused against formula injection: a cell that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe,
 * so a spreadsheet shows it as text and never runs it (OWASP, "CSV
 * Injection"). Amounts are written as numbers and are never touched, so a
 * discount stays `-1100`, a number a spreadsheet can sum.
 */
function text(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The breakdown as CSV text: UTF-8 with a byte-order mark (so Excel in Japan
 * opens it as UTF-8), CRLF line ends, RFC 4180 quoting, one header row in
 * `locale`, then for each company, each line, each item of charge one row
 * (`Row` = item), after each line its subtotal, after each company its
 * subtotal, and last the total. Columns: billing month (`YYYY-MM`), payment
 * due date (`YYYY-MM-DD`), company, line number (with dashes, as the bill
 * writes it, so spreadsheets keep it as text with its leading 0), row kind,
 * item code, item label, item kind, amount (integer yen, negative for
 * discounts). Subtotals and the total are summed from the items, as
 * `<wb-breakdown>` shows them; to add up the items alone, filter on the row
 * kind.
 *
 * It covers exactly the breakdown it is given: pass the whole bill
 * (`view: 'total'`) to export every line of a combined bill.
 */
export function breakdownToCsv(breakdown: BreakdownResponse, options: BreakdownCsvOptions = {}): string {
  const locale = options.locale ?? 'ja';
  const w = WORDS[locale];
  const { month, dueDate } = breakdown;
  const rows: string[] = [w.header.map(text).join(',')];
  const row = (company: string, line: string, kind: string, code: string, label: string, itemKind: string, amount: number) =>
    rows.push([month, dueDate, company, line, kind, code, label, itemKind].map(text).join(',') + ',' + String(amount));
  let total = 0;
  for (const company of breakdown.companies) {
    const companyName = company.name[locale];
    let companySubtotal = 0;
    for (const line of company.lines) {
      const lineNumber = formatLineNumber(line.lineNumber);
      let lineSubtotal = 0;
      for (const item of line.items) {
        row(companyName, lineNumber, w.item, item.code, item.label[locale], w.kinds[item.kind], item.amount);
        lineSubtotal += item.amount;
      }
      row(companyName, lineNumber, w.line, '', '', '', lineSubtotal);
      companySubtotal += lineSubtotal;
    }
    row(companyName, '', w.company, '', '', '', companySubtotal);
    total += companySubtotal;
  }
  row('', '', w.total, '', '', '', total);
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}

/** The CSV's file name for a month: `web-billing-2026-11.csv`. */
export function breakdownCsvFileName(month: string): string {
  return `web-billing-${month}.csv`;
}
