// Hostile input to every endpoint of the reference backend (fast-check):
// arbitrary JSON bodies, wrong types, 1 MB strings, unicode look-alikes and
// control characters. Each answer is a contract success or a contract error
// the endpoint documents (helpers.call checks both), never a 500, and a
// rejected write leaves the store as it was.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ENDPOINTS, type EndpointId } from '../../../src/contract/endpoints.js';
import { startHttpBackend } from '../../../mocks/http-server.js';
import type { Backend } from '../../../mocks/index.js';
import { asTaro, call, freshBackend, requestFor, send } from '../mocks/helpers.js';

const NUM_RUNS = 15;
const MB = 1024 * 1024;

/** Field names of each body and query, from the contract's schemas. */
function keysOf(schema: unknown): string[] {
  const shape = (schema as { _zod?: { def?: { shape?: Record<string, unknown> } } })._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

const LOOKALIKES = [...'ｔａｒｏ２０２４АаОоΑο０Ｏl1I|\u200b\u200d\u202e\u2066\ufeff\u3000\u00a0\u0000\u0007\u001b\u007f\u0085\u2028\ud800'];
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom(...LOOKALIKES), maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', 'null', '__proto__', 'constructor', '{"a":1}', '<script>alert(1)</script>', '../../etc/passwd', "' OR 1=1 --"),
);
const hostileValue = fc.oneof(hostileString, fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(null, true, 0, -1, 1e308, [], {}));

function bodyArbitrary(keys: string[]) {
  return fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.record(Object.fromEntries(keys.map((k) => [k, hostileValue])), { requiredKeys: [] }),
    fc.record(Object.fromEntries(keys.map((k) => [k, hostileString]))),
    fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', ...keys), hostileValue),
  );
}

/** The store's state as text (Maps, Sets and Dates included; hashes by their salt). */
function snapshot(b: Backend): string {
  const replacer = (_key: string, value: unknown) => {
    if (value instanceof Map) return { map: [...value.entries()] };
    if (value instanceof Set) return { set: [...value] };
    if (value instanceof Promise) return 'promise';
    return value;
  };
  const { accounts, logins, sessions, confirmations, failedLogins, reissueMisses } = b.store;
  return JSON.stringify({ accounts, logins, sessions, confirmations, failedLogins, reissueMisses, mails: b.outbox.list().length }, replacer);
}

// Rejections that are state changes by design: counting a failed secret check.
const COUNTING = new Set(['invalid_credentials', 'account_locked', 'session_expired']);

const ids = Object.keys(ENDPOINTS) as EndpointId[];

describe('hostile input', () => {
  for (const id of ids) {
    const def = ENDPOINTS[id];
    const bodyKeys = 'body' in def ? keysOf(def.body) : [];
    const queryKeys = 'query' in def ? keysOf(def.query) : [];
    const params = [...def.path.matchAll(/:([a-z]+)/gi)].map((m) => m[1]!);
    if (!('body' in def) && queryKeys.length === 0 && params.length === 0) continue;

    it(`${id} answers hostile input with a contract error, never a 500, and a rejected write changes nothing`, async () => {
      const b = freshBackend();
      let token = def.auth === 'public' ? undefined : await asTaro(b);
      const input = fc.record({
        body: 'body' in def ? bodyArbitrary(bodyKeys) : fc.constant(undefined),
        query: fc.dictionary(fc.constantFrom(...queryKeys, 'x'), hostileString),
        // Non-empty and well-formed UTF-16: an empty segment is another path (a 404), and no client can encode a lone surrogate.
        params: fc.record(Object.fromEntries(params.map((p) => [p, hostileString.filter((v) => v !== '' && !/[\ud800-\udfff]/.test(v.replace(/[\ud800-\udbff][\udc00-\udfff]/g, '')))]))),
      });
      await fc.assert(
        fc.asyncProperty(input, async ({ body, query, params: pathParams }) => {
          if (token && !b.store.sessions.size) token = await asTaro(b);
          const before = snapshot(b);
          const reply = await call(b, id, { token, body, query, params: pathParams as Record<string, string> });
          assert.notEqual(reply.status, 500);
          if (reply.status >= 400 && !COUNTING.has(reply.body.error.code)) assert.equal(snapshot(b), before, `${id} changed the store and answered ${reply.body.error.code}`);
        }),
        { numRuns: NUM_RUNS },
      );
    });
  }

  it('answers a hostile Authorization header on every endpoint that needs a session with 401 session_expired', async () => {
    const b = freshBackend();
    const sessionIds = ids.filter((id) => ENDPOINTS[id].auth !== 'public');
    // Header values are bytes: Latin-1 without CR, LF or NUL (fetch refuses those before they are sent).
    const headerValue = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'Bearer bearer BASIC \t:=,;"\'\\/+-_.~%ÿ\u00a0'), maxLength: 60 }),
      fc.string({ unit: 'binary-ascii', maxLength: 200 }).map((v) => `Bearer ${v}`),
      fc.constantFrom('Bearer', 'Bearer ', 'Bearer  x', `Bearer ${'A'.repeat(8_000)}`, 'Bearer null', 'Bearer undefined', 'Bearer [object Object]'),
    ).map((v) => v.replace(/[\r\n\0]/g, ''));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...sessionIds), headerValue, async (id, authorization) => {
        const request = requestFor(b, id, { params: { month: '2026-11' } });
        request.headers.set('Authorization', authorization);
        const reply = await send(b, request);
        assert.equal(reply.status, 401, `${id} with "${authorization.slice(0, 40)}": ${reply.status}`);
        assert.equal(reply.body.error.code, 'session_expired');
      }),
      { numRuns: 60 },
    );
  });

  it('answers a 1 MB string in every field of every body with 400 validation_failed (too_long)', async () => {
    const b = freshBackend();
    const token = await asTaro(b);
    const huge = 'a'.repeat(MB);
    for (const id of ids) {
      const def = ENDPOINTS[id];
      if (!('body' in def)) continue;
      const body = Object.fromEntries(keysOf(def.body).map((k) => [k, huge]));
      const before = snapshot(b);
      const reply = await call(b, id, { token, body });
      assert.equal(reply.status, 400, `${id}: ${reply.status}`);
      assert.ok(reply.body.error.fields.some((f: { code: string }) => f.code === 'too_long' || f.code === 'invalid_format'), id);
      assert.equal(snapshot(b), before);
    }
  });

  it('answers a body over 1 MB over HTTP with 400, not a 500 or a dropped connection', async () => {
    const server = await startHttpBackend({ port: 0, backend: freshBackend() });
    try {
      const response = await fetch(`${server.url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ loginId: 'a'.repeat(MB + 10), password: 'x' }),
      });
      assert.equal(response.status, 400);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'validation_failed');
    } finally {
      await server.close();
    }
  });
});
