// Per-client throttling in the reference backend (mocks/rate-limit.ts): the
// secret-checking routes have a tight window per client, every route a
// looser one; another client is counted apart; the HTTP server tells clients
// apart by their peer address, which a client cannot forge with a header.
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { describe, it } from 'node:test';
import { startHttpBackend } from '../../../mocks/http-server.js';
import { CLIENT_ADDRESS_HEADER, createRateLimiter, DEMO_ACCOUNTS, type Backend } from '../../../mocks/index.js';
import { assertError, assertOk, call, freshBackend, requestFor, send } from '../mocks/helpers.js';

const { established } = DEMO_ACCOUNTS;
const wrongLogin = { loginId: established.loginId, password: 'Wrong-2099' };

function loginFrom(b: Backend, client: string, body = wrongLogin) {
  const request = requestFor(b, 'auth.login', { body });
  request.headers.set(CLIENT_ADDRESS_HEADER, client);
  return send(b, request);
}

describe('per-client throttling', () => {
  it('answers 429 rate_limited with Retry-After past the secret-check limit of one client, and counts another client apart', async () => {
    let now = 1_000_000;
    const b = freshBackend({ rateLimit: createRateLimiter({ maxSecretChecks: 3, now: () => now }) });
    for (let i = 0; i < 3; i++) assert.notEqual((await loginFrom(b, '203.0.113.7')).status, 429);
    const limited = await loginFrom(b, '203.0.113.7');
    assertError(limited, 'rate_limited');
    assert.equal(limited.headers.get('retry-after'), '60');
    assert.equal(limited.body.error.details.retryAfterSeconds, 60);
    assertOk(await loginFrom(b, '198.51.100.2', { loginId: established.loginId, password: established.password }));
    // Reads are not secret checks: still answered.
    assertOk(await call(b, 'credentials.policy'));
    now += 60_000;
    assert.notEqual((await loginFrom(b, '203.0.113.7')).status, 429, 'a new window opens');
  });

  it('limits every route per client with the looser limit', async () => {
    const b = freshBackend({ rateLimit: createRateLimiter({ maxRequests: 5, now: () => 0 }) });
    for (let i = 0; i < 5; i++) assertOk(await call(b, 'credentials.policy'));
    assertError(await call(b, 'credentials.policy'), 'rate_limited');
  });

  it('never limits the development routes', async () => {
    const b = freshBackend({ rateLimit: createRateLimiter({ maxRequests: 1, now: () => 0 }) });
    for (let i = 0; i < 3; i++) assertOk(await call(b, 'dev.outbox'));
  });

  it('over HTTP, tells clients apart by peer address and ignores a forged client header', async () => {
    const server = await startHttpBackend({ port: 0, backend: freshBackend({ rateLimit: createRateLimiter({ maxSecretChecks: 2 }) }) });
    const login = (localAddress: string, forged?: string) =>
      new Promise<number>((resolve, reject) => {
        const body = JSON.stringify(wrongLogin);
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port: server.port,
            path: '/api/v1/auth/login',
            method: 'POST',
            localAddress,
            headers: { 'content-type': 'application/json', ...(forged ? { [CLIENT_ADDRESS_HEADER]: forged } : {}) },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    try {
      assert.notEqual(await login('127.0.0.1'), 429);
      assert.notEqual(await login('127.0.0.1', '10.0.0.1'), 429);
      assert.equal(await login('127.0.0.1', '10.0.0.2'), 429, 'a forged header does not make a new client');
      assert.notEqual(await login('127.0.0.2'), 429, 'another address is another client');
    } finally {
      await server.close();
    }
  });
});
