/**
 * The contract's schemas are built when the SDK loads, on a page's main
 * thread before any element renders: every zod schema object costs its
 * construction (zod binds each method to each object). A field type shared
 * by many bodies is one object (`text`, `shortText`, `secretText`… in
 * schemas.ts), not one per field: 245 objects became 113, and the module's
 * evaluation in Chromium went from 9 ms to 5.5 ms (docs/benchmarks.md).
 * This keeps it that way: a new factory call per field would be caught here.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as z from 'zod/mini';

test('loading the contract builds few schema objects: shared field types are one object each', async () => {
  let built = 0;
  // zod calls its post-processor once for each schema object it builds.
  z.config({ postProcessor: () => void built++ });
  try {
    await import('../../../src/contract/endpoints.js');
  } finally {
    z.config({ postProcessor: undefined });
  }
  assert.ok(built > 0, 'zod no longer reports the objects it builds (z.config postProcessor): update this test');
  assert.ok(built <= 120, `the contract builds ${built} schema objects on load; shared field types keep it at 113`);
});

test('bodies share their field types', async () => {
  const s = await import('../../../src/contract/schemas.js');
  assert.equal(s.LoginRequest.shape.loginId, s.InitialLoginRequest.shape.initialLoginId);
  assert.equal(s.LoginRequest.shape.password, s.PasswordChangeRequest.shape.newPassword);
  assert.equal(s.LoginResponse.shape.loginId, s.AccountResponse.shape.customerName);
});
