/**
 * The email for the monthly billing-amount notice: register (temporary
 * registration), change, delete, status, confirmation with the registered
 * number, and the monthly amount mail itself.
 *
 * As for the reissue email, registering while only a pending registration
 * exists replaces it; a confirmed one makes `register` answer 409.
 *
 * @module
 */
import type { HttpHandler } from 'msw/http';
import {
  addMonths,
  BILLING_RULES,
  dueDateOf,
  MAIL_SENDER,
  monthOf,
  monthsBetween,
  REGISTERED_NUMBER_PATTERN,
} from '../../src/contract/rules.js';
import type { NoticeEmailRequest, NoticeEmailStatus } from '../../src/contract/types.js';
import type { BackendContext } from '../context.js';
import { noticeEmailConfirmMail, noticeEmailRegisteredMail, noticeMonthlyAmountMail, registrationChangedMail } from '../mails.js';
import { ApiError, assertNoIssues, fieldIssue, validationFailed } from '../route.js';
import type { AccountRecord } from '../store.js';
import {
  checkLink,
  confirmationExpiry,
  confirmationLink,
  consumeLink,
  countWrongGuess,
  emailIssues,
  followLink,
  maskEmail,
  deleteRegistration,
} from './common.js';

function status(ctx: BackendContext, account: AccountRecord, now: Date): NoticeEmailStatus {
  const pending = ctx.store.pendingOf(account, 'notice-email', now);
  const registered = account.noticeEmail;
  const result: NoticeEmailStatus = { state: registered ? 'registered' : pending ? 'pending' : 'none', sender: MAIL_SENDER };
  if (registered) {
    result.type = registered.type;
    result.email = maskEmail(registered.email);
  }
  if (pending) {
    result.pendingType = pending.registration.type;
    result.pendingEmail = maskEmail(pending.registration.email);
    result.pendingExpiresAt = pending.expiresAt.toISOString();
  }
  return result;
}

async function startConfirmation(ctx: BackendContext, account: AccountRecord, body: NoticeEmailRequest, now: Date): Promise<void> {
  const email = body.email.trim();
  const expiresAt = confirmationExpiry(ctx, now);
  const token = await ctx.store.createConfirmation(account, {
    purpose: 'notice-email',
    accountId: account.id,
    expiresAt,
    registration: { type: body.type, email },
  });
  const link = confirmationLink(ctx.linkBase, 'notice-email', token);
  ctx.outbox.send({ to: email, kind: 'notice-email-confirm', ...noticeEmailConfirmMail(link, expiresAt, ctx.sender), link });
}

/** When the amount mail of a billing month goes out: 14 days before its due date, 00:00 Japan time. */
export function noticeMailInstant(month: string): number {
  return Date.parse(`${dueDateOf(month)}T00:00:00+09:00`) - BILLING_RULES.noticeMailDaysBeforeDue * 86_400_000;
}

/**
 * Sends the monthly amount mail of every month whose notice instant the
 * clock passed between `from` (excluded) and `to` (included), to every
 * confirmed notice address, once per month and account. A jump of more than
 * the history window only mails the months inside it.
 */
export function sendMonthlyNotices(ctx: BackendContext, from: Date, to: Date): void {
  if (to.getTime() <= from.getTime()) return;
  const last = addMonths(monthOf(to), 1);
  let month = addMonths(monthOf(from), -1);
  if (monthsBetween(month, last) > BILLING_RULES.historyMonths) month = addMonths(last, -BILLING_RULES.historyMonths);
  for (; monthsBetween(month, last) >= 0; month = addMonths(month, 1)) {
    const at = noticeMailInstant(month);
    if (at <= from.getTime() || at > to.getTime()) continue;
    for (const account of ctx.store.accounts.values()) {
      if (!account.noticeEmail || account.noticeMailsSent.has(month)) continue;
      account.noticeMailsSent.add(month);
      const amount = ctx.store.charges(account, month).total;
      ctx.outbox.send({
        to: account.noticeEmail.email,
        kind: 'notice-monthly-amount',
        ...noticeMonthlyAmountMail({ customerName: account.customerName, month, amount, dueDate: dueDateOf(month) }, ctx.sender),
      });
    }
  }
}

export function noticeEmailHandlers(ctx: BackendContext): HttpHandler[] {
  const { route } = ctx;
  return [
    route('noticeEmail.status', ({ caller, now }) => status(ctx, caller.account, now)),

    route('noticeEmail.register', async ({ body, caller, now }) => {
      assertNoIssues(emailIssues(body.email, 'email'));
      if (caller.account.noticeEmail) {
        throw new ApiError('conflict', 'A billing-notice email is already registered; change or delete it instead.');
      }
      await startConfirmation(ctx, caller.account, body, now);
      return status(ctx, caller.account, now);
    }),

    route('noticeEmail.change', async ({ body, caller, now }) => {
      assertNoIssues(emailIssues(body.email, 'email'));
      if (!caller.account.noticeEmail) throw new ApiError('not_found', 'No billing-notice email is registered; register one first.');
      await startConfirmation(ctx, caller.account, body, now);
      return status(ctx, caller.account, now);
    }),

    route('noticeEmail.delete', ({ caller, now }) => {
      deleteRegistration(ctx, caller.account, 'notice-email', now, 'No billing-notice email is registered.');
      return undefined;
    }),

    route('noticeEmail.checkLink', ({ query, now }) => checkLink(ctx, query.token, 'notice-email', now)),

    route('noticeEmail.confirm', async ({ body, now }) => {
      const { record, account } = await followLink(ctx, body.token, 'notice-email', now);
      const number = body.registeredNumber.trim();
      if (number === '') {
        throw validationFailed([fieldIssue('registeredNumber', 'required', 'Enter the registered phone or customer number.')]);
      }
      if (!REGISTERED_NUMBER_PATTERN.test(number)) {
        throw validationFailed([
          fieldIssue('registeredNumber', 'invalid_format', 'Enter 10 or 11 one-byte digits without dashes, e.g. 09012345678 or 0012345678.'),
        ]);
      }
      if (number !== account.registeredNumber.number) {
        countWrongGuess(ctx, account, record);
        throw validationFailed([fieldIssue('registeredNumber', 'wrong_number')]);
      }
      consumeLink(account, record);
      const previous = account.noticeEmail;
      account.noticeEmail = { ...record.registration };
      if (previous && previous.email.toLowerCase() !== record.registration.email.toLowerCase()) {
        const change = { kind: 'changed' as const, to: maskEmail(record.registration.email) };
        ctx.outbox.send({ to: previous.email, kind: 'registration-changed', ...registrationChangedMail('notice-email', change, now, ctx.sender) });
      }
      ctx.outbox.send({ to: record.registration.email, kind: 'notice-email-registered', ...noticeEmailRegisteredMail(record.registration.type, ctx.sender) });
      return status(ctx, account, now);
    }),
  ];
}
