import { countOf } from '../shared/localize.js';

/** English messages of `<wb-billing-summary>`. */
export default {
  title: (month: string) => `Billing summary for ${month}`,
  total: 'Total billing amount',
  dueDate: 'Payment due date',
  usageCaption: 'Usage amounts',
  item: 'Item',
  quantity: 'Usage',
  amount: 'Amount',
  messages: (n: number, shown: string) => countOf(n, 'message', 'messages', shown),
  lines: (n: number, shown: string) => countOf(n, 'line', 'lines', shown),
  notices: 'Notices',
  noNotices: 'There are no notices for this month.',
  breakdown: 'Detailed breakdown',
  noticeEmail: 'Register an email address to receive a notice of billing amount',
  notRetained: 'Billing summaries are kept for 4 months only, so this month has none. Its billing amount is still in the billing list.',
  outOfRange: 'This month is outside the 15 months of the billing list.',
  empty: 'There is no usage for this month.',
};
