/**
 * The credential policy, login-ID availability, the first credential setup
 * after a postcard login, and password changes.
 *
 * A wrong postcard or current password inside a session does not count
 * towards the account lock (the caller already proved a login); instead the
 * session ends after `lockThreshold` wrong tries, so a stolen session cannot
 * be used to guess the password without limit.
 *
 * @module
 */
import type { HttpHandler } from 'msw/http';
import type { FieldIssue } from '../../src/contract/types.js';
import type { BackendContext } from '../context.js';
import { credentialsChangedMail } from '../mails.js';
import { ApiError, assertNoIssues, fieldIssue, type Caller } from '../route.js';
import { hashSecret, loginKey, verifySecret } from '../secrets.js';
import { credentialIssues } from './common.js';

function wrongSecret(ctx: BackendContext, caller: Caller, message: string): ApiError {
  caller.session.failedChecks += 1;
  if (caller.session.failedChecks >= ctx.policy.lockThreshold) {
    ctx.store.sessions.delete(caller.sessionKey);
    return new ApiError('session_expired', `${message} Too many wrong tries: the session has ended. Log in again.`);
  }
  return new ApiError('invalid_credentials', message);
}

function notifyChange(ctx: BackendContext, caller: Caller, what: 'login-id-and-password' | 'password', now: Date): void {
  const to = caller.account.reissueEmail?.email;
  if (to) ctx.outbox.send({ to, kind: 'credentials-changed', ...credentialsChangedMail(what, now, ctx.sender) });
}

export function credentialHandlers(ctx: BackendContext): HttpHandler[] {
  const { route, policy, store } = ctx;
  return [
    route('credentials.policy', () => structuredClone(policy)),

    // The one place where the existence of a login ID shows (the user guide asks for it): only to a session that
    // chooses an ID or has chosen one, and throttled with the secret checks (mocks/rate-limit.ts).
    route('credentials.loginIdAvailability', ({ query, caller }) => {
      if (caller.session.stage === 'password-change-required') {
        throw new ApiError('credential_change_required', 'Change the reissued password first (POST /credentials/password).');
      }
      const key = loginKey(query.loginId);
      if (key === '') throw new ApiError('validation_failed', 'Give a login ID.', { fields: [fieldIssue('loginId', 'required')] });
      return { loginId: key, available: !store.logins.has(key) };
    }),

    route('credentials.setup', async ({ body, caller, now, rotateSession }) => {
      const { session, account } = caller;
      if (session.stage !== 'credential-setup-required' || !account.postcard) {
        throw new ApiError('conflict', 'The postcard credentials were already replaced; change the password instead.');
      }
      const postcardMatches =
        loginKey(body.initialLoginId) === account.postcard.loginId &&
        (await verifySecret(body.initialPassword, account.postcard.password));
      if (!postcardMatches) throw wrongSecret(ctx, caller, 'The initial login ID or password from the postcard is incorrect.');

      const issues: FieldIssue[] = [
        ...credentialIssues(policy, 'loginId', body.newLoginId, { field: 'newLoginId', confirmField: 'newLoginIdConfirm' }, body.newLoginIdConfirm),
        ...credentialIssues(
          policy,
          'password',
          body.newPassword,
          { field: 'newPassword', confirmField: 'newPasswordConfirm' },
          body.newPasswordConfirm,
          body.newLoginId,
        ),
      ];
      const owner = store.logins.get(loginKey(body.newLoginId));
      if (body.newLoginId !== '' && owner && !(owner.accountId === account.id && owner.kind === 'postcard')) {
        issues.push(fieldIssue('newLoginId', 'login_id_taken'));
      }
      assertNoIssues(issues);

      store.setChosenLoginId(account, body.newLoginId);
      account.password = { hash: hashSecret(body.newPassword), temporary: false };
      store.endSessionsOf(account.id, caller.sessionKey);
      session.stage = 'active';
      session.loginId = account.loginId!;
      notifyChange(ctx, caller, 'login-id-and-password', now);
      await rotateSession();
      return { loginId: account.loginId!, stage: session.stage };
    }),

    route('credentials.changePassword', async ({ body, caller, now, rotateSession }) => {
      const { session, account } = caller;
      if (session.stage === 'credential-setup-required' || !account.password || !account.loginId) {
        throw new ApiError('credential_change_required', 'Set your own login ID and password first (POST /credentials/setup).');
      }
      if (!(await verifySecret(body.currentPassword, account.password.hash))) {
        throw wrongSecret(ctx, caller, 'The current password is incorrect.');
      }
      assertNoIssues(
        credentialIssues(
          policy,
          'password',
          body.newPassword,
          { field: 'newPassword', confirmField: 'newPasswordConfirm' },
          body.newPasswordConfirm,
          account.loginId,
        ),
      );
      account.password = { hash: hashSecret(body.newPassword), temporary: false };
      // Whoever else holds a session of this account (another tab, or a thief) must log in with the new password.
      store.endSessionsOf(account.id, caller.sessionKey);
      session.stage = 'active';
      notifyChange(ctx, caller, 'password', now);
      await rotateSession();
      return { stage: session.stage };
    }),
  ];
}
