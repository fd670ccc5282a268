/**
 * "Download CSV": the CSV module (`web-billing-kit/csv`) loads on the first
 * press, so a page that never downloads never fetches it.
 *
 * @module
 */
import type { BreakdownResponse } from '../../src/core.js';
import { WbBreakdownDownloadEvent } from '../shared/events.js';
import type { Locale } from '../shared/localize.js';

/** Makes the CSV of `whole` in `locale`, fires `wb-breakdown-download` from `host`, and unless it was cancelled saves the file. */
export async function saveBreakdownCsv(host: HTMLElement, whole: BreakdownResponse, locale: Locale): Promise<void> {
  const { breakdownToCsv, breakdownCsvFileName } = await import('../../src/breakdown-csv.js');
  const csv = breakdownToCsv(whole, { locale });
  const fileName = breakdownCsvFileName(whole.month);
  if (!host.dispatchEvent(new WbBreakdownDownloadEvent(whole.month, fileName, csv))) return;
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked later, not at once: the browser reads the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
