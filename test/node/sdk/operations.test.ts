// The SDK against the reference backend, operation by operation: success and
// each failure path. The backend runs in-process (MSW setupServer) with its
// own clock, so expiry is tested by advancing it.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { createNodeBackend } from '../../../mocks/node.js';
import type { OutboxMail } from '../../../src/contract/index.js';
import {
  AccountLockedError,
  ConflictError,
  CredentialChangeRequiredError,
  InvalidCredentialsError,
  LinkExpiredError,
  NotFoundError,
  SessionExpiredError,
  ValidationError,
  createClient,
  type WebBillingClient,
} from '../../../src/index.js';

const BASE = 'http://billing.test/api/v1';
const NOW = '2026-11-25T10:00:00+09:00';
const backend = createNodeBackend({ now: NOW });

before(() => backend.server.listen({ onUnhandledFrame: 'error' }));
beforeEach(() => backend.reset());
afterEach(() => backend.server.resetHandlers());
after(() => backend.server.close());

const client = (): WebBillingClient => createClient({ baseUrl: BASE, retry: 0 });
const mailsTo = (address: string): OutboxMail[] => backend.outbox.list().filter((m) => m.to === address);
const tokenOf = (mail: OutboxMail | undefined): string => new URL(mail!.link!).searchParams.get('token')!;

async function loggedIn(loginId: string, password: string): Promise<WebBillingClient> {
  const c = client();
  await c.auth.login({ loginId, password });
  return c;
}
const taro = () => loggedIn('taro2024', 'Sakura2024!');
const corp = () => loggedIn('corp-admin1', 'Corp2026pass');

async function validationFields(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ValidationError, `expected ValidationError, got ${String(error)}`);
    return error.fields.map((f) => `${f.field}:${f.code}`);
  }
  assert.fail('expected a ValidationError');
}

describe('auth', () => {
  it('logs in with the postcard credentials and must set new ones', async () => {
    const c = client();
    const session = await c.auth.initialLogin({ initialLoginId: 'HK7Q2MX', initialPassword: 't8Rw3nPa' });
    assert.equal(session.stage, 'credential-setup-required');
    await assert.rejects(c.billing.history(), CredentialChangeRequiredError);
    assert.equal((await c.auth.session()).stage, 'credential-setup-required');
  });

  it('refuses a postcard login that is not 7 + 8 alphanumerics, field by field', async () => {
    const fields = await validationFields(client().auth.initialLogin({ initialLoginId: 'HK7Q2M', initialPassword: 't8Rw3nP!' }));
    assert.deepEqual(fields.sort(), ['initialLoginId:not_initial_credential', 'initialPassword:not_initial_credential']);
  });

  it('checks a request before sending it, with the codes the backend gives: missing is required, a wrong type is invalid_type', async () => {
    let sent = 0;
    const counting = createClient({ baseUrl: BASE, retry: 0, fetch: (input, init) => (sent++, fetch(input, init)) });
    const bad = { password: 42 } as unknown as { loginId: string; password: string };
    assert.deepEqual((await validationFields(counting.auth.login(bad))).sort(), ['loginId:required', 'password:invalid_type']);
    assert.equal(sent, 0, 'the SDK refused it without a request');
    const answer = await fetch(`${BASE}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(bad) });
    const { error } = (await answer.json()) as { error: { fields: { field: string; code: string }[] } };
    assert.deepEqual(error.fields.map((f) => `${f.field}:${f.code}`).sort(), ['loginId:required', 'password:invalid_type']);
  });

  it('logs in an established customer, reports the session and logs out', async () => {
    const c = await taro();
    assert.equal(c.auth.current?.stage, 'active');
    const s = await c.auth.session();
    assert.equal(s.loginId, 'taro2024');
    await c.auth.logout();
    assert.equal(c.auth.current, undefined);
    await assert.rejects(c.auth.session(), SessionExpiredError);
  });

  it('counts down remaining attempts, then locks after the published threshold', async () => {
    const c = client();
    const { lockThreshold } = await c.credentials.policy();
    for (let i = 1; i < lockThreshold; i++) {
      await assert.rejects(c.auth.login({ loginId: 'taro2024', password: 'wrong-pass1' }), (e: unknown) => {
        assert.ok(e instanceof InvalidCredentialsError);
        assert.equal(e.remainingAttempts, lockThreshold - i);
        return true;
      });
    }
    await assert.rejects(c.auth.login({ loginId: 'taro2024', password: 'wrong-pass1' }), AccountLockedError);
    // Locked: the right password gets the same answer.
    await assert.rejects(c.auth.login({ loginId: 'taro2024', password: 'Sakura2024!' }), AccountLockedError);
  });

  it('answers an unknown login ID exactly like a wrong password', async () => {
    const errors = await Promise.all(
      ['taro2024', 'nobody-here1'].map((loginId) =>
        client().auth.login({ loginId, password: 'wrong-pass1' }).then(
          () => assert.fail('should not log in'),
          (e: unknown) => e as InvalidCredentialsError,
        ),
      ),
    );
    assert.deepEqual(
      errors.map((e) => [e.name, e.status, e.remainingAttempts, e.message]),
      [errors[0]!, errors[0]!].map((e) => [e.name, e.status, e.remainingAttempts, e.message]),
    );
  });

  it('ends the session after 30 idle minutes on the backend clock', async () => {
    const c = await taro();
    backend.clock.advance(31 * 60_000);
    await assert.rejects(c.billing.history(), SessionExpiredError);
    assert.equal(c.auth.current, undefined);
  });
});

describe('credentials', () => {
  it('publishes the policy with the 20 symbols', async () => {
    const policy = await client().credentials.policy();
    assert.equal(policy.source, 'backend');
    assert.equal([...policy.allowedSymbols].length, 20);
    assert.deepEqual([policy.loginId.minLength, policy.loginId.maxLength, policy.password.minLength, policy.password.maxLength], [5, 31, 8, 32]);
  });

  it('completes the first change; the postcard credentials stop working', async () => {
    const c = client();
    await c.auth.initialLogin({ initialLoginId: 'HK7Q2MX', initialPassword: 't8Rw3nPa' });
    assert.equal((await c.credentials.loginIdAvailability('taro2024')).available, false);
    assert.equal((await c.credentials.loginIdAvailability('hanako-01')).available, true);
    const { loginId } = await c.credentials.setup({
      initialLoginId: 'HK7Q2MX', initialPassword: 't8Rw3nPa',
      newLoginId: 'hanako-01', newLoginIdConfirm: 'hanako-01',
      newPassword: 'Hanako2026!', newPasswordConfirm: 'Hanako2026!',
    });
    assert.equal(loginId, 'hanako-01');
    assert.equal(c.auth.current?.stage, 'active');
    assert.equal((await c.billing.history()).months.length, 15);
    await assert.rejects(client().auth.initialLogin({ initialLoginId: 'HK7Q2MX', initialPassword: 't8Rw3nPa' }), InvalidCredentialsError);
    await assert.rejects(client().auth.login({ loginId: 'HK7Q2MX', password: 't8Rw3nPa' }), InvalidCredentialsError);
    assert.equal((await client().auth.login({ loginId: 'hanako-01', password: 'Hanako2026!' })).stage, 'active');
  });

  const setupCases: Array<[string, Partial<Record<string, string>>, string]> = [
    ['a login ID of 4 characters', { newLoginId: 'ab12', newLoginIdConfirm: 'ab12' }, 'newLoginId:too_short'],
    ['a login ID of 32 characters', { newLoginId: 'a1'.repeat(16), newLoginIdConfirm: 'a1'.repeat(16) }, 'newLoginId:too_long'],
    ['a login ID of letters only', { newLoginId: 'hanakoo', newLoginIdConfirm: 'hanakoo' }, 'newLoginId:letter_and_digit_required'],
    ['a login ID with a symbol outside the 20', { newLoginId: 'hana~ko1', newLoginIdConfirm: 'hana~ko1' }, 'newLoginId:invalid_characters'],
    ['a login ID taken by someone else', { newLoginId: 'taro2024', newLoginIdConfirm: 'taro2024' }, 'newLoginId:login_id_taken'],
    ['a login ID typed differently twice', { newLoginIdConfirm: 'hanako-02' }, 'newLoginIdConfirm:mismatch'],
    ['a password of 7 characters', { newPassword: 'Hana201', newPasswordConfirm: 'Hana201' }, 'newPassword:too_short'],
    ['a password of 33 characters', { newPassword: 'a1'.repeat(16) + 'b', newPasswordConfirm: 'a1'.repeat(16) + 'b' }, 'newPassword:too_long'],
    ['a password of digits only', { newPassword: '20262026', newPasswordConfirm: '20262026' }, 'newPassword:letter_and_digit_required'],
    ['a password equal to the login ID', { newPassword: 'hanako-01', newPasswordConfirm: 'hanako-01' }, 'newPassword:same_as_login_id'],
    ['a password typed differently twice', { newPasswordConfirm: 'Hanako2026?' }, 'newPasswordConfirm:mismatch'],
  ];
  for (const [name, patch, expected] of setupCases) {
    it(`refuses ${name} (${expected})`, async () => {
      const c = client();
      await c.auth.initialLogin({ initialLoginId: 'HK7Q2MX', initialPassword: 't8Rw3nPa' });
      const fields = await validationFields(
        c.credentials.setup({
          initialLoginId: 'HK7Q2MX', initialPassword: 't8Rw3nPa',
          newLoginId: 'hanako-01', newLoginIdConfirm: 'hanako-01',
          newPassword: 'Hanako2026!', newPasswordConfirm: 'Hanako2026!',
          ...patch,
        }),
      );
      assert.ok(fields.includes(expected), `${fields.join(', ')} should include ${expected}`);
    });
  }

  it('accepts the bounds: a 5-character ID and a 32-character password', async () => {
    const c = client();
    await c.auth.initialLogin({ initialLoginId: 'HK7Q2MX', initialPassword: 't8Rw3nPa' });
    const password = 'Ab1!'.repeat(8);
    await c.credentials.setup({
      initialLoginId: 'HK7Q2MX', initialPassword: 't8Rw3nPa',
      newLoginId: 'ab1_c', newLoginIdConfirm: 'ab1_c', newPassword: password, newPasswordConfirm: password,
    });
    assert.equal((await client().auth.login({ loginId: 'ab1_c', password })).stage, 'active');
  });

  it('refuses the first change when the postcard password is typed wrong', async () => {
    const c = client();
    await c.auth.initialLogin({ initialLoginId: 'HK7Q2MX', initialPassword: 't8Rw3nPa' });
    await assert.rejects(
      c.credentials.setup({
        initialLoginId: 'HK7Q2MX', initialPassword: 't8Rw3nPb',
        newLoginId: 'hanako-01', newLoginIdConfirm: 'hanako-01', newPassword: 'Hanako2026!', newPasswordConfirm: 'Hanako2026!',
      }),
      InvalidCredentialsError,
    );
  });

  it('changes the password with the current one', async () => {
    const c = await taro();
    await assert.rejects(
      c.credentials.changePassword({ currentPassword: 'not-it-123', newPassword: 'Sakura2025!', newPasswordConfirm: 'Sakura2025!' }),
      InvalidCredentialsError,
    );
    await c.credentials.changePassword({ currentPassword: 'Sakura2024!', newPassword: 'Sakura2025!', newPasswordConfirm: 'Sakura2025!' });
    await assert.rejects(client().auth.login({ loginId: 'taro2024', password: 'Sakura2024!' }), InvalidCredentialsError);
    await loggedIn('taro2024', 'Sakura2025!');
    const notice = mailsTo('taro@example.jp').find((m) => m.kind === 'credentials-changed');
    assert.ok(notice, 'a credentials-changed mail was sent');
    assert.ok(!JSON.stringify(notice).includes('Sakura2025!'));
  });
});

describe('account and billing', () => {
  it('gives the registered number and the lines of a combined bill', async () => {
    const c = await corp();
    const account = await c.account.get();
    assert.deepEqual(account.registeredNumber, { kind: 'customer', number: '0012345678' });
    assert.equal(account.billing, 'combined');
    const { companies, lines } = await c.account.lines();
    assert.ok(companies.length >= 3);
    assert.ok(lines.length >= 120);
    assert.equal(account.lineCount, lines.length);
  });

  it('gives 15 months newest first with exactly 4 breakdowns', async () => {
    const { months, currentMonth } = await (await taro()).billing.history();
    assert.equal(currentMonth, '2026-11');
    assert.equal(months.length, 15);
    assert.equal(months[0]?.month, '2026-11');
    assert.equal(months[14]?.month, '2025-09');
    assert.deepEqual(months.map((m) => m.breakdownAvailable), [true, true, true, true, ...Array(11).fill(false)]);
  });

  it('breaks a month down so that every total equals the sum of its items, in every view', async () => {
    const c = await corp();
    const { months } = await c.billing.history();
    for (const m of months.filter((x) => x.breakdownAvailable)) {
      const b = await c.billing.breakdown(m.month);
      assert.equal(b.total, m.amount, `${m.month} breakdown total equals its history amount`);
      let sum = 0;
      for (const company of b.companies) {
        let companySum = 0;
        for (const line of company.lines) {
          const lineSum = line.items.reduce((a, i) => a + i.amount, 0);
          assert.equal(line.subtotal, lineSum);
          companySum += lineSum;
        }
        assert.equal(company.subtotal, companySum);
        sum += companySum;
      }
      assert.equal(b.total, sum);
      assert.equal(b.taxTotal, b.companies.flatMap((co) => co.lines.flatMap((l) => l.items)).filter((i) => i.kind === 'tax').reduce((a, i) => a + i.amount, 0));
    }
  });

  it('breaks down by company and by line (dashes accepted)', async () => {
    const c = await corp();
    const { lines, companies } = await c.account.lines();
    const line87 = lines.find((l) => l.lineNumber.endsWith('87'))!;
    const byLine = await c.billing.breakdown('2026-11', { view: 'line', line: `${line87.lineNumber.slice(0, 3)}-${line87.lineNumber.slice(3)}` });
    assert.equal(byLine.lineNumber, line87.lineNumber);
    assert.deepEqual(byLine.companies.flatMap((co) => co.lines.map((l) => l.lineNumber)), [line87.lineNumber]);
    const byCompany = await c.billing.breakdown('2026-11', { view: 'company', company: companies[1]!.id });
    assert.deepEqual(byCompany.companies.map((co) => co.companyId), [companies[1]!.id]);
    await assert.rejects(c.billing.breakdown('2026-11', { view: 'line', line: '0000000000' }), NotFoundError);
  });

  it('refuses a breakdown older than 4 months, and a month outside the 15', async () => {
    const c = await taro();
    await assert.rejects(c.billing.breakdown('2026-07'), (e: unknown) => e instanceof NotFoundError && e.code === 'breakdown_not_retained' && /4 months/.test(e.message));
    await assert.rejects(c.billing.summary('2026-07'), (e: unknown) => e instanceof NotFoundError && e.code === 'breakdown_not_retained');
    await assert.rejects(c.billing.breakdown('2024-01'), (e: unknown) => e instanceof NotFoundError && e.code === 'month_out_of_range');
    await assert.rejects(c.billing.breakdown('Nov 2026'), ValidationError);
  });

  it('gives a summary with usage and plain-text notices', async () => {
    const s = await (await corp()).billing.summary('2026-11');
    assert.ok(s.usage.length > 0);
    // The texts as the service wrote them, in both languages (the SDK neither escapes nor strips them).
    assert.ok(s.notices.some((n) => n.id === 'phishing-warning' && n.body.en.includes('card number') && n.body.ja.includes('クレジットカード番号')));
  });
});

describe('reissue email', () => {
  it('registers, confirms through the mailed link once, then changes and deletes', async () => {
    const c = await corp();
    const questions = await c.reissueEmail.questions();
    assert.ok(questions.length >= 3);
    await assert.rejects(c.reissueEmail.register({ email: 'x@corp.example', emailConfirm: 'x@corp.example', questionId: questions[0]!.id, answer: 'a' }), ConflictError);
    await c.reissueEmail.delete();
    assert.equal((await c.reissueEmail.status()).state, 'none');
    const pending = await c.reissueEmail.register({ email: 'new@corp.example', emailConfirm: 'new@corp.example', questionId: questions[1]!.id, answer: 'Blue' });
    assert.equal(pending.state, 'pending');
    const token = tokenOf(mailsTo('new@corp.example').find((m) => m.kind === 'reissue-email-confirm'));
    assert.ok(token.length >= 22, 'at least 128 bits');
    const wrong = await validationFields(client().reissueEmail.confirm({ token, questionId: questions[1]!.id, answer: 'Red' }));
    assert.deepEqual(wrong, ['answer:wrong_answer']);
    const done = await client().reissueEmail.confirm({ token, questionId: questions[1]!.id, answer: ' blue ' });
    assert.equal(done.state, 'registered');
    await assert.rejects(client().reissueEmail.confirm({ token, questionId: questions[1]!.id, answer: 'Blue' }), LinkExpiredError);
    await c.reissueEmail.change({ email: 'other@corp.example', emailConfirm: 'other@corp.example', questionId: questions[0]!.id, answer: 'X' });
    const changed = await c.reissueEmail.status();
    assert.equal(changed.state, 'registered', 'the confirmed address stays until the change is confirmed');
    assert.match(changed.pendingEmail ?? '', /@corp\.example$/);
  });

  it('refuses an address typed differently twice and an unknown question', async () => {
    const c = await corp();
    await c.reissueEmail.delete();
    const fields = await validationFields(c.reissueEmail.register({ email: 'a@corp.example', emailConfirm: 'b@corp.example', questionId: 'nope', answer: 'x' }));
    assert.ok(fields.includes('emailConfirm:mismatch'));
    assert.ok(fields.includes('questionId:unknown_question'));
  });

  it('expires the link after 24 hours: one second before works, one second after does not', async () => {
    for (const [offset, works] of [[-1_000, true], [1_000, false]] as const) {
      backend.reset();
      const c = await corp();
      await c.reissueEmail.delete();
      const [q] = await c.reissueEmail.questions();
      await c.reissueEmail.register({ email: 'late@corp.example', emailConfirm: 'late@corp.example', questionId: q!.id, answer: 'A' });
      const token = tokenOf(mailsTo('late@corp.example')[0]);
      backend.clock.advance(24 * 3600_000 + offset);
      const attempt = client().reissueEmail.confirm({ token, questionId: q!.id, answer: 'A' });
      if (works) assert.equal((await attempt).state, 'registered');
      else await assert.rejects(attempt, LinkExpiredError);
    }
  });
});

describe('notice email', () => {
  it('registers, confirms with the registered number (dashes and full-width accepted), changes and deletes', async () => {
    const c = await corp();
    const status = await c.noticeEmail.status();
    assert.equal(status.state, 'none');
    assert.equal(status.sender, 'webbilling_info@ntt-finance.co.jp');
    await c.noticeEmail.register({ type: 'internet', email: 'bill@corp.example' });
    const token = tokenOf(mailsTo('bill@corp.example').find((m) => m.kind === 'notice-email-confirm'));
    const wrong = await validationFields(client().noticeEmail.confirm(token, '0099999999'));
    assert.deepEqual(wrong, ['registeredNumber:wrong_number']);
    const done = await client().noticeEmail.confirm(token, '００１-２３４５-６７８');
    assert.equal(done.state, 'registered');
    assert.ok(mailsTo('bill@corp.example').some((m) => m.kind === 'notice-email-registered'));
    await assert.rejects(c.noticeEmail.register({ type: 'mobile', email: 'x@corp.example' }), ConflictError);
    await c.noticeEmail.change({ type: 'mobile', email: 'm@docomo.example' });
    await c.noticeEmail.delete();
    assert.equal((await c.noticeEmail.status()).state, 'none');
    await assert.rejects(c.noticeEmail.delete(), NotFoundError);
  });

  it('sends the monthly amount 2 weeks before the due date to a confirmed address', async () => {
    const before = mailsTo('taro@docomo.example').filter((m) => m.kind === 'notice-monthly-amount').length;
    // 2026-11-25 → past 2026-12-12, two weeks before December's due date (the 26th).
    backend.clock.advance(18 * 24 * 3600_000);
    const after = mailsTo('taro@docomo.example').filter((m) => m.kind === 'notice-monthly-amount');
    assert.ok(after.length > before, 'a monthly amount mail went out');
    assert.match(after.at(-1)!.body.ja, /[0-9,]+円/);
  });
});

describe('password reissue', () => {
  it('mails a temporary password on a full match, unlocks, and forces a change', async () => {
    await assert.rejects(client().auth.login({ loginId: 'locked01', password: 'Locked2026' }), AccountLockedError);
    const [q] = (await client().reissueEmail.questions()).filter((x) => x.id === backend.store.accounts.get('locked01')?.reissueEmail?.questionId);
    await client().passwordReissue.request({ loginId: 'locked01', email: 'locked@example.jp', questionId: q!.id, answer: 'tokyo' });
    const mail = mailsTo('locked@example.jp').find((m) => m.kind === 'password-reissued');
    assert.ok(mail?.temporaryPassword);
    await assert.rejects(client().auth.login({ loginId: 'locked01', password: 'Locked2026' }), InvalidCredentialsError);
    const c = client();
    assert.equal((await c.auth.login({ loginId: 'locked01', password: mail.temporaryPassword })).stage, 'password-change-required');
    await assert.rejects(c.billing.history(), CredentialChangeRequiredError);
    await c.credentials.changePassword({ currentPassword: mail.temporaryPassword, newPassword: 'Unlocked2026', newPasswordConfirm: 'Unlocked2026' });
    assert.equal(c.auth.current?.stage, 'active');
    await c.billing.history();
  });

  it('answers the same for an unknown ID, a wrong email and a wrong answer, and mails nothing', async () => {
    const [q] = await client().reissueEmail.questions();
    const outboxBefore = backend.outbox.list().length;
    const attempts = [
      { loginId: 'nobody-here1', email: 'taro@example.jp', questionId: q!.id, answer: 'Pochi' },
      { loginId: 'taro2024', email: 'wrong@example.jp', questionId: q!.id, answer: 'Pochi' },
      { loginId: 'taro2024', email: 'taro@example.jp', questionId: q!.id, answer: 'Tama' },
    ];
    const raw = await Promise.all(
      attempts.map((body) =>
        backend.fetch(`${BASE}/password-reissue`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      ),
    );
    const shapes = await Promise.all(raw.map(async (r) => [r.status, await r.text()]));
    assert.deepEqual(shapes[0], shapes[1]);
    assert.deepEqual(shapes[1], shapes[2]);
    assert.equal(backend.outbox.list().length, outboxBefore);
    for (const body of attempts) await client().passwordReissue.request(body);
  });
});
