/**
 * Login and every read, each account seeing only its own data.
 *
 * @module
 */
import { addMonths, BILLING_RULES } from '../../src/contract/rules.js';
import { CaseSkipped, check, expectError, expectFieldIssue } from '../http.js';
import { active, currentMonth, freshEmail, registrationOf, type ConformanceCase } from './shared.js';

export const READ_CASES: ConformanceCase[] = [
  {
    name: 'auth.login answers 200 with stage active and a session token (or cookie) of at least 128 bits',
    ref: 'ASVS 5.0 V7.2.3',
    async run(ctx) {
      const reply = await ctx.api.ok('auth.login', { body: active(ctx) });
      const { body } = reply;
      const session = ctx.sessionOf(reply);
      check(body.stage === 'active', `expected stage active, got ${body.stage}`);
      check(session.length >= 22, `a session of ${session.length} characters cannot hold 128 bits`);
      check(Date.parse(body.expiresAt) > 0, 'expiresAt is not a date');
    },
  },
  {
    name: 'auth.session, account.get and account.lines answer 200 with their schemas',
    ref: 'guide: top page',
    async run(ctx) {
      const token = await ctx.login(active(ctx));
      const session = await ctx.api.ok('auth.session', { token });
      check(session.body.loginId === ctx.fixtures.active.loginId, `auth.session names ${session.body.loginId}`);
      const account = await ctx.api.ok('account.get', { token });
      const lines = await ctx.api.ok('account.lines', { token });
      check(lines.body.lines.length === account.body.lineCount, `account.get says ${account.body.lineCount} lines, account.lines lists ${lines.body.lines.length}`);
      const registered = ctx.fixtures.active.registeredNumber;
      if (registered) check(account.body.registeredNumber.number === registered, 'account.get does not give the registered number of the fixture');
    },
  },
  {
    name: 'reissueEmail.status and noticeEmail.status answer 200 with the registered state and the addresses masked',
    ref: 'guide: reissue email, billing-notice email; ASVS 5.0 V8.2.3',
    async run(ctx) {
      const token = await ctx.login(active(ctx));
      const { reissueEmail, noticeEmail } = ctx.fixtures.active;
      const reissue = await ctx.api.ok('reissueEmail.status', { token });
      const notice = await ctx.api.ok('noticeEmail.status', { token });
      if (reissueEmail) {
        check(reissue.body.state === 'registered', `reissue email state ${reissue.body.state}, the fixture says registered`);
        check(reissue.body.email && reissue.body.email.toLowerCase() !== reissueEmail.email.toLowerCase(), `reissueEmail.status shows the address unmasked`);
      }
      if (noticeEmail) {
        check(notice.body.state === 'registered', `notice email state ${notice.body.state}, the fixture says registered`);
        check(notice.body.email && notice.body.email.toLowerCase() !== noticeEmail.email.toLowerCase(), `noticeEmail.status shows the address unmasked`);
        check(notice.body.type === noticeEmail.type, `noticeEmail.status says type ${notice.body.type}, the fixture ${noticeEmail.type}`);
      }
    },
  },
  {
    name: `billing.history answers 200 with ${BILLING_RULES.historyMonths} months, newest first, from the current month`,
    ref: 'guide: billing history (15 months)',
    async run(ctx) {
      const token = await ctx.login(active(ctx));
      const { body } = await ctx.api.ok('billing.history', { token });
      const months = body.months.map((m: { month: string }) => m.month);
      check(months.length === BILLING_RULES.historyMonths, `expected ${BILLING_RULES.historyMonths} months, got ${months.length}`);
      check(months[0] === body.currentMonth, `the first month ${months[0]} is not the current month ${body.currentMonth}`);
      months.forEach((m: string, i: number) => check(m === addMonths(body.currentMonth, -i), `month ${i} is ${m}, expected ${addMonths(body.currentMonth, -i)}`));
      const withBreakdown = body.months.filter((m: { breakdownAvailable: boolean }) => m.breakdownAvailable).length;
      check(withBreakdown <= BILLING_RULES.breakdownMonths, `${withBreakdown} months offer a breakdown; at most ${BILLING_RULES.breakdownMonths} may`);
    },
  },
  {
    name: 'billing.breakdown and billing.summary of the current month answer 200; totals add up',
    ref: 'guide: breakdown, billing summary',
    async run(ctx) {
      const token = await ctx.login(active(ctx));
      const month = await currentMonth(ctx, token);
      const { body } = await ctx.api.ok('billing.breakdown', { token, params: { month } });
      const sum = body.companies.reduce((a: number, c: { subtotal: number }) => a + c.subtotal, 0);
      check(sum === body.total, `the companies' subtotals add up to ${sum}, the total says ${body.total}`);
      await ctx.api.ok('billing.summary', { token, params: { month } });
    },
  },
  {
    name: 'each month with a breakdown: the history amount, the breakdown total, the summary total and the items agree',
    ref: 'guide: billing history, breakdown, billing summary',
    async run(ctx) {
      // Both accounts where there are two: rounding shows on a bill of many lines.
      for (const account of [active(ctx), ...(ctx.fixtures.lockable ? [ctx.fixtures.lockable] : [])]) {
        const token = await ctx.login({ loginId: account.loginId, password: account.password });
        const history = await ctx.api.ok('billing.history', { token });
        for (const entry of history.body.months.filter((m: { breakdownAvailable: boolean }) => m.breakdownAvailable)) {
          const month = entry.month as string;
          const { body } = await ctx.api.ok('billing.breakdown', { token, params: { month } });
          check(body.month === month, `breakdown of ${month} names ${body.month}`);
          check(body.total === entry.amount, `${month}: the history says ${entry.amount}, the breakdown total ${body.total}`);
          let tax = 0;
          for (const company of body.companies) {
            let companySum = 0;
            for (const line of company.lines) {
              const items = line.items.reduce((a: number, i: { amount: number }) => a + i.amount, 0);
              check(items === line.subtotal, `${month}: line ${line.lineNumber}'s items add up to ${items}, its subtotal says ${line.subtotal}`);
              companySum += line.subtotal;
              tax += line.items.filter((i: { kind: string }) => i.kind === 'tax').reduce((a: number, i: { amount: number }) => a + i.amount, 0);
            }
            check(companySum === company.subtotal, `${month}: ${company.companyId}'s lines add up to ${companySum}, its subtotal says ${company.subtotal}`);
          }
          check(tax === body.taxTotal, `${month}: the tax items add up to ${tax}, taxTotal says ${body.taxTotal}`);
          const summary = await ctx.api.ok('billing.summary', { token, params: { month } });
          check(summary.body.total === entry.amount, `${month}: the history says ${entry.amount}, the summary total ${summary.body.total}`);
          const first = body.companies[0];
          if (first) {
            const byCompany = await ctx.api.ok('billing.breakdown', { token, params: { month }, query: { view: 'company', company: first.companyId } });
            check(byCompany.body.total === first.subtotal, `${month}: the company view of ${first.companyId} totals ${byCompany.body.total}, its subtotal is ${first.subtotal}`);
          }
        }
      }
    },
  },
  {
    name: 'billing.breakdown answers 400 to a month not in YYYY-MM, 404 month_out_of_range and breakdown_not_retained outside their windows, a future month included',
    ref: 'guide: billing history (15 months), breakdown (4 months)',
    async run(ctx) {
      const token = await ctx.login(active(ctx));
      const month = await currentMonth(ctx, token);
      expectFieldIssue(await ctx.api.call('billing.breakdown', { token, params: { month: '2026-13' } }), 'month:invalid_format');
      expectError(await ctx.api.call('billing.breakdown', { token, params: { month: addMonths(month, -BILLING_RULES.historyMonths) } }), 'month_out_of_range');
      expectError(await ctx.api.call('billing.breakdown', { token, params: { month: addMonths(month, -BILLING_RULES.breakdownMonths) } }), 'breakdown_not_retained');
      expectError(await ctx.api.call('billing.summary', { token, params: { month: addMonths(month, -BILLING_RULES.breakdownMonths) } }), 'breakdown_not_retained');
      expectError(await ctx.api.call('billing.breakdown', { token, params: { month: addMonths(month, 1) } }), 'month_out_of_range');
      expectError(await ctx.api.call('billing.summary', { token, params: { month: addMonths(month, 1) } }), 'month_out_of_range');
    },
  },
  {
    name: "billing.breakdown by line and by company answers 200 for the account's own, 404 not_found for unknown ones",
    ref: 'ASVS 5.0 V8.2.2; guide: combined billing',
    async run(ctx) {
      const token = await ctx.login(active(ctx));
      const month = await currentMonth(ctx, token);
      const { body } = await ctx.api.ok('account.lines', { token });
      const line = body.lines[0];
      check(line, 'account.lines lists no line');
      const byLine = await ctx.api.ok('billing.breakdown', { token, params: { month }, query: { view: 'line', line: line.lineNumber } });
      check(byLine.body.lineNumber === line.lineNumber, `breakdown by line names ${byLine.body.lineNumber}`);
      await ctx.api.ok('billing.breakdown', { token, params: { month }, query: { view: 'company', company: line.companyId } });
      const other = body.lines.some((l: { lineNumber: string }) => l.lineNumber === '0000000000') ? '0000000001' : '0000000000';
      expectError(await ctx.api.call('billing.breakdown', { token, params: { month }, query: { view: 'line', line: other } }), 'not_found');
      expectError(await ctx.api.call('billing.breakdown', { token, params: { month }, query: { view: 'company', company: 'no-such-company' } }), 'not_found');
    },
  },
  {
    name: "one account never reads another's lines, companies or account data: breakdowns by the other's line or company answer 404",
    ref: 'ASVS 5.0 V8.2.2',
    async run(ctx) {
      const second = ctx.fixture('lockable');
      const mine = await ctx.login(active(ctx));
      const theirs = await ctx.login({ loginId: second.loginId, password: second.password });
      const month = await currentMonth(ctx, mine);
      const myLines = (await ctx.api.ok('account.lines', { token: mine })).body;
      const theirLines = (await ctx.api.ok('account.lines', { token: theirs })).body;
      const myAccount = (await ctx.api.ok('account.get', { token: mine })).body;
      const theirAccount = (await ctx.api.ok('account.get', { token: theirs })).body;
      check(theirAccount.loginId !== myAccount.loginId, `both sessions read the account of ${myAccount.loginId}`);
      const mineNumbers = new Set(myLines.lines.map((l: { lineNumber: string }) => l.lineNumber));
      const mineCompanies = new Set(myLines.companies.map((c: { id: string }) => c.id));
      const foreignLine = theirLines.lines.find((l: { lineNumber: string }) => !mineNumbers.has(l.lineNumber));
      const foreignCompany = theirLines.companies.find((c: { id: string }) => !mineCompanies.has(c.id));
      if (!foreignLine) throw new CaseSkipped('the "lockable" account has no line the "active" one lacks');
      expectError(await ctx.api.call('billing.breakdown', { token: mine, params: { month }, query: { view: 'line', line: foreignLine.lineNumber } }), 'not_found');
      if (foreignCompany) {
        expectError(await ctx.api.call('billing.breakdown', { token: mine, params: { month }, query: { view: 'company', company: foreignCompany.id } }), 'not_found');
      }
      // And the other way round.
      const myLine = myLines.lines.find((l: { lineNumber: string }) => !theirLines.lines.some((t: { lineNumber: string }) => t.lineNumber === l.lineNumber));
      if (myLine) expectError(await ctx.api.call('billing.breakdown', { token: theirs, params: { month }, query: { view: 'line', line: myLine.lineNumber } }), 'not_found');
      // Each session's own views still answer with its own data.
      const own = await ctx.api.ok('billing.breakdown', { token: theirs, params: { month }, query: { view: 'line', line: foreignLine.lineNumber } });
      check(own.body.lineNumber === foreignLine.lineNumber, `the owner's breakdown by line names ${own.body.lineNumber}`);
    },
  },
  {
    name: "a registration started by one account never shows in another's status",
    ref: 'ASVS 5.0 V8.2.2',
    async run(ctx) {
      const second = ctx.fixture('lockable');
      const mine = await ctx.login(active(ctx));
      const theirs = await ctx.login({ loginId: second.loginId, password: second.password });
      const reissueBefore = (await ctx.api.ok('reissueEmail.status', { token: mine })).body;
      const noticeBefore = (await ctx.api.ok('noticeEmail.status', { token: mine })).body;
      const questions = (await ctx.api.ok('reissueEmail.questions')).body.questions;
      const email = freshEmail('other');
      const theirReissue = (await ctx.api.ok('reissueEmail.status', { token: theirs })).body;
      const reissueBody = { email, emailConfirm: email, questionId: questions[0].id, answer: 'Kobe' };
      await ctx.api.ok(theirReissue.state === 'registered' ? 'reissueEmail.change' : 'reissueEmail.register', { token: theirs, body: reissueBody });
      const theirNotice = (await ctx.api.ok('noticeEmail.status', { token: theirs })).body;
      await ctx.api.ok(theirNotice.state === 'registered' ? 'noticeEmail.change' : 'noticeEmail.register', { token: theirs, body: { type: 'internet', email } });
      const reissueAfter = (await ctx.api.ok('reissueEmail.status', { token: mine })).body;
      const noticeAfter = (await ctx.api.ok('noticeEmail.status', { token: mine })).body;
      check(registrationOf(reissueAfter) === registrationOf(reissueBefore), `the other account's reissue registration shows in this one's status: ${registrationOf(reissueAfter)}`);
      check(registrationOf(noticeAfter) === registrationOf(noticeBefore), `the other account's notice registration shows in this one's status: ${registrationOf(noticeAfter)}`);
      const theirsNow = (await ctx.api.ok('reissueEmail.status', { token: theirs })).body;
      check(theirsNow.pendingEmail, "the other account's own status does not show its pending registration");
      if (ctx.dev.reset) return;
      // Without a reset, withdraw the pending registrations again (a delete drops a confirmed one too, so only where none was confirmed).
      if (theirReissue.state !== 'registered') await ctx.api.ok('reissueEmail.delete', { token: theirs });
      if (theirNotice.state !== 'registered') await ctx.api.ok('noticeEmail.delete', { token: theirs });
    },
  },
];
