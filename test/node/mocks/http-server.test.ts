// The backend as a real HTTP server on localhost (port 0), as curl or a page
// on another localhost port would use it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHttpBackend, type HttpBackend } from '../../../mocks/http-server.js';
import * as schemas from '../../../src/contract/schemas.js';
import { DEMO_ACCOUNTS } from '../../../mocks/index.js';
import { freshBackend } from './helpers.js';

describe('HTTP server', () => {
  let server: HttpBackend;
  before(async () => {
    server = await startHttpBackend({ port: 0, backend: freshBackend() });
  });
  after(() => server.close());

  it('serves the API under http://localhost:<port>/api/v1', async () => {
    assert.equal(server.url, `http://localhost:${server.port}/api/v1`);
    const response = await fetch(`${server.url}/credentials/policy`);
    assert.equal(response.status, 200);
    assert.ok(schemas.CredentialPolicySchema.safeParse(await response.json()).success);
  });

  it('logs in and reads with a bearer token, like any client', async () => {
    const { loginId, password } = DEMO_ACCOUNTS.established;
    const login = await fetch(`${server.url}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://localhost:5173' },
      body: JSON.stringify({ loginId, password }),
    });
    assert.equal(login.status, 200);
    assert.equal(login.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    const { token } = (await login.json()) as { token: string };
    const history = await fetch(`${server.url}/billing/history`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(history.status, 200);
    assert.equal(((await history.json()) as { months: unknown[] }).months.length, 15);
  });

  it('answers a CORS preflight from a localhost origin, allowing the Authorization header', async () => {
    const response = await fetch(`${server.url}/billing/history`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:8000', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), 'http://127.0.0.1:8000');
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /Authorization/);
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /DELETE/);
  });

  it('grants no CORS to other origins', async () => {
    const response = await fetch(`${server.url}/credentials/policy`, { headers: { Origin: 'https://evil.example' } });
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });

  it('answers unknown paths with a 404 in the contract error format', async () => {
    for (const path of ['/nowhere', '/api/v1/nowhere']) {
      const response = await fetch(`http://localhost:${server.port}${path}`);
      assert.equal(response.status, 404);
      const body = await response.json();
      assert.ok(schemas.ErrorBody.safeParse(body).success, JSON.stringify(body));
    }
  });

  it('keeps errors, statuses and Retry-After-style headers intact through the conversion', async () => {
    const response = await fetch(`${server.url}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' });
    assert.equal(response.status, 400);
    assert.match(response.headers.get('x-request-id') ?? '', /^req_/);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'validation_failed');
  });

  it('serves the confirmation page the mailed links point to', async () => {
    const response = await fetch(`http://localhost:${server.port}/confirm?purpose=notice-email&token=abc`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/html/);
    const page = await response.text();
    assert.match(page, /registeredNumber/);
    assert.match(page, /api\/v1/);
  });
});
