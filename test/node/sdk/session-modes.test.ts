// The SDK's three session modes against the reference backend: `cookie`
// (never a token, credentials included, the CSRF header), `tab`
// (sessionStorage, found again by a new client as after a reload), `memory`;
// `auto` from the published policy; the time left by the service's clock; and
// the other tabs told of a logout, an expiry or a password change.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { createClient, CSRF_HEADER, SESSION_COOKIE, type SessionChangeReason, type WebBillingClient } from '../../../src/index.js';
import { createBackend, DEMO_ACCOUNTS, type Backend } from '../../../mocks/index.js';

const taro = DEMO_ACCOUNTS.established;
const BASE = 'http://billing.test/api/v1';
const MINUTE = 60_000;

interface Sent {
  url: string;
  headers: Record<string, string>;
  credentials: RequestCredentials | undefined;
}

/** A browser's part: a cookie jar for the service's origin, and the Origin header on writes. */
function browser(backend: Backend) {
  const jar = new Map<string, string>();
  const sent: Sent[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = String(input);
    const headers = new Headers(init?.headers);
    sent.push({ url, headers: Object.fromEntries(headers), credentials: init?.credentials });
    if (init?.credentials === 'include' && jar.size > 0) headers.set('Cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    if (init?.method && init.method !== 'GET') headers.set('Origin', new URL(url).origin);
    const response = await backend.fetch(url, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, value] = [pair!.slice(0, pair!.indexOf('=')), pair!.slice(pair!.indexOf('=') + 1)];
      if (attributes.some((a) => /^\s*max-age=0\s*$/i.test(a))) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
  return { fetch, jar, sent };
}

/** `sessionStorage` for one tab. */
class TabStorage implements Storage {
  readonly #items = new Map<string, string>();
  get length() {
    return this.#items.size;
  }
  clear() {
    this.#items.clear();
  }
  getItem(key: string) {
    return this.#items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.#items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.#items.delete(key);
  }
  setItem(key: string, value: string) {
    this.#items.set(key, String(value));
  }
}

const login = (client: WebBillingClient) => client.auth.login({ loginId: taro.loginId, password: taro.password });

/** Collects what a client's listeners hear. */
function heard(client: WebBillingClient): SessionChangeReason[] {
  const reasons: SessionChangeReason[] = [];
  client.auth.subscribe((_, reason) => reasons.push(reason));
  return reasons;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('session mode: cookie', () => {
  it('never holds a token, includes credentials and sends the CSRF header; a new page finds the session again', async () => {
    const backend = createBackend({ now: '2026-11-20T10:00:00+09:00', sessionMode: 'cookie' });
    const { fetch, jar, sent } = browser(backend);
    const page1 = createClient({ baseUrl: BASE, fetch, session: 'cookie' });
    await login(page1);
    assert.ok(jar.has(SESSION_COOKIE), 'the browser holds the cookie');
    await page1.billing.history();
    for (const request of sent) {
      assert.equal(request.credentials, 'include', request.url);
      assert.equal(request.headers[CSRF_HEADER.toLowerCase()], '1', request.url);
      assert.equal(request.headers.authorization, undefined, `${request.url}: no bearer token`);
    }
    assert.ok(!JSON.stringify(page1.auth.current).includes(jar.get(SESSION_COOKIE)!), 'the SDK never shows the cookie');

    // Another page (or a reload): a new client, the same browser.
    const page2 = createClient({ baseUrl: BASE, fetch, session: 'cookie' });
    assert.equal(page2.auth.current, undefined);
    const restored = await page2.auth.restore();
    assert.equal(restored?.loginId, taro.loginId);
    assert.equal((page2.auth.current as { stage?: string } | undefined)?.stage, 'active');

    await page2.auth.logout();
    assert.ok(!jar.has(SESSION_COOKIE), 'logout clears the cookie');
    const page3 = createClient({ baseUrl: BASE, fetch, session: 'cookie' });
    assert.equal(await page3.auth.restore(), undefined);
  });

  it('ends the session when the service says it has ended, though there is no token to compare', async () => {
    const backend = createBackend({ now: '2026-11-20T10:00:00+09:00', sessionMode: 'cookie' });
    const { fetch } = browser(backend);
    let expired = 0;
    const client = createClient({ baseUrl: BASE, fetch, session: 'cookie', onSessionExpired: () => expired++ });
    await login(client);
    backend.clock.advance(31 * MINUTE);
    await assert.rejects(client.billing.history(), { code: 'session_expired' });
    assert.equal(client.auth.current, undefined);
    assert.equal(expired, 1);
  });

  it('a bearer-mode client against a cookie backend fails at login with a message that says what to do', async () => {
    const backend = createBackend({ sessionMode: 'cookie' });
    const client = createClient({ baseUrl: BASE, fetch: browser(backend).fetch });
    // Refused for want of the CSRF header…
    await assert.rejects(login(client), (error: Error & { code?: string }) => error.code === 'forbidden' && /session: "cookie" or "auto"/.test(error.message));
    // …and a backend that omits the token without asking for the header is caught at the answer.
    const lax = createClient({ baseUrl: BASE, fetch: (url, init) => browser(backend).fetch(url, { ...init, headers: { ...init?.headers, [CSRF_HEADER]: '1' } }) });
    await assert.rejects(login(lax), (error: Error & { code?: string }) => error.code === 'contract' && /session: "cookie" or "auto"/.test(error.message));
    assert.equal(client.auth.current, undefined);
    assert.equal(lax.auth.current, undefined);
  });
});

describe('session mode: tab', () => {
  let original: PropertyDescriptor | undefined;
  beforeEach(() => {
    original = Object.getOwnPropertyDescriptor(globalThis, 'sessionStorage');
    Object.defineProperty(globalThis, 'sessionStorage', { value: new TabStorage(), configurable: true, writable: true });
  });
  afterEach(() => {
    if (original) Object.defineProperty(globalThis, 'sessionStorage', original);
    else delete (globalThis as { sessionStorage?: Storage }).sessionStorage;
  });

  it('keeps the token in this tab: a reload finds the session, a closed tab does not', async () => {
    const backend = createBackend({ now: '2026-11-20T10:00:00+09:00', sessionMode: 'tab' });
    const before = createClient({ baseUrl: BASE, fetch: backend.fetch, session: 'tab' });
    await login(before);
    assert.equal(sessionStorage.length, 1);

    const reloaded = createClient({ baseUrl: BASE, fetch: backend.fetch, session: 'tab' });
    const reasons = heard(reloaded);
    assert.equal((await reloaded.auth.restore())?.loginId, taro.loginId);
    assert.deepEqual(reasons, ['restore']);
    assert.ok((await reloaded.billing.history()).months.length > 0, 'the kept token works');

    await reloaded.auth.logout();
    assert.equal(sessionStorage.length, 0, 'logout forgets it');
    Object.defineProperty(globalThis, 'sessionStorage', { value: new TabStorage(), configurable: true, writable: true });
    assert.equal(await createClient({ baseUrl: BASE, fetch: backend.fetch, session: 'tab' }).auth.restore(), undefined);
  });

  it('a kept session that ended meanwhile restores to nothing and says it expired', async () => {
    const backend = createBackend({ now: '2026-11-20T10:00:00+09:00', sessionMode: 'tab' });
    await login(createClient({ baseUrl: BASE, fetch: backend.fetch, session: 'tab' }));
    backend.clock.advance(31 * MINUTE);
    const reloaded = createClient({ baseUrl: BASE, fetch: backend.fetch, session: 'tab' });
    const reasons = heard(reloaded);
    assert.equal(await reloaded.auth.restore(), undefined);
    assert.deepEqual(reasons, ['expired']);
    assert.equal(sessionStorage.length, 0);
  });

  it('memory mode keeps nothing: a reload logs out', async () => {
    const backend = createBackend({ sessionMode: 'tab' });
    await login(createClient({ baseUrl: BASE, fetch: backend.fetch, session: 'memory' }));
    assert.equal(sessionStorage.length, 0);
    assert.equal(await createClient({ baseUrl: BASE, fetch: backend.fetch, session: 'memory' }).auth.restore(), undefined);
  });
});

describe('session mode: auto', () => {
  it('reads the mode from the published policy once, before the first other call', async () => {
    for (const mode of ['cookie', 'memory'] as const) {
      const backend = createBackend({ sessionMode: mode });
      const { fetch, sent } = browser(backend);
      const client = createClient({ baseUrl: BASE, fetch, session: 'auto' });
      await login(client);
      await client.billing.history();
      assert.equal(client.auth.mode, mode);
      await client.credentials.policy(); // already read: not asked again
      assert.deepEqual(
        sent.map((r) => new URL(r.url).pathname.replace('/api/v1', '')),
        ['/credentials/policy', '/auth/login', '/billing/history'],
        mode,
      );
    }
  });

  it('asks again after a failed policy read', async () => {
    const backend = createBackend({ sessionMode: 'cookie' });
    let fail = true;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      if (fail) {
        fail = false;
        throw new TypeError('offline');
      }
      return browser(backend).fetch(input, init);
    };
    const client = createClient({ baseUrl: BASE, fetch, session: 'auto', retry: 0 });
    await assert.rejects(client.auth.restore(), { code: 'network' });
    assert.equal(await client.auth.restore(), undefined);
    assert.equal(client.auth.mode, 'cookie');
  });

  it('refuses an unknown mode', () => {
    assert.throws(() => createClient({ baseUrl: BASE, session: 'localStorage' as 'tab' }), /session must be/);
  });
});

describe('time left, by the service clock', () => {
  it('counts down by the backend clock (its Date header), and every authenticated call starts it again', async () => {
    const backend = createBackend({ now: '2026-11-20T10:00:00+09:00' });
    const client = createClient({ baseUrl: BASE, fetch: backend.fetch });
    assert.equal(client.auth.timeLeft(), undefined);
    await login(client);
    const reasons = heard(client);
    assert.ok(Math.abs(client.auth.timeLeft()! - 30 * MINUTE) < 2_000, `${client.auth.timeLeft()} ≈ 30 min`);

    backend.clock.advance(29 * MINUTE);
    await client.credentials.policy(); // a public call: the service's time, which does not extend the session
    assert.ok(Math.abs(client.auth.timeLeft()! - MINUTE) < 2_000, `${client.auth.timeLeft()} ≈ 1 min`);
    assert.deepEqual(reasons, ['activity'], 'told that the time left changed');

    await client.billing.history();
    assert.ok(Math.abs(client.auth.timeLeft()! - 30 * MINUTE) < 2_000, 'started again');
    assert.deepEqual(reasons, ['activity', 'activity']);
    // By the Date header, which counts whole seconds.
    assert.ok(Math.abs(Date.parse(client.auth.current!.expiresAt) - (backend.clock.now().getTime() + 30 * MINUTE)) < 2_000);
  });
});

describe('other tabs', () => {
  const tabs = (backend: Backend) => {
    const { fetch } = browser(backend);
    return [createClient({ baseUrl: BASE, fetch, session: 'cookie' }), createClient({ baseUrl: BASE, fetch, session: 'cookie' })] as const;
  };

  it('a logout in one tab ends the session in the other at once', async () => {
    const backend = createBackend({ sessionMode: 'cookie' });
    const [a, b] = tabs(backend);
    await login(a);
    await b.auth.restore();
    const reasons = heard(b);
    await a.auth.logout();
    await settle();
    assert.equal(b.auth.current, undefined);
    assert.deepEqual(reasons, ['logout-elsewhere']);
  });

  it('an expiry and a password change in one tab end the other', async () => {
    const backend = createBackend({ now: '2026-11-20T10:00:00+09:00', sessionMode: 'cookie' });
    const [a, b] = tabs(backend);
    await login(a);
    await b.auth.restore();
    let reasons = heard(b);
    await a.credentials.changePassword({ currentPassword: taro.password, newPassword: 'Newpass2026x', newPasswordConfirm: 'Newpass2026x' });
    await settle();
    assert.deepEqual(reasons, ['password-changed-elsewhere']);
    assert.equal(a.auth.current?.stage, 'active', 'the tab that changed it stays logged in');

    await b.auth.restore();
    reasons = heard(b);
    backend.clock.advance(31 * MINUTE);
    await assert.rejects(a.billing.history(), { code: 'session_expired' });
    await settle();
    assert.deepEqual(reasons, ['expired-elsewhere']);
  });

  it('memory mode tells no one', async () => {
    const backend = createBackend({ sessionMode: 'memory' });
    const a = createClient({ baseUrl: BASE, fetch: backend.fetch });
    const b = createClient({ baseUrl: BASE, fetch: backend.fetch });
    await login(a);
    await login(b);
    const reasons = heard(b);
    await a.auth.logout();
    await settle();
    assert.deepEqual(reasons, []);
  });

  it('a logout of another account in another tab leaves this one alone', async () => {
    const backend = createBackend({ sessionMode: 'tab' });
    const a = createClient({ baseUrl: BASE, fetch: backend.fetch, session: 'tab' });
    const b = createClient({ baseUrl: BASE, fetch: backend.fetch, session: 'tab' });
    await login(a);
    await b.auth.login({ loginId: DEMO_ACCOUNTS.corporate.loginId, password: DEMO_ACCOUNTS.corporate.password });
    const reasons = heard(b);
    await a.auth.logout();
    await settle();
    assert.deepEqual(reasons, []);
    assert.equal(b.auth.current?.loginId, DEMO_ACCOUNTS.corporate.loginId);
  });
});
