/**
 * Failures that must not tell anything: the same status, headers and body
 * for an unknown ID as for a known one with a wrong secret, compared with
 * the noise (request ids, dates, anything that differs between two unknown
 * IDs as well) left out.
 *
 * @module
 */
import { check, describeReply, expectError, expectSuccess, type Reply } from '../http.js';
import { active, checkAlike, credentialOf, differingKeys, randomAlnum, unknownLoginId, type ConformanceCase } from './shared.js';

export const ENUMERATION_CASES: ConformanceCase[] = [
  {
    name: 'a wrong password answers 401 invalid_credentials with the attempts left before the lock',
    ref: 'ASVS 5.0 V6.3.1',
    async run(ctx) {
      const reply = expectError(
        await ctx.api.call('auth.login', { body: { loginId: ctx.fixtures.active.loginId, password: `${ctx.fixtures.active.password}x` } }),
        'invalid_credentials',
      );
      const remaining = reply.body.error.details?.remainingAttempts;
      if (remaining !== undefined) check(remaining === ctx.policy.lockThreshold - 1, `remainingAttempts ${remaining}, expected ${ctx.policy.lockThreshold - 1}`);
      await ctx.login(active(ctx)); // a success clears the count
    },
  },
  {
    name: 'the lock counts consecutive failures: a successful login clears the count, so lockThreshold − 1 failures before it and one after do not lock',
    ref: 'ASVS 5.0 V6.3.1; guide: lock',
    async run(ctx) {
      const { loginId, password } = active(ctx);
      const threshold = ctx.policy.lockThreshold;
      for (let i = 1; i < threshold; i++) expectError(await ctx.api.call('auth.login', { body: { loginId, password: `${password}-${i}` } }), 'invalid_credentials');
      await ctx.login({ loginId, password });
      const after = await ctx.api.call('auth.login', { body: { loginId, password: `${password}-after` } });
      check(after.status !== 423, `one failure after a successful login locked the account: the failures before the success still counted`);
      expectError(after, 'invalid_credentials');
      const remaining = after.body.error.details?.remainingAttempts;
      if (remaining !== undefined) check(remaining === threshold - 1, `remainingAttempts ${remaining} after a success and one failure, expected ${threshold - 1}`);
      await ctx.login({ loginId, password });
    },
  },
  {
    name: 'a login ID is the same ID typed full-width or with surrounding spaces, and another ID in another case',
    ref: 'docs/security.md (login IDs NFKC, trimmed, case-sensitive); ASVS 5.0 V6.3.1',
    async run(ctx) {
      const { loginId, password } = active(ctx);
      const fullWidth = [...loginId].map((c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');
      for (const [what, typed] of [['full-width', fullWidth], ['with surrounding spaces', ` ${loginId}\u3000`]] as const) {
        const reply = await ctx.api.call('auth.login', { body: { loginId: typed, password } });
        check(reply.status === 200, `the login ID typed ${what} does not log in: ${describeReply(reply)}`);
      }
      const swapped = [...loginId].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
      if (swapped !== loginId) {
        const reply = await ctx.api.call('auth.login', { body: { loginId: swapped, password } });
        check(reply.status !== 200, 'the login ID in another case logs in as the account');
        expectError(reply, 'invalid_credentials');
      }
      await ctx.login({ loginId, password });
    },
  },
  {
    name: 'auth.login: an unknown login ID answers exactly like a known one with a wrong password (status, headers, body; twice)',
    ref: 'ASVS 5.0 V6.3.8',
    async run(ctx) {
      const { loginId } = active(ctx);
      const [a, b] = [unknownLoginId(ctx), unknownLoginId(ctx)];
      const attempt = (id: string) => ctx.api.call('auth.login', { body: { loginId: id, password: credentialOf(ctx.policy.password.minLength + 1, 'W3') } });
      const rounds: Reply[][] = [];
      for (let i = 0; i < 2; i++) rounds.push([await attempt(loginId), await attempt(a), await attempt(b)]);
      await ctx.login(active(ctx));
      rounds.forEach(([known, unknownA, unknownB], i) => {
        expectError(known!, 'invalid_credentials');
        checkAlike(known!, unknownA!, `attempt ${i + 1}: the unknown ID answers differently`, differingKeys(unknownA!, unknownB!));
      });
    },
  },
  {
    name: 'auth.initialLogin: an unknown postcard ID answers exactly like the known one with a wrong password (status, headers, body; twice)',
    ref: 'ASVS 5.0 V6.3.8',
    async run(ctx) {
      const postcard = ctx.fixture('postcard');
      const idOf = () => (postcard.initialLoginId.slice(0, 1) + randomAlnum(ctx.policy.initialLoginIdLength)).slice(0, ctx.policy.initialLoginIdLength).toUpperCase();
      const [a, b] = [idOf(), idOf()];
      const wrong = () => {
        let password = randomAlnum(ctx.policy.initialPasswordLength);
        while (password === postcard.initialPassword) password = randomAlnum(ctx.policy.initialPasswordLength);
        return password;
      };
      const attempt = (id: string) => ctx.api.call('auth.initialLogin', { body: { initialLoginId: id, initialPassword: wrong() } });
      const rounds: Reply[][] = [];
      for (let i = 0; i < 2; i++) rounds.push([await attempt(postcard.initialLoginId), await attempt(a), await attempt(b)]);
      // A success clears the count; it does not use the postcard up (only a setup does).
      await ctx.api.ok('auth.initialLogin', { body: postcard });
      rounds.forEach(([known, unknownA, unknownB], i) => {
        expectError(known!, 'invalid_credentials');
        checkAlike(known!, unknownA!, `attempt ${i + 1}: the unknown postcard ID answers differently`, differingKeys(unknownA!, unknownB!));
      });
    },
  },
  {
    name: 'passwordReissue.request answers alike (status, headers, body) for an unknown ID, a wrong email, question or answer and a full match, and mails only for the match',
    ref: 'ASVS 5.0 V6.3.8, V6.4.3',
    async run(ctx) {
      const registered = ctx.fixture('active').reissueEmail ?? ctx.fixture('locked').reissueEmail;
      const loginId = ctx.fixtures.active.reissueEmail ? ctx.fixtures.active.loginId : ctx.fixture('locked').loginId;
      const right = { loginId, email: registered.email, questionId: registered.questionId, answer: registered.answer };
      const mailsBefore = ctx.dev.outbox ? (await ctx.mails()).length : 0;
      const send = async (body: typeof right) => expectSuccess(await ctx.api.call('passwordReissue.request', { body }));
      const unknownA = await send({ ...right, loginId: unknownLoginId(ctx) });
      const unknownB = await send({ ...right, loginId: unknownLoginId(ctx) });
      const noise = differingKeys(unknownA, unknownB);
      checkAlike(unknownA, await send({ ...right, email: `other-${randomAlnum(5)}@example.jp` }), 'a wrong email answers differently from an unknown ID', noise);
      checkAlike(unknownA, await send({ ...right, answer: `${right.answer}-not` }), 'a wrong answer answers differently from an unknown ID', noise);
      const questions = (await ctx.api.ok('reissueEmail.questions')).body.questions as Array<{ id: string }>;
      const otherQuestion = questions.find((q) => q.id !== right.questionId);
      if (otherQuestion) checkAlike(unknownA, await send({ ...right, questionId: otherQuestion.id }), 'another question answers differently from an unknown ID', noise);
      if (ctx.dev.outbox) check((await ctx.mailsSince(mailsBefore)).length === 0, 'a mail was sent for a request that did not match');
      // A full match replaces the password: only where a reset restores it.
      if (!ctx.dev.reset) return;
      checkAlike(unknownA, await send(right), 'a full match answers differently from an unknown ID', noise);
      if (ctx.dev.outbox) {
        const mails = await ctx.mailsSince(mailsBefore);
        check(mails.length === 1 && mails[0]!.kind === 'password-reissued', `expected one password-reissued mail for the match, got [${mails.map((m) => m.kind).join(', ')}]`);
      }
    },
  },
  {
    name: 'confirm answers 410 link_expired to an unknown token, for both kinds of link',
    ref: 'ASVS 5.0 V6.6.2',
    async run(ctx) {
      const token = randomAlnum(43);
      expectError(await ctx.api.call('reissueEmail.confirm', { body: { token, questionId: 'first-pet', answer: 'x' } }), 'link_expired');
      expectError(await ctx.api.call('noticeEmail.confirm', { body: { token, registeredNumber: '09012345678' } }), 'link_expired');
    },
  },
];
