import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import { http, HttpResponse } from 'msw/http';
import '../../components/billing-list/define.js';
import type { WbBillingList } from '../../components/billing-list/billing-list.js';
import type { WbMonthSelectedEvent } from '../../components/shared/events.js';
import { axeViolations } from './helpers/axe.js';
import { mountInProvider, testClient, until, useBackend } from '../support/backend.js';

const backend = useBackend();
const HISTORY = '/api/v1/billing/history';

const ACCOUNTS = {
  taro: { loginId: 'taro2024', password: 'Sakura2024!' },
  corp: { loginId: 'corp-admin1', password: 'Corp2026pass' },
} as const;

async function mountList(account: keyof typeof ACCOUNTS = 'taro', wrap = (content: ReturnType<typeof html>) => content) {
  const client = testClient();
  await client.auth.login(ACCOUNTS[account]);
  const { el } = await mountInProvider<HTMLElement>(wrap(html`<wb-billing-list></wb-billing-list>`), client);
  const list = (el.localName === 'wb-billing-list' ? el : el.querySelector('wb-billing-list')!) as WbBillingList;
  return { list, client };
}

const $ = <T extends Element = HTMLElement>(list: WbBillingList, selector: string) => list.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(list: WbBillingList, selector: string) => [...list.shadowRoot!.querySelectorAll<T>(selector)];
const loaded = (list: WbBillingList) => until(() => $$(list, '[part~="row"]').length > 0, 3_000, 'history rows');

/** Holds the history request until `release()`, then lets the reference backend answer it. */
function holdHistory(): { release(): void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  backend().worker.use(
    http.get(HISTORY, async () => {
      await gate;
      return undefined;
    }, { once: true }),
  );
  return { release };
}

describe('<wb-billing-list>', () => {
  for (const account of ['taro', 'corp'] as const) {
    it(`shows exactly 15 months, newest first, and exactly 4 breakdown buttons (${account})`, async () => {
      const { list } = await mountList(account);
      await loaded(list);
      const rows = $$(list, 'tbody tr[part~="row"]');
      expect(rows).to.have.length(15);
      expect(rows[0]!.dataset.month).to.equal('2026-11');
      expect(rows[14]!.dataset.month).to.equal('2025-09');
      const buttons = $$<HTMLButtonElement>(list, '[part~="breakdown-button"]');
      expect(buttons.map((b) => b.dataset.month)).to.deep.equal(['2026-11', '2026-10', '2026-09', '2026-08']);
      expect($$(list, '.amount-only-text')).to.have.length(11);
      expect($(list, '[part~="retention-note"]')!.textContent).to.contain('4 months');
      expect($$(list, 'g[part~="bar"]')).to.have.length(15);
      expect($$(list, 'g[part~="bar-breakdown"]')).to.have.length(4);
    });
  }

  it('names the current month provisional in its row and its bar', async () => {
    const { list } = await mountList();
    await loaded(list);
    expect($(list, 'tr[data-month="2026-11"]')!.textContent).to.contain('Provisional');
    expect($(list, 'g[data-month="2026-11"]')!.getAttribute('aria-label')).to.match(/^November 2026: ¥[\d,]+, provisional\. Detailed breakdown available\.$/);
    expect($(list, 'g[data-month="2025-09"]')!.getAttribute('aria-label')).to.match(/^September 2025: ¥[\d,]+\. Amount only\.$/);
  });

  it('fires wb-month-selected with the month when a breakdown button is clicked', async () => {
    const { list } = await mountList();
    await loaded(list);
    const events: WbMonthSelectedEvent[] = [];
    document.addEventListener('wb-month-selected', (e) => events.push(e), { once: true });
    $<HTMLButtonElement>(list, '[part~="breakdown-button"][data-month="2026-09"]')!.click();
    expect(events).to.have.length(1);
    expect(events[0]!.month).to.equal('2026-09');
    expect(events[0]!.view).to.equal('breakdown');
    expect(events[0]!.bubbles && events[0]!.composed).to.be.true;
  });

  it('fires wb-month-selected from the keyboard (Enter on a breakdown button)', async () => {
    const { list } = await mountList();
    await loaded(list);
    const events: WbMonthSelectedEvent[] = [];
    list.addEventListener('wb-month-selected', (e) => events.push(e));
    $<HTMLButtonElement>(list, '[part~="breakdown-button"][data-month="2026-10"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => events.length === 1, 2_000, 'wb-month-selected');
    expect(events[0]!.month).to.equal('2026-10');
  });

  it('fires wb-month-selected when a bar with a breakdown is clicked, and not for an amount-only bar', async () => {
    const { list } = await mountList();
    await loaded(list);
    const events: WbMonthSelectedEvent[] = [];
    list.addEventListener('wb-month-selected', (e) => events.push(e));
    $(list, 'g[data-month="2025-12"] .hit')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(events).to.have.length(0);
    $(list, 'g[data-month="2026-08"] .hit')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(events.map((e) => e.month)).to.deep.equal(['2026-08']);
  });

  it('makes the bars one tab stop moved with the arrow keys, Home and End, and selects with Enter', async () => {
    const { list } = await mountList();
    await loaded(list);
    const before = document.createElement('button');
    before.textContent = 'before';
    list.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    const focused = () => list.shadowRoot!.activeElement as HTMLElement | null;
    expect(focused()?.dataset.month, 'Tab lands on the first bar').to.equal('2025-09');
    expect($$(list, 'g.bar[tabindex="0"]')).to.have.length(1);
    await sendKeys({ press: 'ArrowRight' });
    expect(focused()?.dataset.month).to.equal('2025-10');
    expect($(list, '[part~="readout"]')!.textContent).to.contain('October 2025');
    await sendKeys({ press: 'End' });
    expect(focused()?.dataset.month).to.equal('2026-11');
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused()?.dataset.month).to.equal('2026-10');
    const events: WbMonthSelectedEvent[] = [];
    list.addEventListener('wb-month-selected', (e) => events.push(e));
    await sendKeys({ press: 'Enter' });
    expect(events.map((e) => e.month)).to.deep.equal(['2026-10']);
    await sendKeys({ press: 'Home' });
    expect(focused()?.dataset.month).to.equal('2025-09');
    await sendKeys({ press: 'Enter' });
    expect(events, 'Enter on an amount-only month selects nothing').to.have.length(1);
    // The chart is one tab stop: Tab leaves it for the first breakdown button.
    await sendKeys({ press: 'Tab' });
    expect(focused()?.getAttribute('part')).to.equal('breakdown-button');
    before.remove();
  });

  const faults = {
    offline: () => HttpResponse.error(),
    '500': () => HttpResponse.json({ error: { code: 'internal', message: 'Something broke.', requestId: 'req-test' } }, { status: 500 }),
  };
  for (const [name, respond] of Object.entries(faults)) {
    it(`shows a retry that works when loading fails (${name})`, async () => {
      backend().worker.use(http.get(HISTORY, respond, { once: true }));
      const { list } = await mountList();
      await until(() => $(list, '[part~="retry-button"]'), 3_000, 'retry button');
      expect($(list, '[part~="error"]')!.getAttribute('role')).to.equal('alert');
      expect(await axeViolations(list)).to.deep.equal([]);
      $<HTMLButtonElement>(list, '[part~="retry-button"]')!.click();
      await loaded(list);
      expect($$(list, 'tbody tr')).to.have.length(15);
    });
  }

  it('renders the chart first and the table in a later task, and updateComplete waits for both', async () => {
    // Idle callbacks held: the table waits for one.
    const held: IdleRequestCallback[] = [];
    const original = window.requestIdleCallback;
    window.requestIdleCallback = (callback) => (held.push(callback), held.length);
    try {
      const { list } = await mountList();
      await until(() => $$(list, 'g[part~="bar"]').length === 15, 3_000, 'the chart');
      expect($(list, '[part~="retention-note"]'), 'the retention note with the chart').to.exist;
      expect($$(list, '[part~="row"]'), 'no table yet').to.have.length(0);
      let complete = false;
      void list.updateComplete.then(() => (complete = true));
      await new Promise((r) => setTimeout(r, 50));
      expect(complete, 'updateComplete waits for the table').to.be.false;
      expect(held.length).to.be.greaterThan(0);
      for (const callback of held.splice(0)) callback({ didTimeout: false, timeRemaining: () => 10 });
      await list.updateComplete;
      await new Promise((r) => setTimeout(r));
      expect(complete, 'the held updateComplete settled').to.be.true;
      expect($$(list, 'tbody tr[part~="row"]')).to.have.length(15);
      expect(held, 'the table is asked for once').to.have.length(0);
    } finally {
      window.requestIdleCallback = original;
    }
  });

  it('has no axe violations while loading and once loaded', async () => {
    const hold = holdHistory();
    const { list } = await mountList('corp');
    await until(() => $(list, '[part~="loading"]'), 2_000, 'loading state');
    expect(await axeViolations(list)).to.deep.equal([]);
    hold.release();
    await loaded(list);
    expect(await axeViolations(list)).to.deep.equal([]);
  });

  it('says so when there are no months', async () => {
    backend().worker.use(http.get(HISTORY, () => HttpResponse.json({ currentMonth: '2026-11', months: [] }), { once: true }));
    const { list } = await mountList();
    await until(() => $(list, '[part~="empty"]'), 3_000, 'empty state');
    expect(await axeViolations(list)).to.deep.equal([]);
  });

  it('writes yen and dates the Japanese way inside lang="ja" and the English way inside lang="en"', async () => {
    const { list: ja } = await mountList('taro', (c) => html`<div lang="ja">${c}</div>`);
    await loaded(ja);
    const jaRow = $(ja, 'tr[data-month="2026-11"]')!;
    expect($(ja, 'h2')!.textContent).to.contain('15か月');
    expect(jaRow.querySelector('th')!.textContent).to.equal('2026年11月');
    expect(jaRow.querySelector('td.num')!.textContent).to.match(/^￥[\d,]+$/);
    expect(jaRow.textContent).to.contain('2026/11/26');
    expect(jaRow.textContent).to.contain('確定前');
    expect($(ja, 'g[data-month="2026-11"]')!.getAttribute('aria-label')).to.match(/￥[\d,]+/);

    const { list: en } = await mountList('taro', (c) => html`<div lang="en">${c}</div>`);
    await loaded(en);
    const enRow = $(en, 'tr[data-month="2026-11"]')!;
    expect(enRow.querySelector('th')!.textContent).to.equal('November 2026');
    expect(enRow.querySelector('td.num')!.textContent).to.match(/^¥[\d,]+$/);
    expect(enRow.textContent).to.contain('26 Nov 2026');
  });

  for (const width of [360, 1280]) {
    it(`labels each bar with its amount, readable and apart at ${width} px, once for screen readers (the bar's name)`, async () => {
      await setViewport({ width, height: 900 });
      const { list } = await mountList('corp');
      await loaded(list);
      const labels = $$(list, '[part~="bar-amount"]');
      expect(labels.map((l) => l.dataset.month)).to.deep.equal($$(list, 'g[part~="bar"]').map((g) => g.dataset.month));
      for (const label of labels) {
        const month = label.dataset.month!;
        const amount = $(list, `tr[data-month="${month}"] td.num`)!.textContent!.trim();
        expect(label.textContent!.trim(), month).to.equal(amount);
        expect($(list, `g[data-month="${month}"]`)!.getAttribute('aria-label'), 'the bar names the amount').to.contain(amount);
        expect(label.closest('[aria-hidden="true"]'), 'not read twice').to.exist;
        expect(label.scrollWidth, `${month} not cut`).to.be.at.most(label.clientWidth + 1);
        expect(label.scrollHeight, `${month} not cut`).to.be.at.most(label.clientHeight + 1);
      }
      const boxes = labels.map((l) => l.getBoundingClientRect());
      for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.left, 'labels do not overlap').to.be.at.least(boxes[i - 1]!.right - 0.5);
      const bars = $$(list, 'g[part~="bar"] .fill').map((r) => r.getBoundingClientRect());
      for (const [i, box] of boxes.entries()) {
        const centre = (bars[i]!.left + bars[i]!.right) / 2;
        expect(box.left <= centre && centre <= box.right, 'under its bar').to.equal(true);
        expect(box.right).to.be.at.most(width);
      }
      expect(await axeViolations(list)).to.deep.equal([]);
    });
  }

  for (const width of [360, 1280]) {
    it(`fits a ${width} px wide screen without horizontal scrolling`, async () => {
      await setViewport({ width, height: 900 });
      const { list } = await mountList('corp');
      await loaded(list);
      expect(document.documentElement.scrollWidth).to.be.at.most(width);
      for (const control of $$(list, 'button, svg, table')) {
        expect(control.getBoundingClientRect().right, control.localName).to.be.at.most(width);
      }
      for (const button of $$(list, 'button')) expect(button.getBoundingClientRect().height).to.be.at.least(44);
      const svg = $(list, '.chart > svg')!.getBoundingClientRect();
      expect(svg.width, 'chart spans its column').to.be.greaterThan(width === 360 ? 300 : 400);
      expect(await axeViolations(list)).to.deep.equal([]);
    });
  }
});
