/**
 * The defect catalogue: each entry is one behaviour a partner's backend
 * could plausibly get wrong, emulated by the mutation proxy (proxy.ts) in
 * front of the reference backend. Every defect here is expected to be caught
 * by the conformance suite (at least one failed case); none is skipped.
 *
 * `breaks` names the OWASP ASVS 5.0 requirement (chapter V.section.item)
 * and/or the user-guide / contract rule (docs/api.md, docs/security.md).
 *
 * @module
 */
import { DEMO_ACCOUNTS } from '../../mocks/index.js';
import { COOKIE_DEFECTS } from './cookie-defects.js';
import {
  bearerOf,
  copyResponse,
  is,
  requestJson,
  responseJson,
  routeOf,
  withHeaders,
  withJson,
  withRequestJson,
  withUrl,
  type Defect,
  type Hook,
  type ProxyRequest,
  type ProxyResponse,
} from './proxy.js';
import {
  backendNow,
  errorReply,
  idKey,
  internalRequest,
  isConfirm,
  isLogin,
  jsonReply,
  INVALID_CREDENTIALS_MESSAGE,
  LinkBook,
  LOCKED_MESSAGE,
  LOCK_THRESHOLD,
  loginIdOf,
  moveClock,
  normalizedAnswer,
  outbox,
  refreshed,
  seededAccounts,
} from './kit.js';

const INVALID_CREDENTIALS = INVALID_CREDENTIALS_MESSAGE;

/** A hook that forwards, then rewrites the answer. */
const after =
  (rewrite: (response: ProxyResponse, request: ProxyRequest) => ProxyResponse | Promise<ProxyResponse>): (() => Hook) =>
  () =>
  async (request, ctx) =>
    rewrite(await ctx.forward(request), request);

/** A hook that rewrites the request, then forwards. */
const before =
  (rewrite: (request: ProxyRequest) => ProxyRequest): (() => Hook) =>
  () =>
  (request, ctx) =>
    ctx.forward(rewrite(request));

/** Login IDs the backend has: the seeded ones and those chosen since (learned from successful setups). */
function accountBook() {
  const known = new Set([...seededAccounts().keys()]);
  return {
    has: (loginId: string) => known.has(loginId),
    learn(request: ProxyRequest, response: ProxyResponse) {
      if (is(request, 'POST', '/credentials/setup') && response.status === 200) known.add(idKey(requestJson(request)?.newLoginId));
    },
  };
}

/** Session tokens handed out, with the login ID they belong to. */
function sessionBook() {
  const owner = new Map<string, string>();
  return {
    owner,
    learn(request: ProxyRequest, response: ProxyResponse) {
      if (isLogin(request) && response.status === 200) {
        const body = responseJson(response);
        owner.set(body.token, body.loginId);
      }
    },
  };
}

// ====================================================================== lock and brute force

const lockNeverEngages: Defect = {
  id: 'lock-never-engages',
  description: 'past the threshold a login answers 401 invalid_credentials (remainingAttempts 0) instead of 423 account_locked; the lock is never announced',
  breaks: 'ASVS 5.0 6.3.1 (brute-force controls); guide: the attempt at the threshold and every later one answer 423 account_locked',
  create: after((response, request) => {
    if (!isLogin(request) || response.status !== 423) return response;
    return errorReply(401, 'invalid_credentials', INVALID_CREDENTIALS, { details: { remainingAttempts: 0 } });
  }),
};

const lockEarlyByOne: Defect = {
  id: 'lock-early-by-one',
  description: 'the lock engages one failed attempt early (at lockThreshold − 1), even for the right password',
  breaks: 'ASVS 5.0 6.3.1; guide: the account locks at exactly the published lockThreshold',
  create() {
    const locked = new Set<string>();
    return async (request, ctx) => {
      const response = await ctx.forward(request);
      if (!isLogin(request)) return response;
      const id = loginIdOf(request);
      const remaining = responseJson(response)?.error?.details?.remainingAttempts;
      if (locked.has(id) || (response.status === 401 && remaining === 1)) {
        locked.add(id);
        return errorReply(423, 'account_locked', LOCKED_MESSAGE);
      }
      return response;
    };
  },
};

const lockLateByOne: Defect = {
  id: 'lock-late-by-one',
  description: 'the attempt that reaches the threshold still answers 401 invalid_credentials (remainingAttempts 0); 423 only from the next one',
  breaks: 'ASVS 5.0 6.3.1; guide: the attempt that reaches lockThreshold already answers 423',
  create() {
    const seen423 = new Set<string>();
    return async (request, ctx) => {
      const response = await ctx.forward(request);
      if (!isLogin(request) || response.status !== 423) return response;
      const id = loginIdOf(request);
      if (seen423.has(id)) return response;
      seen423.add(id);
      return errorReply(401, 'invalid_credentials', INVALID_CREDENTIALS, { details: { remainingAttempts: 0 } });
    };
  },
};

const lockKnownIdsOnly: Defect = {
  id: 'lock-known-ids-only',
  description: 'failed logins are counted per account only: an unknown login ID never locks and always has lockThreshold − 1 attempts left',
  breaks: 'ASVS 5.0 6.3.8 (no user enumeration); guide: unknown IDs get their own counter and the very same answers (401, then 423)',
  create() {
    const accounts = accountBook();
    return async (request, ctx) => {
      const response = await ctx.forward(request);
      accounts.learn(request, response);
      if (!isLogin(request) || accounts.has(loginIdOf(request))) return response;
      if (response.status !== 401 && response.status !== 423) return response;
      return errorReply(401, 'invalid_credentials', INVALID_CREDENTIALS, { details: { remainingAttempts: LOCK_THRESHOLD - 1 } });
    };
  },
};

// ====================================================================== enumeration

const enumLoginMessage: Defect = {
  id: 'enum-login-message',
  description: 'a login with an unknown ID answers the same 401 invalid_credentials but with the message "No account has this login ID."',
  breaks: 'ASVS 5.0 6.3.8; guide: an unknown ID answers exactly like a known one with a wrong password',
  create() {
    const accounts = accountBook();
    return async (request, ctx) => {
      const response = await ctx.forward(request);
      accounts.learn(request, response);
      if (!isLogin(request) || response.status !== 401 || accounts.has(loginIdOf(request))) return response;
      const body = responseJson(response);
      return withJson(response, { ...body, error: { ...body.error, message: 'No account has this login ID.' } });
    };
  },
};

const enumLoginHeader: Defect = {
  id: 'enum-login-header',
  description: 'a login with an unknown ID answers the same status and body, plus a debugging header X-Auth-Failure: unknown-login-id',
  breaks: 'ASVS 5.0 6.3.8 (enumeration through response headers); guide: same status, headers and body',
  create() {
    const accounts = accountBook();
    return async (request, ctx) => {
      const response = await ctx.forward(request);
      accounts.learn(request, response);
      if (!isLogin(request) || response.status !== 401 || accounts.has(loginIdOf(request))) return response;
      return withHeaders(response, { 'x-auth-failure': 'unknown-login-id' });
    };
  },
};

const enumReissue404: Defect = {
  id: 'enum-reissue-404',
  description: 'a password reissue for an unknown login ID answers 404 not_found',
  breaks: 'ASVS 5.0 6.3.8 (forgot-password must not enumerate); guide: 202 alike whether or not anything matched',
  create() {
    const accounts = accountBook();
    return async (request, ctx) => {
      const response = await ctx.forward(request);
      accounts.learn(request, response);
      if (is(request, 'POST', '/password-reissue') && response.status === 202 && !accounts.has(idKey(requestJson(request)?.loginId))) {
        return errorReply(404, 'not_found', 'No account has this login ID.');
      }
      return response;
    };
  },
};

const enumReissueWrongAnswer: Defect = {
  id: 'enum-reissue-says-mismatch',
  description: 'a password reissue for a known ID whose email, question or answer does not match answers 400 wrong_answer instead of the uniform 202',
  breaks: 'ASVS 5.0 6.3.8; guide: password reissue answers a wrong email, question or answer alike (202) and mails nothing',
  create() {
    const accounts = accountBook();
    return async (request, ctx) => {
      if (!is(request, 'POST', '/password-reissue') || !accounts.has(idKey(requestJson(request)?.loginId))) {
        const response = await ctx.forward(request);
        accounts.learn(request, response);
        return response;
      }
      const sent = (await outbox(request, ctx)).length;
      const response = await ctx.forward(request);
      if (response.status === 202 && (await outbox(request, ctx)).length === sent) {
        return errorReply(400, 'validation_failed', 'The request is not valid.', {
          fields: [{ field: 'answer', code: 'wrong_answer', message: 'The email, secret question or answer does not match.' }],
        });
      }
      return response;
    };
  },
};

// ====================================================================== sessions

const logoutNoop: Defect = {
  id: 'logout-keeps-session',
  description: 'auth.logout answers 204 but the session stays valid',
  breaks: 'ASVS 5.0 7.4.1 (logout invalidates the session); guide: after logout the token answers 401 session_expired',
  create: () => async (request, ctx) => {
    if (is(request, 'POST', '/auth/logout') && bearerOf(request)) {
      const check = await ctx.forward(internalRequest(request, 'GET', '/auth/session', { token: bearerOf(request) }));
      if (check.status === 200) return { status: 204, headers: { 'cache-control': 'no-store' }, body: Buffer.alloc(0), synthetic: true };
    }
    return ctx.forward(request);
  },
};

const sessionNoIdleExpiry: Defect = {
  id: 'session-never-idles-out',
  description: `sessions never expire for inactivity: a token still works after ${30} idle minutes (and days)`,
  breaks: 'ASVS 5.0 7.3.1 (inactivity timeout); guide: a session ends after 30 minutes without activity',
  create() {
    const live = new Set<string>();
    return async (request, ctx) => {
      if (is(request, 'POST', '/_dev/clock')) {
        // The backend's sessions would idle out; touch each one every 25 minutes of the move, as if they never expired.
        const body = requestJson(request) ?? {};
        let ms = (Number(body.advanceHours) || 0) * 3_600_000 + (Number(body.advanceMs) || 0);
        if (body.set !== undefined) {
          const target = Date.parse(body.set);
          ms += target - (await backendNow(request, ctx));
        }
        const step = 25 * 60_000;
        while (ms > step && live.size > 0) {
          await moveClock(request, ctx, step);
          ms -= step;
          for (const token of [...live]) {
            const reply = await ctx.forward(internalRequest(request, 'GET', '/auth/session', { token }));
            if (reply.status !== 200) live.delete(token);
          }
        }
        return ctx.forward(withRequestJson(request, { advanceMs: ms }));
      }
      const response = await ctx.forward(request);
      if (isLogin(request) && response.status === 200) live.add(responseJson(response).token);
      if (is(request, 'POST', '/auth/logout') && response.status === 204) live.delete(bearerOf(request)!);
      return response;
    };
  },
};

/**
 * Tokens that a newer login of their account ended keep working: the proxy
 * sends them on with the newest token of the same account.
 */
function keepReplacedSessions(): Hook {
  const sessions = sessionBook();
  const newest = new Map<string, string>();
  const replaced = new Map<string, string>();
  return async (request, ctx) => {
    const token = bearerOf(request);
    const loginId = token ? replaced.get(token) : undefined;
    const alias = loginId ? newest.get(loginId) : undefined;
    const sent = alias && alias !== token ? { ...request, headers: { ...request.headers, authorization: `Bearer ${alias}` } } : request;
    const response = await ctx.forward(sent);
    sessions.learn(request, response);
    if (isLogin(request) && response.status === 200) {
      const { token: fresh, loginId: id } = responseJson(response);
      for (const [t, owner] of sessions.owner) if (owner === id && t !== fresh) replaced.set(t, id);
      newest.set(id, fresh);
    }
    if (is(request, 'POST', '/auth/logout') && token) {
      replaced.delete(token);
      sessions.owner.delete(token);
    }
    return response;
  };
}

const newerLoginKeepsOld: Defect = {
  id: 'login-keeps-older-session',
  description: 'a new login of an account does not end its older session: the older token keeps working',
  breaks: 'guide/contract: one session per account, a new login replaces the older one (ASVS 5.0 7.2.4 new token at authentication, 7.4 termination)',
  create: keepReplacedSessions,
};

// ====================================================================== credentials

const changePasswordNoop: Defect = {
  id: 'change-password-not-applied',
  description: 'credentials.changePassword answers 200 stage active but the password stays what it was',
  breaks: 'ASVS 5.0 6.2.2 (users can change their password); guide: the new password works, the old one does not',
  create: () => async (request, ctx) => {
    const response = await ctx.forward(request);
    if (is(request, 'POST', '/credentials/password') && response.status === 200) {
      const body = requestJson(request);
      await ctx.forward(withRequestJson(request, { currentPassword: body.newPassword, newPassword: body.currentPassword, newPasswordConfirm: body.currentPassword }));
    }
    return response;
  },
};

const oldPasswordStillWorks: Defect = {
  id: 'old-password-still-works',
  description: 'after a password change (or a reissue) the previous password still logs in',
  breaks: 'ASVS 5.0 6.2.3; guide: after a change the old password answers 401 invalid_credentials',
  create() {
    const sessions = sessionBook();
    const replaced = new Map<string, { old: string; current: string }>();
    return async (request, ctx) => {
      let sent = request;
      if (is(request, 'POST', '/auth/login')) {
        const body = requestJson(request);
        const entry = replaced.get(idKey(body?.loginId));
        if (entry && body.password === entry.old) sent = withRequestJson(request, { ...body, password: entry.current });
      }
      const response = await ctx.forward(sent);
      sessions.learn(request, response);
      const token = bearerOf(request);
      if (is(request, 'POST', '/credentials/password') && response.status === 200 && token) {
        const body = requestJson(request);
        const loginId = sessions.owner.get(token);
        if (loginId) replaced.set(loginId, { old: replaced.get(loginId)?.old ?? body.currentPassword, current: body.newPassword });
      }
      return response;
    };
  },
};

const setupKeepsPostcard: Defect = {
  id: 'setup-keeps-postcard-credentials',
  description: 'after credentials.setup the postcard ID and password still log in (as the new account)',
  breaks: 'ASVS 5.0 6.4.1 (initial secrets are single use and never become long-term); guide: the postcard credentials stop working after setup',
  create() {
    const replaced = new Map<string, { loginId: string; password: string }>();
    return async (request, ctx) => {
      if (is(request, 'POST', '/auth/initial-login')) {
        const body = requestJson(request);
        const next = replaced.get(`${idKey(body?.initialLoginId)}|${body?.initialPassword}`);
        if (next) return ctx.forward(withUrl(withRequestJson(request, next), '/api/v1/auth/login'));
      }
      const response = await ctx.forward(request);
      if (is(request, 'POST', '/credentials/setup') && response.status === 200) {
        const body = requestJson(request);
        replaced.set(`${idKey(body.initialLoginId)}|${body.initialPassword}`, { loginId: body.newLoginId, password: body.newPassword });
      }
      return response;
    };
  },
};

const passwordTruncated: Defect = {
  id: 'password-truncated-to-20',
  description: 'passwords are silently cut to their first 20 characters when set and when checked (a 32-character password also logs in with its first 20)',
  breaks: 'ASVS 5.0 6.2.9 (no truncation; at least 64 characters); guide: the whole password up to maxLength counts',
  create: before((request) => {
    const cut = (value: unknown) => (typeof value === 'string' && value.length > 20 && value.length <= 32 ? value.slice(0, 20) : value);
    const body = requestJson(request);
    if (!body || typeof body !== 'object') return request;
    if (is(request, 'POST', '/auth/login')) return withRequestJson(request, { ...body, password: cut(body.password) });
    if (is(request, 'POST', '/credentials/password')) {
      return withRequestJson(request, { ...body, currentPassword: cut(body.currentPassword), newPassword: cut(body.newPassword), newPasswordConfirm: cut(body.newPasswordConfirm) });
    }
    if (is(request, 'POST', '/credentials/setup')) return withRequestJson(request, { ...body, newPassword: cut(body.newPassword), newPasswordConfirm: cut(body.newPasswordConfirm) });
    return request;
  }),
};

const passwordCaseInsensitive: Defect = {
  id: 'password-case-insensitive',
  description: 'passwords are compared case-insensitively at login (SAKURA2024! logs in as Sakura2024!)',
  breaks: 'ASVS 5.0 6.2.x (passwords verified exactly as set); guide: passwords are case-sensitive',
  create() {
    const passwords = new Map([...seededAccounts()].map(([id, a]) => [id, a.password]));
    const sessions = sessionBook();
    return async (request, ctx) => {
      let sent = request;
      if (is(request, 'POST', '/auth/login')) {
        const body = requestJson(request);
        const real = passwords.get(idKey(body?.loginId));
        if (real && typeof body.password === 'string' && body.password !== real && body.password.toLowerCase() === real.toLowerCase()) {
          sent = withRequestJson(request, { ...body, password: real });
        }
      }
      const response = await ctx.forward(sent);
      sessions.learn(request, response);
      const token = bearerOf(request);
      if (response.status === 200 && token && is(request, 'POST', '/credentials/password')) {
        const id = sessions.owner.get(token);
        if (id) passwords.set(id, requestJson(request).newPassword);
      }
      if (response.status === 200 && is(request, 'POST', '/credentials/setup')) {
        const body = requestJson(request);
        passwords.set(idKey(body.newLoginId), body.newPassword);
      }
      return response;
    };
  },
};

const tempPasswordNotForced: Defect = {
  id: 'temporary-password-not-forced-to-change',
  description: 'a login with a reissued temporary password answers stage active and the account works without choosing a new password',
  breaks: 'ASVS 5.0 6.4.1 (initial/temporary secrets must not become the long-term password); guide: stage password-change-required',
  create: () => async (request, ctx) => {
    const response = await ctx.forward(request);
    if (!is(request, 'POST', '/auth/login') || response.status !== 200) return response;
    const body = responseJson(response);
    if (body.stage !== 'password-change-required') return response;
    const temporary = requestJson(request).password;
    await ctx.forward(internalRequest(request, 'POST', '/credentials/password', { token: body.token, body: { currentPassword: temporary, newPassword: temporary, newPasswordConfirm: temporary } }));
    return withJson(response, { ...body, stage: 'active' });
  },
};

const tempPasswordNeverExpires: Defect = {
  id: 'temporary-password-never-expires',
  description: 'a reissued temporary password keeps logging in however long it goes unused (temporaryPasswordHours ignored)',
  breaks: 'ASVS 5.0 6.4.1 (temporary secrets expire after a short period); guide: the temporary password expires after the published temporaryPasswordHours',
  create() {
    const temporary = new Map<string, number>();
    return async (request, ctx) => {
      if (is(request, 'POST', '/password-reissue')) {
        const sent = (await outbox(request, ctx)).length;
        const response = await ctx.forward(request);
        for (const mail of (await outbox(request, ctx)).slice(sent)) if (mail.temporaryPassword) temporary.set(mail.temporaryPassword, Date.parse(mail.sentAt));
        return response;
      }
      const response = await ctx.forward(request);
      const password = is(request, 'POST', '/auth/login') ? requestJson(request)?.password : undefined;
      const sentAt = temporary.get(password);
      if (response.status !== 401 || sentAt === undefined) return response;
      // Check it as if no time had passed since it was mailed.
      const now = await backendNow(request, ctx);
      if (now - sentAt <= 60_000) return response;
      await moveClock(request, ctx, sentAt + 1_000 - now);
      try {
        return await ctx.forward(request);
      } finally {
        await moveClock(request, ctx, now - (sentAt + 1_000));
      }
    };
  },
};

const availabilityAlwaysTrue: Defect = {
  id: 'login-id-availability-always-true',
  description: 'credentials.loginIdAvailability says every login ID is available, taken ones included',
  breaks: 'guide: availability reports taken login IDs as unavailable (setup then answers login_id_taken)',
  create: after((response, request) => {
    if (!is(request, 'GET', '/credentials/login-id-availability') || response.status !== 200) return response;
    return withJson(response, { ...responseJson(response), available: true });
  }),
};

// ====================================================================== mailed links

const linkReusable: Defect = {
  id: 'link-reusable',
  description: 'a confirmation link confirms again: a second use answers the first 200 instead of 410 link_expired',
  breaks: 'ASVS 5.0 6.6.x / 7.x (single-use tokens); guide: a link confirms once, then answers 410',
  create() {
    const done = new Map<string, ProxyResponse>();
    return async (request, ctx) => {
      const token = isConfirm(request) ? requestJson(request)?.token : undefined;
      const key = `${routeOf(request).path}|${token}`;
      const response = await ctx.forward(request);
      if (token && response.status === 200) done.set(key, copyResponse(response));
      if (token && response.status === 410 && done.has(key)) return refreshed(done.get(key)!);
      return response;
    };
  },
};

const olderLinkWorks: Defect = {
  id: 'older-link-not-withdrawn',
  description: 'after a newer registration mails a new link, the older link still confirms (the backend confirms whatever is pending for the account)',
  breaks: 'guide: a newer link withdraws the older one (410); ASVS 5.0 6.6.x (token bound to its request)',
  create() {
    const book = new LinkBook();
    return async (request, ctx) => {
      if (isConfirm(request)) {
        const body = requestJson(request);
        const link = book.links.get(body?.token);
        const newest = link ? book.newest.get(`${link.loginId}|${link.purpose}`) : undefined;
        const purposeOfRoute = is(request, 'POST', '/reissue-email/confirm') ? 'reissue-email' : 'notice-email';
        const sent = link && newest && newest !== body.token && link.purpose === purposeOfRoute ? withRequestJson(request, { ...body, token: newest }) : request;
        return ctx.forward(sent);
      }
      return book.observe(request, ctx, () => ctx.forward(request));
    };
  },
};

const linkExpiryIgnored: Defect = {
  id: 'link-expiry-ignored',
  description: 'confirmation links never expire: a link still confirms after confirmationLinkTtlHours',
  breaks: 'ASVS 5.0 6.6.x (out-of-band tokens expire); guide: links are valid for the published confirmationLinkTtlHours only',
  create() {
    const book = new LinkBook();
    return async (request, ctx) => {
      if (!isConfirm(request)) return book.observe(request, ctx, () => ctx.forward(request));
      const response = await ctx.forward(request);
      const link = book.links.get(requestJson(request)?.token);
      if (response.status !== 410 || !link) return response;
      // Check it as if it had just been mailed.
      const now = await backendNow(request, ctx);
      if (now - link.sentAt <= 60_000) return response;
      await moveClock(request, ctx, link.sentAt + 1_000 - now);
      try {
        return await ctx.forward(request);
      } finally {
        await moveClock(request, ctx, now - (link.sentAt + 1_000));
      }
    };
  },
};

const linkAnswerUnchecked: Defect = {
  id: 'reissue-link-answer-not-checked',
  description: 'reissueEmail.confirm accepts any secret answer: only the link token is checked',
  breaks: 'guide: the confirmation asks the secret question again and refuses a wrong answer (400 wrong_answer)',
  create() {
    const book = new LinkBook();
    return async (request, ctx) => {
      if (is(request, 'POST', '/reissue-email/confirm')) {
        const body = requestJson(request);
        const link = book.links.get(body?.token);
        if (link?.answer !== undefined) return ctx.forward(withRequestJson(request, { ...body, questionId: link.questionId, answer: link.answer }));
      }
      return book.observe(request, ctx, () => ctx.forward(request));
    };
  },
};

const linkNumberUnchecked: Defect = {
  id: 'notice-link-number-not-checked',
  description: 'noticeEmail.confirm accepts any registered number: only the link token is checked',
  breaks: 'guide: the notice-email confirmation requires the registered phone or customer number (400 wrong_number)',
  create() {
    const book = new LinkBook();
    return async (request, ctx) => {
      if (is(request, 'POST', '/notice-email/confirm')) {
        const body = requestJson(request);
        const link = book.links.get(body?.token);
        if (link?.number !== undefined) return ctx.forward(withRequestJson(request, { ...body, registeredNumber: link.number }));
      }
      return book.observe(request, ctx, () => ctx.forward(request));
    };
  },
};

const answerExactMatch: Defect = {
  id: 'secret-answer-compared-exactly',
  description: 'secret answers are compared exactly as typed (case, width and spaces count): " POCHI " does not match "Pochi"',
  breaks: 'guide/docs/security.md: answers are compared normalised (NFKC width, case, surrounding and repeated spaces)',
  create() {
    const book = new LinkBook();
    const seeded = new Map([...seededAccounts()].filter(([, a]) => a.answer).map(([id, a]) => [id, a.answer!]));
    const spoil = (answer: unknown) => `${String(answer)}\u0001x`.replace('\u0001', '-');
    return async (request, ctx) => {
      const body = requestJson(request);
      if (is(request, 'POST', '/reissue-email/confirm')) {
        const link = book.links.get(body?.token);
        if (link?.answer !== undefined && body.answer !== link.answer) return ctx.forward(withRequestJson(request, { ...body, answer: spoil(body.answer) }));
      }
      if (is(request, 'POST', '/password-reissue')) {
        const answer = seeded.get(idKey(body?.loginId));
        if (answer !== undefined && body.answer !== answer) return ctx.forward(withRequestJson(request, { ...body, answer: spoil(body.answer) }));
      }
      return book.observe(request, ctx, () => ctx.forward(request));
    };
  },
};

const linkGuessesUnlimited: Defect = {
  id: 'link-wrong-answers-unlimited',
  description: 'wrong answers given with a reissue-email link are refused but never counted: the link is not withdrawn after lockThreshold wrong answers',
  breaks: 'ASVS 5.0 6.3.1 (guessing limits apply to secret answers); docs/security.md: 5 wrong answers withdraw a confirmation link',
  create() {
    const book = new LinkBook();
    return async (request, ctx) => {
      if (is(request, 'POST', '/reissue-email/confirm')) {
        const body = requestJson(request);
        const link = book.links.get(body?.token);
        if (link?.answer !== undefined && !link.used && (normalizedAnswer(body.answer) !== normalizedAnswer(link.answer) || body.questionId !== link.questionId)) {
          return errorReply(400, 'validation_failed', 'The request is not valid.', {
            fields: [{ field: 'answer', code: 'wrong_answer', message: 'The secret question or answer does not match what was registered.' }],
          });
        }
        const response = await ctx.forward(request);
        if (link && response.status === 200) link.used = true;
        return response;
      }
      return book.observe(request, ctx, () => ctx.forward(request));
    };
  },
};

const linkTokenShort: Defect = {
  id: 'link-token-64-bits',
  description: 'confirmation links carry a 64-bit token (11 characters) instead of at least 128 bits',
  breaks: 'ASVS 5.0 7.2.3 / 11.x (at least 128 bits of entropy in reference tokens); guide: link tokens ≥ 22 URL-safe characters',
  create() {
    const real = new Map<string, string>();
    const short = new Map<string, string>();
    const alias = (token: string) => {
      let s = short.get(token);
      if (!s) {
        s = Buffer.from(crypto.getRandomValues(new Uint8Array(8))).toString('base64url');
        short.set(token, s);
        real.set(s, token);
      }
      return s;
    };
    return async (request, ctx) => {
      let sent = request;
      if (isConfirm(request)) {
        const body = requestJson(request);
        const token = real.get(body?.token);
        if (token) sent = withRequestJson(request, { ...body, token });
      }
      const response = await ctx.forward(sent);
      if (is(request, 'GET', '/_dev/outbox') && response.status === 200) {
        const body = responseJson(response);
        for (const mail of body.mails) {
          if (!mail.link) continue;
          const url = new URL(mail.link);
          const token = url.searchParams.get('token');
          if (!token) continue;
          const s = alias(token);
          url.searchParams.set('token', s);
          mail.body = { ja: String(mail.body.ja).replaceAll(token, s), en: String(mail.body.en).replaceAll(token, s) };
          mail.link = url.toString();
        }
        return withJson(response, body);
      }
      return response;
    };
  },
};

// ====================================================================== authorization

const breakdownForeignLine: Defect = {
  id: 'breakdown-ignores-foreign-filter',
  description: 'billing.breakdown with a line or company the account does not have answers 200 with the caller\'s whole bill instead of 404',
  breaks: 'ASVS 5.0 8.2.2 (data-specific access); guide: another account\'s line or company answers 404 not_found',
  create: () => async (request, ctx) => {
    const response = await ctx.forward(request);
    const { method, path, query } = routeOf(request);
    if (method !== 'GET' || !/^\/billing\/months\/[^/]+\/breakdown$/.test(path) || response.status !== 404) return response;
    if (!query.has('line') && !query.has('company')) return response;
    const retry = await ctx.forward(withUrl(request, `/api/v1${path}`));
    if (retry.status !== 200) return response;
    const body = responseJson(retry);
    const view = query.get('view') ?? (query.has('line') ? 'line' : 'company');
    return withJson(retry, { ...body, view, ...(view === 'line' ? { lineNumber: query.get('line') } : { companyId: query.get('company') }) });
  },
};

const readCacheIgnoresAccount: Defect = {
  id: 'read-cache-ignores-account',
  description: 'account and billing reads are cached by URL only: after the session is checked, a second account gets the first account\'s cached data',
  breaks: 'ASVS 5.0 8.2.2 (one account cannot read another\'s data); 14.2.x (sensitive data not cached on shared keys)',
  create() {
    const cache = new Map<string, ProxyResponse>();
    return async (request, ctx) => {
      const response = await ctx.forward(request);
      const { method, path } = routeOf(request);
      if (method !== 'GET' || response.status !== 200 || !/^\/(account|billing)(\/|$)/.test(path)) return response;
      const hit = cache.get(request.url);
      if (hit) return refreshed(hit);
      cache.set(request.url, copyResponse(response));
      return response;
    };
  },
};

// ====================================================================== browser-facing HTTP

const corsWildcard: Defect = {
  id: 'cors-wildcard',
  description: 'every answer carries Access-Control-Allow-Origin: * (and preflights allow any origin with Authorization)',
  breaks: 'ASVS 5.0 3.4.2 (CORS origin from an allowlist); guide: CORS for the partner\'s own origins only',
  create: () => async (request, ctx) => {
    const response = await ctx.forward(request);
    const extra: Record<string, string> = { 'access-control-allow-origin': '*' };
    if (request.method === 'OPTIONS') {
      extra['access-control-allow-methods'] = 'GET, POST, PUT, DELETE, OPTIONS';
      extra['access-control-allow-headers'] = 'Authorization, Content-Type';
    }
    return withHeaders(response, extra);
  },
};

const corsEchoOrigin: Defect = {
  id: 'cors-reflects-any-origin',
  description: 'the Origin header is echoed into Access-Control-Allow-Origin for any origin (https://evil.example included)',
  breaks: 'ASVS 5.0 3.4.2; guide: CORS for an allowlist of origins',
  create: () => async (request, ctx) => {
    const response = await ctx.forward(request);
    const origin = request.headers.origin;
    if (typeof origin !== 'string') return response;
    const extra: Record<string, string> = { 'access-control-allow-origin': origin, vary: 'Origin' };
    if (request.method === 'OPTIONS') {
      extra['access-control-allow-methods'] = 'GET, POST, PUT, DELETE, OPTIONS';
      extra['access-control-allow-headers'] = 'Authorization, Content-Type';
    }
    return withHeaders(response, extra);
  },
};

const noNosniff: Defect = {
  id: 'no-nosniff',
  description: 'answers lack X-Content-Type-Options: nosniff',
  breaks: 'ASVS 5.0 3.4.4; guide: security headers on every answer',
  create: after((response) => withHeaders(response, { 'x-content-type-options': null })),
};

const noFramingProtection: Defect = {
  id: 'no-framing-protection',
  description: 'answers lack X-Frame-Options DENY and the CSP frame-ancestors \'none\'',
  breaks: 'ASVS 5.0 3.4.6 (frame-ancestors); guide: security headers on every answer',
  create: after((response) => withHeaders(response, { 'x-frame-options': null, 'content-security-policy': null })),
};

const cacheableAnswers: Defect = {
  id: 'cacheable-answers',
  description: 'answers carry Cache-Control: private, max-age=300 instead of no-store (tokens and bills may sit in caches)',
  breaks: 'ASVS 5.0 14.3.2 (anti-caching headers for sensitive data); guide: Cache-Control: no-store',
  create: after((response) => withHeaders(response, { 'cache-control': 'private, max-age=300' })),
};

const noReferrerPolicy: Defect = {
  id: 'no-referrer-policy',
  description: 'answers lack Referrer-Policy',
  breaks: 'ASVS 5.0 3.4.5 (Referrer-Policy); guide: security headers on every answer',
  create: after((response) => withHeaders(response, { 'referrer-policy': null })),
};

const textPlainWrites: Defect = {
  id: 'text-plain-writes-accepted',
  description: 'writes sent as text/plain (or form-encoded) are parsed as JSON, so another site can send them without a CORS preflight',
  breaks: 'ASVS 5.0 3.5.2 (sensitive functionality cannot be reached by a request that skips the preflight); guide: JSON-only writes, 415 otherwise',
  create: before((request) => {
    const type = String(request.headers['content-type'] ?? '');
    if (['GET', 'HEAD', 'OPTIONS'].includes(request.method.toUpperCase()) || type === '' || /^application\/json/i.test(type)) return request;
    return { ...request, headers: { ...request.headers, 'content-type': 'application/json' } };
  }),
};

const traceEcho: Defect = {
  id: 'trace-echoes-request',
  description: 'TRACE is answered 200 with the request echoed back, Authorization header included (cross-site tracing)',
  breaks: 'ASVS 5.0 13.4.x (TRACE not supported); guide: unsupported methods answer 405 with Allow',
  create: () => async (request, ctx) => {
    if (request.method.toUpperCase() !== 'TRACE') return ctx.forward(request);
    const lines = [`TRACE ${request.url} HTTP/1.1`, ...Object.entries(request.headers).map(([k, v]) => `${k}: ${String(v)}`)];
    return { status: 200, headers: { 'content-type': 'message/http' }, body: Buffer.from(`${lines.join('\r\n')}\r\n\r\n`) };
  },
};

const longPath500: Defect = {
  id: 'long-url-500',
  description: 'a request URL over 2 000 characters answers 500 internal (the router fails) instead of 414',
  breaks: 'ASVS 5.0 16.5.x (errors handled, no unexpected 500); guide: an over-long URL answers 414',
  create: () => async (request, ctx) => {
    if (request.url.length > 2_000) return errorReply(500, 'internal', 'The service failed. Reads are safe to retry.');
    return ctx.forward(request);
  },
};

const wrongMethod404: Defect = {
  id: 'wrong-method-404',
  description: 'a known path with a method it does not support answers 404 not_found instead of 405 with Allow',
  breaks: 'ASVS 5.0 4.1.x / RFC 9110 §15.5.6; guide: 405 method_not_allowed with an Allow header',
  create: after((response) => {
    if (response.status !== 405) return response;
    return errorReply(404, 'not_found', 'No such route.');
  }),
};

const hostNotChecked: Defect = {
  id: 'host-not-checked',
  description: 'requests for any Host are served (no DNS-rebinding protection): a front proxy sends every request on with the backend\'s own Host',
  breaks: 'ASVS 5.0 4.1.3 / 13.x (accept only the expected Host); guide: an unknown Host answers 403 forbidden',
  create: before((request) => ({ ...request, headers: { ...request.headers, host: 'localhost' } })),
};

const hostRefusalIgnored: Defect = {
  id: 'host-refusal-ignored',
  description: 'requests for an unknown Host are served: the Host reaches the backend unchanged, but a refused one is served anyway',
  breaks: 'ASVS 5.0 4.1.3 / 13.x (accept only the expected Host); guide: an unknown Host answers 403 forbidden',
  create: () => async (request, ctx) => {
    const response = await ctx.forward(request);
    if (response.status !== 403 || responseJson(response)?.error?.code !== 'forbidden') return response;
    return ctx.forward({ ...request, headers: { ...request.headers, host: 'localhost' } });
  },
};

// ====================================================================== error format and validation

const errorWithoutRequestId: Defect = {
  id: 'error-without-request-id',
  description: 'error bodies and headers carry no requestId',
  breaks: 'ASVS 5.0 16.x (errors traceable without detail leaks); contract: ErrorBody has requestId, X-Request-Id header',
  create: after((response) => {
    const body = responseJson(response);
    if (response.status < 400 || !body?.error) return response;
    const { requestId: _dropped, ...rest } = body;
    return withHeaders(withJson(response, rest), { 'x-request-id': null });
  }),
};

const validation422: Defect = {
  id: 'validation-as-422',
  description: 'validation_failed is answered with status 422 instead of 400',
  breaks: 'contract: every error code comes with its own status (validation_failed → 400)',
  create: after((response) => (response.status === 400 ? { ...response, status: 422 } : response)),
};

const sessionExpired403: Defect = {
  id: 'session-expired-as-403',
  description: 'a missing or unknown session token answers 403 (code session_expired) instead of 401',
  breaks: 'contract: session_expired → 401; ASVS 5.0 8.x consistent access-denied handling',
  create: after((response) => (response.status === 401 && responseJson(response)?.error?.code === 'session_expired' ? { ...response, status: 403 } : response)),
};

const noticeEmailUnvalidated: Defect = {
  id: 'notice-email-format-not-validated',
  description: 'noticeEmail.register/change accept a malformed email address (202 pending) instead of 400 invalid_format',
  breaks: 'ASVS 5.0 2.2.1 (input validated on the server); guide: email in the HTML input type=email form',
  create: () => async (request, ctx) => {
    const response = await ctx.forward(request);
    const { method, path } = routeOf(request);
    if (path !== '/notice-email' || (method !== 'POST' && method !== 'PUT') || response.status !== 400) return response;
    const body = requestJson(request);
    const fields = (responseJson(response)?.error?.fields ?? []) as Array<{ field: string; code: string }>;
    if (!fields.length || !fields.every((f) => f.field === 'email' && f.code === 'invalid_format')) return response;
    const status = await ctx.forward(internalRequest(request, 'GET', '/notice-email', { token: bearerOf(request) }));
    if (status.status !== 200) return response;
    const current = responseJson(status);
    const pendingExpiresAt = new Date((await backendNow(request, ctx)) + 24 * 3_600_000).toISOString();
    return jsonReply(202, { ...current, state: current.state === 'none' ? 'pending' : current.state, pendingType: body.type, pendingEmail: body.email, pendingExpiresAt }, status);
  },
};

// ====================================================================== billing data

const history14: Defect = {
  id: 'history-14-months',
  description: 'billing.history lists 14 months (the oldest is dropped) instead of 15',
  breaks: 'guide: 15 months of amounts including the current month',
  create: after((response, request) => {
    if (!is(request, 'GET', '/billing/history') || response.status !== 200) return response;
    const body = responseJson(response);
    return withJson(response, { ...body, months: body.months.slice(0, 14) });
  }),
};

const historyOldestFirst: Defect = {
  id: 'history-oldest-first',
  description: 'billing.history lists the months oldest first',
  breaks: 'guide: months newest first, from the current month',
  create: after((response, request) => {
    if (!is(request, 'GET', '/billing/history') || response.status !== 200) return response;
    const body = responseJson(response);
    return withJson(response, { ...body, months: [...body.months].reverse() });
  }),
};

const lineSubtotalBeforeDiscounts: Defect = {
  id: 'line-subtotal-before-discounts',
  description: 'in billing.breakdown each line\'s subtotal leaves out its discount items (companies and total stay right)',
  breaks: 'guide: every subtotal is the sum of what it holds (items → line → company → total)',
  create: after((response, request) => {
    const { method, path } = routeOf(request);
    if (method !== 'GET' || !/^\/billing\/months\/[^/]+\/breakdown$/.test(path) || response.status !== 200) return response;
    const body = responseJson(response);
    for (const company of body.companies) {
      for (const line of company.lines) {
        line.subtotal = line.items.filter((i: { kind: string }) => i.kind !== 'discount').reduce((a: number, i: { amount: number }) => a + i.amount, 0);
      }
    }
    return withJson(response, body);
  }),
};

const summaryTotalExcludesTax: Defect = {
  id: 'summary-total-without-tax',
  description: 'billing.summary gives the month\'s total before consumption tax, so it differs from the history and the breakdown',
  breaks: 'guide: one amount per month across history, summary and breakdown',
  create: () => async (request, ctx) => {
    const response = await ctx.forward(request);
    const { method, path } = routeOf(request);
    const match = /^\/billing\/months\/([^/]+)\/summary$/.exec(path);
    if (method !== 'GET' || !match || response.status !== 200) return response;
    const breakdown = await ctx.forward(internalRequest(request, 'GET', `/billing/months/${match[1]}/breakdown`, { token: bearerOf(request) }));
    const tax = responseJson(breakdown)?.taxTotal;
    if (breakdown.status !== 200 || typeof tax !== 'number') return response;
    const body = responseJson(response);
    return withJson(response, { ...body, total: body.total - tax });
  },
};

const amountsAsStrings: Defect = {
  id: 'amounts-as-strings',
  description: 'billing.history amounts are JSON strings ("5280") instead of integers',
  breaks: 'contract: Yen is an integer',
  create: after((response, request) => {
    if (!is(request, 'GET', '/billing/history') || response.status !== 200) return response;
    const body = responseJson(response);
    return withJson(response, { ...body, months: body.months.map((m: { amount: number }) => ({ ...m, amount: String(m.amount) })) });
  }),
};

// ====================================================================== races (a backend that is not atomic)

const raceConfirmTwice: Defect = {
  id: 'race-confirm-twice',
  description: 'two confirmations of one link sent at the same time both succeed (check-then-mark is not atomic)',
  breaks: 'ASVS 5.0 2.3.3 / 2.3.4 (atomic business operations, no double use); guide: a link confirms once',
  create() {
    const inFlight = new Map<string, Promise<ProxyResponse>>();
    return async (request, ctx) => {
      const token = isConfirm(request) ? requestJson(request)?.token : undefined;
      if (!token) return ctx.forward(request);
      const key = `${routeOf(request).path}|${token}`;
      const running = inFlight.get(key);
      if (running) {
        const first = await running;
        return first.status === 200 ? refreshed(first) : ctx.forward(request);
      }
      const pending = ctx.forward(request);
      inFlight.set(key, pending);
      try {
        return await pending;
      } finally {
        inFlight.delete(key);
      }
    };
  },
};

const raceLoginBurst: Defect = {
  id: 'race-login-burst-past-lock',
  description: 'failed logins sent at the same time all read the count from before the burst: a parallel burst gets 401s past the threshold instead of 423',
  breaks: 'ASVS 5.0 2.3.3 / 6.3.1 (the lock counter is updated atomically); guide: never more than lockThreshold − 1 answers 401',
  create() {
    const bursts = new Map<string, { inFlight: number; remainingAtStart: number }>();
    const remaining = new Map<string, number>();
    return async (request, ctx) => {
      if (!isLogin(request)) return ctx.forward(request);
      const id = loginIdOf(request);
      let burst = bursts.get(id);
      if (!burst) {
        burst = { inFlight: 0, remainingAtStart: remaining.get(id) ?? LOCK_THRESHOLD };
        bursts.set(id, burst);
      }
      burst.inFlight += 1;
      const joined = burst.inFlight > 1;
      try {
        const response = await ctx.forward(request);
        const left = responseJson(response)?.error?.details?.remainingAttempts;
        if (typeof left === 'number') remaining.set(id, left);
        if (response.status === 200) remaining.delete(id);
        if ((joined || burst.inFlight > 1) && response.status === 423 && burst.remainingAtStart > 1) {
          return errorReply(401, 'invalid_credentials', INVALID_CREDENTIALS, { details: { remainingAttempts: burst.remainingAtStart - 1 } });
        }
        return response;
      } finally {
        burst.inFlight -= 1;
        if (burst.inFlight === 0) bursts.delete(id);
      }
    };
  },
};

const raceChangePasswordTwice: Defect = {
  id: 'race-change-password-twice',
  description: 'two password changes from one session sent at the same time both succeed with the same current password (the last one wins)',
  breaks: 'ASVS 5.0 2.3.3 (atomic updates); guide: a change needs the current password, so the second of two concurrent changes is refused',
  create() {
    const inFlight = new Map<string, Promise<ProxyResponse>>();
    return async (request, ctx) => {
      const token = bearerOf(request);
      if (!is(request, 'POST', '/credentials/password') || !token) return ctx.forward(request);
      const running = inFlight.get(token);
      if (running) {
        const first = await running;
        if (first.status === 200) {
          const body = requestJson(request);
          const earlier = (first as ProxyResponse & { newPassword?: string }).newPassword;
          if (earlier !== undefined) return ctx.forward(withRequestJson(request, { ...body, currentPassword: earlier }));
        }
        return ctx.forward(request);
      }
      const newPassword = requestJson(request)?.newPassword as string | undefined;
      const pending = ctx.forward(request).then((r) => Object.assign(r, { newPassword }));
      inFlight.set(token, pending);
      try {
        return await pending;
      } finally {
        inFlight.delete(token);
      }
    };
  },
};

// ====================================================================== more defects, written before any case for them

const reissueAnswerNotChecked: Defect = {
  id: 'reissue-answer-not-checked',
  description: 'a password reissue checks the login ID, email and question but not the secret answer: a wrong answer gets a temporary password mailed',
  breaks: 'guide: password reissue needs the registered email, question and answer; ASVS 5.0 6.4.3 (secure recovery)',
  create() {
    const seeded = new Map(Object.values(DEMO_ACCOUNTS).filter((a) => 'reissueEmail' in a && a.reissueEmail).map((a) => [a.loginId, (a as { reissueEmail: { answer: string } }).reissueEmail.answer]));
    return (request, ctx) => {
      const body = requestJson(request);
      const answer = is(request, 'POST', '/password-reissue') ? seeded.get(idKey(body?.loginId)) : undefined;
      return ctx.forward(answer !== undefined && typeof body.answer === 'string' ? withRequestJson(request, { ...body, answer }) : request);
    };
  },
};

const reissueGuessesUnlimited: Defect = {
  id: 'reissue-guesses-unlimited',
  description: 'password reissue requests that do not match are never counted: a client can try answers for one login ID without limit',
  breaks: 'ASVS 5.0 6.3.1 (guessing limits on every secret check); docs/security.md: 5 non-matching reissue requests end that client\'s attempt for 24 h',
  create() {
    const seeded = new Map(Object.values(DEMO_ACCOUNTS).filter((a) => 'reissueEmail' in a && a.reissueEmail).map((a) => [a.loginId, (a as { reissueEmail: { email: string; questionId: string; answer: string } }).reissueEmail]));
    return async (request, ctx) => {
      const body = requestJson(request);
      const registered = is(request, 'POST', '/password-reissue') ? seeded.get(idKey(body?.loginId)) : undefined;
      if (registered && typeof body.email === 'string' && typeof body.answer === 'string') {
        const matches = body.email.trim().toLowerCase() === registered.email.toLowerCase() && body.questionId === registered.questionId && normalizedAnswer(body.answer) === normalizedAnswer(registered.answer);
        if (!matches) return jsonReply(202, { accepted: true });
      }
      return ctx.forward(request);
    };
  },
};

const loginIdCaseInsensitive: Defect = {
  id: 'login-id-case-insensitive',
  description: 'login IDs are matched case-insensitively: TARO2024 logs in as taro2024',
  breaks: 'docs/security.md: login IDs are NFKC, trimmed and case-sensitive; TARO2024 is another ID',
  create() {
    const accounts = accountBook();
    const seeded = [...seededAccounts().keys()];
    return async (request, ctx) => {
      let sent = request;
      if (is(request, 'POST', '/auth/login')) {
        const body = requestJson(request);
        const id = idKey(body?.loginId);
        const match = !accounts.has(id) ? seeded.find((known) => known.toLowerCase() === id.toLowerCase()) : undefined;
        if (match) sent = withRequestJson(request, { ...body, loginId: match });
      }
      const response = await ctx.forward(sent);
      accounts.learn(request, response);
      return response;
    };
  },
};

const loginIdNotNormalised: Defect = {
  id: 'login-id-not-normalised',
  description: 'login IDs are compared exactly as typed: a full-width ID or one with surrounding spaces does not log in',
  breaks: 'docs/security.md: login IDs are NFKC-normalised and trimmed before lookup (full-width letters and spaces are the same ID)',
  create: before((request) => {
    if (!is(request, 'POST', '/auth/login')) return request;
    const body = requestJson(request);
    if (typeof body?.loginId !== 'string' || body.loginId === idKey(body.loginId)) return request;
    return withRequestJson(request, { ...body, loginId: `${body.loginId}\u0000` });
  }),
};

const successKeepsFailures: Defect = {
  id: 'success-keeps-failure-count',
  description: 'a successful login does not reset the failed-login count: failures before and after a success add up to a lock',
  breaks: 'guide: the lock counts consecutive failed logins; a success clears the count',
  create() {
    const failures = new Map<string, number>();
    return async (request, ctx) => {
      if (!isLogin(request)) return ctx.forward(request);
      const id = loginIdOf(request);
      if ((failures.get(id) ?? 0) >= LOCK_THRESHOLD) return errorReply(423, 'account_locked', LOCKED_MESSAGE);
      const response = await ctx.forward(request);
      if (response.status !== 401) return response;
      const count = (failures.get(id) ?? 0) + 1;
      failures.set(id, count);
      if (count >= LOCK_THRESHOLD) return errorReply(423, 'account_locked', LOCKED_MESSAGE);
      const body = responseJson(response);
      if (body?.error?.details?.remainingAttempts === undefined) return response;
      return withJson(response, { ...body, error: { ...body.error, details: { ...body.error.details, remainingAttempts: LOCK_THRESHOLD - count } } });
    };
  },
};

const emailDeleteNoop: Defect = {
  id: 'email-delete-not-applied',
  description: 'deleting the reissue or notice email answers 204 but the registration stays',
  breaks: 'guide: a deleted registration reads back as state none (and the old address is told)',
  create: () => async (request, ctx) => {
    const { method, path } = routeOf(request);
    if (method === 'DELETE' && (path === '/reissue-email' || path === '/notice-email')) {
      const status = await ctx.forward(internalRequest(request, 'GET', path, { token: bearerOf(request) }));
      if (status.status === 200 && responseJson(status)?.state !== 'none') return { status: 204, headers: { 'cache-control': 'no-store' }, body: Buffer.alloc(0), synthetic: true };
    }
    return ctx.forward(request);
  },
};

const futureMonthServed: Defect = {
  id: 'future-month-served',
  description: 'a breakdown or summary of a future month answers 200 with the current month\'s figures instead of 404 month_out_of_range',
  breaks: 'guide: only the 15 months up to the current one exist; others answer 404 month_out_of_range',
  create: () => async (request, ctx) => {
    const response = await ctx.forward(request);
    const { method, path } = routeOf(request);
    const match = /^\/billing\/months\/(\d{4}-\d{2})\/(breakdown|summary)$/.exec(path);
    if (method !== 'GET' || !match || response.status !== 404 || responseJson(response)?.error?.code !== 'month_out_of_range') return response;
    const history = await ctx.forward(internalRequest(request, 'GET', '/billing/history', { token: bearerOf(request) }));
    const current = responseJson(history)?.currentMonth as string | undefined;
    if (!current || match[1]! <= current) return response;
    const served = await ctx.forward(withUrl(request, request.url.replace(`/months/${match[1]}/`, `/months/${current}/`)));
    return served.status === 200 ? withJson(served, { ...responseJson(served), month: match[1] }) : response;
  },
};

const taxTotalFromAmount: Defect = {
  id: 'tax-total-from-total',
  description: 'billing.breakdown computes taxTotal from the total (floor of 10/110) instead of adding up the tax items',
  breaks: 'contract: taxTotal is the sum of the tax items; guide: every figure adds up',
  create: after((response, request) => {
    const { method, path } = routeOf(request);
    if (method !== 'GET' || !/^\/billing\/months\/[^/]+\/breakdown$/.test(path) || response.status !== 200) return response;
    const body = responseJson(response);
    return withJson(response, { ...body, taxTotal: Math.floor((body.total * 10) / 110) });
  }),
};

const setupSkipsPostcardCheck: Defect = {
  id: 'setup-skips-postcard-check',
  description: 'credentials.setup does not check the postcard ID and password sent again with it (the session alone is trusted)',
  breaks: 'guide: the first change asks for the postcard credentials again and refuses wrong ones; ASVS 5.0 7.5.1 (re-authentication before sensitive changes)',
  create() {
    const postcards = new Map<string, { initialLoginId: string; initialPassword: string }>();
    return async (request, ctx) => {
      const token = bearerOf(request);
      let sent = request;
      if (is(request, 'POST', '/credentials/setup') && token && postcards.has(token)) sent = withRequestJson(request, { ...requestJson(request), ...postcards.get(token) });
      const response = await ctx.forward(sent);
      if (is(request, 'POST', '/auth/initial-login') && response.status === 200) {
        const body = requestJson(request);
        postcards.set(responseJson(response).token, { initialLoginId: body.initialLoginId, initialPassword: body.initialPassword });
      }
      return response;
    };
  },
};

const changePasswordSkipsCurrent: Defect = {
  id: 'change-password-skips-current-check',
  description: 'credentials.changePassword does not check the current password (the session alone is trusted)',
  breaks: 'ASVS 5.0 6.2.3 (a change needs the current password); guide: a wrong current password answers 401',
  create() {
    const passwords = new Map<string, string>();
    return async (request, ctx) => {
      const token = bearerOf(request);
      let sent = request;
      if (is(request, 'POST', '/credentials/password') && token && passwords.has(token)) sent = withRequestJson(request, { ...requestJson(request), currentPassword: passwords.get(token) });
      const response = await ctx.forward(sent);
      if (isLogin(request) && response.status === 200) {
        const body = requestJson(request);
        passwords.set(responseJson(response).token, body.password ?? body.initialPassword);
      }
      if (is(request, 'POST', '/credentials/password') && token && response.status === 200) passwords.set(token, requestJson(request).newPassword);
      return response;
    };
  },
};

const jsonAsHtml: Defect = {
  id: 'json-served-as-html',
  description: 'JSON answers are sent with Content-Type: text/html (a browser opening one renders it as a page)',
  breaks: 'ASVS 5.0 4.1.1 (Content-Type matches the content); contract: JSON answers are application/json',
  create: after((response) => (/json/i.test(String(response.headers['content-type'] ?? '')) ? withHeaders(response, { 'content-type': 'text/html; charset=utf-8' }) : response)),
};

const tokenInQuery: Defect = {
  id: 'session-token-accepted-in-url',
  description: 'the session token is also accepted as an access_token query parameter (it then leaks into logs, history and Referer)',
  breaks: 'ASVS 5.0 14.2.1 (no sensitive data in URLs); guide: the token is sent only as Authorization: Bearer',
  create: before((request) => {
    const { query } = routeOf(request);
    const token = query.get('access_token');
    if (!token || request.headers.authorization) return request;
    return { ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } };
  }),
};

const sessionTokenShort: Defect = {
  id: 'session-token-72-bits',
  description: 'session tokens carry 72 bits (12 characters) instead of at least 128',
  breaks: 'ASVS 5.0 7.2.3 (session tokens with at least 128 bits of entropy); guide: tokens of at least 22 URL-safe characters',
  create() {
    const real = new Map<string, string>();
    return async (request, ctx) => {
      const token = bearerOf(request);
      const sent = token && real.has(token) ? { ...request, headers: { ...request.headers, authorization: `Bearer ${real.get(token)}` } } : request;
      const response = await ctx.forward(sent);
      if (!isLogin(request) || response.status !== 200) return response;
      const body = responseJson(response);
      const short = Buffer.from(crypto.getRandomValues(new Uint8Array(9))).toString('base64url');
      real.set(short, body.token);
      return withJson(response, { ...body, token: short });
    };
  },
};

const reissueDoesNotUnlock: Defect = {
  id: 'reissue-does-not-unlock',
  description: 'a password reissue mails a temporary password but leaves the lock on: every login of the account still answers 423',
  breaks: 'docs/security.md: after a lock, a password reissue unlocks (the way out stays open)',
  create() {
    // The seeded locked accounts, and any seen answering 423 since.
    const locked = new Set<string>(Object.values(DEMO_ACCOUNTS).filter((a) => 'locked' in a && a.locked).map((a) => a.loginId));
    return async (request, ctx) => {
      if (is(request, 'POST', '/auth/login') && locked.has(loginIdOf(request))) return errorReply(423, 'account_locked', LOCKED_MESSAGE);
      const response = await ctx.forward(request);
      if (isLogin(request) && response.status === 423) locked.add(loginIdOf(request));
      return response;
    };
  },
};

const sessionNotExtended: Defect = {
  id: 'session-not-extended-by-use',
  description: 'sessions end 30 minutes after login however active they are (activity does not extend them)',
  breaks: 'guide: a session ends after 30 minutes without activity; each call extends it (ASVS 5.0 7.3.1)',
  create() {
    const started = new Map<string, number>();
    return async (request, ctx) => {
      const token = bearerOf(request);
      const since = token ? started.get(token) : undefined;
      if (since !== undefined && (await backendNow(request, ctx)) >= since + 30 * 60_000) {
        return errorReply(401, 'session_expired', 'The session has ended. Log in again.');
      }
      const response = await ctx.forward(request);
      if (isLogin(request) && response.status === 200) started.set(responseJson(response).token, await backendNow(request, ctx));
      return response;
    };
  },
};

/** Rewrites the mails the outbox lists. */
function mapOutbox(rewrite: (mails: any[]) => any[]): (response: ProxyResponse, request: ProxyRequest) => ProxyResponse {
  return (response, request) => {
    if (!is(request, 'GET', '/_dev/outbox') || response.status !== 200) return response;
    const body = responseJson(response);
    return withJson(response, { ...body, mails: rewrite(body.mails) });
  };
}

const noChangeNotification: Defect = {
  id: 'no-password-change-notification',
  description: 'a password change sends no mail to the registered reissue address',
  breaks: 'ASVS 5.0 6.3.6 (users are notified of changes to their authentication details); docs/security.md',
  create: after(mapOutbox((mails) => mails.filter((m) => m.kind !== 'credentials-changed'))),
};

const notificationWithPassword: Defect = {
  id: 'notification-contains-password',
  description: 'the password-change notification mail quotes the new password',
  breaks: 'ASVS 5.0 6.3.6 (notifications carry no secret); docs/security.md: mails carry no secret beyond the temporary password',
  create() {
    const changed: string[] = [];
    const rewrite = mapOutbox((mails) => {
      let i = 0;
      return mails.map((m) => {
        if (m.kind !== 'credentials-changed') return m;
        const password = changed[i++];
        return password ? { ...m, body: { ja: `${m.body.ja}\n新しいパスワード: ${password}`, en: `${m.body.en}\nYour new password: ${password}` } } : m;
      });
    });
    return async (request, ctx) => {
      const response = await ctx.forward(request);
      if (is(request, 'POST', '/credentials/password') && response.status === 200) changed.push(requestJson(request).newPassword);
      return rewrite(response, request);
    };
  },
};

const tempPasswordWeak: Defect = {
  id: 'temporary-password-6-digits',
  description: 'a reissued temporary password is 6 digits (it does not follow the published password policy)',
  breaks: 'ASVS 5.0 6.4.1 (system-generated initial secrets are random and follow the password policy)',
  create() {
    const real = new Map<string, string>();
    const weak = new Map<string, string>();
    const alias = (password: string) => {
      let w = weak.get(password);
      if (!w) {
        w = String(100000 + (crypto.getRandomValues(new Uint32Array(1))[0]! % 900000));
        weak.set(password, w);
        real.set(w, password);
      }
      return w;
    };
    return async (request, ctx) => {
      let sent = request;
      const body = requestJson(request);
      if (is(request, 'POST', '/auth/login') && real.has(body?.password)) sent = withRequestJson(request, { ...body, password: real.get(body.password) });
      if (is(request, 'POST', '/credentials/password') && real.has(body?.currentPassword)) sent = withRequestJson(request, { ...body, currentPassword: real.get(body.currentPassword) });
      const response = await ctx.forward(sent);
      return mapOutbox((mails) =>
        mails.map((m) => {
          if (!m.temporaryPassword) return m;
          const w = alias(m.temporaryPassword);
          return { ...m, temporaryPassword: w, body: { ja: String(m.body.ja).replaceAll(m.temporaryPassword, w), en: String(m.body.en).replaceAll(m.temporaryPassword, w) } };
        }),
      )(response, request);
    };
  },
};

const emailNotMasked: Defect = {
  id: 'email-status-not-masked',
  description: 'the reissue and notice email status shows the whole registered address instead of the masked one',
  breaks: 'guide/contract: addresses in a status are masked (ta***@example.jp); ASVS 5.0 14.x (data minimisation)',
  create() {
    const full = new Map<string, string>();
    const remember = (email: unknown) => {
      if (typeof email !== 'string' || !email.includes('@')) return;
      const at = email.lastIndexOf('@');
      const local = email.slice(0, at);
      full.set(`${local.slice(0, Math.min(2, Math.max(1, local.length - 1)))}***${email.slice(at)}`, email);
    };
    for (const a of Object.values(DEMO_ACCOUNTS)) {
      if ('reissueEmail' in a && a.reissueEmail) remember(a.reissueEmail.email);
      if ('noticeEmail' in a && a.noticeEmail) remember(a.noticeEmail.email);
    }
    return async (request, ctx) => {
      const { method, path } = routeOf(request);
      const emailRoute = path === '/reissue-email' || path === '/notice-email';
      if (emailRoute && (method === 'POST' || method === 'PUT')) remember(requestJson(request)?.email);
      const response = await ctx.forward(request);
      if (!emailRoute || response.status >= 300) return response;
      const body = responseJson(response);
      if (!body) return response;
      for (const key of ['email', 'pendingEmail']) if (typeof body[key] === 'string' && full.has(body[key])) body[key] = full.get(body[key]);
      return withJson(response, body);
    };
  },
};

const controlChars500: Defect = {
  id: 'control-characters-500',
  description: 'a request body with a NUL or another control character in a string answers 500 internal (the database refuses it)',
  breaks: 'ASVS 5.0 2.2.1 / 16.5.x (hostile input gets a documented error, never a 500); docs/security.md',
  create: () => async (request, ctx) => {
    if (request.body.length > 0 && /\\u000[0-8bcef]|\\u001[0-9a-f]/i.test(request.body.toString('utf8'))) return errorReply(500, 'internal', 'The service failed. Reads are safe to retry.');
    return ctx.forward(request);
  },
};

const registerOverwrites: Defect = {
  id: 'register-overwrites-registered',
  description: 'registering an email while one is already registered replaces it (202) instead of answering 409 conflict',
  breaks: 'guide: a registered email is changed with PUT or deleted; POST answers 409 conflict',
  create: () => async (request, ctx) => {
    const response = await ctx.forward(request);
    const { method, path } = routeOf(request);
    if (method !== 'POST' || (path !== '/reissue-email' && path !== '/notice-email') || response.status !== 409) return response;
    return ctx.forward({ ...request, method: 'PUT' });
  },
};

/** Every defect of the catalogue. The conformance suite is expected to catch each one. */
export const DEFECTS: readonly Defect[] = [
  lockNeverEngages,
  lockEarlyByOne,
  lockLateByOne,
  lockKnownIdsOnly,
  enumLoginMessage,
  enumLoginHeader,
  enumReissue404,
  enumReissueWrongAnswer,
  logoutNoop,
  sessionNoIdleExpiry,
  newerLoginKeepsOld,
  changePasswordNoop,
  oldPasswordStillWorks,
  setupKeepsPostcard,
  passwordTruncated,
  passwordCaseInsensitive,
  tempPasswordNotForced,
  tempPasswordNeverExpires,
  availabilityAlwaysTrue,
  linkReusable,
  olderLinkWorks,
  linkExpiryIgnored,
  linkAnswerUnchecked,
  linkNumberUnchecked,
  answerExactMatch,
  linkGuessesUnlimited,
  linkTokenShort,
  breakdownForeignLine,
  readCacheIgnoresAccount,
  corsWildcard,
  corsEchoOrigin,
  noNosniff,
  noFramingProtection,
  cacheableAnswers,
  noReferrerPolicy,
  textPlainWrites,
  traceEcho,
  longPath500,
  wrongMethod404,
  hostNotChecked,
  hostRefusalIgnored,
  errorWithoutRequestId,
  validation422,
  sessionExpired403,
  noticeEmailUnvalidated,
  history14,
  historyOldestFirst,
  lineSubtotalBeforeDiscounts,
  summaryTotalExcludesTax,
  amountsAsStrings,
  raceConfirmTwice,
  raceLoginBurst,
  raceChangePasswordTwice,
  reissueAnswerNotChecked,
  reissueGuessesUnlimited,
  loginIdCaseInsensitive,
  loginIdNotNormalised,
  successKeepsFailures,
  emailDeleteNoop,
  futureMonthServed,
  taxTotalFromAmount,
  setupSkipsPostcardCheck,
  changePasswordSkipsCurrent,
  jsonAsHtml,
  tokenInQuery,
  sessionTokenShort,
  reissueDoesNotUnlock,
  sessionNotExtended,
  noChangeNotification,
  notificationWithPassword,
  tempPasswordWeak,
  emailNotMasked,
  controlChars500,
  registerOverwrites,
  ...COOKIE_DEFECTS,
];

/**
 * Defects no black-box case can tell from a harmless setup, each with why.
 * The node test asserts that they survive, so the kill table stays honest:
 * if a case starts to catch one, it moves to the test's EXPECTED_CAUGHT.
 */
export const EXPECTED_SURVIVORS: Readonly<Record<string, string>> = {
  'host-not-checked':
    "a front that rewrites every Host to the backend's own looks, from outside, exactly like a harmless Host-rewriting proxy " +
    '(fetch-based proxies rewrite Host by force); the Host case runs only where it sees the Host reach the backend unchanged, ' +
    'and catches host-refusal-ignored there',
};
