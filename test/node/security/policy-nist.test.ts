// The whole credential flow under a NIST SP 800-63B-style policy
// (NIST_STYLE_POLICY: no composition rule, 15-64 characters, any Unicode,
// no truncation): the conformance suite passes against it, and the SDK sets,
// uses and changes emoji and full-width credentials with no change of its own.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { COOKIE_ONLY, parseFixtures, runConformance } from '../../../conformance/index.js';
import { startHttpBackend } from '../../../mocks/http-server.js';
import { createBackend, createRateLimiter, DEMO_ACCOUNTS, NIST_STYLE_POLICY } from '../../../mocks/index.js';
import { allPass, createClient, InvalidCredentialsError, ValidationError } from '../../../src/index.js';

const NOW = '2026-11-20T10:00:00+09:00';
const { postcard } = DEMO_ACCOUNTS;
const fixtures = parseFixtures(readFileSync(new URL('../../../conformance/fixtures.reference.json', import.meta.url), 'utf8'));

/** `n` code points: emoji, full-width and kana, no letters-and-digits rule met on purpose. */
function unicodePassword(n: number, last = '🌸'): string {
  const parts = [...'😀ｐａｓｓ　ワード🐈‍⬛'.replace('🐈‍⬛', '🐈')];
  const out: string[] = [];
  for (let i = 0; out.length < n - 1; i++) out.push(parts[i % parts.length]!);
  return out.join('') + last;
}

describe('NIST SP 800-63B-style policy', () => {
  it('the conformance suite passes against the backend switched to it', async () => {
    // With the rate limiter, as `npm start` runs it, so the throttling case runs too.
    const server = await startHttpBackend({
      port: 0,
      backend: createBackend({ now: NOW, policy: NIST_STYLE_POLICY, onInternalError: () => {}, rateLimit: createRateLimiter() }),
    });
    try {
      const report = await runConformance({ baseUrl: server.url, fixtures });
      // The cookie-session cases are skipped: this backend holds bearer tokens.
      assert.deepEqual(report.results.filter((r) => r.status !== 'passed' && !(r.status === 'skipped' && r.reason?.startsWith(COOKIE_ONLY))), []);
    } finally {
      await server.close();
    }
  });

  it('sets, uses and changes emoji and full-width credentials through the SDK, at 64 code points, without truncation', async () => {
    const backend = createBackend({ now: NOW, policy: NIST_STYLE_POLICY, onInternalError: () => {} });
    const client = () => createClient({ baseUrl: 'http://billing.test/api/v1', retry: 0, fetch: backend.fetch });
    const c = client();
    const policy = await c.credentials.policy();
    assert.equal(policy.source, 'backend');
    assert.equal(policy.password.minLength, 15);

    const loginId = 'はなこ🌸さん';
    const password = unicodePassword(64);
    assert.equal([...password].length, 64);
    assert.ok(password.length > 64, 'more UTF-16 units than code points');
    assert.ok(allPass(await c.credentials.check('password', password, { other: loginId, confirmation: password })));

    await c.auth.initialLogin({ initialLoginId: postcard.loginId, initialPassword: postcard.password });
    await assert.rejects(
      c.credentials.setup({ initialLoginId: postcard.loginId, initialPassword: postcard.password, newLoginId: loginId, newLoginIdConfirm: loginId, newPassword: unicodePassword(65), newPasswordConfirm: unicodePassword(65) }),
      (e: unknown) => e instanceof ValidationError && e.fields.some((f) => f.field === 'newPassword' && f.code === 'too_long'),
    );
    await c.credentials.setup({ initialLoginId: postcard.loginId, initialPassword: postcard.password, newLoginId: loginId, newLoginIdConfirm: loginId, newPassword: password, newPasswordConfirm: password });

    // Every code point counts: the same 63 first characters with another last one do not log in.
    await assert.rejects(client().auth.login({ loginId, password: unicodePassword(64, '🌼') }), InvalidCredentialsError);
    await assert.rejects(client().auth.login({ loginId, password: [...password].slice(0, 63).join('') }), InvalidCredentialsError);
    const d = client();
    assert.equal((await d.auth.login({ loginId, password })).stage, 'active');

    const next = 'ｆｕｌｌ　ｗｉｄｔｈ　ｐａｓｓ';
    await assert.rejects(d.credentials.changePassword({ currentPassword: password, newPassword: '短い🌸', newPasswordConfirm: '短い🌸' }), ValidationError);
    await d.credentials.changePassword({ currentPassword: password, newPassword: next, newPasswordConfirm: next });
    assert.equal((await client().auth.login({ loginId, password: next })).stage, 'active');
  });
});
