/**
 * `npm run bench -- bench/breakdown.bench.ts`: time to first paint of a
 * breakdown of 100, 1,000 and 10,000 items in the "open all" state, against a
 * plain-DOM baseline (createElement for every row) in the same page.
 *
 * Time to first paint: `performance.now()` → data arrives (set `data`, or the
 * baseline starts building) → the element's update completes → the next
 * animation frame → a task after it (`setTimeout 0`), by when the frame has
 * been styled, laid out and painted. Median of RUNS runs, after one warm-up;
 * runs alternate between ours and the baseline so both see the same page.
 * For information: `allRows` is ours until every row of every open line is
 * in the DOM (the later chunks); `script` and `baselineScript` are the time
 * until our update completes / the baseline's rows are built, before style,
 * layout and paint.
 */
import { expect } from '@open-wc/testing';
import '../components/breakdown/define.js';
import type { WbBreakdown } from '../components/breakdown/breakdown.js';
import type { BreakdownResponse, ChargeItem } from '../src/contract/types.js';

const RUNS = 15;
const ITEMS_PER_LINE = 10;
const COMPANIES = [
  { companyId: 'ntt-east', name: { ja: 'NTT東日本', en: 'NTT East' } },
  { companyId: 'docomo', name: { ja: 'NTTドコモ', en: 'NTT docomo' } },
  { companyId: 'ntt-com', name: { ja: 'NTTコミュニケーションズ', en: 'NTT Communications' } },
];

/** A breakdown of exactly `items` items: lines of 10 (charges, a discount, fees, tax) over 3 companies. */
function breakdownOf(items: number): BreakdownResponse {
  const lineCount = Math.ceil(items / ITEMS_PER_LINE);
  const companies = COMPANIES.map((c) => ({ ...c, subtotal: 0, lines: [] as BreakdownResponse['companies'][number]['lines'] }));
  let left = items;
  for (let l = 0; l < lineCount; l++) {
    const n = Math.min(ITEMS_PER_LINE, left);
    left -= n;
    const lineItems: ChargeItem[] = [];
    for (let i = 0; i < n; i++) {
      const kind = i === n - 1 ? 'tax' : i === 3 ? 'discount' : i >= n - 3 ? 'fee' : 'charge';
      const amount = kind === 'discount' ? -(100 + ((l * 7) % 900)) : kind === 'fee' ? 2 : kind === 'tax' ? 300 + (l % 50) : 300 + ((l * 31 + i * 17) % 4000);
      lineItems.push({ code: `${kind}-${i}`, label: { ja: `項目${i}`, en: `${kind === 'tax' ? 'Consumption tax (10%)' : `Item of charge ${i}`}` }, kind, amount });
    }
    const subtotal = lineItems.reduce((s, i) => s + i.amount, 0);
    const company = companies[l % companies.length]!;
    company.lines.push({ lineNumber: `090${String(10_000_000 + l).padStart(8, '0')}`, subtotal, items: lineItems });
    company.subtotal += subtotal;
  }
  const total = companies.reduce((s, c) => s + c.subtotal, 0);
  const taxTotal = companies.reduce((s, c) => s + c.lines.reduce((t, l) => t + l.items.filter((i) => i.kind === 'tax').reduce((a, i) => a + i.amount, 0), 0), 0);
  return { month: '2026-11', dueDate: '2026-12-28', view: 'total', total, taxTotal, companies };
}

const yen = new Intl.NumberFormat('en-JP', { style: 'currency', currency: 'JPY' });

/** The plain-DOM baseline: every company, line and item row created with createElement, all of them. */
function buildBaseline(data: BreakdownResponse, into: HTMLElement): void {
  const row = (tag: string, label: string, amount: number): HTMLElement => {
    const el = document.createElement(tag);
    el.style.display = 'flex';
    el.style.justifyContent = 'space-between';
    const name = document.createElement('span');
    name.textContent = label;
    const value = document.createElement('span');
    value.textContent = yen.format(amount);
    el.append(name, value);
    return el;
  };
  const root = document.createElement('section');
  const h2 = document.createElement('h2');
  h2.textContent = 'Detailed breakdown for November 2026';
  root.append(h2, row('div', 'Total billing amount', data.total), row('div', 'of which consumption tax', data.taxTotal));
  for (const company of data.companies) {
    const section = document.createElement('div');
    section.append(row('h3', company.name.en, company.subtotal));
    for (const line of company.lines) {
      const group = document.createElement('div');
      group.append(row('h4', `Line ${line.lineNumber}`, line.subtotal));
      const list = document.createElement('ul');
      for (const item of line.items) list.append(row('li', item.label.en, item.amount));
      group.append(list);
      section.append(group);
    }
    root.append(section);
  }
  into.append(root);
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const task = () => new Promise((resolve) => setTimeout(resolve, 0));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const settle = async () => {
  for (let i = 0; i < 3; i++) {
    await frame();
    await task();
  }
};

async function measureOurs(data: BreakdownResponse): Promise<{ paint: number; script: number; allRows: number; items: number }> {
  const el = document.createElement('wb-breakdown') as WbBreakdown;
  document.body.append(el);
  el.openAll();
  await el.updateComplete;
  await settle();
  const start = performance.now();
  el.data = data;
  await el.updateComplete;
  const script = performance.now() - start;
  await frame();
  await task();
  const paint = performance.now() - start;
  await el.allRendered;
  const allRows = performance.now() - start;
  const items = el.shadowRoot!.querySelectorAll('[part~="item"]').length;
  el.remove();
  await settle();
  return { paint, script, allRows, items };
}

async function measureBaseline(data: BreakdownResponse): Promise<{ paint: number; script: number }> {
  const host = document.createElement('div');
  document.body.append(host);
  await settle();
  const start = performance.now();
  buildBaseline(data, host);
  const script = performance.now() - start;
  await frame();
  await task();
  const paint = performance.now() - start;
  host.remove();
  await settle();
  return { paint, script };
}

describe('breakdown rendering', () => {
  for (const size of [100, 1_000, 10_000]) {
    it(`${size} items, open all: <wb-breakdown> vs plain DOM`, async () => {
      const data = breakdownOf(size);
      await measureOurs(data);
      await measureBaseline(data);
      const ours: number[] = [];
      const allRows: number[] = [];
      const baseline: number[] = [];
      const script: number[] = [];
      const baselineScript: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const o = await measureOurs(data);
        expect(o.items, 'every item rendered in the end').to.equal(size);
        ours.push(o.paint);
        script.push(o.script);
        allRows.push(o.allRows);
        const b = await measureBaseline(data);
        baseline.push(b.paint);
        baselineScript.push(b.script);
      }
      const row = {
        bench: 'breakdown',
        case: `${size.toLocaleString('en')} items`,
        median: median(ours),
        unit: 'ms',
        baseline: median(baseline),
        ratio: median(ours) / median(baseline),
        allRows: median(allRows),
        script: median(script),
        baselineScript: median(baselineScript),
        runs: RUNS,
      };
      console.log('BENCH ' + JSON.stringify(row));
    });
  }
});
