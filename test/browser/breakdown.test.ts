import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import { http, HttpResponse } from 'msw/http';
import '../../components/breakdown/define.js';
import type { WbBreakdown } from '../../components/breakdown/breakdown.js';
import type { WbBreakdownDownloadEvent, WbMembershipRequestedEvent, WbMonthSelectedEvent } from '../../components/shared/events.js';
import type { WebBillingClient } from '../../src/index.js';
import { axeViolations } from './helpers/axe.js';
import { mountInProvider, testClient, until, useBackend } from '../support/backend.js';
import { sendRandomInput } from '../support/random-input.js';

const backend = useBackend();

const ACCOUNTS = {
  taro: { loginId: 'taro2024', password: 'Sakura2024!' },
  corp: { loginId: 'corp-admin1', password: 'Corp2026pass' },
} as const;
const MONTHS = ['2026-08', '2026-09', '2026-10', '2026-11'];
const BREAKDOWN_PATH = '/api/v1/billing/months/:month/breakdown';
/** Seeds and actions per seed of the CI-sized random-input stress test. */
const STRESS_SEEDS = [1, 2, 3];
const STRESS_ACTIONS = 250;

async function mountBreakdown(account: keyof typeof ACCOUNTS, content = html`<wb-breakdown month="2026-11"></wb-breakdown>`) {
  const client = testClient();
  await client.auth.login(ACCOUNTS[account]);
  const { el } = await mountInProvider<Element>(content, client);
  const breakdown = (el.localName === 'wb-breakdown' ? el : el.querySelector('wb-breakdown')!) as WbBreakdown;
  await loaded(breakdown);
  clients.set(breakdown, client);
  return breakdown;
}

const clients = new WeakMap<WbBreakdown, WebBillingClient>();

const root = (el: WbBreakdown) => el.shadowRoot!;
const part = (el: WbBreakdown, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: WbBreakdown, name: string) => [...root(el).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];

async function loaded(el: WbBreakdown): Promise<void> {
  await until(() => part(el, 'total') || part(el, 'error') || part(el, 'empty'), 5_000, 'breakdown loaded');
  await el.updateComplete;
}

/** Yen as displayed (`¥12,345`, `-¥1,100`, `￥12,345`) → number. */
function yen(text: string | null | undefined): number {
  const t = (text ?? '').replace(/\u2212/g, '-');
  const n = Number(t.replace(/[^\d-]/g, ''));
  if (!Number.isInteger(n)) throw new Error(`not an amount: ${text}`);
  return n;
}

async function openAllByClick(el: WbBreakdown): Promise<void> {
  part(el, 'open-all-button')!.click();
  await el.allRendered;
}

describe('<wb-breakdown>', () => {
  it('says it needs a provider when placed outside one (and renders given data without one)', async () => {
    const outside = document.createElement('wb-breakdown');
    document.body.append(outside);
    await outside.updateComplete;
    expect(outside.shadowRoot!.textContent).to.contain('<wb-provider');
    outside.data = {
      month: '2026-11',
      dueDate: '2026-12-26',
      view: 'total',
      total: 110,
      taxTotal: 10,
      companies: [
        {
          companyId: 'docomo',
          name: { ja: 'NTTドコモ', en: 'NTT docomo' },
          subtotal: 110,
          lines: [{ lineNumber: '09011110087', subtotal: 110, items: [
            { code: 'basic', label: { ja: '基本料', en: 'Basic' }, kind: 'charge', amount: 100 },
            { code: 'tax', label: { ja: '消費税等', en: 'Consumption tax' }, kind: 'tax', amount: 10 },
          ] }],
        },
      ],
    };
    await outside.updateComplete;
    expect(yen(part(outside, 'total')!.textContent)).to.equal(110);
    outside.remove();
  });

  it('shows the total, then each company with its subtotal, and the consumption tax included', async () => {
    const el = await mountBreakdown('corp');
    const companies = parts(el, 'company');
    expect(companies.map((c) => c.querySelector('.name')!.textContent)).to.deep.equal(['NTT East', 'NTT docomo', 'NTT Communications']);
    const subtotals = parts(el, 'company-summary').map((s) => yen(s.querySelector('.amount')!.textContent));
    expect(yen(part(el, 'total')!.textContent)).to.equal(subtotals.reduce((a, b) => a + b, 0));
    expect(part(el, 'totals')!.textContent).to.contain('of which consumption tax');
    expect(yen(part(el, 'tax-total')!.textContent)).to.be.greaterThan(0);
    // Lines start closed: no item rows exist until a line opens.
    expect(parts(el, 'item')).to.have.length(0);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('offers keyboard users a skip past a long bill\'s lines to the notice-email link, and none on a one-line bill', async () => {
    const corp = await mountBreakdown('corp');
    const skip = part(corp, 'skip-to-end-button')!;
    expect(skip, 'skip link on a 128-line bill').to.exist;
    expect(skip.getBoundingClientRect().width, 'out of sight until focused').to.be.at.most(1);
    skip.focus();
    await corp.updateComplete;
    expect(skip.getBoundingClientRect().width, 'visible when focused').to.be.greaterThan(20);
    await sendKeys({ press: 'Enter' });
    expect(root(corp).activeElement).to.equal(part(corp, 'notice-email-link'));
    expect(await axeViolations(corp)).to.deep.equal([]);
    corp.remove();

    const taro = await mountBreakdown('taro');
    expect(part(taro, 'skip-to-end-button')).to.equal(null);
  });

  it('writes every line number as the line picker does (mobile, data 020, Tokyo 03, toll-free 0120, IP 050)', async () => {
    const el = await mountBreakdown('corp');
    const shown = parts(el, 'line-summary').map((s) => s.textContent ?? '');
    for (const number of ['090-1111-0001', '020-1234-5001', '03-5555-0101', '0120-123-401', '050-1234-0001']) {
      expect(shown.some((text) => text.includes(number)), number).to.equal(true);
    }
  });

  it('shows only line 09011110087 when its line is set, with the bill\'s discounts negative and tax labelled', async () => {
    const client = testClient();
    await client.auth.login(ACCOUNTS.corp);
    const { el: provider } = await mountInProvider<HTMLElement>(html`<div><wb-breakdown month="2026-11"></wb-breakdown></div>`, client);
    const el = provider.querySelector('wb-breakdown')!;
    await loaded(el);
    expect(parts(el, 'line').length).to.be.greaterThan(100);
    el.line = '090-1111-0087';
    await el.updateComplete;
    await until(() => parts(el, 'line').length === 1, 5_000, 'one line');
    expect(part(el, 'heading')!.textContent).to.contain('090-1111-0087');
    expect(part(el, 'line-summary')!.textContent).to.contain('090-1111-0087');
    await openAllByClick(el);
    const items = parts(el, 'item');
    expect(items.length).to.be.greaterThan(2);
    const line = yen(part(el, 'line-summary')!.querySelector('.amount')!.textContent);
    expect(line).to.equal(items.reduce((sum, i) => sum + yen(i.querySelector('.amount')!.textContent), 0));
    expect(yen(part(el, 'total')!.textContent)).to.equal(line);
    for (const tax of parts(el, 'tax-item')) expect(tax.textContent).to.match(/consumption tax/i);
    for (const discount of parts(el, 'discount-item')) expect(yen(discount.querySelector('.amount')!.textContent)).to.be.below(0);
    expect(await axeViolations(el)).to.deep.equal([]);
    // Back to the whole bill: the property cleared, every line again.
    el.line = undefined;
    await el.updateComplete;
    await until(() => parts(el, 'line').length > 100, 5_000, 'all lines');
  });

  it('shows one company when company is set', async () => {
    const el = await mountBreakdown('corp', html`<wb-breakdown month="2026-11" company="ntt-com"></wb-breakdown>`);
    expect(parts(el, 'company')).to.have.length(1);
    expect(part(el, 'heading')!.textContent).to.contain('NTT Communications');
  });

  it('opens and closes every section with Open all / Close all, by keyboard too', async () => {
    const el = await mountBreakdown('corp');
    const lines = () => parts(el, 'line') as HTMLDetailsElement[];
    expect(lines().every((d) => !d.open)).to.be.true;
    part(el, 'open-all-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.allRendered;
    expect(lines().every((d) => d.open)).to.be.true;
    const itemCount = lines().reduce((n, d) => n + d.querySelectorAll('[part~="item"]').length, 0);
    expect(itemCount).to.be.greaterThan(lines().length * 2);
    expect(lines().every((d) => d.querySelectorAll('[part~="item"]').length > 0), 'every open line has its rows').to.be.true;
    // Tab to "Close all" and press Space.
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(part(el, 'close-all-button'));
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect((parts(el, 'company') as HTMLDetailsElement[]).every((d) => !d.open)).to.be.true;
    expect(parts(el, 'item')).to.have.length(0);
    // A summary opens its section with Enter.
    const company = part(el, 'company-summary')!;
    company.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => (parts(el, 'company')[0] as HTMLDetailsElement).open && parts(el, 'line').length > 0, 2_000, 'company open');
    const lineSummary = part(el, 'line-summary')!;
    lineSummary.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => parts(el, 'item').length > 0, 2_000, 'line rows');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  for (const account of ['taro', 'corp'] as const) {
    it(`shows totals equal to the sum of the displayed items, every seeded month (${account})`, async function () {
      this.timeout(60_000);
      const el = await mountBreakdown(account);
      await openAllByClick(el);
      for (const month of MONTHS) {
        el.month = month;
        await el.updateComplete;
        await until(() => part(el, 'total'), 5_000, month);
        await el.allRendered;
        const items = parts(el, 'item').map((i) => yen(i.querySelector('.amount')!.textContent));
        expect(items.length, `${month} items`).to.be.greaterThan(0);
        const sum = items.reduce((a, b) => a + b, 0);
        expect(yen(part(el, 'total')!.textContent), `${month} total`).to.equal(sum);
        const taxes = parts(el, 'tax-item').map((i) => yen(i.querySelector('.amount')!.textContent));
        expect(yen(part(el, 'tax-total')!.textContent), `${month} tax`).to.equal(taxes.reduce((a, b) => a + b, 0));
        for (const line of parts(el, 'line')) {
          const lineItems = [...line.querySelectorAll('[part~="item"] .amount')].map((a) => yen(a.textContent));
          expect(yen(line.querySelector('[part~="line-summary"] .amount')!.textContent)).to.equal(lineItems.reduce((a, b) => a + b, 0));
        }
        for (const company of parts(el, 'company')) {
          const companyItems = [...company.querySelectorAll('[part~="item"] .amount')].map((a) => yen(a.textContent));
          expect(yen(company.querySelector('[part~="company-summary"] .amount')!.textContent)).to.equal(companyItems.reduce((a, b) => a + b, 0));
        }
        // The displayed total is the month's billing amount in the history, too.
        const { months } = await clients.get(el)!.billing.history();
        expect(yen(part(el, 'total')!.textContent)).to.equal(months.find((h) => h.month === month)!.amount);
      }
    });
  }

  it('paints a 10,000-item bill\'s first screenful at once under Open all, then fills in every row, and it still adds up', async function () {
    this.timeout(60_000);
    const el = document.createElement('wb-breakdown');
    document.body.append(el);
    try {
      el.openAll();
      const lines = Array.from({ length: 1_000 }, (_, l) => ({
        lineNumber: `090${String(20_000_000 + l)}`,
        subtotal: 0,
        items: Array.from({ length: 10 }, (_, i) => ({
          code: `c${i}`,
          label: { ja: `項目${i}`, en: `Item ${l}-${i}` },
          kind: i === 9 ? ('tax' as const) : i === 3 ? ('discount' as const) : ('charge' as const),
          amount: i === 3 ? -50 : 100 + ((l + i) % 7),
        })),
      }));
      el.data = {
        month: '2026-11',
        dueDate: '2026-12-28',
        view: 'total',
        total: 0,
        taxTotal: 0,
        companies: [{ companyId: 'docomo', name: { ja: 'NTTドコモ', en: 'NTT docomo' }, subtotal: 0, lines }],
      };
      await el.updateComplete;
      const first = parts(el, 'item').length;
      expect(first, 'first paint has a screenful').to.be.within(50, 500);
      await el.allRendered;
      const items = parts(el, 'item');
      expect(items).to.have.length(10_000);
      // Rows render in order: the last line's last item is there, findable as text.
      expect(root(el).textContent).to.contain('Item 999-9');
      expect(yen(part(el, 'total')!.textContent)).to.equal(items.reduce((sum, i) => sum + yen(i.querySelector('.amount')!.textContent), 0));
      // Off-screen rows skip rendering through their list, never through the <details> (renderer crash).
      expect(getComputedStyle(parts(el, 'items')[0]!).contentVisibility).to.equal('auto');
      for (const line of parts(el, 'line').slice(0, 20)) expect(getComputedStyle(line).contentVisibility).to.equal('visible');
    } finally {
      el.remove();
    }
  });

  // Chromium's renderer crashed ("Target crashed") under this kind of input while the
  // line <details> had `content-visibility: auto` (docs/benchmarks.md, "Renderer crash").
  // The long version is bench/breakdown-input.bench.ts.
  it('survives seeded random Tab, Shift+Tab, Enter, Space and summary clicks on the 128-line bill', async function () {
    this.timeout(90_000);
    await setViewport({ width: 1280, height: 800 });
    const el = await mountBreakdown('corp');
    const started = performance.now();
    let actions = 0;
    for (const seed of STRESS_SEEDS) {
      const sent = await sendRandomInput(root(el), seed, STRESS_ACTIONS);
      actions += sent.length;
      await el.allRendered;
      // Still alive and consistent: every open line has its rows, the total is the sum of the companies.
      const subtotals = parts(el, 'company-summary').map((s) => yen(s.querySelector('.amount')!.textContent));
      expect(yen(part(el, 'total')!.textContent), `seed ${seed}`).to.equal(subtotals.reduce((a, b) => a + b, 0));
      for (const line of parts(el, 'line') as HTMLDetailsElement[]) {
        if (line.open) expect(line.querySelectorAll('[part~="item"]').length, `seed ${seed}: open line has its rows`).to.be.greaterThan(0);
      }
    }
    console.log(`stress: ${actions} actions in ${Math.round(performance.now() - started)} ms`);
  });

  describe('Download CSV', () => {
    /** Stubs the download: URL.createObjectURL keeps the blob, the <a download> click is recorded, not followed. */
    function interceptDownloads() {
      const downloads: { blob: Blob; fileName: string; url: string }[] = [];
      const blobs = new Map<string, Blob>();
      const { createObjectURL } = URL;
      const { click } = HTMLAnchorElement.prototype;
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        const url = `blob:test/${blobs.size}`;
        blobs.set(url, blob as Blob);
        return url;
      };
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        downloads.push({ blob: blobs.get(this.getAttribute('href')!)!, fileName: this.download, url: this.href });
      };
      return {
        downloads,
        restore() {
          URL.createObjectURL = createObjectURL;
          HTMLAnchorElement.prototype.click = click;
        },
      };
    }

    it('downloads the whole 128-line bill as web-billing-2026-11.csv from the keyboard, even with one line shown', async function () {
      this.timeout(30_000);
      const intercepted = interceptDownloads();
      try {
        const el = await mountBreakdown('corp', html`<wb-breakdown month="2026-11" line="090-1111-0087"></wb-breakdown>`);
        expect(parts(el, 'line')).to.have.length(1);
        const button = part(el, 'csv-button')!;
        expect(button.textContent).to.equal('Download CSV (whole bill)');
        const events: WbBreakdownDownloadEvent[] = [];
        el.addEventListener('wb-breakdown-download', (e) => events.push(e));
        part(el, 'close-all-button')!.focus();
        await sendKeys({ press: 'Tab' });
        expect(root(el).activeElement).to.equal(button);
        await sendKeys({ press: 'Enter' });
        await until(() => intercepted.downloads.length === 1, 5_000, 'download');
        const [download] = intercepted.downloads;
        expect(download!.fileName).to.equal('web-billing-2026-11.csv');
        expect(download!.blob.type).to.equal('text/csv;charset=utf-8');
        const bytes = new Uint8Array(await download!.blob.arrayBuffer());
        expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
        // Blob.text() decodes UTF-8 and drops the BOM (checked in the bytes above).
        const text = await download!.blob.text();
        const records = text.split('\r\n');
        expect(records[0]).to.equal('Billing month,Payment due date,Communication company,Line number,Row,Item code,Item of charge,Kind,Amount (JPY)');
        expect(records.filter((r) => r.includes(',Line subtotal,'))).to.have.length(128);
        const total = records.find((r) => r.includes(',Total,'))!;
        const { total: billTotal } = await clients.get(el)!.billing.breakdown('2026-11');
        expect(Number(total.split(',').at(-1))).to.equal(billTotal);
        expect(events).to.have.length(1);
        expect([events[0]!.month, events[0]!.fileName, events[0]!.csv, events[0]!.cancelable, events[0]!.bubbles, events[0]!.composed]).to.deep.equal(['2026-11', 'web-billing-2026-11.csv', `\uFEFF${text}`, true, true, true]);
        expect(await axeViolations(el)).to.deep.equal([]);
      } finally {
        intercepted.restore();
      }
    });

    it('writes the CSV in Japanese under lang="ja", and downloads nothing when wb-breakdown-download is cancelled', async () => {
      const intercepted = interceptDownloads();
      try {
        const el = await mountBreakdown('taro', html`<div lang="ja"><wb-breakdown month="2026-11"></wb-breakdown></div>`);
        expect(part(el, 'csv-button')!.textContent).to.equal('CSVダウンロード（請求全体）');
        let csv = '';
        el.addEventListener('wb-breakdown-download', (e) => {
          csv = e.csv;
          e.preventDefault();
        }, { once: true });
        await el.downloadCsv();
        expect(csv).to.match(/^\uFEFF請求月,お支払期日,通信会社,回線番号,区分,/);
        expect(csv).to.contain('消費税等（10%）');
        expect(intercepted.downloads).to.have.length(0);
        await el.downloadCsv();
        expect(intercepted.downloads).to.have.length(1);
        expect(await axeViolations(el)).to.deep.equal([]);
      } finally {
        intercepted.restore();
      }
    });

    it('says so, accessibly, when the whole bill cannot be loaded for the CSV', async () => {
      const intercepted = interceptDownloads();
      try {
        const el = await mountBreakdown('corp', html`<wb-breakdown month="2026-11" company="ntt-com"></wb-breakdown>`);
        backend().worker.use(http.get(BREAKDOWN_PATH, () => HttpResponse.error(), { once: true }));
        part(el, 'csv-button')!.click();
        await until(() => part(el, 'csv-error'), 5_000, 'csv error');
        expect(part(el, 'csv-error')!.getAttribute('role')).to.equal('alert');
        expect(intercepted.downloads).to.have.length(0);
        expect(await axeViolations(el)).to.deep.equal([]);
        await el.downloadCsv();
        expect(intercepted.downloads).to.have.length(1);
        expect(part(el, 'csv-error')).to.equal(null);
      } finally {
        intercepted.restore();
      }
    });
  });

  describe('print', () => {
    afterEach(() => emulateMedia({ media: 'screen' }));

    it('prints every company, line and item, closed ones too, without buttons, a company per page and no line split', async function () {
      this.timeout(30_000);
      const el = await mountBreakdown('corp');
      // On screen: one company closed, every line closed, no item rows.
      parts(el, 'company-summary')[1]!.click();
      await el.updateComplete;
      expect(parts(el, 'item')).to.have.length(0);
      await emulateMedia({ media: 'print' });
      window.dispatchEvent(new Event('beforeprint'));
      // The rows are there when the event returns: the print layout follows it at once.
      const lines = parts(el, 'line') as HTMLDetailsElement[];
      expect(lines).to.have.length(128);
      for (const button of root(el).querySelectorAll('button')) expect(getComputedStyle(button).display, button.textContent!).to.equal('none');
      expect(getComputedStyle(part(el, 'totals')!).display).to.not.equal('none');
      for (const [i, line] of lines.entries()) {
        expect(line.open, 'screen state untouched').to.equal(false);
        const items = [...line.querySelectorAll<HTMLElement>('[part~="item"]')];
        expect(items.length, `line ${i} has its rows`).to.be.greaterThan(0);
        for (const item of items) expect(item.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true }), `line ${i} item visible`).to.equal(true);
        expect(getComputedStyle(line).breakInside, `line ${i} is not split`).to.equal('avoid');
        const first = line.previousElementSibling?.localName !== 'details';
        expect(getComputedStyle(line).breakBefore, `line ${i}`).to.equal('auto');
        if (!first) {
          line.style.setProperty('--wb-breakdown-print-line-break', 'page');
          expect(getComputedStyle(line).breakBefore, `line ${i}: one page per line when asked`).to.equal('page');
          line.style.removeProperty('--wb-breakdown-print-line-break');
        }
      }
      expect(parts(el, 'company').map((c) => getComputedStyle(c).breakBefore)).to.deep.equal(['auto', 'page', 'page']);
      // After printing: the screen as it was.
      window.dispatchEvent(new Event('afterprint'));
      await el.updateComplete;
      await emulateMedia({ media: 'screen' });
      expect(parts(el, 'item')).to.have.length(0);
      expect((parts(el, 'company') as HTMLDetailsElement[]).map((c) => c.open)).to.deep.equal([true, false, true]);
      expect(getComputedStyle(part(el, 'open-all-button')!).display).to.not.equal('none');
    });
  });

  it('shows the empty state, accessibly, for a month without charges', async () => {
    backend().worker.use(
      http.get(BREAKDOWN_PATH, () => HttpResponse.json({ month: '2026-11', dueDate: '2026-12-28', view: 'total', total: 0, taxTotal: 0, companies: [] }), { once: true }),
    );
    const el = await mountBreakdown('taro');
    expect(part(el, 'empty')!.textContent).to.contain('no charges');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('says plainly, with no retry, when the line asked for is not on the bill', async () => {
    const el = await mountBreakdown('corp', html`<wb-breakdown month="2026-11" line="090-9999-9999"></wb-breakdown>`);
    expect(part(el, 'error')!.textContent).to.contain('not on this bill');
    expect(part(el, 'retry-button')).to.be.null;
  });

  it('says plainly that breakdowns are kept for 4 months, with no retry, for 2026-07', async () => {
    const el = await mountBreakdown('taro', html`<wb-breakdown month="2026-07"></wb-breakdown>`);
    const error = part(el, 'error')!;
    expect(error.textContent).to.contain('Detailed breakdowns are kept for 4 months');
    expect(part(el, 'retry-button')).to.be.null;
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  for (const [fault, respond] of [
    ['offline', () => HttpResponse.error()],
    ['a 500', () => HttpResponse.json({ error: { code: 'internal', message: 'boom' } }, { status: 500 })],
  ] as const) {
    it(`offers a retry that works and keeps the open sections after ${fault} while loading`, async () => {
      const el = await mountBreakdown('corp');
      await openAllByClick(el);
      const toggledClosed = parts(el, 'company-summary')[1]!;
      toggledClosed.click();
      await until(() => !(parts(el, 'company')[1] as HTMLDetailsElement).open, 2_000, 'second company closed');
      backend().worker.use(http.get(BREAKDOWN_PATH, respond, { once: true }));
      el.month = '2026-10';
      await el.updateComplete;
      await until(() => part(el, 'retry-button'), 5_000, 'retry button');
      expect(part(el, 'error')!.textContent).to.match(/could not be reached|had a problem/);
      expect(await axeViolations(el)).to.deep.equal([]);
      part(el, 'retry-button')!.click();
      await until(() => part(el, 'total'), 5_000, 'loaded after retry');
      await el.allRendered;
      const companies = parts(el, 'company') as HTMLDetailsElement[];
      expect(companies.map((c) => c.open)).to.deep.equal([true, false, true]);
      expect(companies[0]!.querySelectorAll('[part~="item"]').length).to.be.greaterThan(0);
    });
  }

  it('is accessible while loading', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    backend().worker.use(
      http.get(BREAKDOWN_PATH, async () => {
        await gate;
      }, { once: true }),
    );
    const client = testClient();
    await client.auth.login(ACCOUNTS.taro);
    const { el } = await mountInProvider<WbBreakdown>(html`<wb-breakdown month="2026-11"></wb-breakdown>`, client);
    await until(() => part(el, 'loading'), 2_000, 'loading');
    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
    expect(await axeViolations(el)).to.deep.equal([]);
    release();
    await loaded(el);
    expect(part(el, 'total')).to.exist;
  });

  it('fires wb-month-selected for the summary and wb-membership-requested for the notice email', async () => {
    const el = await mountBreakdown('taro');
    const events: Event[] = [];
    el.addEventListener('wb-month-selected', (e) => events.push(e));
    el.addEventListener('wb-membership-requested', (e) => events.push(e));
    part(el, 'summary-button')!.click();
    part(el, 'notice-email-link')!.click();
    const [month, membership] = events as [WbMonthSelectedEvent, WbMembershipRequestedEvent];
    expect([month.month, month.view, month.bubbles, month.composed]).to.deep.equal(['2026-11', 'summary', true, true]);
    expect(membership.section).to.equal('notice-email');
    expect(part(el, 'notice-email-link')!.textContent).to.contain('Register an email address to receive a notice of billing amount');
  });

  it('speaks Japanese under lang="ja", with yen and dates as Japanese writes them', async () => {
    const el = await mountBreakdown('taro', html`<div lang="ja"><wb-breakdown month="2026-11"></wb-breakdown></div>`);
    expect(part(el, 'heading')!.textContent).to.contain('2026年11月');
    expect(part(el, 'totals')!.textContent).to.contain('うち消費税等');
    expect(part(el, 'total')!.textContent).to.match(/^￥[\d,]+$/);
    expect(part(el, 'open-all-button')!.textContent).to.equal('すべて開く');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  for (const lang of ['en', 'ja'] as const) {
    it(`keeps every amount on its row's right at 360 × 740, the tax label once, even markers and a one-line total (${lang})`, async function () {
      this.timeout(60_000);
      await setViewport({ width: 360, height: 740 });
      const el = await mountBreakdown('corp', html`<div lang=${lang}><wb-breakdown month="2026-11"></wb-breakdown></div>`);
      await openAllByClick(el);
      const lines = parts(el, 'line').slice(0, 8);
      const rows = [
        ...root(el).querySelectorAll<HTMLElement>('[part~="totals"] > div'),
        ...parts(el, 'company-summary'),
        ...lines.flatMap((line) => [line.querySelector<HTMLElement>('summary')!, ...line.querySelectorAll<HTMLElement>('[part~="item"]')]),
      ];
      expect(rows.length).to.be.greaterThan(20);
      for (const row of rows) {
        const amount = row.querySelector<HTMLElement>('.amount')!;
        if (!amount) continue; // the due date row
        const label = row.querySelector<HTMLElement>('dt, .name, .label')!;
        const a = amount.getBoundingClientRect();
        const l = label.getBoundingClientRect();
        expect(a.top, `${row.textContent}: amount on the label's line`).to.be.below(l.top + 8);
        expect(a.right, `${row.textContent}: amount on the right`).to.be.at.least(l.right);
        expect(a.right, `${row.textContent}: inside the screen`).to.be.at.most(360);
      }
      const word = lang === 'ja' ? /消費税/g : /consumption tax/gi;
      const taxRows = lines.flatMap((line) => [...line.querySelectorAll<HTMLElement>('[part~="tax-item"] .label')]);
      expect(taxRows.length).to.be.greaterThan(0);
      for (const tax of taxRows) expect(tax.textContent!.match(word), tax.textContent!).to.have.length(1);
      // Markers: every company name starts at one x, every line name at another (open or closed), items under the line name.
      parts(el, 'line-summary')[1]!.click();
      await el.updateComplete;
      const left = (els: Element[]) => new Set(els.map((e) => Math.round(e.getBoundingClientRect().left)));
      expect(left(parts(el, 'company-summary').map((s) => s.querySelector('.name')!)).size, 'company names aligned').to.equal(1);
      const lineNames = left(parts(el, 'line-summary').slice(0, 8).map((s) => s.querySelector('.name')!));
      expect(lineNames.size, 'line names aligned, open or closed').to.equal(1);
      expect(left(lines.flatMap((line) => [...line.querySelectorAll('[part~="item"] .label')]))).to.deep.equal(lineNames);
      // The total never wraps: its text is one line box.
      const range = document.createRange();
      range.selectNodeContents(part(el, 'total')!);
      expect([...range.getClientRects()].filter((r) => r.width > 0)).to.have.length(1);
      expect(document.documentElement.scrollWidth).to.be.at.most(360);
    });
  }

  for (const width of [360, 1280]) {
    it(`fits a ${width} px wide screen, everything open, without horizontal scrolling`, async () => {
      await setViewport({ width, height: 800 });
      const el = await mountBreakdown('corp');
      await openAllByClick(el);
      expect(document.documentElement.scrollWidth).to.be.at.most(width);
      for (const control of root(el).querySelectorAll<HTMLElement>('button, summary')) {
        const box = control.getBoundingClientRect();
        if (box.width === 0) continue; // off-screen rows skipped by content-visibility
        expect(box.right, `${control.outerHTML.slice(0, 60)} inside the screen`).to.be.at.most(width);
        expect(box.height, 'touch target at least 44 px high').to.be.at.least(44);
      }
    });
  }
});

