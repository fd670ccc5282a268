// No thrown error (message, stack, JSON, or what console.error prints of it and
// its causes) and no session event, across
// journeys that fail on purpose, contains a password, a secret answer, a
// session token or a link token that was sent or received.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inspect } from 'node:util';
import { createBackend, DEMO_ACCOUNTS } from '../../../mocks/index.js';
import { createClient, type WebBillingClient } from '../../../src/index.js';

const BASE = 'http://billing.test/api/v1';
const { established, locked, postcard } = DEMO_ACCOUNTS;

describe('secrets in errors and events', () => {
  it('never carries a password, an answer or a token, whatever fails', async () => {
    const backend = createBackend({ now: '2026-11-20T10:00:00+09:00', onInternalError: () => {} });
    const tokens: string[] = [];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await backend.fetch(input, init);
      const token = /"token":"([^"]+)"/.exec(await response.clone().text())?.[1];
      if (token) tokens.push(token);
      return response;
    };
    const seen: unknown[] = [];
    const client = (): WebBillingClient => {
      const c = createClient({ baseUrl: BASE, retry: 0, fetch });
      c.auth.subscribe((session, reason) => seen.push({ session, reason }));
      return c;
    };
    const fail = async (promise: Promise<unknown>) => {
      try {
        await promise;
      } catch (error) {
        seen.push(error);
        return;
      }
      assert.fail('expected a failure');
    };

    const secrets = [
      'Wrong-Secret-1', 'Sakura2024!', 'Locked2026', 'Guess-Answer-9', 'Pochi', 'Tokyo', 'Brand-New-Pass7', 'NeverUsed-Pass8', 'x'.repeat(300),
      postcard.password, 'p0stcardWrong',
    ];
    const a = client();
    await fail(a.auth.login({ loginId: established.loginId, password: 'Wrong-Secret-1' }));
    await fail(a.auth.login({ loginId: locked.loginId, password: 'Locked2026' }));
    await fail(a.auth.initialLogin({ initialLoginId: postcard.loginId, initialPassword: 'p0stcardWrong' }));
    await fail(a.auth.login({ loginId: established.loginId, password: 'x'.repeat(300) }));
    await a.passwordReissue.request({ loginId: established.loginId, email: established.reissueEmail.email, questionId: 'first-pet', answer: 'Guess-Answer-9' });
    await a.auth.login({ loginId: established.loginId, password: 'Sakura2024!' });
    await fail(a.credentials.changePassword({ currentPassword: 'Wrong-Secret-1', newPassword: 'Brand-New-Pass7', newPasswordConfirm: 'Brand-New-Pass7' }));
    await fail(a.credentials.changePassword({ currentPassword: 'Sakura2024!', newPassword: 'Brand-New-Pass7', newPasswordConfirm: 'NeverUsed-Pass8' }));
    await fail(a.reissueEmail.register({ email: 'x@taro.example', emailConfirm: 'x@taro.example', questionId: 'first-pet', answer: 'Pochi' }));
    await a.reissueEmail.change({ email: 'x@taro.example', emailConfirm: 'x@taro.example', questionId: 'birthplace', answer: 'Tokyo' });
    const link = new URL(backend.outbox.latest({ kind: 'reissue-email-confirm' })!.link!).searchParams.get('token')!;
    await fail(client().reissueEmail.confirm({ token: link, questionId: 'birthplace', answer: 'Guess-Answer-9' }));
    await fail(client().noticeEmail.confirm(link, '09012345678'));
    await fail(client().reissueEmail.confirm({ token: link, questionId: 'birthplace', answer: 'x'.repeat(2000) }));
    backend.clock.advance(31 * 60_000);
    await fail(a.billing.history());

    assert.ok(seen.length >= 12);
    assert.ok(tokens.length >= 1);
    for (const item of seen) {
      const error = item as Error & { fields?: unknown };
      // inspect() is what console.error prints: the whole cause chain, fetch's own error included.
      const text = item instanceof Error ? `${error.message}\n${error.stack}\n${JSON.stringify(error)}\n${inspect(error, { depth: Infinity })}` : JSON.stringify(item);
      for (const secret of [...secrets, ...tokens, link]) {
        assert.ok(!text.includes(secret), `"${secret.slice(0, 20)}" appears in ${text.slice(0, 120)}`);
      }
    }
  });
});
