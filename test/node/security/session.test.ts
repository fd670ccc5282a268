// The session token through a whole journey of the SDK against the reference
// backend (Node side; the browser side is test/browser/sdk-worker.test.ts):
// it is only ever sent as a bearer header, never in a URL, an event or an
// error; a 401 mid-flow fires onSessionExpired exactly once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBackend, DEMO_ACCOUNTS } from '../../../mocks/index.js';
import { createClient, SessionExpiredError, type SessionInfo } from '../../../src/index.js';

const BASE = 'http://billing.test/api/v1';
const { established } = DEMO_ACCOUNTS;

function recordingClient(onSessionExpired?: () => void) {
  const backend = createBackend({ now: '2026-11-20T10:00:00+09:00', onInternalError: () => {} });
  const requests: Array<{ url: string; authorization: string | null; body: string }> = [];
  const tokens: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    requests.push({ url: request.url, authorization: request.headers.get('authorization'), body: await request.clone().text() });
    const response = await backend.fetch(request);
    const text = await response.clone().text();
    const token = /"token":"([^"]+)"/.exec(text)?.[1];
    if (token) tokens.push(token);
    return response;
  };
  const client = createClient({ baseUrl: BASE, retry: 0, fetch, ...(onSessionExpired ? { onSessionExpired } : {}) });
  return { backend, client, requests, tokens };
}

describe('session token', () => {
  it('travels only in the Authorization header and never shows in a URL, a body sent, an event or an error', async () => {
    const { client, requests, tokens } = recordingClient();
    const events: Array<[SessionInfo | undefined, string]> = [];
    client.auth.subscribe((session, reason) => events.push([session, reason]));
    const errors: unknown[] = [];
    const keep = (e: unknown) => {
      errors.push(e);
    };

    await client.auth.login({ loginId: established.loginId, password: established.password });
    await client.billing.history();
    await client.billing.breakdown('2026-11');
    await client.billing.breakdown('1999-01').catch(keep);
    await client.credentials.changePassword({ currentPassword: 'nope-nope1', newPassword: 'Sakura2025!', newPasswordConfirm: 'Sakura2025!' }).catch(keep);
    await client.reissueEmail.status();
    await client.auth.logout();
    await client.billing.history().catch(keep);

    assert.equal(tokens.length, 1);
    const token = tokens[0]!;
    assert.ok(requests.filter((r) => r.authorization === `Bearer ${token}`).length >= 5);
    for (const r of requests) {
      assert.ok(!r.url.includes(token), `token in ${r.url}`);
      assert.ok(!r.body.includes(token), 'token in a request body');
    }
    assert.ok(!JSON.stringify(events).includes(token), 'token in a session event');
    assert.equal(errors.length, 3);
    for (const e of errors) {
      const error = e as Error & { cause?: unknown };
      assert.ok(!`${error.message}\n${error.stack}\n${JSON.stringify(error)}`.includes(token), 'token in an error');
    }
    assert.ok(!JSON.stringify(client.auth.current ?? {}).includes(token));
  });

  it('fires onSessionExpired once when the session ends mid-flow, with reads in flight', async () => {
    let fired = 0;
    const { backend, client } = recordingClient(() => fired++);
    await client.auth.login({ loginId: established.loginId, password: established.password });
    await client.billing.history();
    backend.clock.advance(31 * 60_000);
    const results = await Promise.allSettled([client.billing.history(), client.account.get(), client.account.lines(), client.reissueEmail.status()]);
    for (const r of results) assert.ok(r.status === 'rejected' && r.reason instanceof SessionExpiredError);
    assert.equal(fired, 1);
    assert.equal(client.auth.current, undefined);
    await client.billing.history().catch(() => undefined);
    assert.equal(fired, 1, 'calls without a session do not fire it again');
  });
});
