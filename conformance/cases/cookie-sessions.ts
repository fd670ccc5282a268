/**
 * Cookie sessions (`sessionMode: 'cookie'` in the published policy): the
 * session cookie's attributes, the cookie as the only credential, its
 * rotation at every credential change, its clearing at logout, and the
 * defence against cross-site request forgery (the CSRF header and the
 * `Origin` on every write). Each case is skipped, saying why, against a
 * backend that holds sessions as bearer tokens.
 *
 * @module
 */
import type { EndpointId } from '../../src/contract/endpoints.js';
import { allPass, checkCredential, CSRF_HEADER, SESSION_COOKIE } from '../../src/contract/rules.js';
import type { CaseContext } from '../context.js';
import { CaseSkipped, check, clears, describeReply, expectError, expectSuccess, setCookiesOf, type Reply, type SetCookie } from '../http.js';
import { active, credentialOf, freshEmail, registrationOf, setupRequest, type ConformanceCase } from './shared.js';

const FOREIGN_ORIGIN = 'https://evil.example';

/** What a form on another site sends along with the victim's cookie: no CSRF header, its own Origin, `Sec-Fetch-Site: cross-site`. */
const CROSS_SITE_FORM = { [CSRF_HEADER]: null, Origin: FOREIGN_ORIGIN, 'Sec-Fetch-Site': 'cross-site' };

/** What is wrong with a session cookie's attributes (a `__Host-` cookie a browser keeps, out of reach of scripts and other sites). */
function attributeIssues(cookie: SetCookie): string[] {
  const issues: string[] = [];
  if (!cookie.attributes.has('secure')) issues.push('no Secure (a __Host- cookie without it is dropped, and it would travel over plain HTTP)');
  if (cookie.attributes.get('path') !== '/') issues.push(`Path=${cookie.attributes.get('path') ?? '(absent)'} (a __Host- cookie needs Path=/)`);
  if (cookie.attributes.has('domain')) issues.push('a Domain attribute (a __Host- cookie may have none)');
  return issues;
}

/** The session cookie an answer sets, checked: one `Set-Cookie` with a value, HttpOnly, Secure, SameSite=Lax or Strict, Path=/, no Domain. */
function sessionCookie(reply: Reply): SetCookie {
  const set = setCookiesOf(reply).filter((c) => c.value !== '' && !clears(c));
  check(set.length === 1, `${reply.id}: expected one Set-Cookie of ${SESSION_COOKIE} with a value, got ${set.length} (${describeReply(reply)})`);
  const cookie = set[0]!;
  const issues = attributeIssues(cookie);
  if (!cookie.attributes.has('httponly')) issues.push('no HttpOnly (any script on the page can read the session)');
  const sameSite = cookie.attributes.get('samesite')?.toLowerCase();
  if (sameSite !== 'lax' && sameSite !== 'strict') issues.push(`SameSite=${sameSite ?? '(absent)'} (expected Lax or Strict: other sites' requests must not carry it)`);
  check(issues.length === 0, `${reply.id}: the session cookie has ${issues.join('; ')}`);
  return cookie;
}

/** Fails unless `session` has ended: `auth.session` and `billing.history` answer 401 session_expired to it. */
async function expectEnded(ctx: CaseContext, session: string, what: string): Promise<void> {
  for (const id of ['auth.session', 'billing.history'] as const) {
    const reply = await ctx.api.call(id, { token: session });
    check(reply.status !== 200, `${id} still answers 200 to ${what}`);
    expectError(reply, 'session_expired');
  }
}

/** The new session a credential change handed out, checked: a cookie with the right attributes and another value; the old one has ended. */
async function expectRotated(ctx: CaseContext, reply: Reply, old: string): Promise<string> {
  expectSuccess(reply);
  check(setCookiesOf(reply).some((c) => c.value !== '' && !clears(c)), `${reply.id}: no new session cookie: the session was not rotated`);
  const rotated = sessionCookie(reply).value;
  check(rotated !== old, `${reply.id}: the "new" session cookie has the old value`);
  await expectEnded(ctx, old, `the cookie from before ${reply.id}`);
  await ctx.api.ok('auth.session', { token: rotated });
  return rotated;
}

/** The notice-email registration as it stands, by a read with the session. */
async function noticeRegistration(ctx: CaseContext, session: string): Promise<string> {
  return registrationOf((await ctx.api.ok('noticeEmail.status', { token: session })).body);
}

/** A logged-in "active" account that forged requests aim at, and what they would change. */
interface Victim {
  loginId: string;
  password: string;
  session: string;
  /** The notice-email registration before ({@link noticeRegistration}). */
  before: string;
  /** A notice-email write that would start a registration of a fresh address: a change where one is registered, else a register. */
  notice: { id: EndpointId; body: { type: string; email: string } };
}

async function victim(ctx: CaseContext, tag: string): Promise<Victim> {
  ctx.needsCookieSessions();
  const { loginId, password } = active(ctx);
  const session = await ctx.login({ loginId, password });
  const status = (await ctx.api.ok('noticeEmail.status', { token: session })).body;
  const notice = { id: status.state === 'registered' ? 'noticeEmail.change' : 'noticeEmail.register', body: { type: status.type || 'mobile', email: freshEmail(tag) } } as const;
  return { loginId, password, session, before: registrationOf(status), notice };
}

/** Fails unless the forged requests left the victim's session alive and the registration as it was. */
async function expectUnchanged(ctx: CaseContext, v: Victim, by: string): Promise<void> {
  await ctx.api.ok('auth.session', { token: v.session });
  check((await noticeRegistration(ctx, v.session)) === v.before, `${by} changed the notice-email registration`);
}

export const COOKIE_SESSION_CASES: ConformanceCase[] = [
  {
    name: `cookie sessions: auth.login and auth.initialLogin set the ${SESSION_COOKIE} cookie with HttpOnly, Secure, SameSite=Lax or Strict, Path=/ and no Domain, and the answer holds no token`,
    ref: 'ASVS 5.0 V3.3.1, V3.3.4',
    async run(ctx) {
      ctx.needsCookieSessions();
      const logins: Array<[EndpointId, object]> = [['auth.login', active(ctx)]];
      if (ctx.fixtures.postcard) logins.push(['auth.initialLogin', ctx.fixtures.postcard]);
      for (const [id, body] of logins) {
        const reply = await ctx.api.ok(id, { body });
        check(!('token' in reply.body), `${id}: the answer holds a token besides the cookie, which any script on the page can read`);
        sessionCookie(reply);
      }
    },
  },
  {
    name: 'cookie sessions: the cookie is the only credential: reads work with it, and its value sent as a bearer token answers 401 session_expired',
    ref: 'ASVS 5.0 V3.3.4, V7.2.1',
    async run(ctx) {
      ctx.needsCookieSessions();
      const session = await ctx.login(active(ctx));
      const bearer = { Authorization: `Bearer ${session}` };
      for (const id of ['auth.session', 'billing.history'] as const) {
        await ctx.api.ok(id, { token: session });
        const reply = await ctx.api.call(id, { headers: bearer });
        check(reply.status !== 200, `${id} answered 200 to the cookie's value as a bearer token: a token a script can hold works as well as the HttpOnly cookie`);
        expectError(reply, 'session_expired');
      }
      expectError(await ctx.api.call('auth.logout', { headers: bearer }), 'session_expired');
      await ctx.api.ok('auth.session', { token: session });
    },
  },
  {
    name: 'cookie sessions: the password change rotates the cookie: a new value with the same attributes, and the old one answers 401 session_expired',
    ref: 'ASVS 5.0 V3.3.2, V7.2.4',
    async run(ctx) {
      ctx.needsCookieSessions();
      const { loginId, password } = active(ctx);
      const restorable = allPass(checkCredential('password', password, ctx.policy, loginId));
      if (!restorable && !ctx.dev.reset) throw new CaseSkipped('the fixture password breaks the published policy and could not be set back (needs POST /_dev/reset)');
      const next = credentialOf(ctx.policy.password.minLength + 2, 'C4');
      let session = await ctx.login({ loginId, password });
      const change = (currentPassword: string, newPassword: string) =>
        ctx.api.call('credentials.changePassword', { token: session, body: { currentPassword, newPassword, newPasswordConfirm: newPassword } });
      session = await expectRotated(ctx, await change(password, next), session);
      if (restorable) await expectRotated(ctx, await change(next, password), session);
    },
  },
  {
    name: 'cookie sessions: the first change rotates the cookie of the postcard session: a new value with the same attributes, and the old one answers 401 session_expired [uses up "postcard"]',
    ref: 'ASVS 5.0 V3.3.2, V7.2.4',
    async run(ctx) {
      ctx.needsCookieSessions();
      ctx.needs('reset'); // the postcard is single use
      const postcard = ctx.fixture('postcard');
      const session = ctx.sessionOf(await ctx.api.ok('auth.initialLogin', { body: postcard }));
      const rotated = await expectRotated(ctx, await ctx.api.call('credentials.setup', { token: session, body: await setupRequest(ctx, {}) }), session);
      await ctx.api.ok('billing.history', { token: rotated });
    },
  },
  {
    name: 'cookie sessions: auth.logout clears the cookie (Max-Age=0 or an Expires in the past, with Secure and Path=/) and its value answers 401 session_expired',
    ref: 'ASVS 5.0 V7.4.1, V3.3.1',
    async run(ctx) {
      ctx.needsCookieSessions();
      const session = await ctx.login(active(ctx));
      const reply = await ctx.api.ok('auth.logout', { token: session });
      const cleared = setCookiesOf(reply).filter((c) => clears(c));
      check(cleared.length > 0, `auth.logout: no Set-Cookie that clears ${SESSION_COOKIE} (Max-Age=0 or an Expires in the past): the browser keeps sending the cookie`);
      // A browser drops a __Host- Set-Cookie without Secure or Path=/, so such a clearing line clears nothing.
      const issues = attributeIssues(cleared[0]!);
      check(issues.length === 0, `auth.logout: the clearing cookie has ${issues.join('; ')}, so the browser ignores it`);
      await expectEnded(ctx, session, 'the cookie after a logout');
      expectError(await ctx.api.call('auth.logout', { token: session }), 'session_expired');
    },
  },
  {
    name: "cookie sessions: a cross-site form post with the victim's cookie (text/plain or a form, a foreign Origin, Sec-Fetch-Site: cross-site, no CSRF header) is refused and changes nothing",
    ref: 'ASVS 5.0 V3.5.1, V3.5.3',
    async run(ctx) {
      const v = await victim(ctx, 'csrf');
      const { loginId, password, session } = v;
      const next = credentialOf(ctx.policy.password.minLength + 2, 'F6');
      // Only POST: what a form can send. Its body is the JSON the operation takes, as a text/plain form can carry it.
      const forged: Array<[EndpointId, string, string]> = [
        ['noticeEmail.register', JSON.stringify(v.notice.body), 'text/plain'],
        ['credentials.changePassword', JSON.stringify({ currentPassword: password, newPassword: next, newPasswordConfirm: next }), 'text/plain'],
        ['auth.logout', '', 'application/x-www-form-urlencoded'],
      ];
      for (const [id, rawBody, contentType] of forged) {
        const reply = await ctx.api.call(id, { token: session, rawBody, contentType, headers: CROSS_SITE_FORM });
        check(reply.status < 200 || reply.status >= 300, `${id} from another site's form was accepted: ${describeReply(reply)}`);
      }
      // Nothing happened: the session lives, the registration and the password are as they were.
      await expectUnchanged(ctx, v, 'a cross-site form');
      expectError(await ctx.api.call('auth.login', { body: { loginId, password: next } }), 'invalid_credentials');
      await ctx.login({ loginId, password });
    },
  },
  {
    name: 'cookie sessions: a write without the X-Web-Billing-CSRF header answers 403 forbidden even with the session and the own Origin, and a wrong-password login without it does not count toward the lock',
    ref: 'ASVS 5.0 V3.5.1, V6.3.1',
    async run(ctx) {
      const v = await victim(ctx, 'nocsrf');
      const { loginId, password, session, notice } = v;
      const noCsrf = { [CSRF_HEADER]: null };
      expectError(await ctx.api.call(notice.id, { token: session, body: notice.body, headers: noCsrf }), 'forbidden');
      expectError(await ctx.api.call('auth.logout', { token: session, headers: noCsrf }), 'forbidden');
      await expectUnchanged(ctx, v, 'a write without the CSRF header');
      // Refused before any check, so none counts: a counting backend would answer fewer attempts left (it stays under the lock).
      const threshold = ctx.policy.lockThreshold;
      for (let i = 0; i < Math.max(1, threshold - 2); i++) {
        expectError(await ctx.api.call('auth.login', { body: { loginId, password: `${password}-${i}` }, headers: noCsrf }), 'forbidden');
      }
      const counted = expectError(await ctx.api.call('auth.login', { body: { loginId, password: `${password}-counted` } }), 'invalid_credentials');
      const remaining = counted.body.error.details?.remainingAttempts;
      if (remaining !== undefined) check(remaining === threshold - 1, `remainingAttempts ${remaining} after logins refused for want of the CSRF header and one wrong one, expected ${threshold - 1}: the refused ones counted`);
      await ctx.login({ loginId, password }); // a success clears the count
    },
  },
  {
    name: 'cookie sessions: a write with the CSRF header but a foreign or null Origin, or marked Sec-Fetch-Site: cross-site, answers 403 forbidden and changes nothing',
    ref: 'ASVS 5.0 V3.5.1, V3.5.3',
    async run(ctx) {
      const v = await victim(ctx, 'origin');
      const { session, notice } = v;
      const foreign: Array<Record<string, string>> = [{ Origin: FOREIGN_ORIGIN }, { Origin: 'null' }, { 'Sec-Fetch-Site': 'cross-site' }];
      for (const headers of foreign) {
        const what = Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join();
        const write = await ctx.api.call(notice.id, { token: session, body: notice.body, headers });
        check(write.status !== 202, `${notice.id} with ${what} was accepted`);
        expectError(write, 'forbidden');
        expectError(await ctx.api.call('auth.logout', { token: session, headers }), 'forbidden');
      }
      await expectUnchanged(ctx, v, 'a write from a foreign Origin');
    },
  },
];
