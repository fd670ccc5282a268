/**
 * Phone and line numbers as people read them: digits grouped with dashes.
 * Every element (and the SDK's CSV export) writes a phone number through
 * `formatLineNumber`, so the registered number on the top screen, a line in
 * the breakdown and a line in the CSV look alike.
 *
 * @module
 */

/**
 * A line number (digits only) with dashes for reading: mobile, IP and data
 * numbers (11 digits: `090-1111-0087`), toll-free (`0120-123-401`,
 * `0800-123-4567`), Tokyo and Osaka (`03-5555-0101`). Other 10-digit fixed
 * numbers get `0XX-XXX-XXXX`, which is right for the 3-digit area codes;
 * Japan's area codes run from 2 to 5 digits and only a full table could place
 * the dash for every one. Anything else is returned unchanged.
 *
 * @example
 * ```ts
 * formatLineNumber('09011110087') // '090-1111-0087'
 * ```
 */
export function formatLineNumber(digits: string): string {
  if (!/^0\d{9,10}$/.test(digits)) return digits;
  if (/^0120/.test(digits) && digits.length === 10) return `${digits.slice(0, 4)}-${digits.slice(4, 7)}-${digits.slice(7)}`;
  if (/^0800/.test(digits) && digits.length === 11) return `${digits.slice(0, 4)}-${digits.slice(4, 7)}-${digits.slice(7)}`;
  if (digits.length === 11) return `${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`;
  if (/^0[36]/.test(digits)) return `${digits.slice(0, 2)}-${digits.slice(2, 6)}-${digits.slice(6)}`;
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
}
