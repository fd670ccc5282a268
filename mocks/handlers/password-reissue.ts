/**
 * Password reissue. The answer is always 202 `{ accepted: true }`, whatever
 * matched, so it never tells whether a login ID, an email or an answer is
 * right. Only a full match (login ID, confirmed reissue email compared
 * case-insensitively, question and answer) mails a temporary password; that
 * also unlocks the account, ends its sessions, and makes the old password
 * stop working.
 *
 * Secret answers are throttled like passwords: after `lockThreshold`
 * requests for one login ID from one client that did not match (wrong email,
 * question or answer, or no such ID), that client's reissue attempt for that
 * ID has ended for {@link REISSUE_ATTEMPT_HOURS} hours: it still gets the same
 * 202, but even a full match mails nothing. The count is per client, so a
 * stranger guessing at someone's ID cannot close the customer's own way out
 * of a lock.
 *
 * @module
 */
import type { HttpHandler } from 'msw/http';
import { allPass, checkCredential, type CredentialPolicy } from '../../src/contract/rules.js';
import type { FieldIssue } from '../../src/contract/types.js';
import type { BackendContext } from '../context.js';
import { passwordReissuedMail } from '../mails.js';
import { assertNoIssues, fieldIssue } from '../route.js';
import { emailKey, hashSecret, normalizeAnswer, temporaryPassword, verifySecret } from '../secrets.js';
import { clientKeyOf } from '../rate-limit.js';
import { emailIssues } from './common.js';

/** How long a reissue attempt ended by wrong answers stays ended, per client and login ID. */
export const REISSUE_ATTEMPT_HOURS = 24;

/** A temporary password that passes the policy (12 letters and digits when the policy allows). */
export function makeTemporaryPassword(policy: CredentialPolicy, loginId: string): string {
  const length = Math.min(Math.max(12, policy.password.minLength), policy.password.maxLength);
  for (;;) {
    const candidate = temporaryPassword(length);
    if (allPass(checkCredential('password', candidate, policy, loginId))) return candidate;
  }
}

export function passwordReissueHandlers(ctx: BackendContext): HttpHandler[] {
  const { route, store, policy, outbox } = ctx;
  return [
    route('passwordReissue.request', async ({ body, request, now }) => {
      const issues: FieldIssue[] = [];
      if (body.loginId.trim() === '') issues.push(fieldIssue('loginId', 'required', 'Enter your login ID.'));
      issues.push(...emailIssues(body.email, 'email'));
      if (body.questionId === '') issues.push(fieldIssue('questionId', 'required', 'Choose your secret question.'));
      if (normalizeAnswer(body.answer) === '') issues.push(fieldIssue('answer', 'required', 'Enter the answer to the secret question.'));
      assertNoIssues(issues);

      const { key, entry, account } = store.lookupLogin(body.loginId);
      const registration = account && entry?.kind === 'chosen' ? account.reissueEmail : null;
      // The answer is always hashed, so a miss takes about as long as a hit.
      const answerMatches = await verifySecret(normalizeAnswer(body.answer), registration?.answer);
      const matches =
        account &&
        account.loginId &&
        registration &&
        answerMatches &&
        emailKey(registration.email) === emailKey(body.email) &&
        registration.questionId === body.questionId;

      const attemptKey = `${clientKeyOf(request)}|${key}`;
      let misses = store.reissueMisses.get(attemptKey);
      if (misses && now.getTime() - misses.since >= REISSUE_ATTEMPT_HOURS * 3_600_000) {
        store.reissueMisses.delete(attemptKey);
        misses = undefined;
      }
      const attemptEnded = (misses?.count ?? 0) >= policy.lockThreshold;
      if (!matches && !attemptEnded) {
        store.reissueMisses.set(attemptKey, { count: (misses?.count ?? 0) + 1, since: misses?.since ?? now.getTime() });
      }

      if (matches && !attemptEnded) {
        store.reissueMisses.delete(attemptKey);
        const password = makeTemporaryPassword(policy, account.loginId!);
        account.password = { hash: hashSecret(password), temporary: true, expiresAt: new Date(now.getTime() + policy.temporaryPasswordHours * 3_600_000) };
        store.failedLogins.delete(store.failureKey(key, account));
        store.endSessionsOf(account.id);
        outbox.send({ to: registration.email, kind: 'password-reissued', ...passwordReissuedMail(password, policy.temporaryPasswordHours, ctx.sender), temporaryPassword: password });
      }
      return { accepted: true as const };
    }),
  ];
}
