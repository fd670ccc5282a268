// A mangled answer (JSON content type, body not JSON) that carries a secret
// must not put that secret into the ContractError: V8's JSON.parse quotes the
// body in its SyntaxError message, so that error cannot be the cause.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inspect } from 'node:util';
import { ContractError, createClient } from '../../../src/index.js';

const BASE = 'http://billing.test/api/v1';
const SECRET = 'tok-SECRET-4f9a2c7e';

describe('secrets in a malformed answer', () => {
  for (const [name, text, status] of [
    ['a login answer whose token is not quoted', `{"token": ${SECRET}, "stage": "active"}`, 200],
    ['a token answered bare under a JSON content type', SECRET, 200],
    ['an error answer quoting the token', `{"error": {"code": "internal", "message": ${SECRET}}}`, 500],
  ] as const) {
    it(`keeps the body out of the error: ${name}`, async () => {
      const fetch = async () => new Response(text, { status, headers: { 'content-type': 'application/json' } });
      const client = createClient({ baseUrl: BASE, retry: 0, fetch });
      const error = await client.auth.login({ loginId: 'taro2024', password: 'Sakura2024!' }).then(
        () => assert.fail('expected a failure'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof Error);
      if (status === 200) assert.ok(error instanceof ContractError);
      for (const shown of [inspect(error, { depth: 20 }), String(error.stack), JSON.stringify(error), error.message]) {
        // Not even a piece of it: V8 quotes about ten characters either side of the fault.
        for (let i = 0; i + 8 <= SECRET.length; i++) assert.ok(!shown.includes(SECRET.slice(i, i + 8)), `secret in: ${shown}`);
      }
    });
  }
});
