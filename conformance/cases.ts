/**
 * The conformance cases. Each states one behaviour of the contract and checks
 * it over HTTP. Cases run in this order; those that use up an account
 * (the lock, the postcard, the reissue) come last. Against a backend with
 * `POST /_dev/reset` every case starts from the seeded state; otherwise each
 * case leaves the accounts as it found them, except the last ones, which say
 * what they consume.
 *
 * @module
 */
import { ENDPOINTS, type EndpointId } from '../src/contract/endpoints.js';
import { addMonths, allPass, BILLING_RULES, checkCredential, type CredentialFieldPolicy } from '../src/contract/rules.js';
import type { CaseContext, Credentials } from './context.js';
import { CaseSkipped, check, expectError, expectFieldIssue, expectSuccess, fieldCodes, type CallOptions, type Reply } from './http.js';

/** One conformance case. */
export interface ConformanceCase {
  name: string;
  run(ctx: CaseContext): Promise<void>;
}

const ALNUM = 'abcdefghijkmnpqrstuvwxyz23456789';

function randomAlnum(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => ALNUM[b % ALNUM.length]).join('');
}

/** A value of `length` characters with letters and digits, unlikely to exist. */
function credentialOf(length: number, prefix = 'k7'): string {
  return (prefix + randomAlnum(Math.max(0, length - prefix.length))).slice(0, length);
}

/** A character the field's charset refuses. */
function refusedCharacter(field: CredentialFieldPolicy, allowedSymbols: string): string {
  if (field.charset === 'unicode') return '\u0007';
  return [...'~"\'<>\\`^{}|,'].find((c) => !allowedSymbols.includes(c)) ?? '\u0007';
}

function withoutRequestId(reply: Reply): string {
  if (!reply.body || typeof reply.body !== 'object') return reply.text;
  const { requestId: _ignored, ...rest } = reply.body as Record<string, unknown>;
  return JSON.stringify(rest);
}

/** A body of the right shape for each endpoint that needs a session. */
const SAMPLE: Partial<Record<EndpointId, CallOptions>> = {
  'credentials.loginIdAvailability': { query: { loginId: 'abc12345' } },
  'credentials.setup': {
    body: { initialLoginId: 'ABC1234', initialPassword: 'abcd1234', newLoginId: 'abc12345', newLoginIdConfirm: 'abc12345', newPassword: 'Abcd12345', newPasswordConfirm: 'Abcd12345' },
  },
  'credentials.changePassword': { body: { currentPassword: 'Abcd12345', newPassword: 'Abcd123456', newPasswordConfirm: 'Abcd123456' } },
  'billing.breakdown': { params: { month: '2026-01' } },
  'billing.summary': { params: { month: '2026-01' } },
  'reissueEmail.register': { body: { email: 'a@example.jp', emailConfirm: 'a@example.jp', questionId: 'q', answer: 'a' } },
  'reissueEmail.change': { body: { email: 'a@example.jp', emailConfirm: 'a@example.jp', questionId: 'q', answer: 'a' } },
  'noticeEmail.register': { body: { type: 'mobile', email: 'a@example.jp' } },
  'noticeEmail.change': { body: { type: 'mobile', email: 'a@example.jp' } },
};

const SESSION_ENDPOINTS = (Object.keys(ENDPOINTS) as EndpointId[]).filter((id) => ENDPOINTS[id].auth !== 'public');

async function currentMonth(ctx: CaseContext, token: string): Promise<string> {
  return (await ctx.api.ok('billing.history', { token })).body.currentMonth as string;
}

function active(ctx: CaseContext): Credentials {
  const { loginId, password } = ctx.fixtures.active;
  return { loginId, password };
}

function unknownLoginId(ctx: CaseContext): string {
  return `${ctx.fixtures.unknownLoginId ?? 'no-such-id'}${randomAlnum(6)}`.slice(0, ctx.policy.loginId.maxLength);
}

/** A valid first-change request for the postcard fixture, with `patch` applied. */
async function setupRequest(ctx: CaseContext, patch: Record<string, string>): Promise<Record<string, string>> {
  const postcard = ctx.fixture('postcard');
  const loginId = credentialOf(Math.max(ctx.policy.loginId.minLength, Math.min(ctx.policy.password.minLength, ctx.policy.loginId.maxLength)), 'n5');
  const password = credentialOf(ctx.policy.password.minLength + 2, 'P9');
  return {
    initialLoginId: postcard.initialLoginId,
    initialPassword: postcard.initialPassword,
    newLoginId: loginId,
    newLoginIdConfirm: loginId,
    newPassword: password,
    newPasswordConfirm: password,
    ...patch,
  };
}

/** The case that floods logins to see the documented 429; skipped against a backend without throttling. */
export const THROTTLING_CASE = 'a flood of failed logins is throttled: 429 rate_limited with Retry-After';

export const CASES: ConformanceCase[] = [
  // ------------------------------------------------------------ public endpoints and the error format
  {
    name: 'credentials.policy answers 200 with a policy whose bounds make sense',
    async run(ctx) {
      const { body } = await ctx.api.ok('credentials.policy');
      for (const field of ['loginId', 'password'] as const) {
        check(body[field].minLength <= body[field].maxLength, `${field}: minLength ${body[field].minLength} > maxLength ${body[field].maxLength}`);
      }
      check(body.lockThreshold >= 1, 'lockThreshold must be at least 1');
    },
  },
  {
    name: 'reissueEmail.questions answers 200 with at least one question',
    async run(ctx) {
      const { body } = await ctx.api.ok('reissueEmail.questions');
      check(body.questions.length > 0, 'no secret questions');
    },
  },
  {
    name: THROTTLING_CASE,
    async run(ctx) {
      // Straight to fetch: Api.raw waits out a 429, which is what this case looks for.
      const url = `${ctx.api.baseUrl}${ENDPOINTS['auth.login'].path}`;
      for (let i = 0; i < 60; i++) {
        const response = await ctx.api.fetch(url, {
          method: 'POST',
          headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
          body: JSON.stringify({ loginId: unknownLoginId(ctx), password: credentialOf(ctx.policy.password.minLength) }),
        });
        const text = await response.text();
        if (response.status !== 429) continue;
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          body = undefined;
        }
        expectError({ id: 'auth.login', status: 429, headers: response.headers, body, text }, 'rate_limited');
        return;
      }
      throw new CaseSkipped('no 429 after 60 failed logins in a row: this backend does not throttle logins per client, or its limit is higher');
    },
  },
  {
    name: 'an unknown path answers 404 not_found in the error format',
    async run(ctx) {
      const reply = await ctx.api.raw('GET', '/no-such-route');
      expectError(reply, 'not_found');
    },
  },
  {
    name: 'auth.login answers 400 validation_failed to a body that is not JSON',
    async run(ctx) {
      expectError(await ctx.api.call('auth.login', { rawBody: '{"loginId": "taro' }), 'validation_failed');
    },
  },
  {
    name: 'auth.login answers 400 validation_failed naming each empty field (required)',
    async run(ctx) {
      const reply = expectError(await ctx.api.call('auth.login', { body: { loginId: '', password: '' } }), 'validation_failed');
      check(
        fieldCodes(reply).join() === 'loginId:required,password:required',
        `expected [loginId:required, password:required], got [${fieldCodes(reply).join(', ')}]`,
      );
    },
  },
  {
    name: 'auth.login answers 400 validation_failed to fields of the wrong type',
    async run(ctx) {
      const reply = expectError(await ctx.api.call('auth.login', { body: { loginId: 42, password: ['x'] } }), 'validation_failed');
      const fields = fieldCodes(reply).map((f) => f.split(':')[0]);
      check(fields.includes('loginId') && fields.includes('password'), `expected issues on loginId and password, got [${fieldCodes(reply).join(', ')}]`);
    },
  },
  {
    name: 'every endpoint that needs a session answers 401 session_expired without a token',
    async run(ctx) {
      for (const id of SESSION_ENDPOINTS) expectError(await ctx.api.call(id, { ...SAMPLE[id] }), 'session_expired');
    },
  },
  {
    name: 'every endpoint that needs a session answers 401 session_expired to an unknown token',
    async run(ctx) {
      const token = randomAlnum(43);
      for (const id of SESSION_ENDPOINTS) expectError(await ctx.api.call(id, { ...SAMPLE[id], token }), 'session_expired');
    },
  },

  // ------------------------------------------------------------ login and every read
  {
    name: 'auth.login answers 200 with stage active and a token of at least 128 bits',
    async run(ctx) {
      const { body } = await ctx.api.ok('auth.login', { body: active(ctx) });
      check(body.stage === 'active', `expected stage active, got ${body.stage}`);
      check(body.token.length >= 22, `a token of ${body.token.length} characters cannot hold 128 bits`);
      check(Date.parse(body.expiresAt) > 0, 'expiresAt is not a date');
    },
  },
  {
    name: 'auth.session, account.get and account.lines answer 200 with their schemas',
    async run(ctx) {
      const token = await ctx.login(active(ctx));
      const session = await ctx.api.ok('auth.session', { token });
      check(session.body.loginId === ctx.fixtures.active.loginId, `auth.session names ${session.body.loginId}`);
      const account = await ctx.api.ok('account.get', { token });
      const lines = await ctx.api.ok('account.lines', { token });
      check(lines.body.lines.length === account.body.lineCount, `account.get says ${account.body.lineCount} lines, account.lines lists ${lines.body.lines.length}`);
      const registered = ctx.fixtures.active.registeredNumber;
      if (registered) check(account.body.registeredNumber.number === registered, 'account.get does not give the registered number of the fixture');
    },
  },
  {
    name: `billing.history answers 200 with ${BILLING_RULES.historyMonths} months, newest first, from the current month`,
    async run(ctx) {
      const token = await ctx.login(active(ctx));
      const { body } = await ctx.api.ok('billing.history', { token });
      const months = body.months.map((m: { month: string }) => m.month);
      check(months.length === BILLING_RULES.historyMonths, `expected ${BILLING_RULES.historyMonths} months, got ${months.length}`);
      check(months[0] === body.currentMonth, `the first month ${months[0]} is not the current month ${body.currentMonth}`);
      months.forEach((m: string, i: number) => check(m === addMonths(body.currentMonth, -i), `month ${i} is ${m}, expected ${addMonths(body.currentMonth, -i)}`));
      const withBreakdown = body.months.filter((m: { breakdownAvailable: boolean }) => m.breakdownAvailable).length;
      check(withBreakdown <= BILLING_RULES.breakdownMonths, `${withBreakdown} months offer a breakdown; at most ${BILLING_RULES.breakdownMonths} may`);
    },
  },
  {
    name: 'billing.breakdown and billing.summary of the current month answer 200; totals add up',
    async run(ctx) {
      const token = await ctx.login(active(ctx));
      const month = await currentMonth(ctx, token);
      const { body } = await ctx.api.ok('billing.breakdown', { token, params: { month } });
      const sum = body.companies.reduce((a: number, c: { subtotal: number }) => a + c.subtotal, 0);
      check(sum === body.total, `the companies' subtotals add up to ${sum}, the total says ${body.total}`);
      await ctx.api.ok('billing.summary', { token, params: { month } });
    },
  },
  {
    name: 'billing.breakdown answers 400 to a month not in YYYY-MM, 404 month_out_of_range and breakdown_not_retained outside their windows',
    async run(ctx) {
      const token = await ctx.login(active(ctx));
      const month = await currentMonth(ctx, token);
      expectFieldIssue(await ctx.api.call('billing.breakdown', { token, params: { month: '2026-13' } }), 'month:invalid_format');
      expectError(await ctx.api.call('billing.breakdown', { token, params: { month: addMonths(month, -BILLING_RULES.historyMonths) } }), 'month_out_of_range');
      expectError(await ctx.api.call('billing.breakdown', { token, params: { month: addMonths(month, -BILLING_RULES.breakdownMonths) } }), 'breakdown_not_retained');
      expectError(await ctx.api.call('billing.summary', { token, params: { month: addMonths(month, -BILLING_RULES.breakdownMonths) } }), 'breakdown_not_retained');
    },
  },
  {
    name: 'billing.breakdown by line and by company answers 200 for the account\'s own, 404 not_found for others',
    async run(ctx) {
      const token = await ctx.login(active(ctx));
      const month = await currentMonth(ctx, token);
      const { body } = await ctx.api.ok('account.lines', { token });
      const line = body.lines[0];
      check(line, 'account.lines lists no line');
      const byLine = await ctx.api.ok('billing.breakdown', { token, params: { month }, query: { view: 'line', line: line.lineNumber } });
      check(byLine.body.lineNumber === line.lineNumber, `breakdown by line names ${byLine.body.lineNumber}`);
      await ctx.api.ok('billing.breakdown', { token, params: { month }, query: { view: 'company', company: line.companyId } });
      const other = body.lines.some((l: { lineNumber: string }) => l.lineNumber === '0000000000') ? '0000000001' : '0000000000';
      expectError(await ctx.api.call('billing.breakdown', { token, params: { month }, query: { view: 'line', line: other } }), 'not_found');
      expectError(await ctx.api.call('billing.breakdown', { token, params: { month }, query: { view: 'company', company: 'no-such-company' } }), 'not_found');
    },
  },
  {
    name: 'reissueEmail.status and noticeEmail.status answer 200 with their schemas',
    async run(ctx) {
      const token = await ctx.login(active(ctx));
      const reissue = await ctx.api.ok('reissueEmail.status', { token });
      if (ctx.fixtures.active.reissueEmail) check(reissue.body.state === 'registered', `reissue email state ${reissue.body.state}, the fixture says registered`);
      const notice = await ctx.api.ok('noticeEmail.status', { token });
      if (ctx.fixtures.active.noticeEmail) check(notice.body.state === 'registered', `notice email state ${notice.body.state}, the fixture says registered`);
    },
  },
  {
    name: 'credentials.loginIdAvailability says a taken login ID is not available and a fresh one is',
    async run(ctx) {
      const token = await ctx.login(active(ctx));
      const taken = await ctx.api.ok('credentials.loginIdAvailability', { token, query: { loginId: ctx.fixtures.active.loginId } });
      check(taken.body.available === false, 'the fixture\'s own login ID is reported available');
      const fresh = await ctx.api.ok('credentials.loginIdAvailability', { token, query: { loginId: credentialOf(ctx.policy.loginId.minLength + 3) } });
      check(fresh.body.available === true, 'a random login ID is reported taken');
    },
  },
  {
    name: 'register answers 409 conflict where an email is already registered',
    async run(ctx) {
      const { reissueEmail, noticeEmail } = ctx.fixtures.active;
      if (!reissueEmail && !noticeEmail) throw new CaseSkipped('needs active.reissueEmail or active.noticeEmail in the fixtures');
      const token = await ctx.login(active(ctx));
      if (reissueEmail) {
        const body = { email: reissueEmail.email, emailConfirm: reissueEmail.email, questionId: reissueEmail.questionId, answer: reissueEmail.answer };
        expectError(await ctx.api.call('reissueEmail.register', { token, body }), 'conflict');
      }
      if (noticeEmail) expectError(await ctx.api.call('noticeEmail.register', { token, body: noticeEmail }), 'conflict');
    },
  },
  {
    name: 'credentials.setup answers 409 conflict from a session whose postcard credentials were already replaced',
    async run(ctx) {
      const token = await ctx.login(active(ctx));
      expectError(await ctx.api.call('credentials.setup', { token, ...SAMPLE['credentials.setup'] }), 'conflict');
    },
  },
  {
    name: 'auth.logout answers 204 and the session ends: its token answers 401 session_expired',
    async run(ctx) {
      const token = await ctx.login(active(ctx));
      await ctx.api.ok('auth.logout', { token });
      expectError(await ctx.api.call('auth.session', { token }), 'session_expired');
      expectError(await ctx.api.call('billing.history', { token }), 'session_expired');
    },
  },

  // ------------------------------------------------------------ failures that must not tell anything
  {
    name: 'a wrong password answers 401 invalid_credentials with the attempts left before the lock',
    async run(ctx) {
      const reply = expectError(
        await ctx.api.call('auth.login', { body: { loginId: ctx.fixtures.active.loginId, password: `${ctx.fixtures.active.password}x` } }),
        'invalid_credentials',
      );
      const remaining = reply.body.error.details?.remainingAttempts;
      if (remaining !== undefined) check(remaining === ctx.policy.lockThreshold - 1, `remainingAttempts ${remaining}, expected ${ctx.policy.lockThreshold - 1}`);
      await ctx.login(active(ctx)); // a success clears the count
    },
  },
  {
    name: 'an unknown login ID answers exactly like a known one with a wrong password (status and body)',
    async run(ctx) {
      const password = `${ctx.fixtures.active.password}x`;
      const known = await ctx.api.call('auth.login', { body: { loginId: ctx.fixtures.active.loginId, password } });
      const unknown = await ctx.api.call('auth.login', { body: { loginId: unknownLoginId(ctx), password } });
      await ctx.login(active(ctx));
      expectError(known, 'invalid_credentials');
      check(unknown.status === known.status, `unknown ID: ${unknown.status}, known ID: ${known.status}`);
      check(withoutRequestId(unknown) === withoutRequestId(known), `the bodies differ: ${withoutRequestId(unknown)} vs ${withoutRequestId(known)}`);
    },
  },
  {
    name: 'passwordReissue.request answers 202 alike for an unknown ID, a wrong email and a wrong answer, and mails nothing',
    async run(ctx) {
      const registered = ctx.fixture('active').reissueEmail ?? ctx.fixture('locked').reissueEmail;
      const loginId = ctx.fixtures.active.reissueEmail ? ctx.fixtures.active.loginId : ctx.fixture('locked').loginId;
      const right = { loginId, email: registered.email, questionId: registered.questionId, answer: registered.answer };
      const mailsBefore = ctx.dev.outbox ? (await ctx.mails()).length : 0;
      const replies: Reply[] = [];
      for (const body of [
        { ...right, loginId: unknownLoginId(ctx) },
        { ...right, email: `other-${randomAlnum(5)}@example.jp` },
        { ...right, answer: `${right.answer}-not` },
      ]) {
        replies.push(expectSuccess(await ctx.api.call('passwordReissue.request', { body })));
      }
      const bodies = new Set(replies.map(withoutRequestId));
      check(bodies.size === 1, `the answers differ: ${[...bodies].join(' vs ')}`);
      if (ctx.dev.outbox) check((await ctx.mailsSince(mailsBefore)).length === 0, 'a mail was sent for a request that did not match');
    },
  },
  {
    name: 'confirm answers 410 link_expired to an unknown token, for both kinds of link',
    async run(ctx) {
      const token = randomAlnum(43);
      expectError(await ctx.api.call('reissueEmail.confirm', { body: { token, questionId: 'first-pet', answer: 'x' } }), 'link_expired');
      expectError(await ctx.api.call('noticeEmail.confirm', { body: { token, registeredNumber: '09012345678' } }), 'link_expired');
    },
  },

  // ------------------------------------------------------------ credential rules at their bounds
  {
    name: 'credentials.changePassword answers 401 invalid_credentials to a wrong current password',
    async run(ctx) {
      const token = await ctx.login(active(ctx));
      const next = credentialOf(ctx.policy.password.minLength + 1, 'Q8');
      expectError(
        await ctx.api.call('credentials.changePassword', { token, body: { currentPassword: `${ctx.fixtures.active.password}x`, newPassword: next, newPasswordConfirm: next } }),
        'invalid_credentials',
      );
    },
  },
  {
    name: 'credentials.changePassword enforces the published password rules at their bounds, and notifies without the password',
    async run(ctx) {
      const { policy } = ctx;
      const rules = policy.password;
      const { loginId, password } = active(ctx);
      let token = await ctx.login({ loginId, password });
      const attempt = (newPassword: string, newPasswordConfirm = newPassword) =>
        ctx.api.call('credentials.changePassword', { token, body: { currentPassword: password, newPassword, newPasswordConfirm } });
      if (rules.minLength > 1) expectFieldIssue(await attempt(credentialOf(rules.minLength - 1)), 'newPassword:too_short');
      expectFieldIssue(await attempt(credentialOf(rules.maxLength + 1)), 'newPassword:too_long');
      if (rules.requireLetterAndDigit) expectFieldIssue(await attempt('a'.repeat(rules.minLength)), 'newPassword:letter_and_digit_required');
      const refused = credentialOf(rules.minLength + 1).slice(0, -1) + refusedCharacter(rules, policy.allowedSymbols);
      expectFieldIssue(await attempt(refused), 'newPassword:invalid_characters');
      expectFieldIssue(await attempt(credentialOf(rules.minLength), credentialOf(rules.minLength)), 'newPasswordConfirm:mismatch');
      if (policy.loginIdMustDifferFromPassword) expectFieldIssue(await attempt(loginId), 'newPassword:same_as_login_id');

      // The fixture's password is set back at the end, unless the published policy no longer allows it.
      const restorable = allPass(checkCredential('password', password, policy, loginId));
      if (!restorable && !ctx.dev.reset) {
        throw new CaseSkipped('the rules hold, but the fixture password breaks the published policy and could not be set back (needs POST /_dev/reset)');
      }
      const mailsBefore = ctx.dev.outbox ? (await ctx.mails()).length : 0;
      let current = password;
      const change = async (next: string) => {
        const body = { currentPassword: current, newPassword: next, newPasswordConfirm: next };
        expectSuccess(await ctx.api.call('credentials.changePassword', { token, body }));
        // The new password works, the old one does not.
        expectError(await ctx.api.call('auth.login', { body: { loginId, password: current } }), 'invalid_credentials');
        token = await ctx.login({ loginId, password: next });
        current = next;
      };
      for (const length of [rules.minLength, rules.maxLength]) {
        const next = credentialOf(length, 'Z3');
        await change(next);
        if (ctx.dev.outbox && ctx.fixtures.active.reissueEmail) {
          const mails = (await ctx.mailsSince(mailsBefore)).filter((m) => m.kind === 'credentials-changed');
          check(mails.length > 0, 'no credentials-changed mail after a password change');
          check(!JSON.stringify(mails).includes(next), 'the notification mail contains the new password');
        }
      }
      if (restorable) await change(password);
    },
  },
  {
    name: 'auth.initialLogin answers stage credential-setup-required; account endpoints then answer 403 credential_change_required',
    async run(ctx) {
      const postcard = ctx.fixture('postcard');
      const { body } = await ctx.api.ok('auth.initialLogin', { body: postcard });
      check(body.stage === 'credential-setup-required', `expected stage credential-setup-required, got ${body.stage}`);
      await ctx.api.ok('auth.session', { token: body.token });
      for (const id of ['account.get', 'billing.history'] as const) expectError(await ctx.api.call(id, { token: body.token }), 'credential_change_required');
      // A password change is not the first change: it answers 403 too.
      const changePassword = { currentPassword: postcard.initialPassword, newPassword: credentialOf(ctx.policy.password.minLength + 1), newPasswordConfirm: '' };
      changePassword.newPasswordConfirm = changePassword.newPassword;
      expectError(await ctx.api.call('credentials.changePassword', { token: body.token, body: changePassword }), 'credential_change_required');
      await ctx.api.ok('auth.logout', { token: body.token });
    },
  },
  {
    name: 'credentials.setup enforces the published login ID and password rules at their bounds',
    async run(ctx) {
      const { policy } = ctx;
      const { body } = await ctx.api.ok('auth.initialLogin', { body: ctx.fixture('postcard') });
      const token = body.token as string;
      const setup = async (patch: Record<string, string>) => ctx.api.call('credentials.setup', { token, body: await setupRequest(ctx, patch) });
      const id = policy.loginId;
      const pw = policy.password;
      const both = (field: 'newLoginId' | 'newPassword', value: string) => ({ [field]: value, [`${field}Confirm`]: value });
      if (id.minLength > 1) expectFieldIssue(await setup(both('newLoginId', credentialOf(id.minLength - 1))), 'newLoginId:too_short');
      expectFieldIssue(await setup(both('newLoginId', credentialOf(id.maxLength + 1))), 'newLoginId:too_long');
      if (id.requireLetterAndDigit) expectFieldIssue(await setup(both('newLoginId', 'b'.repeat(id.minLength))), 'newLoginId:letter_and_digit_required');
      expectFieldIssue(await setup(both('newLoginId', credentialOf(id.minLength + 1).slice(0, -1) + refusedCharacter(id, policy.allowedSymbols))), 'newLoginId:invalid_characters');
      expectFieldIssue(await setup({ newLoginIdConfirm: credentialOf(id.minLength + 1) }), 'newLoginIdConfirm:mismatch');
      expectFieldIssue(await setup(both('newLoginId', ctx.fixtures.active.loginId)), 'newLoginId:login_id_taken');
      if (pw.minLength > 1) expectFieldIssue(await setup(both('newPassword', credentialOf(pw.minLength - 1))), 'newPassword:too_short');
      expectFieldIssue(await setup(both('newPassword', credentialOf(pw.maxLength + 1))), 'newPassword:too_long');
      if (pw.requireLetterAndDigit) expectFieldIssue(await setup(both('newPassword', '1'.repeat(pw.minLength))), 'newPassword:letter_and_digit_required');
      expectFieldIssue(await setup({ newPasswordConfirm: credentialOf(pw.minLength + 1) }), 'newPasswordConfirm:mismatch');
      if (policy.loginIdMustDifferFromPassword) {
        const same = await setupRequest(ctx, {});
        const reply = await ctx.api.call('credentials.setup', { token, body: { ...same, ...both('newPassword', same.newLoginId!) } });
        expectFieldIssue(reply, 'newPassword:same_as_login_id');
      }
      await ctx.api.ok('auth.logout', { token });
    },
  },

  // ------------------------------------------------------------ mailed links (outbox, clock)
  {
    name: 'a reissue-email link confirms once: a wrong answer is refused, the right one (normalised) accepted, a second use answers 410',
    async run(ctx) {
      ctx.needs('outbox');
      const registered = ctx.fixtures.active.reissueEmail;
      if (!registered) throw new CaseSkipped('needs active.reissueEmail in the fixtures');
      const token = await ctx.login(active(ctx));
      const before = (await ctx.mails()).length;
      const body = { email: registered.email, emailConfirm: registered.email, questionId: registered.questionId, answer: registered.answer };
      const pending = await ctx.api.ok('reissueEmail.change', { token, body });
      check(pending.body.pendingEmail, 'reissueEmail.change does not report the pending address');
      const link = ctx.tokenOf(await ctx.mailOf('reissue-email-confirm', registered.email, before));
      check(/^[A-Za-z0-9_.~-]{22,}$/.test(link), 'the link token is shorter than 22 URL-safe characters (128 bits)');
      const confirm = (answer: string) => ctx.api.call('reissueEmail.confirm', { body: { token: link, questionId: registered.questionId, answer } });
      expectFieldIssue(await confirm(`${registered.answer}-not`), 'answer:wrong_answer');
      const done = expectSuccess(await confirm(` ${registered.answer.toUpperCase()} `));
      check(done.body.state === 'registered', `expected state registered, got ${done.body.state}`);
      expectError(await confirm(registered.answer), 'link_expired');
    },
  },
  {
    name: 'a notice-email link cannot confirm a reissue email, and confirms its own registration with the registered number',
    async run(ctx) {
      ctx.needs('outbox');
      const { noticeEmail: notice, registeredNumber: number } = ctx.fixtures.active;
      if (!notice || !number) throw new CaseSkipped('needs active.noticeEmail and active.registeredNumber in the fixtures');
      const token = await ctx.login(active(ctx));
      const before = (await ctx.mails()).length;
      await ctx.api.ok('noticeEmail.change', { token, body: notice });
      const link = ctx.tokenOf(await ctx.mailOf('notice-email-confirm', notice.email, before));
      expectError(await ctx.api.call('reissueEmail.confirm', { body: { token: link, questionId: ctx.fixtures.active.reissueEmail?.questionId ?? 'first-pet', answer: 'x' } }), 'link_expired');
      const wrongNumber = number === '0000000000' ? '0000000001' : '0000000000';
      expectFieldIssue(await ctx.api.call('noticeEmail.confirm', { body: { token: link, registeredNumber: wrongNumber } }), 'registeredNumber:wrong_number');
      const done = await ctx.api.ok('noticeEmail.confirm', { body: { token: link, registeredNumber: number } });
      check(done.body.state === 'registered', `expected state registered, got ${done.body.state}`);
      expectError(await ctx.api.call('noticeEmail.confirm', { body: { token: link, registeredNumber: number } }), 'link_expired');
    },
  },
  {
    name: 'a link works one second before its lifetime ends and answers 410 one second after',
    async run(ctx) {
      ctx.needs('outbox');
      ctx.needs('clock');
      const registered = ctx.fixtures.active.reissueEmail;
      if (!registered) throw new CaseSkipped('needs active.reissueEmail in the fixtures');
      const ttl = ctx.policy.confirmationLinkTtlHours * 3_600_000;
      for (const [offset, works] of [[-1_000, true], [1_000, false]] as const) {
        const token = await ctx.login(active(ctx));
        const before = (await ctx.mails()).length;
        const body = { email: registered.email, emailConfirm: registered.email, questionId: registered.questionId, answer: registered.answer };
        await ctx.api.ok('reissueEmail.change', { token, body });
        const link = ctx.tokenOf(await ctx.mailOf('reissue-email-confirm', registered.email, before));
        await ctx.advanceClock(ttl + offset);
        const reply = await ctx.api.call('reissueEmail.confirm', { body: { token: link, questionId: registered.questionId, answer: registered.answer } });
        if (works) expectSuccess(reply);
        else expectError(reply, 'link_expired');
      }
    },
  },

  // ------------------------------------------------------------ cases that use up an account (last)
  {
    name: 'an account locks at the published threshold and then answers 423 alike to the right and a wrong password [locks the "lockable" account]',
    async run(ctx) {
      const { loginId, password } = ctx.fixture('lockable');
      const wrong = `${password}x`;
      for (let i = 1; i < ctx.policy.lockThreshold; i++) {
        const reply = expectError(await ctx.api.call('auth.login', { body: { loginId, password: wrong } }), 'invalid_credentials');
        const remaining = reply.body.error.details?.remainingAttempts;
        if (remaining !== undefined) check(remaining === ctx.policy.lockThreshold - i, `attempt ${i}: remainingAttempts ${remaining}, expected ${ctx.policy.lockThreshold - i}`);
      }
      const last = await ctx.api.call('auth.login', { body: { loginId, password: wrong } });
      check(last.status === 423 || last.status === 401, `the attempt at the threshold answered ${last.status}`);
      const right = expectError(await ctx.api.call('auth.login', { body: { loginId, password } }), 'account_locked');
      const again = expectError(await ctx.api.call('auth.login', { body: { loginId, password: wrong } }), 'account_locked');
      check(withoutRequestId(right) === withoutRequestId(again), 'a locked account answers the right and a wrong password differently');
    },
  },
  {
    name: 'a locked account answers 423 alike to the right and a wrong password',
    async run(ctx) {
      const { loginId, password } = ctx.fixture('locked');
      const right = expectError(await ctx.api.call('auth.login', { body: { loginId, password } }), 'account_locked');
      const wrong = expectError(await ctx.api.call('auth.login', { body: { loginId, password: `${password}x` } }), 'account_locked');
      check(withoutRequestId(right) === withoutRequestId(wrong), 'the answers differ');
    },
  },
  {
    name: 'a password reissue mails a temporary password that unlocks the account, forces a change, and ends the old password [unlocks "locked", then sets its password back]',
    async run(ctx) {
      ctx.needs('outbox');
      const locked = ctx.fixture('locked');
      const { email, questionId, answer } = locked.reissueEmail;
      const before = (await ctx.mails()).length;
      expectSuccess(await ctx.api.call('passwordReissue.request', { body: { loginId: locked.loginId, email, questionId, answer } }));
      const mail = await ctx.mailOf('password-reissued', email, before);
      const temporary = mail.temporaryPassword;
      check(temporary, 'the password-reissued mail carries no temporary password');
      expectError(await ctx.api.call('auth.login', { body: { loginId: locked.loginId, password: locked.password } }), 'invalid_credentials');
      const { body } = await ctx.api.ok('auth.login', { body: { loginId: locked.loginId, password: temporary } });
      check(body.stage === 'password-change-required', `expected stage password-change-required, got ${body.stage}`);
      expectError(await ctx.api.call('billing.history', { token: body.token }), 'credential_change_required');
      // Back to the fixture's password where the published policy allows it (else a reset restores it).
      const next = allPass(checkCredential('password', locked.password, ctx.policy, locked.loginId))
        ? locked.password
        : credentialOf(ctx.policy.password.minLength + 1, 'R7');
      const changed = await ctx.api.ok('credentials.changePassword', {
        token: body.token,
        body: { currentPassword: temporary, newPassword: next, newPasswordConfirm: next },
      });
      check(changed.body.stage === 'active', `expected stage active after the change, got ${changed.body.stage}`);
      await ctx.login({ loginId: locked.loginId, password: next });
    },
  },
  {
    name: 'credentials.setup at the bounds replaces the postcard credentials, which stop working [uses up "postcard"]',
    async run(ctx) {
      const postcard = ctx.fixture('postcard');
      const { body } = await ctx.api.ok('auth.initialLogin', { body: postcard });
      const newLoginId = credentialOf(ctx.policy.loginId.minLength, 'm4');
      const newPassword = credentialOf(ctx.policy.password.maxLength, 'W6');
      const request = await setupRequest(ctx, { newLoginId, newLoginIdConfirm: newLoginId, newPassword, newPasswordConfirm: newPassword });
      const done = await ctx.api.ok('credentials.setup', { token: body.token, body: request });
      check(done.body.stage === 'active', `expected stage active, got ${done.body.stage}`);
      await ctx.api.ok('billing.history', { token: body.token });
      expectError(await ctx.api.call('auth.initialLogin', { body: postcard }), 'invalid_credentials');
      await ctx.login({ loginId: newLoginId, password: newPassword });
    },
  },
];
