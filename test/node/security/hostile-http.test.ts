// The reference backend over real HTTP, fed what an attacker (or a broken
// client) sends: nothing may answer 500 or an empty body, every answer is in
// the contract's error format with the security headers, a write that is not
// JSON never reaches an operation, and a host name the server does not serve
// (DNS rebinding) reads nothing. Requests that `fetch` cannot make (a
// malformed Host, TRACE, 20 KB of headers) go over a raw socket.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import * as schemas from '../../../src/contract/schemas.js';
import { startHttpBackend, type HttpBackend } from '../../../mocks/http-server.js';
import { createBackend, DEMO_ACCOUNTS, type Backend } from '../../../mocks/index.js';

const NOW = '2026-11-20T10:00:00+09:00';
const taro = DEMO_ACCOUNTS.established;

interface RawReply {
  status: number;
  headers: Map<string, string>;
  body: string;
}

/** Sends `head` (and `body`) as is over a socket and reads the whole answer. */
function raw(port: number, head: string, body = ''): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [headPart = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = headPart.split('\r\n');
      const headers = new Map(
        headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()] as const),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
    socket.end(`${head.replace(/\n/g, '\r\n')}\r\nConnection: close\r\n\r\n${body}`);
  });
}

function assertContractError(reply: { status: number; body: string }, code: string, status: number): void {
  assert.equal(reply.status, status, reply.body);
  const parsed = schemas.ErrorBody.safeParse(JSON.parse(reply.body));
  assert.ok(parsed.success, `not the contract's error format: ${reply.body}`);
  assert.equal(parsed.data.error.code, code);
}

function assertSecurityHeaders(headers: { get(name: string): string | null | undefined }, what: string): void {
  assert.equal(headers.get('x-content-type-options'), 'nosniff', what);
  assert.equal(headers.get('x-frame-options'), 'DENY', what);
  assert.match(headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/, what);
  assert.equal(headers.get('referrer-policy'), 'no-referrer', what);
}

let backend: Backend;
let server: HttpBackend;
let reported: unknown[];
before(async () => {
  reported = [];
  backend = createBackend({ now: NOW, onInternalError: (error) => reported.push(error) });
  server = await startHttpBackend({ port: 0, backend, allowedHosts: ['billing.partner.test'] });
});
after(() => server.close());

const api = (path: string) => `${server.url}${path}`;
const loginBody = JSON.stringify({ loginId: taro.loginId, password: 'Wrong2026x' });

describe('hostile HTTP', () => {
  it('answers a target over 8,192 characters with 414 uri_too_long, not 500', async () => {
    for (const path of [`/api/v1/${'a'.repeat(9000)}`, `/api/v1/credentials/policy?x=${'b'.repeat(9000)}`]) {
      const response = await fetch(`http://localhost:${server.port}${path}`);
      assertContractError({ status: response.status, body: await response.text() }, 'uri_too_long', 414);
      assertSecurityHeaders(response.headers, '414');
    }
  });

  it('answers a malformed Host with 403 forbidden, not 500', async () => {
    for (const host of ['[', 'a b', '', 'localhost:abc', '[::1', 'exa_mple.com']) {
      const reply = await raw(server.port, `GET /api/v1/credentials/policy HTTP/1.1\nHost: ${host}`);
      assert.notEqual(reply.status, 500, `Host: ${host}`);
      if (reply.status === 400 && host === '') continue; // Node itself refuses an empty Host, in our format
      assertContractError(reply, 'forbidden', 403);
    }
  });

  it('answers only the hosts it serves: a DNS-rebinding host name reads nothing, not even the outbox', async () => {
    for (const host of ['attacker.example', 'attacker.example:8787', 'localhost.attacker.example']) {
      for (const path of ['/api/v1/_dev/outbox', '/api/v1/credentials/policy', '/confirm']) {
        const reply = await raw(server.port, `GET ${path} HTTP/1.1\nHost: ${host}`);
        assertContractError(reply, 'forbidden', 403);
        assert.doesNotMatch(reply.body, /mails|lockThreshold|<html/);
      }
    }
    for (const host of ['localhost', `localhost:${server.port}`, `127.0.0.1:${server.port}`, `[::1]:${server.port}`, 'LOCALHOST', 'billing.partner.test']) {
      assert.equal((await raw(server.port, `GET /api/v1/credentials/policy HTTP/1.1\nHost: ${host}`)).status, 200, host);
    }
  });

  it('answers TRACE and other methods it does not take with 405 and Allow, not 500', async () => {
    const trace = await raw(server.port, `TRACE /api/v1/auth/login HTTP/1.1\nHost: localhost`);
    assertContractError(trace, 'method_not_allowed', 405);
    assert.equal(trace.headers.get('allow'), 'POST, OPTIONS');
    const elsewhere = await raw(server.port, `TRACE /anything HTTP/1.1\nHost: localhost`);
    assertContractError(elsewhere, 'method_not_allowed', 405);
    assert.ok(elsewhere.headers.get('allow'));
    for (const method of ['DELETE', 'PUT', 'PATCH', 'GET']) {
      const response = await fetch(api('/auth/login'), { method });
      assertContractError({ status: response.status, body: await response.text() }, 'method_not_allowed', 405);
      assert.equal(response.headers.get('allow'), 'POST, OPTIONS', method);
    }
  });

  it('answers headers over 16 KB with 431 in the contract format, not an empty body', async () => {
    const reply = await raw(server.port, `GET /api/v1/credentials/policy HTTP/1.1\nHost: localhost\nX-Padding: ${'p'.repeat(20_000)}`);
    assertContractError(reply, 'headers_too_large', 431);
    assert.equal(reply.headers.get('x-content-type-options'), 'nosniff');
  });

  it('refuses an absurd clock move with 400 and keeps logins working', async () => {
    for (const body of [{ advanceMs: 1e16 }, { advanceMs: -1e16 }, { advanceHours: 1e12 }, { set: '+275760-09-13T00:00:00.000Z' }, { set: '1900-01-01T00:00:00Z' }]) {
      const response = await fetch(api('/_dev/clock'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      assertContractError({ status: response.status, body: await response.text() }, 'validation_failed', 400);
    }
    assert.equal(backend.clock.now().toISOString(), new Date(NOW).toISOString(), 'a refused move changes nothing');
    const login = await fetch(api('/auth/login'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ loginId: taro.loginId, password: taro.password }),
    });
    assert.equal(login.status, 200);
  });

  it('refuses a cross-site text/plain, form or typeless post with 415 before it counts toward the lock', async () => {
    const attempts: RequestInit[] = [
      { body: loginBody, headers: { 'Content-Type': 'text/plain', Origin: 'https://attacker.example' } },
      { body: loginBody, headers: { 'Content-Type': 'text/plain;charset=UTF-8' } },
      { body: new URLSearchParams({ loginId: taro.loginId, password: 'x' }) },
      { body: 'loginId=taro2024', headers: { 'Content-Type': 'multipart/form-data; boundary=x' } },
      { body: new Blob([loginBody]) },
      { body: loginBody, headers: { 'Content-Type': 'application/jsonx' } },
    ];
    for (let round = 0; round < 2; round += 1) {
      for (const init of attempts) {
        const response = await fetch(api('/auth/login'), { method: 'POST', ...init });
        assertContractError({ status: response.status, body: await response.text() }, 'unsupported_media_type', 415);
        assert.equal(response.headers.get('access-control-allow-origin'), null);
      }
    }
    // 12 refused posts later, the account is not locked and not one attempt was counted.
    const wrong = await fetch(api('/auth/login'), { method: 'POST', headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: loginBody });
    const body = (await wrong.json()) as { error: { code: string; details: { remainingAttempts: number } } };
    assert.equal(body.error.code, 'invalid_credentials');
    assert.equal(body.error.details.remainingAttempts, 4);
  });

  it('puts the security headers on every answer: success, error, preflight and the confirmation page', async () => {
    const answers: [string, Response][] = [
      ['policy', await fetch(api('/credentials/policy'))],
      ['401', await fetch(api('/account'))],
      ['404', await fetch(api('/no/such/route'))],
      ['400', await fetch(api('/auth/login'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' })],
      ['preflight', await fetch(api('/auth/login'), { method: 'OPTIONS', headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST' } })],
      ['confirm', await fetch(`http://localhost:${server.port}/confirm?purpose=reissue-email`)],
    ];
    for (const [what, response] of answers) {
      assertSecurityHeaders(response.headers, what);
      assert.equal(response.headers.get('cache-control'), 'no-store', what);
      await response.arrayBuffer();
    }
  });

  it('serves the confirmation page under a strict CSP: only its own nonce-tagged script and style run', async () => {
    const response = await fetch(`http://localhost:${server.port}/confirm?purpose=reissue-email&token=abc`);
    const csp = response.headers.get('content-security-policy') ?? '';
    const html = await response.text();
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce, csp);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /base-uri 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    assert.equal(html.match(/<script\b[^>]*>/g)?.length, 1);
    assert.ok(html.includes(`<script type="module" nonce="${nonce}">`));
    assert.ok(html.includes(`<style nonce="${nonce}">`));
    const again = await fetch(`http://localhost:${server.port}/confirm`);
    assert.notEqual(/'nonce-([^']+)'/.exec(again.headers.get('content-security-policy') ?? '')?.[1], nonce, 'a fresh nonce each time');
    await again.arrayBuffer();
  });

  it('never allows a foreign origin, and never *, on any answer', async () => {
    for (const origin of ['https://attacker.example', 'null', 'http://localhost.attacker.example', 'http://localhost:80@attacker.example']) {
      const preflight = await fetch(api('/auth/login'), { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } });
      const read = await fetch(api('/credentials/policy'), { headers: { Origin: origin } });
      for (const response of [preflight, read]) {
        assert.equal(response.headers.get('access-control-allow-origin'), null, origin);
        await response.arrayBuffer();
      }
    }
    const local = await fetch(api('/credentials/policy'), { headers: { Origin: 'http://localhost:5173' } });
    assert.equal(local.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    await local.arrayBuffer();
  });

  it('reported no internal error through any of the above', () => {
    assert.deepEqual(reported, []);
  });
});
