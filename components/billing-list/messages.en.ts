import { pastMonths } from '../shared/localize.js';

/** English messages of `<wb-billing-list>`. */
export default {
  title: (n: number) => `Billing amounts for ${pastMonths(n)}`,
  chartTitle: 'Monthly billing amounts, oldest to newest',
  tableCaption: 'Monthly billing amounts, newest first',
  chartHint: 'Use the arrow keys to move between months; press Enter on a month with a detailed breakdown to open it.',
  legendBreakdown: 'Detailed breakdown available (select the bar)',
  legendAmountOnly: 'Amount only',
  legendProvisional: 'Provisional (this month, may still change)',
  retention: (n: number) => `Detailed breakdowns are kept for ${pastMonths(n)} only. For older months, the amount, due date and status are shown.`,
  month: 'Month',
  amount: 'Amount',
  dueDate: 'Due date',
  status: 'Status',
  breakdown: 'Detailed breakdown',
  confirmed: 'Confirmed',
  provisional: 'Provisional',
  detailedBreakdown: 'Detailed breakdown',
  forMonth: (month: string) => `for ${month}`,
  amountOnly: 'Amount only',
  barLabel: (month: string, amount: string, provisional: boolean, hasBreakdown: boolean) =>
    `${month}: ${amount}${provisional ? ', provisional' : ''}. ${hasBreakdown ? 'Detailed breakdown available.' : 'Amount only.'}`,
  empty: 'There are no billing amounts to show yet.',
};
