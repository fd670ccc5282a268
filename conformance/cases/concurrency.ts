/**
 * Parallel requests against one account, one link or one session: every
 * check-then-act must hold when the requests race. Each case sends its
 * requests at once (`Promise.all` over `fetch`); where one must come "last",
 * it is sent only after enough of the others were answered, so its outcome
 * is fixed whatever order the connections deliver the rest in.
 *
 * @module
 */
import { allPass, checkCredential } from '../../src/contract/rules.js';
import { check, expectError, expectSuccess, type Reply } from '../http.js';
import { CaseSkipped } from '../http.js';
import { active, credentialOf, freshEmail, inParallel, randomAlnum, setupRequest, tally, withCode, type ConformanceCase } from './shared.js';

export const CONCURRENCY_CASES: ConformanceCase[] = [
  {
    name: 'parallel wrong passwords lock the account at exactly the threshold (the failure reaching it answers 423); the right password sent after them answers 423 [locks "lockable"]',
    ref: 'ASVS 5.0 V6.3.1, V2.3.4',
    async run(ctx) {
      ctx.needs('reset');
      const { loginId, password } = ctx.fixture('lockable');
      const threshold = ctx.policy.lockThreshold;
      const count = Math.min(Math.max(10, 2 * threshold + 2), 26);
      if (count <= threshold) throw new CaseSkipped(`a lock threshold of ${threshold} needs more guesses than the 30 a minute a rate limiter may allow`);
      const wrong = () => ctx.api.call('auth.login', { body: { loginId, password: `${password}-${randomAlnum(5)}` } });
      const { replies, last } = await inParallel(Array.from({ length: count }, () => wrong), {
        afterAnswers: threshold,
        send: () => ctx.api.call('auth.login', { body: { loginId, password } }),
      });
      check(last!.status !== 200, `the right password logged in after ${threshold} parallel wrong ones had been answered (${tally(replies)})`);
      expectError(last!, 'account_locked');
      const refused = withCode(replies, 'invalid_credentials');
      const locked = withCode(replies, 'account_locked');
      check(refused.length + locked.length === count, `other answers among the wrong passwords: ${tally(replies)}`);
      // The failure that reaches the threshold locks and already answers 423: threshold − 1 answers of 401, then 423 only.
      check(refused.length === threshold - 1, `${refused.length} × 401 invalid_credentials before the lock; with a threshold of ${threshold} exactly ${threshold - 1} may be (${tally(replies)})`);
      const remaining = refused.map((r) => r.body.error.details?.remainingAttempts).filter((n): n is number => n !== undefined);
      check(new Set(remaining).size === remaining.length, `remainingAttempts repeats (${remaining.join(', ')}): parallel failures were counted as one`);
      expectError(await ctx.api.call('auth.login', { body: { loginId, password } }), 'account_locked');
    },
  },
  {
    name: 'one confirmation link followed by 20 parallel requests confirms exactly once: one 200, 19 × 410, one "registered" mail',
    ref: 'ASVS 5.0 V6.6.2, V2.3.4',
    async run(ctx) {
      ctx.needs('outbox');
      const { noticeEmail: notice, registeredNumber: number } = ctx.fixtures.active;
      if (!notice || !number) throw new CaseSkipped('needs active.noticeEmail and active.registeredNumber in the fixtures');
      const token = await ctx.login(active(ctx));
      const before = (await ctx.mails()).length;
      await ctx.api.ok('noticeEmail.change', { token, body: notice });
      const link = ctx.tokenOf(await ctx.mailOf('notice-email-confirm', notice.email, before));
      const { replies } = await inParallel(Array.from({ length: 20 }, () => () => ctx.api.call('noticeEmail.confirm', { body: { token: link, registeredNumber: number } })));
      const confirmed = replies.filter((r) => r.status === 200);
      check(confirmed.length === 1, `${confirmed.length} of 20 parallel confirmations succeeded (${tally(replies)})`);
      expectSuccess(confirmed[0]!);
      check(withCode(replies, 'link_expired').length === 19, `the others did not all answer 410 link_expired: ${tally(replies)}`);
      const registered = (await ctx.mailsSince(before)).filter((m) => m.kind === 'notice-email-registered');
      check(registered.length === 1, `${registered.length} notice-email-registered mails for one link`);
      const status = (await ctx.api.ok('noticeEmail.status', { token })).body;
      check(status.state === 'registered' && !status.pendingEmail, `after the confirmation the status is ${JSON.stringify(status)}`);
    },
  },
  {
    name: 'a link given 19 wrong answers and the right one in parallel judges at most lockThreshold wrong answers, then dies: the right one sent after them answers 410',
    ref: 'ASVS 5.0 V6.6.3, V2.3.4',
    async run(ctx) {
      ctx.needs('outbox');
      const registered = ctx.fixtures.active.reissueEmail;
      if (!registered) throw new CaseSkipped('needs active.reissueEmail in the fixtures');
      const threshold = ctx.policy.lockThreshold;
      if (threshold >= 19) throw new CaseSkipped(`a lock threshold of ${threshold} leaves nothing to race within 20 answers`);
      const token = await ctx.login(active(ctx));
      const before = (await ctx.mails()).length;
      await ctx.api.ok('reissueEmail.change', { token, body: { email: registered.email, emailConfirm: registered.email, questionId: registered.questionId, answer: registered.answer } });
      const link = ctx.tokenOf(await ctx.mailOf('reissue-email-confirm', registered.email, before));
      const confirm = (answer: string) => ctx.api.call('reissueEmail.confirm', { body: { token: link, questionId: registered.questionId, answer } });
      const { replies, last } = await inParallel(Array.from({ length: 19 }, () => () => confirm(`${registered.answer}-${randomAlnum(4)}`)), {
        afterAnswers: threshold,
        send: () => confirm(registered.answer),
      });
      const judged = replies.filter((r) => r.status === 400 && (r.body?.error?.fields ?? []).some((f: { code: string }) => f.code === 'wrong_answer'));
      const expired = withCode(replies, 'link_expired');
      check(judged.length + expired.length === 19, `other answers to wrong answers: ${tally(replies)}`);
      check(judged.length <= threshold, `${judged.length} wrong answers were judged on one link; at most ${threshold} may be (${tally(replies)})`);
      check(last!.status !== 200, `the right answer confirmed the link after ${judged.length} wrong ones (${tally(replies)})`);
      expectError(last!, 'link_expired');
      expectError(await confirm(registered.answer), 'link_expired');
    },
  },
  {
    name: 'in one session, 24 wrong current passwords and the right one in parallel: lockThreshold − 1 answer 401, the one reaching the threshold ends the session; the password is unchanged',
    ref: 'ASVS 5.0 V6.3.1, V6.2.3, V2.3.4',
    async run(ctx) {
      const threshold = ctx.policy.lockThreshold;
      if (threshold >= 24) throw new CaseSkipped(`a lock threshold of ${threshold} leaves nothing to race within 25 answers`);
      const { loginId, password } = active(ctx);
      const token = await ctx.login({ loginId, password });
      const next = credentialOf(ctx.policy.password.minLength + 2, 'V5');
      const change = (currentPassword: string) =>
        ctx.api.call('credentials.changePassword', { token, body: { currentPassword, newPassword: next, newPasswordConfirm: next } });
      const { replies, last } = await inParallel(Array.from({ length: 24 }, () => () => change(`${password}-${randomAlnum(4)}`)), {
        afterAnswers: threshold,
        send: () => change(password),
      });
      const refused = withCode(replies, 'invalid_credentials');
      const ended = withCode(replies, 'session_expired');
      check(refused.length + ended.length === 24, `other answers to wrong current passwords: ${tally(replies)}`);
      // The wrong try that reaches the threshold ends the session and answers so: threshold − 1 answers of invalid_credentials.
      check(refused.length === threshold - 1, `${refused.length} × 401 invalid_credentials in one session; with a threshold of ${threshold} exactly ${threshold - 1} may be (${tally(replies)})`);
      check(last!.status !== 200, `the right current password changed the password after ${refused.length} wrong ones (${tally(replies)})`);
      expectError(last!, 'session_expired');
      expectError(await ctx.api.call('auth.session', { token }), 'session_expired');
      expectError(await ctx.api.call('auth.login', { body: { loginId, password: next } }), 'invalid_credentials');
      await ctx.login({ loginId, password });
    },
  },
  {
    name: 'parallel password changes from one session with the right current password: exactly one succeeds, and only its new password logs in',
    ref: 'ASVS 5.0 V2.3.4, V6.2.3',
    async run(ctx) {
      const { loginId, password } = active(ctx);
      const restorable = allPass(checkCredential('password', password, ctx.policy, loginId));
      if (!restorable && !ctx.dev.reset) throw new CaseSkipped('the fixture password breaks the published policy and could not be set back (needs POST /_dev/reset)');
      // Losers give a current password that is no longer right: keep them under the session's limit of wrong tries.
      const count = Math.max(2, Math.min(5, ctx.policy.lockThreshold));
      const token = await ctx.login({ loginId, password });
      const nexts = Array.from({ length: count }, (_, i) => credentialOf(ctx.policy.password.minLength + 2, `U${i}`));
      const { replies } = await inParallel(
        nexts.map((next) => () => ctx.api.call('credentials.changePassword', { token, body: { currentPassword: password, newPassword: next, newPasswordConfirm: next } })),
      );
      const won = replies.flatMap((r, i) => (r.status === 200 ? [i] : []));
      check(won.length === 1, `${won.length} of ${count} parallel changes with the same current password succeeded (${tally(replies)})`);
      check(replies.every((r) => r.status === 200 || r.status === 401), `other answers: ${tally(replies)}`);
      const winner = nexts[won[0]!]!;
      expectError(await ctx.api.call('auth.login', { body: { loginId, password } }), 'invalid_credentials');
      const loser = nexts.find((_, i) => i !== won[0])!;
      expectError(await ctx.api.call('auth.login', { body: { loginId, password: loser } }), 'invalid_credentials');
      const fresh = await ctx.login({ loginId, password: winner });
      if (!ctx.dev.reset) await ctx.api.ok('credentials.changePassword', { token: fresh, body: { currentPassword: winner, newPassword: password, newPasswordConfirm: password } });
    },
  },
  {
    name: '20 parallel first changes with distinct new IDs in one postcard session: exactly one 200, the others 409; only the winning ID logs in [uses up "postcard"]',
    ref: 'ASVS 5.0 V2.3.4, V2.3.3',
    async run(ctx) {
      ctx.needs('reset');
      const postcard = ctx.fixture('postcard');
      const session = ctx.sessionOf(await ctx.api.ok('auth.initialLogin', { body: postcard }));
      const requests = await Promise.all(Array.from({ length: 20 }, (_, i) => setupRequest(ctx, {}).then((r): Record<string, string> => {
        const id = credentialOf(Math.max(ctx.policy.loginId.minLength, 8), `r${i % 10}`);
        return { ...r, newLoginId: id, newLoginIdConfirm: id };
      })));
      const { replies } = await inParallel(requests.map((request) => () => ctx.api.call('credentials.setup', { token: session, body: request })));
      const won = replies.flatMap((r, i) => (r.status === 200 ? [i] : []));
      check(won.length === 1, `${won.length} of 20 parallel first changes succeeded (${tally(replies)})`);
      expectSuccess(replies[won[0]!]!);
      // A cookie backend rotates the session at the first change: the requests judged after it carry a cookie that has ended.
      const refused = withCode(replies, 'conflict').length + (ctx.cookieSessions ? withCode(replies, 'session_expired').length : 0);
      check(refused === 19, `the others did not all answer 409 conflict${ctx.cookieSessions ? ' (or 401 session_expired, the session rotated)' : ''}: ${tally(replies)}`);
      const winner = requests[won[0]!]!;
      const token = await ctx.login({ loginId: winner.newLoginId!, password: winner.newPassword! });
      const losers = requests.filter((_, i) => i !== won[0]);
      // The availability check counts toward a per-client limit of secret checks: a few losers stand for all.
      for (const loser of losers.slice(0, 3)) {
        const { body: availability } = await ctx.api.ok('credentials.loginIdAvailability', { token, query: { loginId: loser.newLoginId! } });
        check(availability.available === true, `the losing ID ${loser.newLoginId} was taken anyway`);
      }
      const taken = await ctx.api.ok('credentials.loginIdAvailability', { token, query: { loginId: winner.newLoginId! } });
      check(taken.body.available === false, 'the winning ID is reported available');
      expectError(await ctx.api.call('auth.login', { body: { loginId: losers[0]!.newLoginId!, password: losers[0]!.newPassword! } }), 'invalid_credentials');
      expectError(await ctx.api.call('auth.initialLogin', { body: postcard }), 'invalid_credentials');
    },
  },
  {
    name: 'parallel registrations in one session leave one pending registration: only the newest mailed link confirms, for both kinds',
    ref: 'ASVS 5.0 V6.6.2, V2.3.4',
    async run(ctx) {
      ctx.needs('outbox');
      const { reissueEmail: reissue, noticeEmail: notice, registeredNumber: number } = ctx.fixtures.active;
      if (!reissue || !notice || !number) throw new CaseSkipped('needs active.reissueEmail, active.noticeEmail and active.registeredNumber in the fixtures');
      const token = await ctx.login(active(ctx));
      const kinds = [
        {
          name: 'reissue email',
          start: (email: string) => ctx.api.call('reissueEmail.change', { token, body: { email, emailConfirm: email, questionId: reissue.questionId, answer: reissue.answer } }),
          mail: 'reissue-email-confirm' as const,
          confirm: (link: string) => ctx.api.call('reissueEmail.confirm', { body: { token: link, questionId: reissue.questionId, answer: reissue.answer } }),
          status: () => ctx.api.ok('reissueEmail.status', { token }),
          restore: (email: string) => ctx.api.call('reissueEmail.change', { token, body: { email, emailConfirm: email, questionId: reissue.questionId, answer: reissue.answer } }),
          fixtureEmail: reissue.email,
        },
        {
          name: 'notice email',
          start: (email: string) => ctx.api.call('noticeEmail.change', { token, body: { type: notice.type, email } }),
          mail: 'notice-email-confirm' as const,
          confirm: (link: string) => ctx.api.call('noticeEmail.confirm', { body: { token: link, registeredNumber: number } }),
          status: () => ctx.api.ok('noticeEmail.status', { token }),
          restore: (email: string) => ctx.api.call('noticeEmail.change', { token, body: { type: notice.type, email } }),
          fixtureEmail: notice.email,
        },
      ];
      for (const kind of kinds) {
        const addresses = Array.from({ length: 5 }, (_, i) => freshEmail(`p${i}`));
        const before = (await ctx.mails()).length;
        const { replies } = await inParallel(addresses.map((email) => () => kind.start(email)));
        replies.forEach((r: Reply) => expectSuccess(r));
        const pending = (await kind.status()).body;
        check(pending.pendingEmail, `${kind.name}: no pending registration after 5 parallel changes`);
        const mails = (await ctx.mailsSince(before)).filter((m) => m.kind === kind.mail && addresses.includes(m.to.toLowerCase()));
        check(mails.length > 0, `${kind.name}: no confirmation mail`);
        const links = mails.map((m) => ctx.tokenOf(m));
        for (const older of links.slice(0, -1)) {
          const reply = await kind.confirm(older);
          check(reply.status !== 200, `${kind.name}: an older of the parallel links confirmed (more than one registration was pending)`);
          expectError(reply, 'link_expired');
        }
        expectSuccess(await kind.confirm(links.at(-1)!));
        const done = (await kind.status()).body;
        check(done.state === 'registered' && !done.pendingEmail, `${kind.name}: after the newest link the status is ${JSON.stringify(done)}`);
        if (!ctx.dev.reset) {
          const mark = (await ctx.mails()).length;
          expectSuccess(await kind.restore(kind.fixtureEmail));
          expectSuccess(await kind.confirm(ctx.tokenOf(await ctx.mailOf(kind.mail, kind.fixtureEmail, mark))));
        }
      }
    },
  },
];
