import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_ACCOUNTS, type Backend } from '../../../mocks/index.js';
import { DEFAULT_CREDENTIAL_POLICY, type CredentialPolicy } from '../../../src/contract/rules.js';
import { asSetUpPostcard, asTaro, assertError, assertOk, call, freshBackend, mailsTo } from './helpers.js';

const { postcard, established } = DEMO_ACCOUNTS;

async function postcardToken(b: Backend): Promise<string> {
  const reply = await call(b, 'auth.initialLogin', { body: { initialLoginId: postcard.loginId, initialPassword: postcard.password } });
  assertOk(reply);
  return reply.body.token as string;
}

function setupBody(overrides: Record<string, string> = {}) {
  return {
    initialLoginId: postcard.loginId,
    initialPassword: postcard.password,
    newLoginId: 'hanako01',
    newLoginIdConfirm: 'hanako01',
    newPassword: 'Hanako2026pw',
    newPasswordConfirm: 'Hanako2026pw',
    ...overrides,
  };
}

describe('credential policy', () => {
  it('publishes the default policy', async () => {
    const reply = await call(freshBackend(), 'credentials.policy');
    assert.deepEqual(reply.body, { ...DEFAULT_CREDENTIAL_POLICY, sessionMode: 'memory', sessionIdleMinutes: 30 });
  });

  it('reports whether a login ID is free, by its normal form', async () => {
    const b = freshBackend();
    const token = await postcardToken(b);
    const taken = await call(b, 'credentials.loginIdAvailability', { token, query: { loginId: 'ｔａｒｏ２０２４' } });
    assert.deepEqual(taken.body, { loginId: 'taro2024', available: false });
    const free = await call(b, 'credentials.loginIdAvailability', { token, query: { loginId: 'hanako01' } });
    assert.equal(free.body.available, true);
    assertError(await call(b, 'credentials.loginIdAvailability', { token }), 'validation_failed', ['loginId:required']);
  });
});

describe('first credential setup', () => {
  const cases: Array<[string, Record<string, string>, string[]]> = [
    ['a login ID shorter than 5', { newLoginId: 'ab1', newLoginIdConfirm: 'ab1' }, ['newLoginId:too_short']],
    ['a login ID longer than 31', { newLoginId: `a${'1'.repeat(31)}`, newLoginIdConfirm: `a${'1'.repeat(31)}` }, ['newLoginId:too_long']],
    ['a login ID of letters only', { newLoginId: 'hanakoo', newLoginIdConfirm: 'hanakoo' }, ['newLoginId:letter_and_digit_required']],
    ['a login ID with a symbol outside the 20', { newLoginId: 'hana<01', newLoginIdConfirm: 'hana<01' }, ['newLoginId:invalid_characters']],
    ['a login ID with a full-width letter', { newLoginId: 'ｈanako01', newLoginIdConfirm: 'ｈanako01' }, ['newLoginId:invalid_characters']],
    ['a login ID typed differently twice', { newLoginIdConfirm: 'hanako02' }, ['newLoginIdConfirm:mismatch']],
    ['a login ID already in use', { newLoginId: 'taro2024', newLoginIdConfirm: 'taro2024' }, ['newLoginId:login_id_taken']],
    ['a password shorter than 8', { newPassword: 'abc1234', newPasswordConfirm: 'abc1234' }, ['newPassword:too_short']],
    ['a password longer than 32', { newPassword: `A${'1'.repeat(32)}`, newPasswordConfirm: `A${'1'.repeat(32)}` }, ['newPassword:too_long']],
    ['a password of digits only', { newPassword: '12345678', newPasswordConfirm: '12345678' }, ['newPassword:letter_and_digit_required']],
    ['a password with a space', { newPassword: 'Hanako 2026', newPasswordConfirm: 'Hanako 2026' }, ['newPassword:invalid_characters']],
    ['a password equal to the login ID', { newLoginId: 'hanako2026', newLoginIdConfirm: 'hanako2026', newPassword: 'hanako2026', newPasswordConfirm: 'hanako2026' }, ['newPassword:same_as_login_id']],
    ['a password typed differently twice', { newPasswordConfirm: 'Hanako2026px' }, ['newPasswordConfirm:mismatch']],
    ['empty new values', { newLoginId: '', newLoginIdConfirm: '', newPassword: '', newPasswordConfirm: '' }, ['newLoginId:required', 'newPassword:required']],
  ];
  for (const [what, overrides, fields] of cases) {
    it(`refuses ${what} (${fields.join(', ')})`, async () => {
      const b = freshBackend();
      const token = await postcardToken(b);
      assertError(await call(b, 'credentials.setup', { token, body: setupBody(overrides) }), 'validation_failed', fields);
    });
  }

  it('accepts every one of the 20 allowed symbols', async () => {
    const b = freshBackend();
    const token = await postcardToken(b);
    const password = `Aa1${DEFAULT_CREDENTIAL_POLICY.allowedSymbols}`.slice(0, 32);
    assertOk(await call(b, 'credentials.setup', { token, body: setupBody({ newPassword: password, newPasswordConfirm: password }) }));
  });

  it('requires the postcard ID and password again (401 invalid_credentials)', async () => {
    const b = freshBackend();
    const token = await postcardToken(b);
    assertError(await call(b, 'credentials.setup', { token, body: setupBody({ initialPassword: 'x8Rw3nPa' }) }), 'invalid_credentials');
    assertError(await call(b, 'credentials.setup', { token, body: setupBody({ initialLoginId: 'HK7Q2MY' }) }), 'invalid_credentials');
  });

  it('ends the session after 5 wrong postcard passwords in it', async () => {
    const b = freshBackend();
    const token = await postcardToken(b);
    for (let i = 0; i < 4; i++) {
      assertError(await call(b, 'credentials.setup', { token, body: setupBody({ initialPassword: 'x8Rw3nPa' }) }), 'invalid_credentials');
    }
    assertError(await call(b, 'credentials.setup', { token, body: setupBody({ initialPassword: 'x8Rw3nPa' }) }), 'session_expired');
    assertError(await call(b, 'auth.session', { token }), 'session_expired');
  });

  it('activates the session, and the postcard credentials stop working for good', async () => {
    const b = freshBackend();
    const token = await postcardToken(b);
    const reply = await call(b, 'credentials.setup', { token, body: setupBody() });
    assert.deepEqual(reply.body, { loginId: 'hanako01', stage: 'active' });
    assertOk(await call(b, 'account.get', { token }));
    assertError(
      await call(b, 'auth.initialLogin', { body: { initialLoginId: postcard.loginId, initialPassword: postcard.password } }),
      'invalid_credentials',
    );
    assertError(await call(b, 'auth.login', { body: { loginId: postcard.loginId, password: postcard.password } }), 'invalid_credentials');
    const again = await call(b, 'auth.login', { body: { loginId: 'hanako01', password: 'Hanako2026pw' } });
    assert.equal(again.body.stage, 'active');
    assertError(await call(b, 'credentials.setup', { token: again.body.token, body: setupBody() }), 'conflict');
  });

  it('lets nobody else take the chosen ID afterwards', async () => {
    const b = freshBackend();
    const token = await asSetUpPostcard(b, 'hanako01');
    const reply = await call(b, 'credentials.loginIdAvailability', { token, query: { loginId: 'hanako01' } });
    assert.equal(reply.body.available, false);
    assert.equal((await call(b, 'credentials.loginIdAvailability', { token, query: { loginId: postcard.loginId } })).body.available, true);
  });
});

describe('password change', () => {
  it('changes the password: the old one stops working and a mail without secrets goes out', async () => {
    const b = freshBackend();
    const token = await asTaro(b);
    const reply = await call(b, 'credentials.changePassword', {
      token,
      body: { currentPassword: established.password, newPassword: 'Momiji2026!', newPasswordConfirm: 'Momiji2026!' },
    });
    assert.deepEqual(reply.body, { stage: 'active' });
    assertError(await call(b, 'auth.login', { body: { loginId: established.loginId, password: established.password } }), 'invalid_credentials');
    assertOk(await call(b, 'auth.login', { body: { loginId: established.loginId, password: 'Momiji2026!' } }));
    const [mail] = mailsTo(b, established.reissueEmail.email, 'credentials-changed');
    assert.ok(mail, 'a credentials-changed mail went out');
    assert.ok(!JSON.stringify(mail).includes('Momiji2026!'), 'the mail does not carry the password');
    assert.equal(mail.temporaryPassword, undefined);
  });

  it('checks the current password and the rules', async () => {
    const b = freshBackend();
    const token = await asTaro(b);
    assertError(
      await call(b, 'credentials.changePassword', { token, body: { currentPassword: 'nope', newPassword: 'Momiji2026!', newPasswordConfirm: 'Momiji2026!' } }),
      'invalid_credentials',
    );
    assertError(
      await call(b, 'credentials.changePassword', { token, body: { currentPassword: established.password, newPassword: 'taro2024', newPasswordConfirm: 'taro2025' } }),
      'validation_failed',
      ['newPassword:same_as_login_id', 'newPasswordConfirm:mismatch'],
    );
  });

  it('answers 403 to a postcard session, which must set up its credentials first', async () => {
    const b = freshBackend();
    const token = await postcardToken(b);
    assertError(
      await call(b, 'credentials.changePassword', { token, body: { currentPassword: postcard.password, newPassword: 'Hanako2026pw', newPasswordConfirm: 'Hanako2026pw' } }),
      'credential_change_required',
    );
  });
});

describe('other policies', () => {
  it('enforces a NIST-style policy it publishes (long Unicode passphrases, no composition rule)', async () => {
    const nist: CredentialPolicy = {
      ...DEFAULT_CREDENTIAL_POLICY,
      loginId: { minLength: 3, maxLength: 64, requireLetterAndDigit: false, charset: 'unicode' },
      password: { minLength: 15, maxLength: 128, requireLetterAndDigit: false, charset: 'unicode' },
    };
    const b = freshBackend({ policy: nist });
    assert.deepEqual((await call(b, 'credentials.policy')).body, { ...nist, sessionMode: 'memory', sessionIdleMinutes: 30 });
    const token = await postcardToken(b);
    const phrase = 'さくらの花が咲く春の日に';
    assertError(
      await call(b, 'credentials.setup', { token, body: setupBody({ newPassword: phrase, newPasswordConfirm: phrase }) }),
      'validation_failed',
      ['newPassword:too_short'],
    );
    const longer = `${phrase}、公園で`;
    assertOk(await call(b, 'credentials.setup', { token, body: setupBody({ newLoginId: 'はなこ', newLoginIdConfirm: 'はなこ', newPassword: longer + longer, newPasswordConfirm: longer + longer }) }));
    assertOk(await call(b, 'auth.login', { body: { loginId: 'はなこ', password: longer + longer } }));
  });
});

describe('secrets at rest', () => {
  it('keeps no password, answer or token in clear in the store', async () => {
    const b = freshBackend();
    const token = await asTaro(b);
    const strings: string[] = [];
    const seen = new Set<unknown>();
    const walk = (value: unknown): void => {
      if (typeof value === 'string') strings.push(value);
      if (value === null || typeof value !== 'object' || seen.has(value)) return;
      seen.add(value);
      if (value instanceof Map) {
        for (const [k, v] of value) {
          walk(k);
          walk(v);
        }
      } else if (value instanceof Set) for (const v of value) walk(v);
      else for (const v of Object.values(value)) walk(v);
    };
    walk(b.store);
    for (const secret of [established.password, 'Pochi', 'pochi', DEMO_ACCOUNTS.corporate.password, postcard.password, token]) {
      assert.ok(!strings.some((s) => s.includes(secret)), `the store keeps ${secret} in clear`);
    }
  });
});
