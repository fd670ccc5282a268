/**
 * Billing history, breakdowns and summaries. Months count back from the
 * backend clock's current month (Japan time). Every amount comes from the
 * same generated items (`billing-data.ts`), so the history amount of a month
 * equals its breakdown total.
 *
 * @module
 */
import type { HttpHandler } from 'msw/http';
import { BILLING_RULES, dueDateOf, historyWindow, monthOf, monthsBetween, normalizeNumber } from '../../src/contract/rules.js';
import type { BreakdownResponse, CompanyCharges, Notice, UsageEntry } from '../../src/contract/types.js';
import type { BackendContext } from '../context.js';
import { formatDate, formatMonth } from '../mails.js';
import { ApiError, fieldIssue, validationFailed } from '../route.js';

/** Throws unless the month's breakdown and summary are still kept. */
function assertRetained(month: string, now: Date): void {
  const age = monthsBetween(month, monthOf(now));
  if (age < 0 || age >= BILLING_RULES.historyMonths) {
    throw new ApiError('month_out_of_range', `${month} is outside the ${BILLING_RULES.historyMonths}-month billing history.`);
  }
  if (age >= BILLING_RULES.breakdownMonths) {
    throw new ApiError(
      'breakdown_not_retained',
      `Breakdowns are kept for the past ${BILLING_RULES.breakdownMonths} months only; the amount of ${month} is in the history.`,
    );
  }
}

function taxOf(companies: readonly CompanyCharges[]): number {
  let tax = 0;
  for (const c of companies) for (const l of c.lines) for (const i of l.items) if (i.kind === 'tax') tax += i.amount;
  return tax;
}

function monthNotices(month: string, current: string): Notice[] {
  const m = formatMonth(month);
  const due = formatDate(dueDateOf(month));
  const notices: Notice[] = [
    {
      id: `due-date-${month}`,
      title: { ja: 'お支払期日', en: 'Payment due date' },
      body: {
        ja: `${m.ja}ご請求分のお支払期日は${due.ja}です。口座振替の場合は、前日までに口座へのご入金をお願いいたします。`,
        en: `The bill for ${m.en} is due on ${due.en}. If you pay by direct debit, please make sure the funds are in the account the day before.`,
      },
    },
  ];
  if (month === current) {
    notices.push({
      id: `provisional-${month}`,
      title: { ja: 'ご請求額確定前のお知らせ', en: 'Amount not yet set' },
      body: {
        ja: '当月のご請求額は確定前のため、今後変更となる場合があります。',
        en: "This month's amount is provisional and may still change.",
      },
    });
  }
  return notices;
}

export function billingHandlers(ctx: BackendContext): HttpHandler[] {
  const { route, store } = ctx;
  return [
    route('billing.history', ({ caller, now }) => {
      const current = monthOf(now);
      return {
        currentMonth: current,
        months: historyWindow(current).map((month, index) => ({
          month,
          amount: store.charges(caller.account, month).total,
          dueDate: dueDateOf(month),
          status: month === current ? ('provisional' as const) : ('confirmed' as const),
          breakdownAvailable: index < BILLING_RULES.breakdownMonths,
        })),
      };
    }),

    route('billing.breakdown', ({ params, query, caller, now }) => {
      const month = params.month!;
      assertRetained(month, now);
      const charges = store.charges(caller.account, month);
      // Without `view`, the view follows the filter given (`line` before `company`).
      const view = query.view ?? (query.line !== undefined ? 'line' : query.company !== undefined ? 'company' : 'total');
      let companies = charges.companies;
      const extra: Pick<BreakdownResponse, 'companyId' | 'lineNumber'> = {};

      if (view === 'company') {
        if (!query.company) throw validationFailed([fieldIssue('company', 'required', 'Choose a communication company for the company view.')]);
        const company = companies.find((c) => c.companyId === query.company);
        if (!company) throw new ApiError('not_found', `No company ${query.company} is billed under this account.`);
        companies = [company];
        extra.companyId = company.companyId;
      } else if (view === 'line') {
        if (!query.line) throw validationFailed([fieldIssue('line', 'required', 'Enter a line number for the line view.')]);
        const number = normalizeNumber(query.line);
        const company = companies.find((c) => c.lines.some((l) => l.lineNumber === number));
        const line = company?.lines.find((l) => l.lineNumber === number);
        if (!company || !line) throw new ApiError('not_found', `No line ${number} is billed under this account.`);
        companies = [{ ...company, subtotal: line.subtotal, lines: [line] }];
        extra.companyId = company.companyId;
        extra.lineNumber = line.lineNumber;
      }

      return {
        month,
        dueDate: dueDateOf(month),
        view,
        ...extra,
        total: companies.reduce((sum, c) => sum + c.subtotal, 0),
        taxTotal: taxOf(companies),
        companies,
      };
    }),

    route('billing.summary', ({ params, caller, now }) => {
      const month = params.month!;
      assertRetained(month, now);
      const { account } = caller;
      const charges = store.charges(account, month);
      const usage: UsageEntry[] = [
        { code: 'calls', label: { ja: '通話', en: 'Calls' }, quantity: charges.usage.callMinutes, unit: 'minutes', amount: charges.amounts.calls },
        { code: 'data', label: { ja: 'データ通信', en: 'Data' }, quantity: charges.usage.dataGB, unit: 'GB', amount: charges.amounts.data },
        {
          code: 'messages',
          label: { ja: 'SMS', en: 'Text messages (SMS)' },
          quantity: charges.usage.messages,
          unit: 'messages',
          amount: charges.amounts.messages,
        },
        { code: 'lines', label: { ja: 'ご利用回線（基本料）', en: 'Lines (basic charges)' }, quantity: charges.usage.lines, unit: 'lines', amount: charges.amounts.basic },
      ];
      return {
        month,
        dueDate: dueDateOf(month),
        total: charges.total,
        usage,
        notices: [...monthNotices(month, monthOf(now)), ...account.notices],
      };
    }),
  ];
}
