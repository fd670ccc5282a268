/**
 * Public endpoints, the error format, and the session every other endpoint needs.
 *
 * @module
 */
import { ENDPOINTS } from '../../src/contract/endpoints.js';
import { CaseFailure, check, expectError, fieldCodes } from '../http.js';
import { active, credentialOf, randomAlnum, SAMPLE, SESSION_ENDPOINTS, unknownLoginId, type ConformanceCase } from './shared.js';

/** The case that floods logins to see the documented 429; it fails against a backend without per-client throttling. */
export const THROTTLING_CASE = 'a flood of failed logins is throttled: 429 rate_limited with Retry-After';

export const BASIC_CASES: ConformanceCase[] = [
  {
    name: 'credentials.policy answers 200 with a policy whose bounds make sense',
    ref: 'guide: credential policy; ASVS 5.0 V6.2.1',
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
    ref: 'guide: reissue email',
    async run(ctx) {
      const { body } = await ctx.api.ok('reissueEmail.questions');
      check(body.questions.length > 0, 'no secret questions');
    },
  },
  {
    name: THROTTLING_CASE,
    ref: 'ASVS 5.0 V2.4.1, V6.3.1',
    async run(ctx) {
      // Straight to fetch: Api.raw waits out a 429, which is what this case looks for.
      const url = `${ctx.api.baseUrl}${ENDPOINTS['auth.login'].path}`;
      for (let i = 0; i < 60; i++) {
        const response = await ctx.api.fetch(url, {
          method: 'POST',
          headers: { ...ctx.api.baseHeaders('POST'), 'Content-Type': 'application/json' },
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
      throw new CaseFailure('no 429 rate_limited after 60 failed logins in a row from one client: logins are not throttled per client (the lock only protects one account at a time)');
    },
  },
  {
    name: 'an unknown path answers 404 not_found in the error format',
    ref: 'ASVS 5.0 V16.5.1',
    async run(ctx) {
      const reply = await ctx.api.raw('GET', '/no-such-route');
      expectError(reply, 'not_found');
    },
  },
  {
    name: 'auth.login answers 400 validation_failed naming each empty field (required)',
    ref: 'ASVS 5.0 V2.2.1',
    async run(ctx) {
      const reply = expectError(await ctx.api.call('auth.login', { body: { loginId: '', password: '' } }), 'validation_failed');
      check(
        fieldCodes(reply).join() === 'loginId:required,password:required',
        `expected [loginId:required, password:required], got [${fieldCodes(reply).join(', ')}]`,
      );
    },
  },
  {
    name: 'every endpoint that needs a session answers 401 session_expired without a token',
    ref: 'ASVS 5.0 V8.2.1, V7.2.1',
    async run(ctx) {
      for (const id of SESSION_ENDPOINTS) expectError(await ctx.api.call(id, { ...SAMPLE[id] }), 'session_expired');
    },
  },
  {
    name: 'the session token counts only where the backend holds it (the Authorization header, or the session cookie): in a query parameter it answers 401 session_expired',
    ref: 'ASVS 5.0 V14.2.1',
    async run(ctx) {
      const token = await ctx.login(active(ctx));
      for (const param of ['access_token', 'token', 'session']) {
        for (const id of ['auth.session', 'billing.history'] as const) {
          const reply = await ctx.api.call(id, { query: { [param]: token } });
          check(reply.status !== 200, `${id} answered 200 to the token in the query parameter ${param}`);
          expectError(reply, 'session_expired');
        }
      }
    },
  },
  {
    name: 'every endpoint that needs a session answers 401 session_expired to an unknown token',
    ref: 'ASVS 5.0 V7.2.1',
    async run(ctx) {
      const token = randomAlnum(43);
      for (const id of SESSION_ENDPOINTS) expectError(await ctx.api.call(id, { ...SAMPLE[id], token }), 'session_expired');
    },
  },
];
