// The session token lives in the client's memory only and ends cleanly.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { SessionExpiredError, createClient, type SessionInfo } from '../../../src/index.js';

const BASE = 'http://billing.test/api/v1';
const TOKEN = 'T'.repeat(43);
const server = setupServer();
const seen: Array<{ url: string; auth: string | null }> = [];

const loginOk = () =>
  http.post(`${BASE}/auth/login`, () =>
    HttpResponse.json({ token: TOKEN, expiresAt: '2026-11-25T10:00:00+09:00', stage: 'active', loginId: 'taro2024' }),
  );
const expired = () =>
  http.get(`${BASE}/:resource*`, ({ request }) => {
    seen.push({ url: request.url, auth: request.headers.get('authorization') });
    return HttpResponse.json({ error: { code: 'session_expired', message: 'ended' }, requestId: 'r' }, { status: 401 });
  });

before(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  server.resetHandlers();
  seen.length = 0;
});
after(() => server.close());

describe('session', () => {
  it('sends the token as a bearer header, never in the URL, and never exposes it', async () => {
    server.use(loginOk(), expired());
    const client = createClient({ baseUrl: BASE, retry: 0 });
    const info = await client.auth.login({ loginId: 'taro2024', password: 'Sakura2024!' });
    assert.deepEqual(Object.keys(info).sort(), ['expiresAt', 'loginId', 'stage']);
    assert.ok(!JSON.stringify(info).includes(TOKEN));
    assert.ok(!JSON.stringify(client.auth.current).includes(TOKEN));
    await client.billing.history().catch(() => undefined);
    assert.equal(seen[0]?.auth, `Bearer ${TOKEN}`);
    assert.ok(!seen[0]?.url.includes(TOKEN));
  });

  it('fires onSessionExpired once and forgets the token when the service ends the session', async () => {
    server.use(loginOk(), expired());
    let fired = 0;
    const changes: Array<[SessionInfo | undefined, string]> = [];
    const client = createClient({ baseUrl: BASE, retry: 0, onSessionExpired: () => fired++ });
    client.auth.subscribe((session, reason) => changes.push([session, reason]));
    await client.auth.login({ loginId: 'taro2024', password: 'Sakura2024!' });
    const results = await Promise.allSettled([client.billing.history(), client.account.get(), client.billing.history()]);
    for (const r of results) assert.ok(r.status === 'rejected' && r.reason instanceof SessionExpiredError);
    assert.equal(fired, 1);
    assert.equal(client.auth.current, undefined);
    assert.deepEqual(changes.map(([, reason]) => reason), ['login', 'expired']);
    for (const r of results) {
      assert.ok(r.status === 'rejected' && !String(r.reason.message).includes(TOKEN) && !String(r.reason.stack).includes(TOKEN));
    }
    // The next call goes out without a token.
    await client.billing.history().catch(() => undefined);
    assert.equal(seen.at(-1)?.auth, null);
    assert.equal(fired, 1);
  });

  it('forgets the token on logout even if the service had already ended the session', async () => {
    server.use(
      loginOk(),
      http.post(`${BASE}/auth/logout`, () =>
        HttpResponse.json({ error: { code: 'session_expired', message: 'ended' }, requestId: 'r' }, { status: 401 }),
      ),
    );
    const client = createClient({ baseUrl: BASE, retry: 0 });
    await client.auth.login({ loginId: 'taro2024', password: 'Sakura2024!' });
    await client.auth.logout();
    assert.equal(client.auth.current, undefined);
  });

  it('refuses to be created without a base URL, saying how', () => {
    assert.throws(() => createClient({} as never), /baseUrl/);
  });
});
