import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import { http, HttpResponse } from 'msw/http';
import '../../components/billing-summary/define.js';
import type { WbBillingSummary } from '../../components/billing-summary/billing-summary.js';
import type { WbMembershipRequestedEvent, WbMonthSelectedEvent } from '../../components/shared/events.js';
import { axeViolations } from './helpers/axe.js';
import { mountInProvider, testClient, until, useBackend } from '../support/backend.js';

const backend = useBackend();

const ACCOUNTS = {
  taro: { loginId: 'taro2024', password: 'Sakura2024!' },
  corp: { loginId: 'corp-admin1', password: 'Corp2026pass' },
} as const;
const SUMMARY_PATH = '/api/v1/billing/months/:month/summary';

const part = (el: WbBillingSummary, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: WbBillingSummary, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];

async function mountSummary(account: keyof typeof ACCOUNTS, content = html`<wb-billing-summary month="2026-11"></wb-billing-summary>`) {
  const client = testClient();
  await client.auth.login(ACCOUNTS[account]);
  const { el } = await mountInProvider<Element>(content, client);
  const summary = (el.localName === 'wb-billing-summary' ? el : el.querySelector('wb-billing-summary')!) as WbBillingSummary;
  await until(() => part(summary, 'total') || part(summary, 'error') || part(summary, 'empty'), 5_000, 'summary loaded');
  await summary.updateComplete;
  return summary;
}

describe('<wb-billing-summary>', () => {
  it('shows the usage amounts in a table with a caption, and the notices', async () => {
    const el = await mountSummary('taro');
    const table = part(el, 'usage-table') as HTMLTableElement;
    expect(table.caption!.textContent).to.equal('Usage amounts');
    expect(table.tBodies[0]!.rows.length).to.equal(4);
    expect(table.textContent).to.contain('Calls').and.to.contain('min');
    expect(part(el, 'total')!.textContent).to.match(/^¥[\d,]+$/);
    expect(parts(el, 'notice-title').map((t) => t.textContent)).to.include('Payment due date');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('renders notice text from the server as text, never as HTML', async () => {
    // The reference backend's own answer, with markup put into the notices' bodies.
    backend().worker.use(
      http.get('/api/v1/billing/months/:month/summary', async ({ request }) => {
        const answer = await backend().fetch(request.url, { headers: request.headers });
        const body = (await answer.json()) as { notices: { body: { ja: string; en: string } }[] };
        for (const notice of body.notices) notice.body = { ja: `<img src=x onerror=alert(1)> ${notice.body.ja}`, en: `<img src=x onerror=alert(1)> ${notice.body.en}` };
        return HttpResponse.json(body, { status: answer.status });
      }),
    );
    const el = await mountSummary('corp');
    const text = parts(el, 'notice').map((n) => n.textContent).join('\n');
    expect(text).to.contain('<img src=x onerror=alert(1)>');
    expect(el.shadowRoot!.querySelector('img')).to.be.null;
    expect(document.querySelector('img')).to.be.null;
  });

  it('fires wb-month-selected back to the breakdown and wb-membership-requested for the notice email, by keyboard', async () => {
    const el = await mountSummary('taro');
    const events: Event[] = [];
    el.addEventListener('wb-month-selected', (e) => events.push(e));
    el.addEventListener('wb-membership-requested', (e) => events.push(e));
    part(el, 'breakdown-button')!.focus();
    await sendKeys({ press: 'Enter' });
    part(el, 'notice-email-link')!.focus();
    await sendKeys({ press: 'Enter' });
    const [month, membership] = events as [WbMonthSelectedEvent, WbMembershipRequestedEvent];
    expect([month.month, month.view, month.bubbles, month.composed]).to.deep.equal(['2026-11', 'breakdown', true, true]);
    expect(membership.section).to.equal('notice-email');
  });

  it('counts one line and one message in the singular', async () => {
    const label = { ja: '', en: '' };
    const usage = [
      { code: 'sms', label: { ...label, en: 'SMS' }, quantity: 1, unit: 'messages', amount: 3 },
      { code: 'lines', label: { ...label, en: 'Lines' }, quantity: 1, unit: 'lines', amount: 100 },
      { code: 'lines2', label: { ...label, en: 'More lines' }, quantity: 1200, unit: 'lines', amount: 100 },
    ];
    const summary = { month: '2026-11', dueDate: '2026-12-26', total: 203, usage, notices: [] };
    backend().worker.use(http.get(SUMMARY_PATH, () => HttpResponse.json(summary), { once: true }));
    const el = await mountSummary('taro');
    const rows = [...(part(el, 'usage-table') as HTMLTableElement).tBodies[0]!.rows].map((r) => r.cells[1]!.textContent!.trim());
    expect(rows).to.deep.equal(['1 message', '1 line', '1,200 lines']);
  });

  for (const [fault, respond] of [
    ['offline', () => HttpResponse.error()],
    ['a 500', () => HttpResponse.json({ error: { code: 'internal', message: 'boom' } }, { status: 500 })],
  ] as const) {
    it(`offers a retry that works after ${fault} while loading`, async () => {
      backend().worker.use(http.get(SUMMARY_PATH, respond, { once: true }));
      const el = await mountSummary('taro');
      expect(part(el, 'retry-button')).to.exist;
      expect(await axeViolations(el)).to.deep.equal([]);
      part(el, 'retry-button')!.click();
      await el.updateComplete;
      await until(() => part(el, 'total'), 5_000, 'loaded after retry');
    });
  }

  it('is accessible while loading', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    backend().worker.use(http.get(SUMMARY_PATH, async () => { await gate; }, { once: true }));
    const client = testClient();
    await client.auth.login(ACCOUNTS.taro);
    const { el } = await mountInProvider<WbBillingSummary>(html`<wb-billing-summary month="2026-11"></wb-billing-summary>`, client);
    await until(() => part(el, 'loading'), 2_000, 'loading');
    expect(await axeViolations(el)).to.deep.equal([]);
    release();
    await until(() => part(el, 'total'), 5_000, 'loaded');
  });

  it('says plainly that a month older than 4 months has no summary, with no retry', async () => {
    const el = await mountSummary('taro', html`<wb-billing-summary month="2026-07"></wb-billing-summary>`);
    expect(part(el, 'error')!.textContent).to.contain('kept for 4 months');
    expect(part(el, 'retry-button')).to.be.null;
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('shows the empty state when a month has neither usage nor notices', async () => {
    backend().worker.use(
      http.get(SUMMARY_PATH, () => HttpResponse.json({ month: '2026-11', dueDate: '2026-12-28', total: 0, usage: [], notices: [] }), { once: true }),
    );
    const el = await mountSummary('taro');
    expect(part(el, 'empty')).to.exist;
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('speaks Japanese under lang="ja"', async () => {
    const el = await mountSummary('corp', html`<div lang="ja"><wb-billing-summary month="2026-11"></wb-billing-summary></div>`);
    expect(part(el, 'heading')!.textContent).to.contain('2026年11月');
    expect((part(el, 'usage-table') as HTMLTableElement).caption!.textContent).to.equal('ご利用額');
    expect(part(el, 'total')!.textContent).to.match(/^￥[\d,]+$/);
    expect(parts(el, 'notice-title').map((t) => t.textContent)).to.include('お支払期日');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  for (const width of [360, 1280]) {
    it(`fits a ${width} px wide screen without horizontal scrolling`, async () => {
      await setViewport({ width, height: 800 });
      const el = await mountSummary('corp');
      expect(document.documentElement.scrollWidth).to.be.at.most(width);
      for (const control of el.shadowRoot!.querySelectorAll<HTMLElement>('button, table')) {
        expect(control.getBoundingClientRect().right, control.localName).to.be.at.most(width);
      }
    });
  }
});
