import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { html, type TemplateResult } from 'lit';
import { http, HttpResponse } from 'msw/http';
import '../../components/top/define.js';
import type { WbTop } from '../../components/top/top.js';
import { INQUIRY_DESK } from '../../src/contract/rules.js';
import { axeViolations } from './helpers/axe.js';
import { mountInProvider, testClient, until, useBackend } from '../support/backend.js';

const backend = useBackend();
const ACCOUNT = '/api/v1/account';
const HISTORY = '/api/v1/billing/history';

const ACCOUNTS = {
  taro: { loginId: 'taro2024', password: 'Sakura2024!' },
  corp: { loginId: 'corp-admin1', password: 'Corp2026pass' },
} as const;

async function mountTop(account: keyof typeof ACCOUNTS = 'taro', content: (top: TemplateResult) => TemplateResult = (t) => t, top = html`<wb-top></wb-top>`) {
  const client = testClient();
  await client.auth.login(ACCOUNTS[account]);
  const { el } = await mountInProvider<HTMLElement>(content(top), client);
  const found = (el.localName === 'wb-top' ? el : el.querySelector('wb-top')!) as WbTop;
  await found.updateComplete;
  return { top: found, client, provider: el.parentElement! };
}

const $ = <T extends Element = HTMLElement>(top: WbTop, selector: string) => top.shadowRoot!.querySelector<T>(selector);
const loaded = (top: WbTop) => until(() => $(top, '[part~="registered-number"]') && $(top, '[part~="amount"]'), 3_000, 'account and amount');

const stopRecording: (() => void)[] = [];
afterEach(() => stopRecording.splice(0).forEach((stop) => stop()));

/** Records the events called `type` that reach `document` during the test. */
function record<K extends keyof GlobalEventHandlersEventMap>(type: K): { events: GlobalEventHandlersEventMap[K][] } {
  const events: GlobalEventHandlersEventMap[K][] = [];
  const listener = (e: GlobalEventHandlersEventMap[K]) => events.push(e);
  document.addEventListener(type, listener);
  stopRecording.push(() => document.removeEventListener(type, listener));
  return { events };
}

/** Holds requests to `path` until `release()`, then lets the reference backend answer them. */
function hold(...paths: string[]): { release(): void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  backend().worker.use(
    ...paths.map((path) =>
      http.get(path, async () => {
        await gate;
        return undefined;
      }, { once: true }),
    ),
  );
  return { release };
}

const enYen = (n: number) => new Intl.NumberFormat('en-JP', { style: 'currency', currency: 'JPY' }).format(n);

describe('<wb-top>', () => {
  beforeEach(() => sessionStorage.removeItem('wb-layout'));
  afterEach(() => sessionStorage.removeItem('wb-layout'));

  it('shows the registered phone number with dashes (as the breakdown does), the current amount in yen and its due date (taro)', async () => {
    const { top, client } = await mountTop('taro');
    await loaded(top);
    const number = $(top, '[part~="registered-number"]')!;
    expect(number.textContent).to.equal('090-1234-5678');
    expect(number.previousElementSibling!.textContent).to.equal('Registered phone number');
    const { months } = await client.billing.history();
    expect($(top, '[part~="amount"]')!.textContent).to.equal(enYen(months[0]!.amount));
    expect($(top, '[part~="amount"]')!.dataset.month).to.equal('2026-11');
    expect(top.shadowRoot!.textContent).to.contain('Billing amount for November 2026');
    expect($(top, '[part~="due-date"] time')!.getAttribute('datetime')).to.equal(months[0]!.dueDate);
    expect($(top, '[part~="due-date"]')!.textContent!.trim()).to.equal('26 November 2026');
    expect($(top, '[part~="provisional-note"]')).to.exist;
  });

  it('shows the customer number for the corporate account', async () => {
    const { top } = await mountTop('corp');
    await loaded(top);
    const number = $(top, '[part~="registered-number"]')!;
    expect(number.textContent, 'a customer number keeps its digits').to.equal('0012345678');
    expect(number.dataset.kind).to.equal('customer');
    expect(number.previousElementSibling!.textContent).to.contain('customer');
  });

  it('fires wb-billing-requested and wb-membership-requested from its entries, by click and by keyboard', async () => {
    const { top } = await mountTop();
    await loaded(top);
    const billing = record('wb-billing-requested');
    const membership = record('wb-membership-requested');
    $<HTMLButtonElement>(top, '[part~="billing-button"]')!.click();
    expect(billing.events).to.have.length(1);
    expect(billing.events[0]!.bubbles && billing.events[0]!.composed && billing.events[0]!.cancelable).to.be.true;
    $<HTMLButtonElement>(top, '[part~="reissue-email-button"]')!.click();
    $(top, '[part~="notice-email-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(membership.events.map((e) => e.section)).to.deep.equal(['reissue-email', 'notice-email']);
    $(top, '[part~="billing-button"]')!.focus();
    await sendKeys({ press: 'Space' });
    expect(billing.events).to.have.length(2);
  });

  it('offers "Change password" in the membership menu, firing wb-membership-requested with section password-change', async () => {
    const { top } = await mountTop();
    await loaded(top);
    const membership = record('wb-membership-requested');
    const button = $<HTMLButtonElement>(top, '[part~="menu-button"][part~="password-change-button"]')!;
    expect(button.textContent!.trim()).to.equal('Change password');
    expect(button.closest('section')!.getAttribute('part')).to.contain('menu');
    button.click();
    expect(membership.events.map((e) => e.section)).to.deep.equal(['password-change']);
    expect(membership.events[0]!.bubbles && membership.events[0]!.composed && membership.events[0]!.cancelable).to.be.true;
  });

  it("shows the sections in the guide's order: registration, payment, billing contents, membership menu, inquiries, then the layout switch at the end", async () => {
    const { top } = await mountTop('taro', (t) => t, html`<wb-top credit-card-href="/pay/card"></wb-top>`);
    await loaded(top);
    const headings = [...top.shadowRoot!.querySelectorAll('h3')].map((h) => h.textContent!.trim());
    expect(headings).to.deep.equal(['Your registration', 'Payment', 'Billing contents', 'Membership menu', 'Inquiries']);
    const payment = $(top, '[part~="card"][part~="payment"]')!;
    const inPayment = ['amount', 'due-date', 'credit-card-link'].map((p) => payment.querySelector(`[part~="${p}"]`));
    expect(inPayment.every(Boolean), 'the amount, its due date, then the payment links').to.be.true;
    expect(inPayment[0]!.compareDocumentPosition(inPayment[1]!) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
    expect(inPayment[1]!.compareDocumentPosition(inPayment[2]!) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
    const layoutSwitch = $(top, '[part~="layout-switch"]')!;
    expect(Boolean($(top, '[part~="header"] [part~="layout-switch"]')), 'no longer in the header').to.be.false;
    for (const part of ['header', 'menu', 'inquiry']) {
      const other = $(top, `[part~="${part}"]`)!;
      expect(other.compareDocumentPosition(layoutSwitch) & Node.DOCUMENT_POSITION_FOLLOWING, `the switch comes after ${part}`).to.be.greaterThan(0);
    }
    const controls = [...top.shadowRoot!.querySelectorAll('button, a, input')];
    expect(layoutSwitch.contains(controls.at(-1)!), 'the switch holds the last controls of the screen').to.be.true;
    expect(Boolean($(top, '[part~="header"] [part~="logout-button"]')), 'log out stays in the header').to.be.true;
  });

  it('shows the inquiry desk with its number as a tel: link that stays on one line at 360 px, and its hours', async () => {
    await setViewport({ width: 360, height: 800 });
    for (const lang of ['en', 'ja']) {
      const { top } = await mountTop('taro', (t) => html`<div lang=${lang}>${t}</div>`, html`<wb-top layout="smartphone"></wb-top>`);
      await loaded(top);
      const inquiry = $(top, '[part~="card"][part~="inquiry"]')!;
      const link = inquiry.querySelector<HTMLAnchorElement>('a[part~="inquiry-phone"]')!;
      expect(link.getAttribute('href')).to.equal(`tel:${INQUIRY_DESK.phone}`);
      expect(link.textContent!.trim()).to.equal(INQUIRY_DESK.phone);
      expect(getComputedStyle(link).whiteSpace).to.equal('nowrap');
      const text = document.createRange();
      text.selectNodeContents(link);
      expect(text.getClientRects().length, `${lang}: the number is on one line`).to.equal(1);
      expect(link.getBoundingClientRect().right).to.be.at.most(360);
      expect(inquiry.querySelector('[part~="inquiry-hours"]')!.textContent).to.contain(INQUIRY_DESK.hours[lang as 'en' | 'ja']);
      expect(await axeViolations(top)).to.deep.equal([]);
      top.closest('wb-provider')!.remove();
    }
  });

  it('logs out: the session ends, wb-logged-out reaches the page, and the screen says so', async () => {
    const { top, client } = await mountTop();
    await loaded(top);
    const loggedOut = record('wb-logged-out');
    $<HTMLButtonElement>(top, '[part~="logout-button"]')!.click();
    await until(() => loggedOut.events.length === 1, 3_000, 'wb-logged-out');
    expect(client.auth.current).to.be.undefined;
    expect(loggedOut.events[0]!.reason).to.equal('logout');
    await until(() => $(top, '[part~="logged-out"]'), 2_000, 'logged-out message');
    expect($(top, '[part~="logged-out"]')!.textContent).to.contain('logged out');
    expect(top.shadowRoot!.activeElement, 'focus moves to the message').to.equal($(top, '[part~="logged-out"]'));
    expect($(top, '[part~="logout-button"]')).to.not.exist;
    expect(await axeViolations(top)).to.deep.equal([]);
  });

  it('keeps the layout chosen with the switch for the session, across a remount, as the layout attribute', async () => {
    await setViewport({ width: 1280, height: 900 });
    const { top, provider } = await mountTop();
    expect(top.getAttribute('layout'), 'a wide screen starts with the computer layout').to.equal('computer');
    const changed = record('wb-layout-changed');
    $<HTMLInputElement>(top, 'input[value="smartphone"]')!.click();
    await top.updateComplete;
    expect(top.getAttribute('layout')).to.equal('smartphone');
    expect(sessionStorage.getItem('wb-layout')).to.equal('smartphone');
    expect(changed.events.map((e) => e.layout)).to.deep.equal(['smartphone']);
    top.remove();
    const again = document.createElement('wb-top');
    provider.append(again);
    await again.updateComplete;
    expect(again.getAttribute('layout')).to.equal('smartphone');
    expect(again.shadowRoot!.querySelector<HTMLInputElement>('input[value="smartphone"]')!.checked).to.be.true;
    again.remove();
  });

  it('switches layout with the keyboard (arrow keys in the radio group)', async () => {
    const { top } = await mountTop('taro', (t) => t, html`<wb-top layout="smartphone"></wb-top>`);
    const changed = record('wb-layout-changed');
    $(top, 'input[value="smartphone"]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await top.updateComplete;
    expect(top.layout).to.equal('computer');
    expect(top.getAttribute('layout')).to.equal('computer');
    expect(changed.events.map((e) => e.layout)).to.deep.equal(['computer']);
  });

  it('lays out the smartphone and computer layouts differently on a wide screen', async () => {
    await setViewport({ width: 1280, height: 900 });
    const { top } = await mountTop('taro', (t) => t, html`<wb-top layout="computer"></wb-top>`);
    await loaded(top);
    const boxes = () => (['billing', 'menu'] as const).map((p) => $(top, `[part~="card"][part~="${p}"]`)!.getBoundingClientRect());
    let [billing, menu] = boxes();
    expect(menu!.top, 'computer: two columns, side by side').to.equal(billing!.top);
    expect(menu!.left).to.be.greaterThan(billing!.right);
    top.layout = 'smartphone';
    await top.updateComplete;
    [billing, menu] = boxes();
    expect(menu!.top, 'smartphone: stacked').to.be.greaterThan(billing!.bottom);
    expect($(top, '[part~="base"]')!.getBoundingClientRect().width, 'smartphone: phone-width column').to.be.at.most(512);
    expect($(top, '[part~="billing-button"]')!.getBoundingClientRect().width, 'smartphone: full-width buttons').to.be.closeTo(billing!.width - 32 - 2, 2);
  });

  it('renders links to the partner payment pages, and the payment slot replaces them', async () => {
    const { top } = await mountTop('taro', (t) => t, html`<wb-top credit-card-href="/pay/card" pay-easy-href="/pay/easy"></wb-top>`);
    expect($<HTMLAnchorElement>(top, '[part~="credit-card-link"]')!.getAttribute('href')).to.equal('/pay/card');
    expect($<HTMLAnchorElement>(top, '[part~="pay-easy-link"]')!.getAttribute('href')).to.equal('/pay/easy');
    expect($(top, '[part~="credit-card-link"]')!.checkVisibility()).to.be.true;

    const { top: slotted } = await mountTop(
      'taro',
      (t) => t,
      html`<wb-top credit-card-href="/pay/card" pay-easy-href="/pay/easy"><a slot="payment" href="/partner/pay">Pay with the partner</a></wb-top>`,
    );
    const slot = $<HTMLSlotElement>(slotted, 'slot[name="payment"]')!;
    expect(slot.assignedElements().map((e) => e.textContent)).to.deep.equal(['Pay with the partner']);
    expect($(slotted, '[part~="credit-card-link"]')?.checkVisibility() ?? false, 'default links not shown').to.be.false;
    expect(slotted.querySelector('a')!.checkVisibility()).to.be.true;
  });

  it('names the payment links clearly and says nothing else when there are links', async () => {
    const { top } = await mountTop('taro', (t) => t, html`<wb-top credit-card-href="https://pay.example.jp/card" pay-easy-href="/pay/easy"></wb-top>`);
    await loaded(top);
    expect([...top.shadowRoot!.querySelectorAll('a[part~="payment-link"]')].map((a) => a.textContent!.trim())).to.deep.equal(['Pay by credit card', 'Pay with Pay-easy']);
    expect(Boolean($(top, '[part~="payment-note"]'))).to.be.false;
  });

  it('says how to pay when the partner gives no payment link', async () => {
    const { top } = await mountTop();
    await loaded(top);
    expect(Boolean($(top, '[part~="payment-link"]'))).to.be.false;
    const note = $(top, '[part~="card"][part~="payment"] [part~="payment-note"]')!;
    expect(note.textContent).to.contain('by the method in your contract');
    expect(note.textContent).to.contain('inquiry desk');
    expect(note.checkVisibility()).to.be.true;
  });

  it('refuses a payment href that is not http(s): no link, and the note on how to pay instead', async () => {
    const { top } = await mountTop(
      'taro',
      (t) => t,
      html`<wb-top credit-card-href="javascript:alert(1)" pay-easy-href=" JavaScript:alert(2)"></wb-top>`,
    );
    await loaded(top);
    // Booleans, not elements: chai would print a found link element, with its element tree, into the failure.
    expect(Boolean($(top, '[part~="payment-link"]')), 'no payment link').to.be.false;
    expect([...top.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('href')!).filter((href) => /script:/i.test(href))).to.deep.equal([]);
    expect(Boolean($(top, '[part~="payment-note"]')), 'the note on how to pay').to.be.true;
    for (const href of ['data:text/html,<b>x</b>', 'vbscript:x', 'file:///etc/passwd']) {
      top.creditCardHref = href;
      top.payEasyHref = 'https://pay.example.jp/easy';
      await top.updateComplete;
      expect(Boolean($(top, '[part~="credit-card-link"]')), href).to.be.false;
      expect($<HTMLAnchorElement>(top, '[part~="pay-easy-link"]')!.href).to.equal('https://pay.example.jp/easy');
    }
  });

  const faults = {
    offline: () => HttpResponse.error(),
    '500': () => HttpResponse.json({ error: { code: 'internal', message: 'Something broke.', requestId: 'req-test' } }, { status: 500 }),
  };
  for (const [name, respond] of Object.entries(faults)) {
    for (const path of [ACCOUNT, HISTORY]) {
      it(`shows a retry that works when ${path.split('/').pop()} fails (${name}), keeping the rest of the screen`, async () => {
        backend().worker.use(http.get(path, respond, { once: true }));
        const { top } = await mountTop();
        await until(() => $(top, '[part~="retry-button"]'), 3_000, 'retry button');
        const card = $(top, '[part~="retry-button"]')!.closest('section')!;
        expect(card.getAttribute('part')).to.contain(path === ACCOUNT ? 'account' : 'payment');
        expect($(top, '[part~="billing-button"]'), 'the entries stay').to.exist;
        expect(await axeViolations(top)).to.deep.equal([]);
        $<HTMLButtonElement>(top, '[part~="retry-button"]')!.click();
        await loaded(top);
        expect($(top, '[part~="error"]')).to.not.exist;
      });
    }
  }

  it('has no axe violations while loading and once loaded, in both layouts', async () => {
    const held = hold(ACCOUNT, HISTORY);
    const { top } = await mountTop('corp', (t) => t, html`<wb-top layout="smartphone" credit-card-href="/pay/card" pay-easy-href="/pay/easy"></wb-top>`);
    await until(() => $(top, '[part~="loading"]'), 2_000, 'loading state');
    expect(await axeViolations(top)).to.deep.equal([]);
    held.release();
    await loaded(top);
    expect(await axeViolations(top)).to.deep.equal([]);
    top.layout = 'computer';
    await top.updateComplete;
    expect(await axeViolations(top)).to.deep.equal([]);
  });

  it('asks to log in when there is no session', async () => {
    const { el } = await mountInProvider<WbTop>(html`<wb-top></wb-top>`);
    await el.updateComplete;
    const notice = $(el, '[part~="session-needed"]')!;
    expect(notice.textContent).to.contain('Please log in to see your billing.');
    // The way on is right there: the login in place when <wb-login> is on the page, else a button asking for it.
    expect(notice.querySelector('wb-login, [part~="login-button"]')).to.exist;
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('renders in Japanese inside lang="ja", with yen and dates written the Japanese way', async () => {
    const { top } = await mountTop('taro', (t) => html`<div lang="ja">${t}</div>`);
    await loaded(top);
    expect($(top, '[part~="registered-number"]')!.previousElementSibling!.textContent).to.equal('ご登録の電話番号');
    expect($(top, '[part~="amount"]')!.textContent).to.match(/^￥[\d,]+$/);
    expect($(top, '[part~="due-date"]')!.textContent!.trim()).to.equal('2026年11月26日');
    expect(top.shadowRoot!.textContent).to.contain('2026年11月ご請求金額');
    expect($(top, '[part~="logout-button"]')!.textContent!.trim()).to.equal('ログアウト');
    expect($(top, 'legend')!.textContent).to.equal('画面表示');
    expect([...top.shadowRoot!.querySelectorAll('h3')].map((h) => h.textContent!.trim())).to.deep.equal(['ご登録情報', 'お支払い', 'ご請求内容', '会員メニュー', 'お問い合わせ先']);
    expect($(top, '[part~="password-change-button"]')!.textContent!.trim()).to.equal('パスワードの変更');
    expect($(top, '[part~="payment-note"]')!.textContent).to.contain('お支払方法');
    expect($(top, '[part~="inquiry-hours"]')!.textContent).to.contain('受付時間');
    expect(await axeViolations(top)).to.deep.equal([]);
  });

  for (const width of [360, 1280]) {
    for (const layout of ['smartphone', 'computer'] as const) {
      it(`fits a ${width} px wide screen in the ${layout} layout without horizontal scrolling`, async () => {
        await setViewport({ width, height: 900 });
        const { top } = await mountTop('corp', (t) => t, html`<wb-top layout=${layout} credit-card-href="/pay/card" pay-easy-href="/pay/easy"></wb-top>`);
        await loaded(top);
        expect(document.documentElement.scrollWidth).to.be.at.most(width);
        for (const control of top.shadowRoot!.querySelectorAll<HTMLElement>('button, a, .option')) {
          const box = control.getBoundingClientRect();
          expect(box.right, control.outerHTML.slice(0, 60)).to.be.at.most(width);
          expect(box.height, `${control.outerHTML.slice(0, 60)} is a 40 px+ touch target`).to.be.at.least(40);
        }
      });
    }
  }
});
