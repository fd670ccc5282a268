/**
 * Email registrations and their mailed links (outbox, clock): every change
 * seen afterwards in the status, single use, expiry, withdrawal by a newer
 * link, and the limit on wrong answers.
 *
 * @module
 */
import type { CaseContext } from '../context.js';
import { CaseSkipped, check, expectError, expectFieldIssue, expectSuccess } from '../http.js';
import { active, freshEmail, randomAlnum, type ConformanceCase } from './shared.js';

/** A registered number of the right shape that is not `number`. */
function otherNumber(number: string, i: number): string {
  const candidate = `0${String(900000000 + i * 7919).padStart(number.length - 1, '0')}`.slice(0, number.length);
  return candidate === number ? `${candidate.slice(0, -1)}${(Number(candidate.at(-1)) + 1) % 10}` : candidate;
}

/** Starts a reissue-email change (or registration) of the active account to the fixture's values; returns the link token. */
async function reissueLink(ctx: CaseContext, token: string): Promise<{ link: string; email: string; questionId: string; answer: string }> {
  const registered = ctx.fixtures.active.reissueEmail;
  if (!registered) throw new CaseSkipped('needs active.reissueEmail in the fixtures');
  const before = (await ctx.mails()).length;
  const body = { email: registered.email, emailConfirm: registered.email, questionId: registered.questionId, answer: registered.answer };
  await ctx.api.ok('reissueEmail.change', { token, body });
  return { link: ctx.tokenOf(await ctx.mailOf('reissue-email-confirm', registered.email, before)), ...registered };
}

async function noticeLink(ctx: CaseContext, token: string): Promise<{ link: string; number: string }> {
  const { noticeEmail: notice, registeredNumber: number } = ctx.fixtures.active;
  if (!notice || !number) throw new CaseSkipped('needs active.noticeEmail and active.registeredNumber in the fixtures');
  const before = (await ctx.mails()).length;
  await ctx.api.ok('noticeEmail.change', { token, body: notice });
  return { link: ctx.tokenOf(await ctx.mailOf('notice-email-confirm', notice.email, before)), number };
}

export const LINK_CASES: ConformanceCase[] = [
  {
    name: 'registration requests are validated: a malformed or mismatched email, an unknown question, an empty answer, an unknown notice type, a malformed number',
    ref: 'ASVS 5.0 V2.2.1; guide: reissue email, billing-notice email',
    async run(ctx) {
      const token = await ctx.login(active(ctx));
      const questions = (await ctx.api.ok('reissueEmail.questions')).body.questions as Array<{ id: string }>;
      const email = freshEmail('valid');
      const good = { email, emailConfirm: email, questionId: questions[0]!.id, answer: 'Nagoya' };
      for (const id of ['reissueEmail.register', 'reissueEmail.change'] as const) {
        expectFieldIssue(await ctx.api.call(id, { token, body: { ...good, email: 'not-an-address', emailConfirm: 'not-an-address' } }), 'email:invalid_format');
        expectFieldIssue(await ctx.api.call(id, { token, body: { ...good, emailConfirm: freshEmail('other') } }), 'emailConfirm:mismatch');
        expectFieldIssue(await ctx.api.call(id, { token, body: { ...good, questionId: `no-such-question-${randomAlnum(4)}` } }), 'questionId:unknown_question');
        expectFieldIssue(await ctx.api.call(id, { token, body: { ...good, answer: '' } }), 'answer:required');
      }
      for (const id of ['noticeEmail.register', 'noticeEmail.change'] as const) {
        expectFieldIssue(await ctx.api.call(id, { token, body: { type: 'mobile', email: 'name@@example' } }), 'email:invalid_format');
        expectFieldIssue(await ctx.api.call(id, { token, body: { type: 'mobile', email: 'ｎａｍｅ@example.jp' } }), 'email:invalid_format');
        const wrongType = await ctx.api.call(id, { token, body: { type: 'fax', email } });
        expectError(wrongType, 'validation_failed');
      }
      // Nothing was started by the refused requests.
      for (const id of ['reissueEmail.status', 'noticeEmail.status'] as const) {
        const status = (await ctx.api.ok(id, { token })).body;
        check(!status.pendingEmail, `${id}: a refused request left a pending registration`);
      }
      if (ctx.dev.outbox && ctx.fixtures.active.noticeEmail && ctx.fixtures.active.registeredNumber) {
        const { link } = await noticeLink(ctx, token);
        expectFieldIssue(await ctx.api.call('noticeEmail.confirm', { body: { token: link, registeredNumber: '090-1234-5678x' } }), 'registeredNumber:invalid_format');
      }
    },
  },
  {
    name: 'a reissue-email link confirms once: a wrong answer or another question is refused, the right one (normalised) accepted, a second use answers 410',
    ref: 'ASVS 5.0 V6.6.2; guide: reissue email',
    async run(ctx) {
      ctx.needs('outbox');
      const token = await ctx.login(active(ctx));
      const pending = (await ctx.api.ok('reissueEmail.status', { token })).body;
      const { link, questionId, answer } = await reissueLink(ctx, token);
      check(!pending.pendingEmail, 'a pending address before any change');
      check((await ctx.api.ok('reissueEmail.status', { token })).body.pendingEmail, 'reissueEmail.status does not report the pending address');
      check(/^[A-Za-z0-9_.~-]{22,}$/.test(link), 'the link token is shorter than 22 URL-safe characters (128 bits)');
      const confirm = (a: string) => ctx.api.call('reissueEmail.confirm', { body: { token: link, questionId, answer: a } });
      expectFieldIssue(await confirm(`${answer}-not`), 'answer:wrong_answer');
      const questions = (await ctx.api.ok('reissueEmail.questions')).body.questions as Array<{ id: string }>;
      const otherQuestion = questions.find((q) => q.id !== questionId);
      if (otherQuestion) {
        const reply = await ctx.api.call('reissueEmail.confirm', { body: { token: link, questionId: otherQuestion.id, answer } });
        check(reply.status !== 200, 'the right answer to another question confirmed the link');
        expectFieldIssue(reply, 'answer:wrong_answer');
      }
      const done = expectSuccess(await confirm(` ${answer.toUpperCase()} `));
      check(done.body.state === 'registered', `expected state registered, got ${done.body.state}`);
      expectError(await confirm(answer), 'link_expired');
    },
  },
  {
    name: 'a notice-email link cannot confirm a reissue email, and confirms its own registration with the registered number',
    ref: 'ASVS 5.0 V6.6.2; guide: billing-notice email',
    async run(ctx) {
      ctx.needs('outbox');
      const token = await ctx.login(active(ctx));
      const { link, number } = await noticeLink(ctx, token);
      expectError(await ctx.api.call('reissueEmail.confirm', { body: { token: link, questionId: ctx.fixtures.active.reissueEmail?.questionId ?? 'first-pet', answer: 'x' } }), 'link_expired');
      expectFieldIssue(await ctx.api.call('noticeEmail.confirm', { body: { token: link, registeredNumber: otherNumber(number, 0) } }), 'registeredNumber:wrong_number');
      const done = await ctx.api.ok('noticeEmail.confirm', { body: { token: link, registeredNumber: number } });
      check(done.body.state === 'registered', `expected state registered, got ${done.body.state}`);
      expectError(await ctx.api.call('noticeEmail.confirm', { body: { token: link, registeredNumber: number } }), 'link_expired');
    },
  },
  {
    name: 'a link can be checked without using it (GET …/confirm): valid until confirmed, 410 for the other purpose, an unknown token, and once used',
    ref: 'ASVS 5.0 V6.6.2; guide: billing-notice email, reissue email',
    async run(ctx) {
      ctx.needs('outbox');
      const token = await ctx.login(active(ctx));
      const { link, number } = await noticeLink(ctx, token);
      for (let i = 0; i < 2; i++) {
        const { body } = await ctx.api.ok('noticeEmail.checkLink', { query: { token: link } });
        check(body.valid && body.purpose === 'notice-email', `expected a valid notice-email link, got ${JSON.stringify(body)}`);
      }
      expectError(await ctx.api.call('reissueEmail.checkLink', { query: { token: link } }), 'link_expired');
      expectError(await ctx.api.call('noticeEmail.checkLink', { query: { token: randomAlnum(43) } }), 'link_expired');
      // The checks used nothing up: the link still confirms, and only then answers 410.
      const done = await ctx.api.ok('noticeEmail.confirm', { body: { token: link, registeredNumber: number } });
      check(done.body.state === 'registered', `expected state registered, got ${done.body.state}`);
      expectError(await ctx.api.call('noticeEmail.checkLink', { query: { token: link } }), 'link_expired');
      const reissue = await reissueLink(ctx, token);
      const { body } = await ctx.api.ok('reissueEmail.checkLink', { query: { token: reissue.link } });
      check(body.purpose === 'reissue-email', `expected purpose reissue-email, got ${body.purpose}`);
      expectSuccess(await ctx.api.call('reissueEmail.confirm', { body: { token: reissue.link, questionId: reissue.questionId, answer: reissue.answer } }));
    },
  },
  {
    name: 'a link works one second before its lifetime ends and answers 410 one second after',
    ref: 'guide: reissue email (URL valid 24 h); ASVS 5.0 V6.6.2',
    async run(ctx) {
      ctx.needs('outbox');
      ctx.needs('clock');
      const ttl = ctx.policy.confirmationLinkTtlHours * 3_600_000;
      for (const [offset, works] of [[-1_000, true], [1_000, false]] as const) {
        const token = await ctx.login(active(ctx));
        const { link, questionId, answer } = await reissueLink(ctx, token);
        await ctx.advanceClock(ttl + offset);
        const reply = await ctx.api.call('reissueEmail.confirm', { body: { token: link, questionId, answer } });
        if (works) expectSuccess(reply);
        else expectError(reply, 'link_expired');
      }
    },
  },
  {
    name: 'a newer link withdraws the older one, for both kinds: the first answers 410, the second confirms',
    ref: 'ASVS 5.0 V6.6.2',
    async run(ctx) {
      ctx.needs('outbox');
      const token = await ctx.login(active(ctx));
      const first = await reissueLink(ctx, token);
      const second = await reissueLink(ctx, token);
      check(first.link !== second.link, 'the second registration mailed the same link');
      const reissue = (link: string) => ctx.api.call('reissueEmail.confirm', { body: { token: link, questionId: first.questionId, answer: first.answer } });
      expectError(await reissue(first.link), 'link_expired');
      expectSuccess(await reissue(second.link));
      const olderNotice = await noticeLink(ctx, token);
      const newerNotice = await noticeLink(ctx, token);
      const notice = (link: string) => ctx.api.call('noticeEmail.confirm', { body: { token: link, registeredNumber: olderNotice.number } });
      expectError(await notice(olderNotice.link), 'link_expired');
      expectSuccess(await notice(newerNotice.link));
    },
  },
  {
    name: 'a notice-email link dies after lockThreshold wrong numbers: then even the right number answers 410',
    ref: 'ASVS 5.0 V6.6.3, V2.4.1',
    async run(ctx) {
      ctx.needs('outbox');
      const token = await ctx.login(active(ctx));
      const { link, number } = await noticeLink(ctx, token);
      for (let i = 1; i <= ctx.policy.lockThreshold; i++) {
        expectFieldIssue(await ctx.api.call('noticeEmail.confirm', { body: { token: link, registeredNumber: otherNumber(number, i) } }), 'registeredNumber:wrong_number');
      }
      expectError(await ctx.api.call('noticeEmail.confirm', { body: { token: link, registeredNumber: number } }), 'link_expired');
    },
  },
  {
    name: 'the reissue email: delete, register, confirm and change are each seen in the status; the old and new addresses are told',
    ref: 'guide: reissue email (register / change / delete); ASVS 5.0 V6.3.7',
    async run(ctx) {
      ctx.needs('outbox');
      const fixture = ctx.fixtures.active.reissueEmail;
      if (!fixture) throw new CaseSkipped('needs active.reissueEmail in the fixtures');
      const token = await ctx.login(active(ctx));
      const status = async () => (await ctx.api.ok('reissueEmail.status', { token })).body;
      const before = (await ctx.mails()).length;
      await ctx.api.ok('reissueEmail.delete', { token });
      check((await status()).state === 'none', `after a delete the state is ${(await status()).state}`);
      check((await ctx.mailsSince(before)).some((m) => m.to.toLowerCase() === fixture.email.toLowerCase() && m.kind === 'registration-changed'), 'the deleted address was not told');
      expectError(await ctx.api.call('reissueEmail.delete', { token }), 'not_found');
      expectError(await ctx.api.call('reissueEmail.change', { token, body: { email: fixture.email, emailConfirm: fixture.email, questionId: fixture.questionId, answer: fixture.answer } }), 'not_found');

      const questions = (await ctx.api.ok('reissueEmail.questions')).body.questions as Array<{ id: string }>;
      const otherQuestion = questions.find((q) => q.id !== fixture.questionId)?.id ?? fixture.questionId;
      const email = freshEmail('reissue');
      const answer = `Kyoto ${randomAlnum(4)}`;
      let mark = (await ctx.mails()).length;
      await ctx.api.ok('reissueEmail.register', { token, body: { email, emailConfirm: email, questionId: otherQuestion, answer } });
      const pending = await status();
      check(pending.state === 'pending' && pending.pendingEmail, `after a register the status is ${JSON.stringify(pending)}`);
      const link = ctx.tokenOf(await ctx.mailOf('reissue-email-confirm', email, mark));
      await ctx.api.ok('reissueEmail.confirm', { body: { token: link, questionId: otherQuestion, answer } });
      const registered = await status();
      check(registered.state === 'registered' && !registered.pendingEmail, `after the confirmation the status is ${JSON.stringify(registered)}`);
      check(registered.questionId === otherQuestion, `the status names question ${registered.questionId}, ${otherQuestion} was confirmed`);
      await ctx.mailOf('reissue-email-registered', email, mark);

      // Change back to the fixture: registered with a pending change, then registered again, and the old address told.
      mark = (await ctx.mails()).length;
      await ctx.api.ok('reissueEmail.change', { token, body: { email: fixture.email, emailConfirm: fixture.email, questionId: fixture.questionId, answer: fixture.answer } });
      const changing = await status();
      check(changing.state === 'registered' && changing.pendingEmail, `during a change the status is ${JSON.stringify(changing)}`);
      const back = ctx.tokenOf(await ctx.mailOf('reissue-email-confirm', fixture.email, mark));
      await ctx.api.ok('reissueEmail.confirm', { body: { token: back, questionId: fixture.questionId, answer: fixture.answer } });
      const restored = await status();
      check(restored.state === 'registered' && restored.questionId === fixture.questionId && !restored.pendingEmail, `after the change the status is ${JSON.stringify(restored)}`);
      await ctx.mailOf('registration-changed', email, mark);
    },
  },
  {
    name: 'the billing-notice email: delete, register, confirm and change (type included) are each seen in the status',
    ref: 'guide: billing-notice email (register / change / delete)',
    async run(ctx) {
      ctx.needs('outbox');
      const { noticeEmail: fixture, registeredNumber: number } = ctx.fixtures.active;
      if (!fixture || !number) throw new CaseSkipped('needs active.noticeEmail and active.registeredNumber in the fixtures');
      const token = await ctx.login(active(ctx));
      const status = async () => (await ctx.api.ok('noticeEmail.status', { token })).body;
      await ctx.api.ok('noticeEmail.delete', { token });
      check((await status()).state === 'none', `after a delete the state is ${(await status()).state}`);
      expectError(await ctx.api.call('noticeEmail.delete', { token }), 'not_found');
      expectError(await ctx.api.call('noticeEmail.change', { token, body: fixture }), 'not_found');

      const otherType = fixture.type === 'mobile' ? 'internet' : 'mobile';
      const email = freshEmail('notice');
      let mark = (await ctx.mails()).length;
      await ctx.api.ok('noticeEmail.register', { token, body: { type: otherType, email } });
      const pending = await status();
      check(pending.state === 'pending' && pending.pendingEmail && pending.pendingType === otherType, `after a register the status is ${JSON.stringify(pending)}`);
      const link = ctx.tokenOf(await ctx.mailOf('notice-email-confirm', email, mark));
      await ctx.api.ok('noticeEmail.confirm', { body: { token: link, registeredNumber: number } });
      const registered = await status();
      check(registered.state === 'registered' && registered.type === otherType && !registered.pendingEmail, `after the confirmation the status is ${JSON.stringify(registered)}`);
      await ctx.mailOf('notice-email-registered', email, mark);

      mark = (await ctx.mails()).length;
      await ctx.api.ok('noticeEmail.change', { token, body: fixture });
      const changing = await status();
      check(changing.state === 'registered' && changing.pendingEmail && changing.type === otherType, `during a change the status is ${JSON.stringify(changing)}`);
      const back = ctx.tokenOf(await ctx.mailOf('notice-email-confirm', fixture.email, mark));
      await ctx.api.ok('noticeEmail.confirm', { body: { token: back, registeredNumber: number } });
      const restored = await status();
      check(restored.state === 'registered' && restored.type === fixture.type && !restored.pendingEmail, `after the change the status is ${JSON.stringify(restored)}`);
    },
  },
  {
    name: 'password reissue: after lockThreshold requests that did not match, even a full match mails nothing (same 202)',
    ref: 'ASVS 5.0 V6.3.1, V2.4.1; docs/security.md "Secret answers are throttled"',
    async run(ctx) {
      ctx.needs('outbox');
      ctx.needs('reset'); // the attempt stays ended for a day
      const registered = ctx.fixtures.active.reissueEmail;
      if (!registered) throw new CaseSkipped('needs active.reissueEmail in the fixtures');
      const right = { loginId: ctx.fixtures.active.loginId, email: registered.email, questionId: registered.questionId, answer: registered.answer };
      const before = (await ctx.mails()).length;
      for (let i = 0; i < ctx.policy.lockThreshold; i++) {
        expectSuccess(await ctx.api.call('passwordReissue.request', { body: { ...right, answer: `${right.answer}-${randomAlnum(4)}` } }));
      }
      expectSuccess(await ctx.api.call('passwordReissue.request', { body: right }));
      const mails = await ctx.mailsSince(before);
      check(mails.length === 0, `after ${ctx.policy.lockThreshold} wrong answers a full match still mailed [${mails.map((m) => m.kind).join(', ')}]`);
      await ctx.login(active(ctx)); // and the password was not replaced
    },
  },
];
