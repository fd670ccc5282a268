/**
 * Login (postcard and chosen credentials), logout and the session.
 *
 * Failed logins are counted per login ID; unknown IDs get a counter of
 * their own and the very same answers (401 with `remainingAttempts`, then
 * 423), so no answer tells whether an ID exists. The attempt that reaches
 * the threshold already answers 423.
 *
 * @module
 */
import type { HttpHandler } from 'msw/http';
import { INQUIRY_DESK, isInitialCredential, SESSION_IDLE_MINUTES } from '../../src/contract/rules.js';
import type { FieldIssue, LoginResponse, SessionStage } from '../../src/contract/types.js';
import type { BackendContext } from '../context.js';
import { ApiError, assertNoIssues, fieldIssue } from '../route.js';
import { loginKey, verifySecret } from '../secrets.js';

const LOCKED_MESSAGE = `Too many failed logins: the account is locked. Reissue the password with the registered email, or call ${INQUIRY_DESK.phone}.`;

async function logIn(
  ctx: BackendContext,
  typedLoginId: string,
  password: string,
  now: Date,
  accepts: 'postcard' | 'any',
): Promise<LoginResponse> {
  const { store, policy } = ctx;
  const { key, entry, account } = store.lookupLogin(typedLoginId);
  const failureKey = store.failureKey(key, account);
  if (store.isLocked(failureKey)) {
    await verifySecret(password, null); // same work as a real check
    throw new ApiError('account_locked', LOCKED_MESSAGE);
  }

  let stage: SessionStage | null = null;
  let loginId = '';
  if (account && entry?.kind === 'postcard' && account.postcard) {
    if (await verifySecret(password, account.postcard.password)) {
      stage = 'credential-setup-required';
      loginId = account.postcard.loginId;
    }
  } else if (account && entry?.kind === 'chosen' && accepts === 'any' && account.password && account.loginId) {
    // A temporary password past its lifetime is refused like a wrong one (and counts toward the lock).
    const expired = account.password.expiresAt !== undefined && now.getTime() >= account.password.expiresAt.getTime();
    if ((await verifySecret(password, account.password.hash)) && !expired) {
      stage = account.password.temporary ? 'password-change-required' : 'active';
      loginId = account.loginId;
    }
  } else {
    await verifySecret(password, null);
  }

  if (!account || stage === null) {
    const remaining = policy.lockThreshold - store.recordFailure(failureKey);
    if (remaining <= 0) throw new ApiError('account_locked', LOCKED_MESSAGE);
    throw new ApiError('invalid_credentials', 'The login ID or password is incorrect.', {
      details: { remainingAttempts: remaining },
    });
  }

  store.failedLogins.delete(failureKey);
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MINUTES * 60_000);
  const token = await store.createSession(account, stage, loginId, expiresAt);
  return { token, expiresAt: expiresAt.toISOString(), stage, loginId };
}

export function authHandlers(ctx: BackendContext): HttpHandler[] {
  const { route, policy, store } = ctx;
  return [
    route('auth.initialLogin', async ({ body, now }) => {
      const issues: FieldIssue[] = [];
      const shapes = [
        ['initialLoginId', loginKey(body.initialLoginId), policy.initialLoginIdLength, 'login ID'],
        ['initialPassword', body.initialPassword, policy.initialPasswordLength, 'password'],
      ] as const;
      for (const [field, value, length, noun] of shapes) {
        if (value === '') issues.push(fieldIssue(field, 'required', `Enter the initial ${noun} printed on the postcard.`));
        else if (!isInitialCredential(value, length)) {
          issues.push(
            fieldIssue(field, 'not_initial_credential', `The initial ${noun} on the postcard is ${length} one-byte letters and digits.`),
          );
        }
      }
      assertNoIssues(issues);
      return logIn(ctx, body.initialLoginId, body.initialPassword, now, 'postcard');
    }),

    route('auth.login', async ({ body, now }) => {
      const issues: FieldIssue[] = [];
      if (body.loginId.trim() === '') issues.push(fieldIssue('loginId', 'required', 'Enter your login ID.'));
      if (body.password === '') issues.push(fieldIssue('password', 'required', 'Enter your password.'));
      assertNoIssues(issues);
      return logIn(ctx, body.loginId, body.password, now, 'any');
    }),

    route('auth.logout', ({ caller }) => {
      store.sessions.delete(caller.sessionKey);
      return undefined;
    }),

    route('auth.session', ({ caller }) => ({
      stage: caller.session.stage,
      loginId: caller.session.loginId,
      expiresAt: caller.session.expiresAt.toISOString(),
    })),
  ];
}
