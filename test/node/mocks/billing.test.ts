import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DEMO_ACCOUNTS, type Backend } from '../../../mocks/index.js';
import { BILLING_RULES, historyWindow } from '../../../src/contract/rules.js';
import type { BreakdownResponse, ChargeItem, HistoryResponse } from '../../../src/contract/types.js';
import { asCorp, asSetUpPostcard, asTaro, assertError, assertOk, call, freshBackend, login, mailsTo } from './helpers.js';

/** An active session for each of the four demo accounts. */
async function everyAccount(b: Backend): Promise<Record<string, string>> {
  const { locked } = DEMO_ACCOUNTS;
  const { email, questionId, answer } = locked.reissueEmail;
  assertOk(await call(b, 'passwordReissue.request', { body: { loginId: locked.loginId, email, questionId, answer } }));
  const temporary = mailsTo(b, email, 'password-reissued')[0]!.temporaryPassword!;
  const lockedToken = await login(b, locked.loginId, temporary);
  assertOk(await call(b, 'credentials.changePassword', { token: lockedToken, body: { currentPassword: temporary, newPassword: 'Locked2027', newPasswordConfirm: 'Locked2027' } }));
  return { postcard: await asSetUpPostcard(b), established: await asTaro(b), corporate: await asCorp(b), locked: lockedToken };
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

function assertAddsUp(breakdown: BreakdownResponse, where: string): void {
  for (const company of breakdown.companies) {
    for (const line of company.lines) {
      assert.equal(line.subtotal, sum(line.items.map((i) => i.amount)), `${where} ${line.lineNumber}: subtotal = sum of items`);
      const taxable = sum(line.items.filter((i) => i.kind === 'charge' || i.kind === 'discount').map((i) => i.amount));
      const tax = line.items.filter((i) => i.kind === 'tax');
      assert.equal(tax.length, 1, `${where} ${line.lineNumber}: one tax item`);
      assert.equal(tax[0]!.amount, Math.floor(taxable * 0.1), `${where} ${line.lineNumber}: tax = floor(10% of charges and discounts)`);
      for (const item of line.items) {
        assert.ok(Number.isInteger(item.amount));
        if (item.kind === 'discount') assert.ok(item.amount < 0, 'discounts are negative');
        if (item.kind === 'fee') assert.ok(item.amount > 0 && item.amount < 10, 'fees are a few yen');
      }
    }
    assert.equal(company.subtotal, sum(company.lines.map((l) => l.subtotal)), `${where} ${company.companyId}: subtotal = sum of lines`);
  }
  assert.equal(breakdown.total, sum(breakdown.companies.map((c) => c.subtotal)), `${where}: total = sum of companies`);
  const taxItems = breakdown.companies.flatMap((c) => c.lines.flatMap((l) => l.items.filter((i: ChargeItem) => i.kind === 'tax')));
  assert.equal(breakdown.taxTotal, sum(taxItems.map((i) => i.amount)), `${where}: taxTotal = sum of tax items`);
}

describe('billing', () => {
  let b: Backend;
  let tokens: Record<string, string>;
  before(async () => {
    b = freshBackend();
    tokens = await everyAccount(b);
  });

  it('lists 15 months newest first from the current month, the current one provisional and 4 with breakdowns', async () => {
    const reply = await call(b, 'billing.history', { token: tokens.established });
    const history = reply.body as HistoryResponse;
    assert.equal(history.currentMonth, '2026-11');
    assert.deepEqual(history.months.map((m) => m.month), historyWindow('2026-11'));
    assert.equal(history.months.length, BILLING_RULES.historyMonths);
    assert.deepEqual(history.months.map((m) => m.status), ['provisional', ...Array(14).fill('confirmed')]);
    assert.deepEqual(history.months.map((m) => m.breakdownAvailable), [true, true, true, true, ...Array(11).fill(false)]);
    assert.equal(history.months[0]!.dueDate, '2026-11-26');
    assert.equal(history.months.at(-1)!.month, '2025-09');
  });

  it('adds up for every account and every retained month: items, lines, companies, total, tax, history and summary', async () => {
    for (const [name, token] of Object.entries(tokens)) {
      const history = (await call(b, 'billing.history', { token })).body as HistoryResponse;
      for (const { month, amount, breakdownAvailable } of history.months) {
        if (!breakdownAvailable) continue;
        const breakdown = (await call(b, 'billing.breakdown', { token, params: { month } })).body as BreakdownResponse;
        assertAddsUp(breakdown, `${name} ${month}`);
        assert.equal(breakdown.total, amount, `${name} ${month}: the history amount equals the breakdown total`);
        const summary = await call(b, 'billing.summary', { token, params: { month } });
        assert.equal(summary.body.total, amount, `${name} ${month}: the summary total equals it too`);
        for (const view of breakdown.companies) {
          const one = (await call(b, 'billing.breakdown', { token, params: { month }, query: { view: 'company', company: view.companyId } })).body;
          assert.equal(one.total, view.subtotal);
        }
      }
    }
  });

  it('answers 404 breakdown_not_retained for months 5 to 15, month_out_of_range outside them, 400 for a malformed month', async () => {
    const token = tokens.established!;
    for (const id of ['billing.breakdown', 'billing.summary'] as const) {
      assertOk(await call(b, id, { token, params: { month: '2026-08' } }));
      assertError(await call(b, id, { token, params: { month: '2026-07' } }), 'breakdown_not_retained');
      assertError(await call(b, id, { token, params: { month: '2025-09' } }), 'breakdown_not_retained');
      assertError(await call(b, id, { token, params: { month: '2025-08' } }), 'month_out_of_range');
      assertError(await call(b, id, { token, params: { month: '2026-12' } }), 'month_out_of_range');
      assertError(await call(b, id, { token, params: { month: '2026-13' } }), 'validation_failed', ['month:invalid_format']);
      assertError(await call(b, id, { token, params: { month: '202611' } }), 'validation_failed', ['month:invalid_format']);
    }
  });

  it('lists the corporate account\'s 128 lines over 3 companies, including 09011110087', async () => {
    const token = tokens.corporate!;
    const account = (await call(b, 'account.get', { token })).body;
    assert.deepEqual(account.registeredNumber, { kind: 'customer', number: '0012345678' });
    assert.equal(account.billing, 'combined');
    const lines = (await call(b, 'account.lines', { token })).body;
    assert.equal(lines.lines.length, 128);
    assert.equal(account.lineCount, 128);
    assert.deepEqual(lines.companies.map((c: { id: string }) => c.id), ['ntt-east', 'docomo', 'ntt-com']);
    assert.ok(lines.lines.some((l: { lineNumber: string }) => l.lineNumber === '09011110087'));
    for (const line of lines.lines) assert.match(line.lineNumber, /^[0-9]{10,11}$/);
    assert.equal(new Set(lines.lines.map((l: { lineNumber: string }) => l.lineNumber)).size, 128);
  });

  it('shows a single-line account with its registered phone', async () => {
    const account = (await call(b, 'account.get', { token: tokens.established })).body;
    assert.deepEqual(account, {
      loginId: 'taro2024',
      customerName: '山田 太郎',
      registeredNumber: { kind: 'phone', number: '09012345678' },
      billing: 'single',
      lineCount: 1,
      companyCount: 1,
    });
  });

  it('shows one line, typed with or without dashes, in the line view', async () => {
    const token = tokens.corporate!;
    for (const line of ['09011110087', '090-1111-0087', '０９０１１１１００８７']) {
      const reply = await call(b, 'billing.breakdown', { token, params: { month: '2026-11' }, query: { view: 'line', line } });
      assert.equal(reply.body.view, 'line');
      assert.equal(reply.body.lineNumber, '09011110087');
      assert.equal(reply.body.companyId, 'docomo');
      assert.equal(reply.body.companies.length, 1);
      assert.equal(reply.body.companies[0].lines.length, 1);
      assert.equal(reply.body.total, reply.body.companies[0].lines[0].subtotal);
      assertAddsUp(reply.body, line);
    }
    const inferred = await call(b, 'billing.breakdown', { token, params: { month: '2026-11' }, query: { line: '09011110087' } });
    assert.equal(inferred.body.view, 'line');
  });

  it('answers 404 for an unknown line or company and 400 when the view lacks its filter', async () => {
    const token = tokens.corporate!;
    const month = { month: '2026-11' };
    assertError(await call(b, 'billing.breakdown', { token, params: month, query: { view: 'line', line: '09099999999' } }), 'not_found');
    assertError(await call(b, 'billing.breakdown', { token, params: month, query: { view: 'company', company: 'kddi' } }), 'not_found');
    assertError(await call(b, 'billing.breakdown', { token, params: month, query: { view: 'company' } }), 'validation_failed', ['company:required']);
    assertError(await call(b, 'billing.breakdown', { token, params: month, query: { view: 'line' } }), 'validation_failed', ['line:required']);
    assertError(await call(b, 'billing.breakdown', { token, params: month, query: { view: 'everything' } }), 'validation_failed', ['view:invalid_format']);
  });

  it('itemises realistic charges with Japanese and English labels', async () => {
    const reply = await call(b, 'billing.breakdown', { token: tokens.established, params: { month: '2026-11' } });
    const items = reply.body.companies[0].lines[0].items as ChargeItem[];
    const codes = items.map((i) => i.code);
    for (const code of ['basic', 'fee-universal', 'tax']) assert.ok(codes.includes(code), `has ${code}`);
    assert.deepEqual(items.find((i) => i.code === 'fee-universal')?.label, { ja: 'ユニバーサルサービス料', en: 'Universal service fee' });
    for (const item of items) assert.ok(item.label.ja && item.label.en);
  });

  it('summarises usage and notices, with markup in a notice kept as literal text', async () => {
    const reply = await call(b, 'billing.summary', { token: tokens.corporate, params: { month: '2026-11' } });
    assert.deepEqual(reply.body.usage.map((u: { unit: string }) => u.unit), ['minutes', 'GB', 'messages', 'lines']);
    assert.equal(reply.body.usage.find((u: { code: string }) => u.code === 'lines').quantity, 128);
    const texts = reply.body.notices.flatMap((n: { body: { ja: string; en: string } }) => [n.body.ja, n.body.en]);
    assert.ok(texts.some((t: string) => t.includes('card number')), 'the phishing warning');
    // Demo data is for customers' eyes: no test markup in it (the markup tests bring their own).
    assert.ok(texts.every((t: string) => !/[<>]/.test(t)), 'no markup in the seeded notices');
  });

  it('generates the same amounts from the same seed, and other amounts from another seed', async () => {
    const amounts = async (backend: Backend) =>
      ((await call(backend, 'billing.history', { token: await asCorp(backend) })).body as HistoryResponse).months.map((m) => m.amount);
    const first = await amounts(freshBackend({ seed: 7 }));
    assert.deepEqual(await amounts(freshBackend({ seed: 7 })), first);
    assert.notDeepEqual(await amounts(freshBackend({ seed: 8 })), first);
  });

  it('moves the 15-month window with the clock', async () => {
    const other = freshBackend({ now: '2027-03-31T15:30:00Z' }); // 2027-04-01 00:30 in Japan
    const reply = await call(other, 'billing.history', { token: await asTaro(other) });
    assert.equal(reply.body.currentMonth, '2027-04');
  });
});
