/**
 * Cases that use up an account: the lock, the locked account's way out
 * (password reissue) and the temporary password, the postcard's first
 * change. They run last; each says what it uses up.
 *
 * @module
 */
import { allPass, checkCredential } from '../../src/contract/rules.js';
import type { CaseContext } from '../context.js';
import { CaseSkipped, check, expectError, expectSuccess, type Reply } from '../http.js';
import { active, checkAlike, credentialOf, differingKeys, setupRequest, unknownLoginId, type ConformanceCase } from './shared.js';

/** Asks for a password reissue of the active account and returns the mailed temporary password. */
async function reissueActive(ctx: CaseContext): Promise<string> {
  const registered = ctx.fixture('active').reissueEmail;
  check(registered, 'needs active.reissueEmail in the fixtures');
  const before = (await ctx.mails()).length;
  const body = { loginId: ctx.fixtures.active.loginId, email: registered.email, questionId: registered.questionId, answer: registered.answer };
  expectSuccess(await ctx.api.call('passwordReissue.request', { body }));
  const temporary = (await ctx.mailOf('password-reissued', registered.email, before)).temporaryPassword;
  check(temporary, 'the password-reissued mail carries no temporary password');
  return temporary;
}

export const CONSUMING_CASES: ConformanceCase[] = [
  {
    name: 'an account locks at the published threshold (that failure already answers 423) and then answers 423 alike to the right and a wrong password; an unknown ID answers the same at every step [locks "lockable"]',
    ref: 'ASVS 5.0 V6.3.1, V6.3.8; guide: lock',
    async run(ctx) {
      const { loginId, password } = ctx.fixture('lockable');
      const [a, b] = [unknownLoginId(ctx), unknownLoginId(ctx)];
      const wrong = (id: string) => ctx.api.call('auth.login', { body: { loginId: id, password: `${password}x` } });
      const step = async (): Promise<[Reply, Reply, Reply]> => [await wrong(loginId), await wrong(a), await wrong(b)];
      for (let i = 1; i < ctx.policy.lockThreshold; i++) {
        const [known, unknownA, unknownB] = await step();
        const reply = expectError(known, 'invalid_credentials');
        const remaining = reply.body.error.details?.remainingAttempts;
        if (remaining !== undefined) check(remaining === ctx.policy.lockThreshold - i, `attempt ${i}: remainingAttempts ${remaining}, expected ${ctx.policy.lockThreshold - i}`);
        checkAlike(known, unknownA, `attempt ${i}: an unknown ID answers differently`, differingKeys(unknownA, unknownB));
      }
      // The failure that reaches the threshold locks the account and already answers so (remainingAttempts 1 said one try was left).
      const [last, lastA, lastB] = await step();
      expectError(last, 'account_locked');
      checkAlike(last, lastA, 'at the threshold an unknown ID answers differently', differingKeys(lastA, lastB));
      const right = expectError(await ctx.api.call('auth.login', { body: { loginId, password } }), 'account_locked');
      const again = expectError(await wrong(loginId), 'account_locked');
      const [unknownA, unknownB] = [await wrong(a), await wrong(b)];
      check(right.status === again.status && right.body.error.code === again.body.error.code, 'a locked account answers the right and a wrong password differently');
      checkAlike(right, again, 'a locked account answers the right and a wrong password differently', differingKeys(unknownA, unknownB));
      checkAlike(right, unknownA, 'past the threshold an unknown ID does not answer like the locked account (423)', differingKeys(unknownA, unknownB));
    },
  },
  {
    name: 'failed logins typed as variants of one login ID that the backend takes for it (full-width, surrounding spaces) share its count and lock it [locks "lockable"]',
    ref: 'ASVS 5.0 V6.3.1',
    async run(ctx) {
      ctx.needs('reset');
      const { loginId, password } = ctx.fixture('lockable');
      const fullWidth = [...loginId].map((c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');
      // Only the variants that log in as the account matter: one that does not is another (unknown) ID.
      const variants: string[] = [];
      for (const variant of [fullWidth, ` ${loginId}\u3000`]) {
        const reply = await ctx.api.call('auth.login', { body: { loginId: variant, password } });
        if (reply.status === 200) variants.push(variant);
      }
      if (variants.length === 0) throw new CaseSkipped('no variant of the login ID logs in as the account, so none can spread its failed logins');
      const threshold = ctx.policy.lockThreshold;
      for (let i = 1; i < threshold; i++) {
        const typed = variants[(i - 1) % variants.length]!;
        expectError(await ctx.api.call('auth.login', { body: { loginId: typed, password: `${password}-${i}` } }), 'invalid_credentials');
      }
      const reply = await ctx.api.call('auth.login', { body: { loginId, password: `${password}-last` } });
      check(reply.status !== 401, `after ${threshold - 1} failures under variants of the ID and one under the ID itself, the account is not locked: the variants have counts of their own`);
      expectError(reply, 'account_locked');
      expectError(await ctx.api.call('auth.login', { body: { loginId, password } }), 'account_locked');
    },
  },
  {
    name: 'wrong postcard passwords lock the postcard account like any other: then even the right postcard credentials answer 423 [locks "postcard"]',
    ref: 'ASVS 5.0 V6.3.1, V6.4.1',
    async run(ctx) {
      ctx.needs('reset');
      const postcard = ctx.fixture('postcard');
      const wrong = (i: number) => {
        const value = `${postcard.initialPassword.slice(0, -2)}${String(10 + i).slice(-2)}`;
        return value === postcard.initialPassword ? `${postcard.initialPassword.slice(0, -2)}zz` : value;
      };
      for (let i = 1; i < ctx.policy.lockThreshold; i++) {
        expectError(await ctx.api.call('auth.initialLogin', { body: { initialLoginId: postcard.initialLoginId, initialPassword: wrong(i) } }), 'invalid_credentials');
      }
      expectError(await ctx.api.call('auth.initialLogin', { body: { initialLoginId: postcard.initialLoginId, initialPassword: wrong(0) } }), 'account_locked');
      const right = await ctx.api.call('auth.initialLogin', { body: postcard });
      check(right.status !== 200, 'the right postcard credentials log in after lockThreshold wrong ones');
      expectError(right, 'account_locked');
    },
  },
  {
    name: 'a locked account answers 423 alike to the right and a wrong password',
    ref: 'ASVS 5.0 V6.3.1; guide: lock',
    async run(ctx) {
      const { loginId, password } = ctx.fixture('locked');
      const right = expectError(await ctx.api.call('auth.login', { body: { loginId, password } }), 'account_locked');
      const wrong = expectError(await ctx.api.call('auth.login', { body: { loginId, password: `${password}x` } }), 'account_locked');
      const wrongAgain = expectError(await ctx.api.call('auth.login', { body: { loginId, password: `${password}y` } }), 'account_locked');
      checkAlike(right, wrong, 'the answers differ', differingKeys(wrong, wrongAgain));
    },
  },
  {
    name: 'a password reissue mails a temporary password, within the password policy, that unlocks the account, forces a change, and ends the old password [unlocks "locked", then sets its password back]',
    ref: 'ASVS 5.0 V6.4.1, V6.4.3; guide: password reissue, lock',
    async run(ctx) {
      ctx.needs('outbox');
      const locked = ctx.fixture('locked');
      const { email, questionId, answer } = locked.reissueEmail;
      const before = (await ctx.mails()).length;
      expectSuccess(await ctx.api.call('passwordReissue.request', { body: { loginId: locked.loginId, email, questionId, answer } }));
      const mail = await ctx.mailOf('password-reissued', email, before);
      const temporary = mail.temporaryPassword;
      check(temporary, 'the password-reissued mail carries no temporary password');
      // A system-made password follows the published policy like any other (and so has its length).
      check(allPass(checkCredential('password', temporary, ctx.policy, locked.loginId)), `the temporary password (${temporary.length} characters) breaks the published password policy`);
      expectError(await ctx.api.call('auth.login', { body: { loginId: locked.loginId, password: locked.password } }), 'invalid_credentials');
      const login = await ctx.api.ok('auth.login', { body: { loginId: locked.loginId, password: temporary } });
      const token = ctx.sessionOf(login);
      check(login.body.stage === 'password-change-required', `expected stage password-change-required, got ${login.body.stage}`);
      expectError(await ctx.api.call('billing.history', { token }), 'credential_change_required');
      // Back to the fixture's password where the published policy allows it (else a reset restores it).
      const next = allPass(checkCredential('password', locked.password, ctx.policy, locked.loginId))
        ? locked.password
        : credentialOf(ctx.policy.password.minLength + 1, 'R7');
      const changed = await ctx.api.ok('credentials.changePassword', {
        token,
        body: { currentPassword: temporary, newPassword: next, newPasswordConfirm: next },
      });
      check(changed.body.stage === 'active', `expected stage active after the change, got ${changed.body.stage}`);
      await ctx.api.ok('billing.history', { token: ctx.sessionAfter(changed, token) });
      expectError(await ctx.api.call('auth.login', { body: { loginId: locked.loginId, password: temporary } }), 'invalid_credentials');
      await ctx.login({ loginId: locked.loginId, password: next });
    },
  },
  {
    name: 'a temporary password logs in until temporaryPasswordHours and answers 401 after; it dies at the forced change [reissues "active", then sets its password back]',
    ref: 'ASVS 5.0 V6.4.1',
    async run(ctx) {
      ctx.needs('outbox');
      ctx.needs('clock');
      const { loginId, password } = active(ctx);
      const hours = ctx.policy.temporaryPasswordHours;
      check(Number.isInteger(hours) && hours > 0, `the policy publishes temporaryPasswordHours ${String(hours)}`);
      const lifetime = hours * 3_600_000;

      // Just before the end it logs in, with the forced change; after the change it no longer logs in.
      const first = await reissueActive(ctx);
      await ctx.advanceClock(lifetime - 60_000);
      const session = await ctx.api.ok('auth.login', { body: { loginId, password: first } });
      check(session.body.stage === 'password-change-required', `expected stage password-change-required, got ${session.body.stage}`);
      const next = credentialOf(ctx.policy.password.minLength + 2, 'T4');
      await ctx.api.ok('credentials.changePassword', { token: ctx.sessionOf(session), body: { currentPassword: first, newPassword: next, newPasswordConfirm: next } });
      expectError(await ctx.api.call('auth.login', { body: { loginId, password: first } }), 'invalid_credentials');
      await ctx.login({ loginId, password: next });

      // Just after the end it is refused like a wrong password.
      const second = await reissueActive(ctx);
      await ctx.advanceClock(lifetime + 60_000);
      expectError(await ctx.api.call('auth.login', { body: { loginId, password: second } }), 'invalid_credentials');

      if (ctx.dev.reset) return;
      // Without a reset: a fresh reissue, and the fixture's password again.
      const third = await reissueActive(ctx);
      const token = ctx.sessionOf(await ctx.api.ok('auth.login', { body: { loginId, password: third } }));
      await ctx.api.ok('credentials.changePassword', { token, body: { currentPassword: third, newPassword: password, newPasswordConfirm: password } });
    },
  },
  {
    name: 'credentials.setup at the bounds replaces the postcard credentials, which stop working on both login routes [uses up "postcard"]',
    ref: 'ASVS 5.0 V6.4.1; guide: first credential change (postcard ID and password single use)',
    async run(ctx) {
      const postcard = ctx.fixture('postcard');
      const token = ctx.sessionOf(await ctx.api.ok('auth.initialLogin', { body: postcard }));
      const newLoginId = credentialOf(ctx.policy.loginId.minLength, 'm4');
      const newPassword = credentialOf(ctx.policy.password.maxLength, 'W6');
      const request = await setupRequest(ctx, { newLoginId, newLoginIdConfirm: newLoginId, newPassword, newPasswordConfirm: newPassword });
      const done = await ctx.api.ok('credentials.setup', { token, body: request });
      check(done.body.stage === 'active', `expected stage active, got ${done.body.stage}`);
      await ctx.api.ok('billing.history', { token: ctx.sessionAfter(done, token) });
      expectError(await ctx.api.call('auth.initialLogin', { body: postcard }), 'invalid_credentials');
      expectError(await ctx.api.call('auth.login', { body: { loginId: postcard.initialLoginId, password: postcard.initialPassword } }), 'invalid_credentials');
      const session = await ctx.api.ok('auth.login', { body: { loginId: newLoginId, password: newPassword } });
      check(session.body.stage === 'active', `the new credentials log in with stage ${session.body.stage}`);
    },
  },
];
