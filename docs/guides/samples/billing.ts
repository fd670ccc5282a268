import type { WebBillingClient } from '../../../src/index.js';

/** The 15-month history, the newest month's breakdown (total and by line), and its summary. */
export async function billingOverview(client: WebBillingClient) {
  const history = await client.billing.history(); // 15 months, newest first
  const month = history.months.find((m) => m.breakdownAvailable)!.month; // breakdowns: the latest 4 months
  const total = await client.billing.breakdown(month);

  // A combined bill: one line (or one communication company) at a time.
  const { lines } = await client.account.lines();
  const firstLine = await client.billing.breakdown(month, { view: 'line', line: lines[0]!.lineNumber });

  const summary = await client.billing.summary(month); // usage amounts and notices
  return { months: history.months.length, month, total, firstLine, summary };
}
