/**
 * The email (with a secret question and answer) used to reissue a password:
 * register, change, delete, status, and the confirmation of the mailed link.
 *
 * Registering while a registration is only pending replaces the pending one
 * (its link stops working) instead of answering 409: a customer who lost or
 * mistyped the first mail can simply register again, as the user guide tells
 * them to do after 24 hours (user guide, §1 Initial login;
 * docs/spec/user-guide.md). Only a confirmed registration makes `register`
 * answer 409; it must be changed or deleted instead.
 *
 * @module
 */
import type { HttpHandler } from 'msw/http';
import type { FieldIssue, ReissueEmailRequest, ReissueEmailStatus } from '../../src/contract/types.js';
import type { BackendContext } from '../context.js';
import { registrationChangedMail, reissueEmailConfirmMail, reissueEmailRegisteredMail } from '../mails.js';
import { ApiError, assertNoIssues, fieldIssue, validationFailed } from '../route.js';
import { hashSecret, normalizeAnswer, verifySecret } from '../secrets.js';
import { SECRET_QUESTIONS } from '../demo-accounts.js';
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

function status(ctx: BackendContext, account: AccountRecord, now: Date): ReissueEmailStatus {
  const pending = ctx.store.pendingOf(account, 'reissue-email', now);
  const registered = account.reissueEmail;
  const result: ReissueEmailStatus = { state: registered ? 'registered' : pending ? 'pending' : 'none' };
  if (registered) {
    result.email = maskEmail(registered.email);
    result.questionId = registered.questionId;
  }
  if (pending) {
    result.pendingEmail = maskEmail(pending.registration.email);
    result.pendingExpiresAt = pending.expiresAt.toISOString();
  }
  return result;
}

const isQuestion = (id: string): boolean => SECRET_QUESTIONS.some((q) => q.id === id);

function requestIssues(body: ReissueEmailRequest): FieldIssue[] {
  const issues = emailIssues(body.email, 'email', { value: body.emailConfirm, field: 'emailConfirm' });
  if (body.questionId === '') issues.push(fieldIssue('questionId', 'required', 'Choose a secret question.'));
  else if (!isQuestion(body.questionId)) issues.push(fieldIssue('questionId', 'unknown_question'));
  if (normalizeAnswer(body.answer) === '') issues.push(fieldIssue('answer', 'required', 'Enter the answer to the secret question.'));
  return issues;
}

async function startConfirmation(ctx: BackendContext, account: AccountRecord, body: ReissueEmailRequest, now: Date): Promise<void> {
  const email = body.email.trim();
  const expiresAt = confirmationExpiry(ctx, now);
  const token = await ctx.store.createConfirmation(account, {
    purpose: 'reissue-email',
    accountId: account.id,
    expiresAt,
    registration: { email, questionId: body.questionId, answer: hashSecret(normalizeAnswer(body.answer)) },
  });
  const link = confirmationLink(ctx.linkBase, 'reissue-email', token);
  ctx.outbox.send({ to: email, kind: 'reissue-email-confirm', ...reissueEmailConfirmMail(link, expiresAt, ctx.sender), link });
}

export function reissueEmailHandlers(ctx: BackendContext): HttpHandler[] {
  const { route } = ctx;
  return [
    route('reissueEmail.questions', () => ({ questions: SECRET_QUESTIONS.map((q) => ({ id: q.id, text: { ...q.text } })) })),

    route('reissueEmail.status', ({ caller, now }) => status(ctx, caller.account, now)),

    route('reissueEmail.register', async ({ body, caller, now }) => {
      assertNoIssues(requestIssues(body));
      if (caller.account.reissueEmail) {
        throw new ApiError('conflict', 'An email for password reissue is already registered; change or delete it instead.');
      }
      await startConfirmation(ctx, caller.account, body, now);
      return status(ctx, caller.account, now);
    }),

    route('reissueEmail.change', async ({ body, caller, now }) => {
      assertNoIssues(requestIssues(body));
      if (!caller.account.reissueEmail) {
        throw new ApiError('not_found', 'No email for password reissue is registered; register one first.');
      }
      await startConfirmation(ctx, caller.account, body, now);
      return status(ctx, caller.account, now);
    }),

    route('reissueEmail.delete', ({ caller, now }) => {
      deleteRegistration(ctx, caller.account, 'reissue-email', now, 'No email for password reissue is registered.');
      return undefined;
    }),

    route('reissueEmail.checkLink', ({ query, now }) => checkLink(ctx, query.token, 'reissue-email', now)),

    route('reissueEmail.confirm', async ({ body, now }) => {
      const { record, account } = await followLink(ctx, body.token, 'reissue-email', now);
      if (body.questionId === '') throw validationFailed([fieldIssue('questionId', 'required', 'Choose the secret question.')]);
      if (!isQuestion(body.questionId)) throw validationFailed([fieldIssue('questionId', 'unknown_question')]);
      if (normalizeAnswer(body.answer) === '') {
        throw validationFailed([fieldIssue('answer', 'required', 'Enter the answer to the secret question.')]);
      }
      const answerMatches = await verifySecret(normalizeAnswer(body.answer), record.registration.answer);
      if (!answerMatches || body.questionId !== record.registration.questionId) {
        countWrongGuess(ctx, account, record);
        throw validationFailed([fieldIssue('answer', 'wrong_answer', 'The secret question or answer does not match what was registered.')]);
      }
      consumeLink(account, record);
      const previous = account.reissueEmail;
      account.reissueEmail = record.registration;
      if (previous && previous.email.toLowerCase() !== record.registration.email.toLowerCase()) {
        const change = { kind: 'changed' as const, to: maskEmail(record.registration.email) };
        ctx.outbox.send({ to: previous.email, kind: 'registration-changed', ...registrationChangedMail('reissue-email', change, now, ctx.sender) });
      }
      ctx.outbox.send({ to: record.registration.email, kind: 'reissue-email-registered', ...reissueEmailRegisteredMail(ctx.sender) });
      return status(ctx, account, now);
    }),
  ];
}
