/**
 * `breakdownToCsv` (web-billing-kit/csv): the corporate 128-line bill from
 * the reference backend, exported and parsed back with a small RFC 4180
 * parser, adds up to the breakdown; and the cells a spreadsheet could run
 * are defused while amounts stay numbers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createNodeBackend } from '../../../mocks/node.js';
import { breakdownCsvFileName, breakdownToCsv } from '../../../src/breakdown-csv.js';
import type { BreakdownResponse } from '../../../src/contract/types.js';
import { createClient } from '../../../src/index.js';

const BASE = 'http://billing.test/api/v1';
const backend = createNodeBackend({ now: '2026-11-25T10:00:00+09:00' });
before(() => backend.server.listen({ onUnhandledFrame: 'error' }));
after(() => backend.server.close());

/** RFC 4180: records end in CRLF; a quoted field may hold commas, CRLF and doubled quotes. Fails on anything else. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        assert.notEqual(quote, -1, 'unterminated quoted field');
        field += text.slice(i, quote);
        i = quote + 1;
        if (text[i] === '"') {
          field += '"';
          i++;
        } else break;
      }
    } else {
      const end = text.slice(i).search(/,|\r\n/);
      assert.notEqual(end, -1, 'every record ends in CRLF');
      field = text.slice(i, i + end);
      assert.doesNotMatch(field, /["\r\n]/, `bare quote or line break in an unquoted field: ${field}`);
      i += end;
    }
    record.push(field);
    if (text[i] === ',') i++;
    else {
      assert.equal(text.slice(i, i + 2), '\r\n', `CRLF after a field, at ${i}`);
      i += 2;
      records.push(record);
      record = [];
    }
  }
  return records;
}

async function corporateBill(): Promise<BreakdownResponse> {
  const client = createClient({ baseUrl: BASE, retry: 0 });
  await client.auth.login({ loginId: 'corp-admin1', password: 'Corp2026pass' });
  return client.billing.breakdown('2026-11');
}

describe('breakdownToCsv', () => {
  for (const locale of ['ja', 'en'] as const) {
    it(`exports every line and item of the 128-line corporate bill, and it adds up (${locale})`, async () => {
      const bill = await corporateBill();
      const csv = breakdownToCsv(bill, { locale });
      assert.equal(csv.charCodeAt(0), 0xfeff, 'starts with a byte-order mark');
      assert.equal(Buffer.from(csv, 'utf8').subarray(0, 3).toString('hex'), 'efbbbf', 'UTF-8 BOM once encoded');
      assert.doesNotMatch(csv.replace(/\r\n/g, ''), /\n/, 'CRLF line ends only');
      const [header, ...rows] = parseCsv(csv.slice(1));
      assert.deepEqual(
        header,
        locale === 'ja'
          ? ['請求月', 'お支払期日', '通信会社', '回線番号', '区分', '項目コード', 'ご利用項目', '種別', '金額（円）']
          : ['Billing month', 'Payment due date', 'Communication company', 'Line number', 'Row', 'Item code', 'Item of charge', 'Kind', 'Amount (JPY)'],
      );
      const [ITEM, LINE, COMPANY, TOTAL] = locale === 'ja' ? ['明細', '回線小計', '会社小計', '合計'] : ['Item', 'Line subtotal', 'Company subtotal', 'Total'];
      for (const row of rows) {
        assert.equal(row.length, 9, row.join('|'));
        assert.equal(row[0], '2026-11');
        assert.equal(row[1], bill.dueDate);
        assert.match(row[8]!, /^-?\d+$/, 'amounts are plain integers');
      }
      const items = rows.filter((r) => r[4] === ITEM);
      const lineTotals = rows.filter((r) => r[4] === LINE);
      assert.equal(lineTotals.length, 128, 'all 128 lines');
      assert.equal(new Set(lineTotals.map((r) => r[3])).size, 128);
      assert.equal(items.length, bill.companies.flatMap((c) => c.lines.flatMap((l) => l.items)).length);
      // Per line: the items' sum is the line's subtotal row and the breakdown's subtotal.
      const byLine = new Map<string, number>();
      for (const r of items) byLine.set(r[3]!, (byLine.get(r[3]!) ?? 0) + Number(r[8]));
      const subtotals = new Map(bill.companies.flatMap((c) => c.lines.map((l) => [l.lineNumber, l.subtotal] as const)));
      for (const r of lineTotals) {
        assert.equal(Number(r[8]), byLine.get(r[3]!), `line ${r[3]}`);
        assert.equal(Number(r[8]), subtotals.get(r[3]!.replace(/-/g, '')), `line ${r[3]} as the breakdown says`);
      }
      const companies = rows.filter((r) => r[4] === COMPANY);
      assert.deepEqual(companies.map((r) => Number(r[8])), bill.companies.map((c) => c.subtotal));
      const total = rows.filter((r) => r[4] === TOTAL);
      assert.equal(total.length, 1);
      assert.equal(rows.at(-1), total[0], 'the total comes last');
      const itemSum = items.reduce((sum, r) => sum + Number(r[8]), 0);
      assert.equal(Number(total[0]![8]), itemSum);
      assert.equal(itemSum, bill.total);
      const taxKind = locale === 'ja' ? '消費税等' : 'Consumption tax';
      assert.equal(items.filter((r) => r[7] === taxKind).reduce((sum, r) => sum + Number(r[8]), 0), bill.taxTotal);
      // Labels round-trip in the locale, Japanese characters included.
      assert.deepEqual(
        new Set(companies.map((r) => r[2])),
        new Set(bill.companies.map((c) => c.name[locale])),
      );
      if (locale === 'ja') assert.ok(items.some((r) => r[6] === '消費税等（10%）'));
      assert.ok(lineTotals.some((r) => r[3] === '090-1111-0087'), 'line numbers as the bill writes them, leading 0 kept');
      assert.ok(items.some((r) => r[7] === (locale === 'ja' ? '割引' : 'Discount') && Number(r[8]) < 0), 'discounts are negative numbers');
    });
  }

  it('quotes commas, quotes and line breaks, defuses formula cells and leaves negative amounts as numbers', () => {
    const labels = ['Plan, "Gold"\r\nannual', '=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', '\tTab', '\rCR', 'シンプル'];
    const bill: BreakdownResponse = {
      month: '2026-11',
      dueDate: '2026-12-28',
      view: 'total',
      total: 0,
      taxTotal: 0,
      companies: [
        {
          companyId: 'x',
          name: { ja: '=会社', en: 'Acme, Inc.' },
          subtotal: 0,
          lines: [{ lineNumber: '09011110087', subtotal: 0, items: labels.map((label, i) => ({ code: `c${i}`, label: { ja: label, en: label }, kind: i === 3 ? 'discount' : 'charge', amount: i === 3 ? -1100 : 100 })) }],
        },
      ],
    };
    const rows = parseCsv(breakdownToCsv(bill, { locale: 'en' }).slice(1)).slice(1);
    assert.deepEqual(
      rows.slice(0, labels.length).map((r) => r[6]),
      ['Plan, "Gold"\r\nannual', `'=HYPERLINK("http://x")`, "'+1", "'-2", "'@SUM(A1)", "'\tTab", "'\rCR", 'シンプル'],
    );
    assert.equal(rows[0]![2], 'Acme, Inc.');
    assert.equal(rows[3]![8], '-1100', 'a discount stays a number');
    assert.equal(parseCsv(breakdownToCsv(bill, { locale: 'ja' }).slice(1))[1]![2], "'=会社");
    assert.match(breakdownToCsv(bill), /^\uFEFF請求月,/, 'Japanese by default');
  });

  it('names the file after the month', () => {
    assert.equal(breakdownCsvFileName('2026-11'), 'web-billing-2026-11.csv');
  });
});
