/**
 * Counts in English copy: "1 line", "2 lines". Japanese needs none of this
 * (`1回線`, `2回線`); its catalogs keep their own templates.
 *
 * @module
 */

/**
 * `n` followed by the noun in the singular for 1 and the plural otherwise.
 * `shown` is how the number is written (default: with thousands separators).
 *
 * @example
 * ```ts
 * countOf(1, 'line') // '1 line'
 * countOf(1200, 'company', 'companies') // '1,200 companies'
 * ```
 */
export function countOf(n: number, one: string, many = `${one}s`, shown = n.toLocaleString('en')): string {
  return `${shown} ${n === 1 ? one : many}`;
}

/** "the past 4 months", or "the past month" for 1. */
export function pastMonths(n: number): string {
  return n === 1 ? 'the past month' : `the past ${countOf(n, 'month')}`;
}
