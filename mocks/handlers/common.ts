/**
 * Helpers shared by the handler modules: credential rules as field issues,
 * emails, confirmation links and the checks of a followed link.
 *
 * @module
 */
import { checkCredential, codePointLength, type CredentialPolicy } from '../../src/contract/rules.js';
import type { FieldIssue } from '../../src/contract/types.js';
import type { BackendContext } from '../context.js';
import { registrationChangedMail } from '../mails.js';
import { ApiError, fieldIssue } from '../route.js';
import type { AccountRecord, ConfirmationPurpose, PendingConfirmation } from '../store.js';

/** The WHATWG HTML `input type=email` rule: one-byte characters, a local part, `@`, a dotted domain. */
export const EMAIL_PATTERN =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** `taro@example.jp` → `ta***@example.jp`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return '***';
  const local = email.slice(0, at);
  return `${local.slice(0, Math.min(2, Math.max(1, local.length - 1)))}***${email.slice(at)}`;
}

/** Field issues of an email typed once (and, if given, a second time). */
export function emailIssues(email: string, field: string, confirmation?: { value: string; field: string }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const trimmed = email.trim();
  if (trimmed === '') issues.push(fieldIssue(field, 'required', 'Enter an email address.'));
  else if (!EMAIL_PATTERN.test(trimmed)) {
    issues.push(fieldIssue(field, 'invalid_format', 'Enter an email address in one-byte characters, like name@example.jp.'));
  }
  if (confirmation) {
    if (confirmation.value.trim() === '') issues.push(fieldIssue(confirmation.field, 'required', 'Enter the email address again.'));
    else if (confirmation.value.trim().toLowerCase() !== trimmed.toLowerCase()) {
      issues.push(fieldIssue(confirmation.field, 'mismatch', 'The two email addresses do not match.'));
    }
  }
  return issues;
}

/**
 * Field issues of a new login ID or password against the policy, one per
 * failed rule. `differs` is reported on the password field only, `matches`
 * on the confirmation field.
 */
export function credentialIssues(
  policy: CredentialPolicy,
  kind: 'loginId' | 'password',
  value: string,
  fields: { field: string; confirmField: string },
  confirmation: string,
  other?: string,
): FieldIssue[] {
  const rules = policy[kind];
  const noun = kind === 'loginId' ? 'login ID' : 'password';
  if (value === '') return [fieldIssue(fields.field, 'required', `Enter a ${noun}.`)];
  const issues: FieldIssue[] = [];
  for (const check of checkCredential(kind, value, policy, kind === 'password' ? other : undefined, confirmation)) {
    if (check.ok) continue;
    switch (check.rule) {
      case 'length': {
        const short = codePointLength(value) < rules.minLength;
        issues.push(
          fieldIssue(fields.field, short ? 'too_short' : 'too_long', `Use ${rules.minLength} to ${rules.maxLength} characters for the ${noun}.`),
        );
        break;
      }
      case 'letterAndDigit':
        issues.push(fieldIssue(fields.field, 'letter_and_digit_required', `Use both letters and digits in the ${noun}.`));
        break;
      case 'charset':
        issues.push(
          fieldIssue(
            fields.field,
            'invalid_characters',
            rules.charset === 'ascii'
              ? `Use only one-byte letters, digits and these symbols in the ${noun}: ${policy.allowedSymbols}`
              : `Remove control or invisible characters from the ${noun}.`,
          ),
        );
        break;
      case 'differs':
        issues.push(fieldIssue(fields.field, 'same_as_login_id', 'The password must differ from the login ID.'));
        break;
      case 'matches':
        issues.push(fieldIssue(fields.confirmField, 'mismatch', `The two ${noun}s do not match.`));
        break;
    }
  }
  return issues;
}

/** The link mailed for a confirmation. */
export function confirmationLink(linkBase: string, purpose: ConfirmationPurpose, token: string): string {
  const query = `purpose=${encodeURIComponent(purpose)}&token=${encodeURIComponent(token)}`;
  return `${linkBase}${linkBase.includes('?') ? '&' : '?'}${query}`;
}

/** When a confirmation made now expires. */
export function confirmationExpiry(ctx: BackendContext, now: Date): Date {
  return new Date(now.getTime() + ctx.policy.confirmationLinkTtlHours * 3600_000);
}

const LINK_EXPIRED = 'This confirmation link is unknown, already used or expired (links are valid for 24 hours). Start the registration again.';

/**
 * The pending registration a followed link stands for, or 410 `link_expired`
 * when the token is unknown, used, expired, for another purpose, or replaced
 * by a later registration.
 */
export async function followLink<P extends ConfirmationPurpose>(
  ctx: BackendContext,
  token: string,
  purpose: P,
  now: Date,
): Promise<{ key: string; record: Extract<PendingConfirmation, { purpose: P }>; account: AccountRecord }> {
  const found = token ? await ctx.store.findConfirmation(token) : null;
  const record = found?.record;
  const account = record ? ctx.store.accounts.get(record.accountId) : undefined;
  if (
    !found ||
    !record ||
    !account ||
    record.purpose !== purpose ||
    record.used ||
    now.getTime() >= record.expiresAt.getTime() ||
    account.pending[purpose] !== found.key
  ) {
    throw new ApiError('link_expired', LINK_EXPIRED);
  }
  return { key: found.key, record: record as Extract<PendingConfirmation, { purpose: P }>, account };
}

/** The answer of `GET …/confirm`: the link can still be used (else {@link followLink} threw 410); nothing is used up. */
export async function checkLink(ctx: BackendContext, token: string, purpose: ConfirmationPurpose, now: Date): Promise<{ valid: true; purpose: ConfirmationPurpose; expiresAt: string }> {
  const { record } = await followLink(ctx, token, purpose, now);
  return { valid: true, purpose, expiresAt: record.expiresAt.toISOString() };
}

/**
 * Counts a wrong answer or number given with a link. The link keeps working,
 * but after `lockThreshold` wrong guesses it is withdrawn (later attempts get
 * 410), so the secret answer cannot be guessed through it without limit.
 */
export function countWrongGuess(ctx: BackendContext, account: AccountRecord, record: PendingConfirmation): void {
  record.wrongGuesses += 1;
  if (record.wrongGuesses >= ctx.policy.lockThreshold) ctx.store.dropPending(account, record.purpose);
}

/** Marks a followed link as used; it answers 410 from now on. */
export function consumeLink(account: AccountRecord, record: PendingConfirmation): void {
  record.used = true;
  account.pending[record.purpose] = null;
}

/**
 * Deletes an email registration and any pending one, and tells the address
 * that was registered (without a secret). `not_found` when there is neither.
 */
export function deleteRegistration(ctx: BackendContext, account: AccountRecord, purpose: 'reissue-email' | 'notice-email', now: Date, notFound: string): void {
  const field = purpose === 'reissue-email' ? 'reissueEmail' : 'noticeEmail';
  if (!account[field] && !ctx.store.pendingOf(account, purpose, now)) throw new ApiError('not_found', notFound);
  const previous = account[field];
  account[field] = null;
  ctx.store.dropPending(account, purpose);
  if (previous) ctx.outbox.send({ to: previous.email, kind: 'registration-changed', ...registrationChangedMail(purpose, { kind: 'deleted' }, now, ctx.sender) });
}
