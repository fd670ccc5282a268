/**
 * A breakdown as the element shows it: every subtotal and the total summed
 * from the items themselves, so what is shown always adds up.
 *
 * @module
 */
import type { BreakdownResponse, ChargeItem, LocalizedText } from '../../src/core.js';

/** A line of the breakdown with its subtotal summed from its items. */
export interface LineView {
  /** `company/line`: a line's key for what is open (company keys are bare ids). */
  key: string;
  lineNumber: string;
  items: readonly ChargeItem[];
  subtotal: number;
}

/** A company of the breakdown with its subtotal summed from its lines. */
export interface CompanyView {
  id: string;
  name: LocalizedText;
  subtotal: number;
  lines: readonly LineView[];
}

/** What the element shows, every sum computed from the items themselves. */
export interface Sums {
  companies: readonly CompanyView[];
  total: number;
  tax: number;
  items: number;
}

const sumsCache = new WeakMap<BreakdownResponse, Sums>();

/** Sums a breakdown from its items (cached per response). */
export function sumsOf(data: BreakdownResponse): Sums {
  let sums = sumsCache.get(data);
  if (sums) return sums;
  let total = 0;
  let tax = 0;
  let count = 0;
  const companies = data.companies.map((company): CompanyView => {
    let companySubtotal = 0;
    const lines = company.lines.map((line): LineView => {
      let subtotal = 0;
      for (const item of line.items) {
        subtotal += item.amount;
        if (item.kind === 'tax') tax += item.amount;
      }
      count += line.items.length;
      companySubtotal += subtotal;
      return { key: `${company.companyId}/${line.lineNumber}`, lineNumber: line.lineNumber, items: line.items, subtotal };
    });
    total += companySubtotal;
    return { id: company.companyId, name: company.name, subtotal: companySubtotal, lines };
  });
  sums = { companies, total, tax, items: count };
  sumsCache.set(data, sums);
  return sums;
}
