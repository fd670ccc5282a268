// The route helper's error handling: validation, thrown bugs, contract
// violations, rate limiting and unknown routes, all in the ErrorBody format.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as schemas from '../../../src/contract/schemas.js';
import { asTaro, assertError, call, freshBackend, ORIGIN, send } from './helpers.js';

describe('error answers', () => {
  it('answers malformed JSON with 400 validation_failed on the body', async () => {
    const b = freshBackend();
    const reply = await call(b, 'auth.login', { rawBody: '{"loginId": "taro2024",' });
    assertError(reply, 'validation_failed', ['body:invalid_format']);
    assert.match(reply.body.error.fields[0].message, /not valid JSON/);
  });

  it('names missing fields as required and wrong types as invalid_type, in plain English', async () => {
    const b = freshBackend();
    const reply = await call(b, 'auth.login', { body: { loginId: 42 } });
    assertError(reply, 'validation_failed', ['loginId:invalid_type', 'password:required']);
    for (const field of reply.body.error.fields) assert.match(field.message, /^[\x20-\x7e]+$/);
    assertError(await call(b, 'auth.login'), 'validation_failed', ['body:required']);
    assertError(await call(b, 'auth.login', { body: ['taro2024'] }), 'validation_failed', ['body:invalid_type']);
  });

  it('caps field sizes', async () => {
    const b = freshBackend();
    assertError(await call(b, 'auth.login', { body: { loginId: 'a'.repeat(257), password: 'x' } }), 'validation_failed', ['loginId:too_long']);
  });

  it('checks the session before the body', async () => {
    const b = freshBackend();
    assertError(await call(b, 'credentials.changePassword', { rawBody: 'nonsense' }), 'session_expired');
  });

  it('turns a thrown bug into 500 internal in the contract format', async () => {
    let reported: unknown;
    const b = freshBackend({ onInternalError: (error) => (reported = error) });
    const token = await asTaro(b);
    b.store.charges = () => {
      throw new TypeError('bug in the generator');
    };
    const reply = await call(b, 'billing.history', { token });
    assert.equal(reply.status, 500);
    assertError(reply, 'internal');
    assert.ok(reply.body.requestId);
    assert.ok(reported instanceof TypeError);
  });

  it('refuses to answer a body that breaks its own contract (500), and says why to the developer', async () => {
    let reported: unknown;
    const b = freshBackend({ onInternalError: (error) => (reported = error) });
    const token = await asTaro(b);
    const real = b.store.charges.bind(b.store);
    b.store.charges = (account, month) => ({ ...real(account, month), total: 0.5 });
    assertError(await call(b, 'billing.history', { token }), 'internal');
    assert.match(String(reported), /billing\.history answered a body that breaks its response schema/);
  });

  it('answers 429 rate_limited with Retry-After when the rate-limit hook says so', async () => {
    const b = freshBackend({ rateLimit: ({ id }) => (id === 'auth.login' ? 30 : undefined) });
    const reply = await call(b, 'auth.login', { body: { loginId: 'taro2024', password: 'Sakura2024!' } });
    assertError(reply, 'rate_limited');
    assert.equal(reply.headers.get('retry-after'), '30');
    assert.equal(reply.body.error.details.retryAfterSeconds, 30);
    assert.equal((await call(b, 'credentials.policy')).status, 200);
  });

  it('answers unknown routes under the base path with 404 not_found, a known path under another method with 405 and Allow, and leaves other paths alone', async () => {
    const b = freshBackend();
    const reply = await send(b, new Request(`${ORIGIN}/api/v1/no/such/route`));
    assert.equal(reply.status, 404);
    assert.ok(schemas.ErrorBody.safeParse(reply.body).success);
    assert.equal(reply.body.error.code, 'not_found');
    const wrongMethod = await send(b, new Request(`${ORIGIN}/api/v1/auth/login`));
    assert.equal(wrongMethod.status, 405);
    assert.equal(wrongMethod.body.error.code, 'method_not_allowed');
    assert.equal(wrongMethod.headers.get('allow'), 'POST, OPTIONS');
    const elsewhere = await b.fetch(`${ORIGIN}/index.html`);
    assert.equal(elsewhere.status, 404);
  });

  it('serves the same handlers under another base path, on any origin', async () => {
    const b = freshBackend({ basePath: '/billing/' });
    const reply = await send(b, new Request('https://portal.example/billing/credentials/policy'));
    assert.equal(reply.status, 200);
    assert.equal(b.basePath, '/billing');
  });

  it('marks every answer uncacheable and with a request id', async () => {
    const b = freshBackend();
    const reply = await call(b, 'credentials.policy');
    assert.equal(reply.headers.get('cache-control'), 'no-store');
    assert.match(reply.headers.get('x-request-id') ?? '', /^req_/);
  });
});
