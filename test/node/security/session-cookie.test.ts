// The reference backend's cookie session mode: an HttpOnly __Host- cookie set
// at login, rotated at every credential change, cleared at logout and when
// the session has ended; every write refused without the CSRF header or from
// another site (before it can count toward a lock). Over MSW in-process and
// over real HTTP (where Set-Cookie must survive the node:http bridge).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CSRF_HEADER, SESSION_COOKIE } from '../../../src/contract/rules.js';
import { DEMO_ACCOUNTS, type Backend } from '../../../mocks/index.js';
import { startHttpBackend, type HttpBackend } from '../../../mocks/http-server.js';
import { assertError, freshBackend, ORIGIN, requestFor, send, type AnyEndpointId, type CallOptions, type Reply } from '../mocks/helpers.js';

const taro = DEMO_ACCOUNTS.established;
const postcard = DEMO_ACCOUNTS.postcard;

interface CookieCall extends CallOptions {
  /** The session cookie's value to send. */
  cookie?: string;
  /** Leave out the CSRF header. */
  noCsrf?: boolean;
  headers?: Record<string, string>;
}

/** Calls the backend as a page of its own origin would: the cookie, the CSRF header, a same-origin `Origin` on writes. */
function call(b: Backend, id: AnyEndpointId, options: CookieCall = {}): Promise<Reply> {
  const base = requestFor(b, id, options);
  const headers = new Headers(base.headers);
  if (!options.noCsrf) headers.set(CSRF_HEADER, '1');
  if (options.cookie) headers.set('Cookie', `other=1; ${SESSION_COOKIE}=${options.cookie}`);
  if (base.method !== 'GET') headers.set('Origin', ORIGIN);
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  return send(b, new Request(base, { headers }));
}

/** The session cookie a reply sets: its value and attributes (lower-cased names). */
function setCookie(reply: Reply): { value: string; attributes: Map<string, string> } | undefined {
  const line = reply.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!line) return undefined;
  const [pair, ...attributes] = line.split(';').map((p) => p.trim());
  return {
    value: pair!.slice(SESSION_COOKIE.length + 1),
    attributes: new Map(attributes.map((a) => [a.split('=')[0]!.toLowerCase(), a.split('=')[1] ?? ''])),
  };
}

async function loginTaro(b: Backend): Promise<string> {
  const reply = await call(b, 'auth.login', { body: { loginId: taro.loginId, password: taro.password } });
  assert.equal(reply.status, 200);
  const cookie = setCookie(reply);
  assert.ok(cookie, 'the login sets the session cookie');
  return cookie.value;
}

const cookieBackend = () => freshBackend({ sessionMode: 'cookie' });

describe('cookie sessions: the cookie', () => {
  it('is published in the policy', async () => {
    const reply = await call(cookieBackend(), 'credentials.policy');
    assert.equal(reply.body.sessionMode, 'cookie');
    assert.equal(reply.body.sessionIdleMinutes, 30);
  });

  it('is set at login as __Host-, HttpOnly, Secure, SameSite=Lax, Path=/, without Domain; the answer holds no token', async () => {
    const b = cookieBackend();
    for (const [id, body] of [
      ['auth.login', { loginId: taro.loginId, password: taro.password }],
      ['auth.initialLogin', { initialLoginId: postcard.loginId, initialPassword: postcard.password }],
    ] as const) {
      const reply = await call(b, id, { body });
      assert.equal(reply.status, 200, id);
      assert.equal(reply.body.token, undefined, `${id}: no token in the answer`);
      const cookie = setCookie(reply);
      assert.ok(cookie && cookie.value.length >= 32, `${id}: a session cookie`);
      assert.ok(cookie.attributes.has('httponly'), 'HttpOnly');
      assert.ok(cookie.attributes.has('secure'), 'Secure');
      assert.equal(cookie.attributes.get('samesite')?.toLowerCase(), 'lax');
      assert.equal(cookie.attributes.get('path'), '/');
      assert.ok(!cookie.attributes.has('domain'), 'no Domain (a __Host- cookie may not have one)');
    }
  });

  it('is the only credential: reads work with it, a bearer token of the same value does not', async () => {
    const b = cookieBackend();
    const cookie = await loginTaro(b);
    assert.equal((await call(b, 'billing.history', { cookie })).status, 200);
    assertError(await call(b, 'billing.history', { token: cookie }), 'session_expired');
  });

  it('is rotated at the password change and at the first change: the old cookie stops working', async () => {
    const b = cookieBackend();
    const old = await loginTaro(b);
    const change = await call(b, 'credentials.changePassword', {
      cookie: old,
      body: { currentPassword: taro.password, newPassword: 'Newpass2026x', newPasswordConfirm: 'Newpass2026x' },
    });
    assert.equal(change.status, 200);
    const rotated = setCookie(change);
    assert.ok(rotated && rotated.value !== old, 'a new cookie');
    assert.ok(rotated.attributes.has('httponly'));
    assertError(await call(b, 'billing.history', { cookie: old }), 'session_expired');
    assert.equal((await call(b, 'billing.history', { cookie: rotated.value })).status, 200);

    const first = await call(b, 'auth.initialLogin', { body: { initialLoginId: postcard.loginId, initialPassword: postcard.password } });
    const postcardCookie = setCookie(first)!.value;
    const setup = await call(b, 'credentials.setup', {
      cookie: postcardCookie,
      body: {
        initialLoginId: postcard.loginId,
        initialPassword: postcard.password,
        newLoginId: 'hanako01',
        newLoginIdConfirm: 'hanako01',
        newPassword: 'Hanako2026pw',
        newPasswordConfirm: 'Hanako2026pw',
      },
    });
    assert.equal(setup.status, 200);
    const after = setCookie(setup);
    assert.ok(after && after.value !== postcardCookie);
    assertError(await call(b, 'account.get', { cookie: postcardCookie }), 'session_expired');
    assert.equal((await call(b, 'account.get', { cookie: after.value })).status, 200);
  });

  it('is cleared at logout (Max-Age=0), and the old value no longer works', async () => {
    const b = cookieBackend();
    const cookie = await loginTaro(b);
    const logout = await call(b, 'auth.logout', { cookie });
    assert.equal(logout.status, 204);
    const cleared = setCookie(logout);
    assert.ok(cleared, 'logout sets the cookie');
    assert.equal(cleared.value, '');
    assert.equal(cleared.attributes.get('max-age'), '0');
    const again = await call(b, 'billing.history', { cookie });
    assertError(again, 'session_expired');
    assert.equal(setCookie(again)?.attributes.get('max-age'), '0', 'a dead cookie is cleared when it is sent');
  });
});

describe('cookie sessions: cross-site request forgery', () => {
  it('refuses every write without the CSRF header with 403 forbidden, before it counts toward a lock', async () => {
    const b = cookieBackend();
    const cookie = await loginTaro(b);
    const writes: Array<[AnyEndpointId, CallOptions]> = [
      ['auth.login', { body: { loginId: taro.loginId, password: 'wrong-password1' } }],
      ['credentials.changePassword', { body: { currentPassword: taro.password, newPassword: 'Evil2026pass', newPasswordConfirm: 'Evil2026pass' } }],
      ['noticeEmail.register', { body: { type: 'mobile', email: 'evil@example.com' } }],
      ['auth.logout', {}],
    ];
    for (const [id, options] of writes) assertError(await call(b, id, { ...options, cookie, noCsrf: true }), 'forbidden');
    // Nothing happened: the session lives, the password is unchanged, no failed login was counted.
    assert.equal((await call(b, 'billing.history', { cookie })).status, 200);
    const wrong = await call(b, 'auth.login', { body: { loginId: taro.loginId, password: 'wrong-password1' } });
    assertError(wrong, 'invalid_credentials');
    assert.equal(wrong.body.error.details.remainingAttempts, b.policy.lockThreshold - 1);
  });

  it('refuses a cross-site form post (text/plain, foreign Origin, no header) and a write from another origin even with the header', async () => {
    const b = cookieBackend();
    const cookie = await loginTaro(b);
    const before = (await call(b, 'noticeEmail.status', { cookie })).body;
    const form = new Request(`${ORIGIN}${b.basePath}/notice-email`, {
      method: 'PUT',
      headers: { 'Content-Type': 'text/plain', Cookie: `${SESSION_COOKIE}=${cookie}`, Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
      body: '{"type":"mobile","email":"evil@example.com"}',
    });
    assertError(await send(b, form), 'forbidden');
    const body = { type: 'mobile', email: 'evil@example.com' };
    assertError(await call(b, 'noticeEmail.register', { cookie, body, headers: { Origin: 'https://evil.example' } }), 'forbidden');
    assertError(await call(b, 'noticeEmail.register', { cookie, body, headers: { 'Sec-Fetch-Site': 'cross-site' } }), 'forbidden');
    assert.deepEqual((await call(b, 'noticeEmail.status', { cookie })).body, before, 'the registration is untouched');
  });

  it('does not ask for the header in the bearer modes, where no browser adds the session by itself', async () => {
    const b = freshBackend({ sessionMode: 'tab' });
    const reply = await call(b, 'auth.login', { body: { loginId: taro.loginId, password: taro.password }, noCsrf: true });
    assert.equal(reply.status, 200);
    assert.ok(typeof reply.body.token === 'string', 'the bearer token is in the answer');
    assert.equal(setCookie(reply), undefined, 'and no cookie is set');
  });
});

describe('cookie sessions over HTTP', () => {
  let http: HttpBackend;
  before(async () => {
    http = await startHttpBackend({ port: 0, backend: cookieBackend() });
  });
  after(() => http.close());

  it('sends Set-Cookie through node:http, and the backend clock as Date', async () => {
    const origin = new URL(http.url).origin;
    const response = await fetch(`${http.url}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [CSRF_HEADER]: '1', Origin: origin },
      body: JSON.stringify({ loginId: taro.loginId, password: taro.password }),
    });
    assert.equal(response.status, 200);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    assert.match(cookie ?? '', /HttpOnly/);
    assert.equal(new Date(response.headers.get('date')!).toISOString(), new Date('2026-11-20T01:00:00.000Z').toISOString());
    const session = await fetch(`${http.url}/auth/session`, { headers: { Cookie: cookie!.split(';')[0]! } });
    assert.equal(session.status, 200);
  });
});
