// The one mapping from zod issues to contract field issues (src/contract/field-issues.ts):
// every row is a bad input parsed by a small schema, and the field issue it must become.
// The SDK and the reference backend both use this mapping, so both answer these codes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod/mini';
import { FIELD_ISSUE_CODES } from '../../../src/contract/errors.js';
import { describeFieldIssue, fieldIssueCode, issuesToFields } from '../../../src/contract/field-issues.js';
import { ValidationError, createClient } from '../../../src/index.js';

const schema = z.object({
  name: z.string().check(z.minLength(3), z.maxLength(5)),
  kind: z.enum(['a', 'b']),
  month: z.string().check(z.regex(/^\d{4}-\d{2}$/)),
  nested: z.optional(z.object({ count: z.int() })),
});
const good = { name: 'abcd', kind: 'a', month: '2026-11' };

const rows: Array<[string, unknown, string, string]> = [
  // [what, input, field:code, message]
  ['a missing field', { ...good, name: undefined }, 'name:required', 'name is required.'],
  ['a field of the wrong type', { ...good, name: 42 }, 'name:invalid_type', 'name must be of type string.'],
  ['a string below its minimum length (too_small)', { ...good, name: 'ab' }, 'name:too_short', 'name must be at least 3 long.'],
  ['a string above its maximum length (too_big)', { ...good, name: 'abcdef' }, 'name:too_long', 'name must be at most 5 long.'],
  ['a value not in the list (invalid_value)', { ...good, kind: 'c' }, 'kind:invalid_format', 'kind must be one of: a, b.'],
  ['a string not matching its pattern', { ...good, month: '202611' }, 'month:invalid_format', 'month is not in the expected format.'],
  ['a nested field of the wrong type', { ...good, nested: { count: 'x' } }, 'nested.count:invalid_type', 'nested.count must be of type number.'],
  ['a nested field missing', { ...good, nested: {} }, 'nested.count:required', 'nested.count is required.'],
  ['no input at all', undefined, 'body:required', 'The body is required.'],
  ['an input of the wrong type', 'text', 'body:invalid_type', 'body must be of type object.'],
];

describe('zod issues to contract field issues', () => {
  for (const [what, input, expected, message] of rows) {
    it(`maps ${what} to ${expected}`, () => {
      const result = schema.safeParse(input, { reportInput: true });
      assert.equal(result.success, false);
      const fields = issuesToFields(result.error!.issues, 'body', describeFieldIssue);
      assert.deepEqual(fields, [{ field: expected.split(':')[0], code: expected.split(':')[1], message }]);
      assert.equal(fieldIssueCode(result.error!.issues[0]!), expected.split(':')[1]);
    });
  }

  it('gives only codes of the contract', () => {
    for (const [, input] of rows) {
      for (const f of issuesToFields(schema.safeParse(input, { reportInput: true }).error!.issues, 'body', describeFieldIssue)) {
        assert.ok((FIELD_ISSUE_CODES as readonly string[]).includes(f.code), f.code);
      }
    }
  });

  it('is what the SDK answers when it catches a bad request before sending it', async () => {
    const client = createClient({ baseUrl: 'http://127.0.0.1:9/api', fetch: () => Promise.reject(new Error('not sent')) });
    const fieldsOf = async (body: unknown) => {
      const error = await client.auth.login(body as never).catch((e: unknown) => e);
      assert.ok(error instanceof ValidationError, String(error));
      return error.fields.map((f) => `${f.field}:${f.code}`);
    };
    assert.deepEqual(await fieldsOf({ loginId: 'a'.repeat(300), password: 'p' }), ['loginId:too_long']);
    assert.deepEqual(await fieldsOf({ password: 'p' }), ['loginId:required']);
    assert.deepEqual(await fieldsOf({ loginId: 42, password: 'p' }), ['loginId:invalid_type']);
  });
});
