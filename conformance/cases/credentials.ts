/**
 * Credential changes and their rules at the bounds of the published policy,
 * and the login-ID availability check.
 *
 * @module
 */
import { allPass, checkCredential } from '../../src/contract/rules.js';
import { CaseSkipped, check, expectError, expectFieldIssue, expectSuccess } from '../http.js';
import { active, credentialOf, refusedCharacter, SAMPLE, setupRequest, type ConformanceCase } from './shared.js';

export const CREDENTIAL_CASES: ConformanceCase[] = [
  {
    name: 'credentials.loginIdAvailability needs a session, and says a taken login ID is not available and a fresh one is, from a postcard session and an active one',
    ref: 'guide: first credential change (login ID unique); ASVS 5.0 V8.2.1',
    async run(ctx) {
      const fresh = credentialOf(ctx.policy.loginId.minLength + 3);
      expectError(await ctx.api.call('credentials.loginIdAvailability', { query: { loginId: fresh } }), 'session_expired');
      const sessions: Array<[string, string]> = [['an active session', await ctx.login(active(ctx))]];
      if (ctx.fixtures.postcard) {
        const postcard = await ctx.api.ok('auth.initialLogin', { body: ctx.fixtures.postcard });
        check(postcard.body.stage === 'credential-setup-required', `expected stage credential-setup-required, got ${postcard.body.stage}`);
        sessions.push(['a postcard session', ctx.sessionOf(postcard)]);
      }
      for (const [which, token] of sessions) {
        const taken = await ctx.api.ok('credentials.loginIdAvailability', { token, query: { loginId: ctx.fixtures.active.loginId } });
        check(taken.body.available === false, `from ${which}: the "active" fixture's own login ID is reported available`);
        const free = await ctx.api.ok('credentials.loginIdAvailability', { token, query: { loginId: fresh } });
        check(free.body.available === true, `from ${which}: a random login ID is reported taken`);
      }
    },
  },
  {
    name: 'auth.login accepts the postcard credentials too, with stage credential-setup-required',
    ref: 'guide: first login (postcard)',
    async run(ctx) {
      const postcard = ctx.fixture('postcard');
      const reply = await ctx.api.ok('auth.login', { body: { loginId: postcard.initialLoginId, password: postcard.initialPassword } });
      const token = ctx.sessionOf(reply);
      check(reply.body.stage === 'credential-setup-required', `expected stage credential-setup-required, got ${reply.body.stage}`);
      expectError(await ctx.api.call('billing.history', { token }), 'credential_change_required');
      await ctx.api.ok('auth.logout', { token });
    },
  },
  {
    name: 'register answers 409 conflict where an email is already registered',
    ref: 'guide: reissue email, billing-notice email',
    async run(ctx) {
      const { reissueEmail, noticeEmail } = ctx.fixtures.active;
      if (!reissueEmail && !noticeEmail) throw new CaseSkipped('needs active.reissueEmail or active.noticeEmail in the fixtures');
      const token = await ctx.login(active(ctx));
      if (reissueEmail) {
        const body = { email: reissueEmail.email, emailConfirm: reissueEmail.email, questionId: reissueEmail.questionId, answer: reissueEmail.answer };
        expectError(await ctx.api.call('reissueEmail.register', { token, body }), 'conflict');
      }
      if (noticeEmail) expectError(await ctx.api.call('noticeEmail.register', { token, body: noticeEmail }), 'conflict');
    },
  },
  {
    name: 'credentials.setup answers 409 conflict from a session whose postcard credentials were already replaced',
    ref: 'ASVS 5.0 V2.3.1',
    async run(ctx) {
      const token = await ctx.login(active(ctx));
      expectError(await ctx.api.call('credentials.setup', { token, ...SAMPLE['credentials.setup'] }), 'conflict');
    },
  },
  {
    name: 'credentials.changePassword answers 401 invalid_credentials to a wrong current password, and the password stays',
    ref: 'ASVS 5.0 V6.2.3',
    async run(ctx) {
      const token = await ctx.login(active(ctx));
      const next = credentialOf(ctx.policy.password.minLength + 1, 'Q8');
      expectError(
        await ctx.api.call('credentials.changePassword', { token, body: { currentPassword: `${ctx.fixtures.active.password}x`, newPassword: next, newPasswordConfirm: next } }),
        'invalid_credentials',
      );
      expectError(await ctx.api.call('auth.login', { body: { loginId: ctx.fixtures.active.loginId, password: next } }), 'invalid_credentials');
      await ctx.login(active(ctx));
    },
  },
  {
    name: 'credentials.changePassword enforces the published password rules at their bounds; the new password works, the old does not, and a mail without it goes out',
    ref: 'ASVS 5.0 V6.2.1, V6.2.2, V6.3.7',
    async run(ctx) {
      const { policy } = ctx;
      const rules = policy.password;
      const { loginId, password } = active(ctx);
      let token = await ctx.login({ loginId, password });
      const attempt = (newPassword: string, newPasswordConfirm = newPassword) =>
        ctx.api.call('credentials.changePassword', { token, body: { currentPassword: password, newPassword, newPasswordConfirm } });
      if (rules.minLength > 1) expectFieldIssue(await attempt(credentialOf(rules.minLength - 1)), 'newPassword:too_short');
      expectFieldIssue(await attempt(credentialOf(rules.maxLength + 1)), 'newPassword:too_long');
      if (rules.requireLetterAndDigit) expectFieldIssue(await attempt('a'.repeat(rules.minLength)), 'newPassword:letter_and_digit_required');
      const refused = credentialOf(rules.minLength + 1).slice(0, -1) + refusedCharacter(rules, policy.allowedSymbols);
      expectFieldIssue(await attempt(refused), 'newPassword:invalid_characters');
      expectFieldIssue(await attempt(credentialOf(rules.minLength), credentialOf(rules.minLength)), 'newPasswordConfirm:mismatch');
      if (policy.loginIdMustDifferFromPassword) expectFieldIssue(await attempt(loginId), 'newPassword:same_as_login_id');

      // The fixture's password is set back at the end, unless the published policy no longer allows it.
      const restorable = allPass(checkCredential('password', password, policy, loginId));
      if (!restorable && !ctx.dev.reset) {
        throw new CaseSkipped('the rules hold, but the fixture password breaks the published policy and could not be set back (needs POST /_dev/reset)');
      }
      const mailsBefore = ctx.dev.outbox ? (await ctx.mails()).length : 0;
      let current = password;
      const change = async (next: string) => {
        const body = { currentPassword: current, newPassword: next, newPasswordConfirm: next };
        expectSuccess(await ctx.api.call('credentials.changePassword', { token, body }));
        // The new password works, the old one does not.
        expectError(await ctx.api.call('auth.login', { body: { loginId, password: current } }), 'invalid_credentials');
        token = await ctx.login({ loginId, password: next });
        current = next;
      };
      for (const length of [rules.minLength, rules.maxLength]) {
        const next = credentialOf(length, 'Z3');
        await change(next);
        const reissue = ctx.fixtures.active.reissueEmail;
        if (ctx.dev.outbox && reissue) {
          const mails = (await ctx.mailsSince(mailsBefore)).filter((m) => m.kind === 'credentials-changed');
          check(mails.length > 0, 'no credentials-changed mail after a password change');
          check(mails.every((m) => m.to.toLowerCase() === reissue.email.toLowerCase()), `a credentials-changed mail went to ${mails.map((m) => m.to).join(', ')}, not the registered address`);
          check(!JSON.stringify(mails).includes(next), 'the notification mail contains the new password');
        }
      }
      if (restorable) await change(password);
    },
  },
  {
    name: 'a password is verified exactly as set: its case swapped, its first 20 characters, or a trailing space do not log in',
    ref: 'ASVS 5.0 V6.2.8',
    async run(ctx) {
      const { loginId, password } = active(ctx);
      const rules = ctx.policy.password;
      // A long password with letters, so that a truncation or a case change would show.
      const long = credentialOf(Math.min(rules.maxLength, Math.max(rules.minLength, 32)), 'Xq7');
      const restorable = allPass(checkCredential('password', password, ctx.policy, loginId));
      if (!restorable && !ctx.dev.reset) throw new CaseSkipped('the fixture password breaks the published policy and could not be set back (needs POST /_dev/reset)');
      const swap = (value: string) => [...value].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
      let token = await ctx.login({ loginId, password });
      await ctx.api.ok('credentials.changePassword', { token, body: { currentPassword: password, newPassword: long, newPasswordConfirm: long } });
      const variants: Array<[string, string]> = [
        ['the case swapped', swap(long)],
        ['the first 20 characters', long.slice(0, 20)],
        ['a trailing space', `${long} `],
      ];
      // Stay under the lock: at most lockThreshold − 1 failures before the right password clears the count.
      for (const [what, variant] of variants.slice(0, Math.max(1, ctx.policy.lockThreshold - 1))) {
        if (variant === long) continue;
        const reply = await ctx.api.call('auth.login', { body: { loginId, password: variant } });
        check(reply.status !== 200, `the password with ${what} logs in`);
        expectError(reply, 'invalid_credentials');
      }
      token = await ctx.login({ loginId, password: long });
      if (restorable) await ctx.api.ok('credentials.changePassword', { token, body: { currentPassword: long, newPassword: password, newPasswordConfirm: password } });
    },
  },
  {
    name: 'credentials.setup asks for the postcard credentials again: a wrong initial password answers 401 invalid_credentials and changes nothing',
    ref: 'guide: first credential change; ASVS 5.0 V6.2.3',
    async run(ctx) {
      const postcard = ctx.fixture('postcard');
      const token = ctx.sessionOf(await ctx.api.ok('auth.initialLogin', { body: postcard }));
      const wrong = [...postcard.initialPassword].reverse().join('') === postcard.initialPassword ? `${postcard.initialPassword.slice(1)}x` : [...postcard.initialPassword].reverse().join('');
      const request = await setupRequest(ctx, { initialPassword: wrong });
      expectError(await ctx.api.call('credentials.setup', { token, body: request }), 'invalid_credentials');
      const otherId = await setupRequest(ctx, { initialLoginId: postcard.initialLoginId === 'ZZZ9999' ? 'YYY9999' : 'ZZZ9999' });
      expectError(await ctx.api.call('credentials.setup', { token, body: otherId }), 'invalid_credentials');
      const session = await ctx.api.ok('auth.session', { token });
      check(session.body.stage === 'credential-setup-required', `after refused first changes the stage is ${session.body.stage}`);
      expectError(await ctx.api.call('auth.login', { body: { loginId: request.newLoginId!, password: request.newPassword! } }), 'invalid_credentials');
      await ctx.api.ok('auth.initialLogin', { body: postcard });
    },
  },
  {
    name: 'auth.initialLogin answers stage credential-setup-required; account endpoints then answer 403 credential_change_required',
    ref: 'guide: first login (postcard); ASVS 5.0 V2.3.1',
    async run(ctx) {
      const postcard = ctx.fixture('postcard');
      const reply = await ctx.api.ok('auth.initialLogin', { body: postcard });
      const token = ctx.sessionOf(reply);
      check(reply.body.stage === 'credential-setup-required', `expected stage credential-setup-required, got ${reply.body.stage}`);
      await ctx.api.ok('auth.session', { token });
      for (const id of ['account.get', 'billing.history'] as const) expectError(await ctx.api.call(id, { token }), 'credential_change_required');
      // A password change is not the first change: it answers 403 too.
      const changePassword = { currentPassword: postcard.initialPassword, newPassword: credentialOf(ctx.policy.password.minLength + 1), newPasswordConfirm: '' };
      changePassword.newPasswordConfirm = changePassword.newPassword;
      expectError(await ctx.api.call('credentials.changePassword', { token, body: changePassword }), 'credential_change_required');
      await ctx.api.ok('auth.logout', { token });
    },
  },
  {
    name: 'credentials.setup enforces the published login ID and password rules at their bounds',
    ref: 'guide: first credential change; ASVS 5.0 V6.2.1, V2.2.1',
    async run(ctx) {
      const { policy } = ctx;
      const token = ctx.sessionOf(await ctx.api.ok('auth.initialLogin', { body: ctx.fixture('postcard') }));
      const setup = async (patch: Record<string, string>) => ctx.api.call('credentials.setup', { token, body: await setupRequest(ctx, patch) });
      const id = policy.loginId;
      const pw = policy.password;
      const both = (field: 'newLoginId' | 'newPassword', value: string) => ({ [field]: value, [`${field}Confirm`]: value });
      if (id.minLength > 1) expectFieldIssue(await setup(both('newLoginId', credentialOf(id.minLength - 1))), 'newLoginId:too_short');
      expectFieldIssue(await setup(both('newLoginId', credentialOf(id.maxLength + 1))), 'newLoginId:too_long');
      if (id.requireLetterAndDigit) expectFieldIssue(await setup(both('newLoginId', 'b'.repeat(id.minLength))), 'newLoginId:letter_and_digit_required');
      expectFieldIssue(await setup(both('newLoginId', credentialOf(id.minLength + 1).slice(0, -1) + refusedCharacter(id, policy.allowedSymbols))), 'newLoginId:invalid_characters');
      expectFieldIssue(await setup({ newLoginIdConfirm: credentialOf(id.minLength + 1) }), 'newLoginIdConfirm:mismatch');
      expectFieldIssue(await setup(both('newLoginId', ctx.fixtures.active.loginId)), 'newLoginId:login_id_taken');
      if (pw.minLength > 1) expectFieldIssue(await setup(both('newPassword', credentialOf(pw.minLength - 1))), 'newPassword:too_short');
      expectFieldIssue(await setup(both('newPassword', credentialOf(pw.maxLength + 1))), 'newPassword:too_long');
      if (pw.requireLetterAndDigit) expectFieldIssue(await setup(both('newPassword', '1'.repeat(pw.minLength))), 'newPassword:letter_and_digit_required');
      expectFieldIssue(await setup({ newPasswordConfirm: credentialOf(pw.minLength + 1) }), 'newPasswordConfirm:mismatch');
      if (policy.loginIdMustDifferFromPassword) {
        const same = await setupRequest(ctx, {});
        const reply = await ctx.api.call('credentials.setup', { token, body: { ...same, ...both('newPassword', same.newLoginId!) } });
        expectFieldIssue(reply, 'newPassword:same_as_login_id');
      }
      await ctx.api.ok('auth.logout', { token });
    },
  },
];
