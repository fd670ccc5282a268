import { expect, fixture } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import { http } from 'msw/http';
import '../../components/notice-email/define.js';
import type { WbNoticeEmail } from '../../components/notice-email/notice-email.js';
import { errorResponse } from '../../mocks/route.js';
import { MAIL_SENDER, type WebBillingClient } from '../../src/index.js';
import { axeViolations } from './helpers/axe.js';
import { BASE, mountInProvider, testClient, until, useBackend } from '../support/backend.js';
import { errorOf, field, loggedInClient, press, recordEvents, type } from './helpers/forms.js';

const backend = useBackend();

/** corp-admin1 has no notice email; its registered number is the customer number 0012345678. */
const CORP = { loginId: 'corp-admin1', password: 'Corp2026pass' };
/** taro2024 has a registered notice email of type mobile (taro@docomo.example). */
const TARO = { loginId: 'taro2024', password: 'Sakura2024!' };
const EMAIL = 'keiri@corp.example';
const DAY = 24 * 3600_000;

const text = (el: Element): string => el.textContent!.replace(/\s+/g, ' ');

/** Mounts the element and waits until its first screen (not the loading one) shows. */
async function mount(client: WebBillingClient, token?: string): Promise<WbNoticeEmail> {
  const { el } = await mountInProvider<WbNoticeEmail>(
    token === undefined ? html`<wb-notice-email></wb-notice-email>` : html`<wb-notice-email token=${token}></wb-notice-email>`,
    client,
  );
  await until(() => el.querySelector('h2[tabindex="-1"]'), 3_000, 'first screen');
  return el;
}

function radio(el: Element, value: 'mobile' | 'internet'): HTMLInputElement {
  return el.querySelector<HTMLInputElement>(`input[name="type"][value="${value}"]`)!;
}

/** Fills the register form (type and address) as a pointer and keyboard would. */
async function fillForm(el: WbNoticeEmail, kind: 'mobile' | 'internet' = 'internet', email = EMAIL): Promise<void> {
  await until(() => el.querySelector('input[name="type"]'), 3_000, 'register form');
  radio(el, kind).click();
  await type(el, 'email', email);
  await el.updateComplete;
}

function tokenOfLatestMail(to?: string): string {
  const mail = backend().outbox.latest({ kind: 'notice-email-confirm', ...(to ? { to } : {}) });
  expect(mail?.link, 'a confirmation mail with a link').to.be.a('string');
  return new URL(mail!.link!).searchParams.get('token')!;
}

/** Registers corp-admin1's address through the SDK and returns the mailed token. */
async function mailedToken(): Promise<string> {
  const client = await loggedInClient(CORP.loginId, CORP.password);
  await client.noticeEmail.register({ type: 'internet', email: EMAIL });
  return tokenOfLatestMail();
}

async function confirmWith(el: WbNoticeEmail, number: string): Promise<void> {
  await type(el, 'registeredNumber', number);
  await press(el, 'submit-button');
}

describe('<wb-notice-email>', () => {
  it('without a session says to log in first and offers "Log in" (a cancelable wb-login-requested), not a useless "Try again"', async () => {
    const { el } = await mountInProvider<WbNoticeEmail>(html`<wb-notice-email></wb-notice-email>`, testClient());
    await until(() => el.querySelector('[part~="login-button"]'), 3_000, 'log-in notice');
    expect(text(el)).to.match(/log in first/i);
    expect(el.querySelector('[part~="retry-button"]')).to.equal(null);
    const requested = recordEvents('wb-login-requested');
    try {
      await press(el, 'login-button');
      expect(requested.events).to.have.length(1);
      expect(requested.events[0]!.cancelable).to.equal(true);
    } finally {
      requested.stop();
    }
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('says clearly that it needs a provider when placed outside one', async () => {
    const el = await fixture<WbNoticeEmail>(html`<wb-notice-email></wb-notice-email>`);
    expect(el.textContent).to.contain('<wb-provider');
  });

  it('runs the user guide\'s journey: notes, register (type and address), confirm step, temporary registration, mailed link, number with dashes and full-width digits, completion mail, then the monthly amount mail', async () => {
    const client = await loggedInClient(CORP.loginId, CORP.password);
    const el = await mount(client);
    // The settings screen with the user guide's notes (user guide, §4 Email address for billing amount notices; docs/spec/user-guide.md).
    expect(text(el)).to.contain('No email address is registered').and.contain(MAIL_SENDER).and.contain('communication charges').and.contain('Junk-mail');
    expect(text(el)).to.contain('2 weeks before the due date');
    expect(await axeViolations(el)).to.deep.equal([]);

    await press(el, 'register-button');
    await until(() => el.querySelector('input[name="type"]'), 3_000, 'register form');
    expect(document.activeElement, 'focus moves to the new screen').to.equal(el.querySelector('h2'));
    const group = el.querySelector('fieldset')!;
    expect(group.querySelector('legend')!.textContent).to.contain('Type of email address');
    expect(radio(el, 'mobile').closest('label')!.textContent).to.contain('Mobile phone');
    expect(radio(el, 'internet').closest('label')!.textContent).to.contain('Internet (computer, smartphone or tablet)');
    const email = field(el, 'email');
    expect([email.type, email.autocomplete, email.inputMode]).to.deep.equal(['email', 'email', 'email']);
    expect(await axeViolations(el)).to.deep.equal([]);

    // Nothing chosen: both problems next to their fields, the first focused.
    await press(el, 'submit-button');
    await until(() => el.querySelector('[aria-invalid="true"]'));
    expect(errorOf(el, 'type')).to.equal('Choose the type of email address.');
    expect(errorOf(el, 'email')).to.equal('Enter your email address.');
    expect(document.activeElement).to.equal(radio(el, 'mobile'));
    expect(await axeViolations(el)).to.deep.equal([]);

    await fillForm(el, 'internet');
    await press(el, 'submit-button');
    await until(() => el.querySelector('[part~="review"]'), 3_000, 'confirm step');
    expect(text(el.querySelector('[part~="review"]')!)).to.contain('Internet (computer, smartphone or tablet)').and.contain(EMAIL);
    expect(await axeViolations(el)).to.deep.equal([]);
    // Back keeps what was entered.
    await press(el, 'back-button');
    await until(() => el.querySelector('input[name="email"]'));
    expect(field(el, 'email').value).to.equal(EMAIL);
    expect(radio(el, 'internet').checked).to.equal(true);
    await press(el, 'submit-button');
    await until(() => el.querySelector('[part~="review"]'));

    const registered = recordEvents('wb-email-registered');
    let confirm: WbNoticeEmail;
    try {
      await press(el, 'submit-button');
      await until(() => registered.events.length === 1, 3_000, 'wb-email-registered');
      await el.updateComplete;
      expect(text(el)).to.contain('Temporary registration completed').and.contain(EMAIL).and.contain(MAIL_SENDER).and.contain('24 hours');
      expect(await axeViolations(el)).to.deep.equal([]);
      expect((await client.noticeEmail.status()).state).to.equal('pending');

      // The mailed link, opened in a fresh page without a session.
      confirm = await mount(testClient(), tokenOfLatestMail(EMAIL));
      expect(confirm.querySelector('input[name="email"]')).to.equal(null);
      const number = field(confirm, 'registeredNumber');
      expect(number.inputMode).to.equal('numeric');
      const hint = document.getElementById(number.getAttribute('aria-describedby')!.split(' ')[0]!)!;
      // One consistent hint: what to type, and that dashes and full-width digits are fine (not "digits only").
      expect(hint.textContent!.trim()).to.equal('The 10 or 11 digits, e.g. 09012345678 or 0012345678 (dashes and full-width digits are fine).');
      expect(await axeViolations(confirm)).to.deep.equal([]);
      await confirmWith(confirm, '００1-2345-678');
      await until(() => registered.events.length === 2, 3_000, 'registered');
    } finally {
      registered.stop();
    }
    expect(registered.events.map((e) => [e.purpose, e.state, e.bubbles, e.composed])).to.deep.equal([
      ['notice', 'pending', true, true],
      ['notice', 'registered', true, true],
    ]);
    await until(() => confirm.querySelector('.wb-success'), 3_000, 'completion');
    expect(text(confirm)).to.contain('Please confirm the incoming email');
    expect(confirm.querySelector('[part~="top-button"]')?.textContent?.trim(), 'a way on from the completion').to.equal('To the top screen');
    expect(await axeViolations(confirm)).to.deep.equal([]);
    const done = backend().outbox.latest({ kind: 'notice-email-registered' });
    expect(done?.to).to.equal(EMAIL);
    expect(await client.noticeEmail.status()).to.include({ state: 'registered', type: 'internet' });

    // 18 days later the clock passes 2 weeks before a due date: the amount mail comes.
    expect(backend().outbox.latest({ kind: 'notice-monthly-amount', to: EMAIL })).to.equal(undefined);
    backend().clock.advance(18 * DAY);
    const amount = backend().outbox.latest({ kind: 'notice-monthly-amount', to: EMAIL });
    expect(amount, 'the monthly amount mail').to.exist;
    expect(amount!.subject.en).to.contain('Your billing amount for');
  });

  it('refuses a wrong number next to the field and keeps the form', async () => {
    const el = await mount(testClient(), await mailedToken());
    await confirmWith(el, '090-1234-5678');
    await until(() => el.querySelector('[aria-invalid="true"]'), 3_000, 'field error');
    expect(errorOf(el, 'registeredNumber')).to.contain('does not match the registered phone or customer number');
    expect(field(el, 'registeredNumber').value).to.equal('090-1234-5678');
    expect(document.activeElement).to.equal(field(el, 'registeredNumber'));
    expect(el.querySelector('[part~="submit-button"]')).to.exist;
    expect(await axeViolations(el)).to.deep.equal([]);
    // Too short is said before sending.
    await confirmWith(el, '12-34');
    await until(() => errorOf(el, 'registeredNumber').includes('10 or 11 digits'));
    await confirmWith(el, '0012345678');
    await until(() => el.querySelector('.wb-success'), 3_000, 'completion');
  });

  it('says at once that a link older than 24 hours can no longer be used, and offers to start again (wb-notice-email-restart, cancelable)', async () => {
    const token = await mailedToken();
    backend().clock.advance(DAY + 1000);
    const el = await mount(await loggedInClient(CORP.loginId, CORP.password), token);
    expect(el.querySelector('[part~="restart-button"]'), 'the expired screen is the first screen').to.exist;
    expect(el.querySelector('[name="registeredNumber"]'), 'no confirm form to fill in vain').to.equal(null);
    expect(text(el)).to.contain('This link has expired or has already been used — please start the registration again');
    expect(await axeViolations(el)).to.deep.equal([]);

    const cancel = (e: Event): void => e.preventDefault();
    el.addEventListener('wb-notice-email-restart', cancel, { once: true });
    await press(el, 'restart-button');
    await el.updateComplete;
    expect(el.querySelector('[part~="restart-button"]'), 'a cancelled restart stays').to.exist;

    const restarts = recordEvents('wb-notice-email-restart');
    try {
      await press(el, 'restart-button');
      await until(() => el.querySelector('[part~="register-button"]'), 3_000, 'registration screen');
    } finally {
      restarts.stop();
    }
    expect(restarts.events).to.have.length(1);
    expect(restarts.events[0]!.cancelable && restarts.events[0]!.bubbles).to.equal(true);
    expect(document.activeElement).to.equal(el.querySelector('h2'));
  });

  it('removes the token from the address bar once it has read it', async () => {
    const token = await mailedToken();
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?purpose=notice-email&token=${encodeURIComponent(token)}`);
    try {
      await mount(testClient(), new URL(location.href).searchParams.get('token')!);
      expect(location.search).to.equal('?purpose=notice-email');
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('shows the registered (masked) address and its type, and changes it through the confirm step', async () => {
    const client = await loggedInClient(TARO.loginId, TARO.password);
    const el = await mount(client);
    expect(el.querySelector('[part~="registered-email"]')!.textContent).to.match(/\*\*\*@docomo\.example/);
    expect(text(el)).to.contain('Type: Mobile phone').and.contain(MAIL_SENDER);
    expect(await axeViolations(el)).to.deep.equal([]);
    await press(el, 'change-button');
    await until(() => el.querySelector('input[name="type"]'));
    expect(el.querySelector('h2')!.textContent).to.contain('Change');
    expect(radio(el, 'mobile').checked, 'the registered type is chosen').to.equal(true);
    await fillForm(el, 'internet', 'taro@example.jp');
    await press(el, 'submit-button');
    await until(() => el.querySelector('[part~="review"]'));
    await press(el, 'submit-button');
    await until(() => el.querySelector('[part~="ok-button"]'), 3_000, 'temporary registration');
    const status = await client.noticeEmail.status();
    expect(status).to.include({ state: 'registered', type: 'mobile', pendingType: 'internet' });
    tokenOfLatestMail('taro@example.jp');
    await press(el, 'ok-button');
    await until(() => el.querySelector('[part~="change-button"]'));
    expect(text(el)).to.contain('A confirmation link was mailed to');
  });

  it('says a link was sent and until when while a registration waits, and offers to send again', async () => {
    await mailedToken();
    const el = await mount(await loggedInClient(CORP.loginId, CORP.password));
    expect(el.querySelector('h2')!.textContent).to.contain('Waiting for the formal registration');
    expect(text(el)).to.match(/A confirmation link was mailed to \S+@corp\.example; open it by .*2026/).and.contain(MAIL_SENDER);
    expect(await axeViolations(el)).to.deep.equal([]);
    await press(el, 'send-again-button');
    await until(() => el.querySelector('input[name="type"]'), 3_000, 'register form');
  });

  it('deletes after asking, and fires wb-email-deleted', async () => {
    const client = await loggedInClient(TARO.loginId, TARO.password);
    const el = await mount(client);
    await press(el, 'delete-button');
    await until(() => el.querySelector('[part~="back-button"]'));
    expect(text(el)).to.contain('Stop the billing amount notices?');
    expect(await axeViolations(el)).to.deep.equal([]);
    await press(el, 'back-button');
    await until(() => el.querySelector('[part~="change-button"]'), 3_000, 'kept');
    expect((await client.noticeEmail.status()).state).to.equal('registered');

    await press(el, 'delete-button');
    const deleted = recordEvents('wb-email-deleted');
    try {
      await press(el, 'submit-button');
      await until(() => deleted.events.length === 1, 3_000, 'wb-email-deleted');
    } finally {
      deleted.stop();
    }
    expect(deleted.events[0]!.purpose).to.equal('notice');
    await el.updateComplete;
    expect(text(el)).to.contain('was deleted').and.contain('No email address is registered');
    expect(el.querySelector('[part~="register-button"]')).to.exist;
    expect(await axeViolations(el)).to.deep.equal([]);
    expect((await client.noticeEmail.status()).state).to.equal('none');
  });

  it('keeps the confirm step after a 500 on Next, and "Try again" sends it', async () => {
    const el = await mount(await loggedInClient(CORP.loginId, CORP.password));
    await press(el, 'register-button');
    await fillForm(el);
    await press(el, 'submit-button');
    await until(() => el.querySelector('[part~="review"]'));
    backend().worker.use(http.post(`${BASE}/notice-email`, () => errorResponse('internal', 'The service failed.', 'req-test'), { once: true }));
    await press(el, 'submit-button');
    await until(() => el.querySelector('[part~="retry-button"]'), 3_000, 'retry button');
    expect(text(el.querySelector('[part~="review"]')!)).to.contain(EMAIL);
    expect(await axeViolations(el)).to.deep.equal([]);
    await press(el, 'retry-button');
    await until(() => el.querySelector('[part~="ok-button"]'), 3_000, 'temporary registration after retry');
  });

  it('can be used with the keyboard alone, for a whole registration', async () => {
    const el = await mount(await loggedInClient(CORP.loginId, CORP.password));
    el.querySelector<HTMLElement>('h2')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(el.querySelector('[part~="register-button"]'));
    await sendKeys({ press: 'Enter' });
    await until(() => el.querySelector('input[name="type"]'));
    await until(() => document.activeElement === el.querySelector('h2'));
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(radio(el, 'mobile'));
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowDown' });
    expect(radio(el, 'internet').checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(field(el, 'email'));
    await sendKeys({ type: EMAIL });
    await sendKeys({ press: 'Enter' });
    await until(() => el.querySelector('[part~="review"]'), 3_000, 'confirm step');
    await until(() => document.activeElement === el.querySelector('h2'));
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(el.querySelector('[part~="submit-button"]'));
    await sendKeys({ press: 'Enter' });
    await until(() => el.querySelector('[part~="ok-button"]'), 3_000, 'temporary registration');

    const confirm = await mount(testClient(), tokenOfLatestMail(EMAIL));
    confirm.querySelector<HTMLElement>('h2')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(field(confirm, 'registeredNumber'));
    await sendKeys({ type: '001-2345-678' });
    await sendKeys({ press: 'Enter' });
    await until(() => confirm.querySelector('.wb-success'), 3_000, 'completion');
  });

  it('speaks Japanese inside lang="ja"', async () => {
    const client = await loggedInClient(CORP.loginId, CORP.password);
    const wrapper = await fixture<HTMLElement>(html`<div lang="ja"><wb-provider .client=${client}><wb-notice-email></wb-notice-email></wb-provider></div>`);
    const el = wrapper.querySelector('wb-notice-email')!;
    await until(() => el.querySelector('[part~="register-button"]'), 3_000, 'settings');
    expect(el.querySelector('h2')!.textContent).to.contain('ご請求額お知らせメールアドレス');
    expect(text(el)).to.contain('通信料は、お客さまのご負担').and.contain(MAIL_SENDER);
    await press(el, 'register-button');
    await until(() => el.querySelector('input[name="type"]'));
    expect(text(el)).to.contain('携帯電話').and.contain('インターネット（パソコン・スマートフォン・タブレット）');
    await press(el, 'submit-button');
    await until(() => el.querySelector('[aria-invalid="true"]'));
    expect(errorOf(el, 'type')).to.equal('メールアドレスの種類を選んでください。');
    expect(await axeViolations(el)).to.deep.equal([]);
    const token = await mailedToken();
    const confirm = await fixture<HTMLElement>(html`<div lang="ja"><wb-provider .client=${testClient()}><wb-notice-email token=${token}></wb-notice-email></wb-provider></div>`);
    const c = confirm.querySelector('wb-notice-email')!;
    await until(() => c.querySelector('input[name="registeredNumber"]'));
    expect(text(c)).to.contain('10桁または11桁の番号を入力してください').and.contain('ハイフン入りや全角数字のままでもかまいません').and.not.contain('数字のみ');
    expect(await axeViolations(c)).to.deep.equal([]);
  });
});

describe('<wb-notice-email> layout', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  for (const width of [360, 1280]) {
    it(`fits a ${width} px wide screen, on the notes, the form with errors and the confirm step with a long address`, async () => {
      await setViewport({ width, height: 800 });
      const el = await mount(await loggedInClient(CORP.loginId, CORP.password));
      const fits = (): void => {
        expect(document.documentElement.scrollWidth).to.be.at.most(width);
        for (const control of el.querySelectorAll<HTMLElement>('input:not([type="radio"]), button, label.wb-radio')) {
          const box = control.getBoundingClientRect();
          expect(box.right, `${control.outerHTML.slice(0, 60)} inside the screen`).to.be.at.most(width);
          expect(box.height, 'touch target at least 44 px high').to.be.at.least(44);
        }
      };
      fits();
      await press(el, 'register-button');
      await until(() => el.querySelector('input[name="type"]'));
      await press(el, 'submit-button');
      await until(() => el.querySelector('[aria-invalid="true"]'));
      fits();
      await fillForm(el, 'mobile', 'a.very.long.mailbox.name.for.accounting.department@subsidiary.corp.example');
      await press(el, 'submit-button');
      await until(() => el.querySelector('[part~="review"]'));
      fits();
    });
  }
});
