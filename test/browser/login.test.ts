import { expect, fixture } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import { http, HttpResponse } from 'msw/http';
import '../../components/login/define.js';
import type { WbLogin } from '../../components/login/login.js';
import type { WbPasswordInput } from '../../components/password-input/password-input.js';
import { axeViolations } from './helpers/axe.js';
import { mountInProvider, until, useBackend } from '../support/backend.js';
import { errorOf, press, recordEvents } from './helpers/forms.js';
import { expectFitsWidth } from './helpers/layout.js';

const backend = useBackend();

async function typeInto(input: HTMLInputElement, text: string): Promise<void> {
  input.focus();
  await sendKeys({ type: text });
}

async function logIn(el: WbLogin, loginId: string, password: string): Promise<void> {
  const [idInput, pwInput] = [el.querySelector<HTMLInputElement>('input[autocomplete="username"]')!, el.querySelector<HTMLInputElement>('input[autocomplete="current-password"]')!];
  idInput.value = '';
  await typeInto(idInput, loginId);
  await typeInto(pwInput, password);
  await sendKeys({ press: 'Enter' });
}

describe('<wb-login>', () => {
  it('says clearly that it needs a provider when placed outside one', async () => {
    const el = await fixture<WbLogin>(html`<wb-login></wb-login>`);
    expect(el.textContent).to.contain('<wb-provider');
  });

  it('puts its inputs in a real form in light DOM, visible to password managers', async () => {
    await mountInProvider<WbLogin>(html`<wb-login></wb-login>`);
    const username = document.querySelector('wb-login form input[autocomplete="username"]');
    const password = document.querySelector('wb-login form input[autocomplete="current-password"]') as HTMLInputElement | null;
    expect(username, 'username input reachable from document').to.exist;
    expect(password, 'password input reachable from document').to.exist;
    expect(password!.type).to.equal('password');
    expect(password!.form).to.equal(username!.closest('form'));
  });

  it('with session-ended says why the customer is back at the login, in their language, until they log in again', async () => {
    const { el } = await mountInProvider<WbLogin>(html`<wb-login session-ended></wb-login>`);
    const notice = () => el.querySelector('[part~="session-ended"]');
    expect(notice()?.textContent).to.match(/session has ended/i);
    expect(notice()?.getAttribute('role')).to.equal('status');
    expect(await axeViolations(el)).to.deep.equal([]);
    el.lang = 'ja';
    await until(() => /セッションが終了/.test(notice()?.textContent ?? ''), 2_000, 'Japanese notice');
    el.lang = 'en';
    await logIn(el, 'taro2024', 'Sakura2024!');
    await until(() => !notice(), 3_000, 'notice cleared by the login');
    expect(el.sessionEnded).to.equal(false);
  });

  it('with end-reason says why in words for that reason (a login on another page than the one where the session ended)', async () => {
    const { el } = await mountInProvider<WbLogin>(html`<wb-login end-reason="password-changed-elsewhere"></wb-login>`);
    const notice = () => el.querySelector('[part~="session-ended"]');
    expect(notice()?.textContent).to.contain('Your password was changed in another tab or window.');
    el.endReason = 'javascript:alert(1)';
    await el.updateComplete;
    expect(notice(), 'an unknown reason is ignored').to.equal(null);
  });

  it('shows no session notice by default', async () => {
    const { el } = await mountInProvider<WbLogin>(html`<wb-login></wb-login>`);
    expect(el.querySelector('[part~="session-ended"]')).to.equal(null);
  });

  it('has no axe violations, empty and with errors', async () => {
    const { el } = await mountInProvider<WbLogin>(html`<wb-login></wb-login>`);
    expect(await axeViolations(el)).to.deep.equal([]);
    el.querySelector('form')!.requestSubmit();
    await until(() => el.querySelector('[aria-invalid="true"]'), 2_000, 'field errors');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('marks empty fields, says why next to each, and focuses the first', async () => {
    const { el } = await mountInProvider<WbLogin>(html`<wb-login></wb-login>`);
    el.querySelector('form')!.requestSubmit();
    await until(() => el.querySelector('[aria-invalid="true"]'));
    await el.updateComplete;
    const id = el.querySelector<HTMLInputElement>('input[name="loginId"]')!;
    expect(id.getAttribute('aria-invalid')).to.equal('true');
    expect(document.getElementById(id.getAttribute('aria-describedby')!.split(' ').pop()!)!.textContent).to.match(/login ID/i);
    expect(document.activeElement).to.equal(id);
  });

  it('logs in an established customer and fires wb-logged-in without a password', async () => {
    const { el } = await mountInProvider<WbLogin>(html`<wb-login></wb-login>`);
    const events: Event[] = [];
    document.addEventListener('wb-logged-in', (e) => events.push(e), { once: true });
    await logIn(el, 'taro2024', 'Sakura2024!');
    await until(() => events.length === 1, 3_000, 'wb-logged-in');
    const event = events[0] as HTMLElementEventMap['wb-logged-in'];
    expect(event.stage).to.equal('active');
    expect(event.loginId).to.equal('taro2024');
    expect(event.bubbles && event.composed).to.be.true;
    expect(JSON.stringify({ ...event, stage: event.stage, loginId: event.loginId })).not.to.contain('Sakura2024!');
  });

  it('keeps the login ID, clears the password and shows the tries left after a wrong password', async () => {
    const { el } = await mountInProvider<WbLogin>(html`<wb-login></wb-login>`);
    await logIn(el, 'taro2024', 'wrong-pass1');
    await until(() => el.querySelector('[part~="remaining-attempts"]'), 3_000, 'remaining attempts');
    expect(el.querySelector('[part~="remaining-attempts"]')!.textContent).to.contain('4');
    expect(el.querySelector<HTMLInputElement>('input[name="loginId"]')!.value).to.equal('taro2024');
    expect(el.querySelector<HTMLInputElement>('input[name="password"]')!.value).to.equal('');
  });

  it('shows the locked message with the way out and the inquiry desk', async () => {
    const { el } = await mountInProvider<WbLogin>(html`<wb-login></wb-login>`);
    await logIn(el, 'locked01', 'Locked2026');
    await until(() => el.querySelector('[part~="reissue-button"]'), 3_000, 'locked screen');
    expect(el.textContent).to.contain('0800-333-0030');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('says a wrong login ID or password as the form\'s alert, not as a field needing attention, and focuses the cleared password', async () => {
    const { el } = await mountInProvider<WbLogin>(html`<wb-login></wb-login>`);
    await logIn(el, 'taro2024', 'wrong-pass1');
    await until(() => el.querySelector('[part~="alert"]'), 3_000, 'alert');
    await until(() => document.activeElement?.getAttribute('name') === 'password', 2_000, 'password focused');
    const alert = el.querySelector('[part~="alert"]')!.textContent!;
    expect(alert).to.contain('The login ID or password is incorrect.');
    expect(alert).not.to.match(/needs? attention/);
    expect(el.querySelector('[aria-invalid="true"]'), 'no field marked invalid').to.equal(null);
    expect(el.querySelector<HTMLInputElement>('input[name="password"]')!.value).to.equal('');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('asks for the login ID with its capitals kept', async () => {
    const { el } = await mountInProvider<WbLogin>(html`<wb-login></wb-login>`);
    el.querySelector('form')!.requestSubmit();
    await until(() => el.querySelector('[aria-invalid="true"]'), 2_000, 'field errors');
    expect(errorOf(el, 'loginId')).to.equal('Enter your login ID.');
    expect(errorOf(el, 'password')).to.equal('Enter your password.');
  });

  it('leads from the locked screen back to the login form, focusing its heading', async () => {
    const { el } = await mountInProvider<WbLogin>(html`<wb-login></wb-login>`);
    await logIn(el, 'locked01', 'Locked2026');
    await press(el, 'back-button');
    await until(() => el.querySelector('form'), 3_000, 'login form');
    await el.updateComplete;
    expect(document.activeElement?.textContent).to.equal('Log in to Web Billing');
    expect(el.querySelector<HTMLInputElement>('input[name="loginId"]')!.value).to.equal('locked01');
  });

  it('ends the login with a way to the top screen: wb-top-requested for the page, else <wb-top> in place', async () => {
    const { el } = await mountInProvider<WbLogin>(html`<wb-login></wb-login>`);
    await logIn(el, 'taro2024', 'Sakura2024!');
    const recorded = recordEvents('wb-top-requested');
    const routed = (e: Event) => e.preventDefault();
    document.addEventListener('wb-top-requested', routed, { once: true });
    await press(el, 'top-button');
    expect(recorded.events.length).to.equal(1);
    expect(recorded.events[0]!.cancelable && recorded.events[0]!.bubbles && recorded.events[0]!.composed).to.be.true;
    await el.updateComplete;
    expect(el.querySelector('wb-top'), 'cancelled: the page routes').to.equal(null);
    expect(await axeViolations(el)).to.deep.equal([]);
    await press(el, 'top-button');
    recorded.stop();
    await until(() => el.querySelector('wb-top'), 2_000, '<wb-top> in place');
  });

  it('moves on after a postcard login to the note and then the first change', async () => {
    const { el } = await mountInProvider<WbLogin>(html`<wb-login></wb-login>`);
    await logIn(el, 'HK7Q2MX', 't8Rw3nPa');
    await until(() => el.querySelector('[part~="ok-button"]'), 3_000, 'postcard note');
    expect(el.textContent).to.match(/postcard/i);
    el.querySelector<HTMLButtonElement>('[part~="ok-button"]')!.click();
    await until(() => el.querySelector('wb-credential-setup'), 3_000, 'credential setup');
  });

  it('lets the page route instead when it cancels wb-logged-in', async () => {
    const { el, client } = await mountInProvider<WbLogin>(html`<wb-login @wb-logged-in=${(e: Event) => e.preventDefault()}></wb-login>`);
    await logIn(el, 'HK7Q2MX', 't8Rw3nPa');
    await until(() => client.auth.current !== undefined, 3_000);
    await el.updateComplete;
    expect(el.querySelector('form')).to.exist;
  });

  it('keeps the form and offers a retry that works when the network fails', async () => {
    const { el } = await mountInProvider<WbLogin>(html`<wb-login></wb-login>`);
    backend().worker.use(http.post('/api/v1/auth/login', () => HttpResponse.error(), { once: true }));
    await logIn(el, 'taro2024', 'Sakura2024!');
    await until(() => el.querySelector('[part~="retry-button"]'), 3_000, 'retry button');
    expect(el.querySelector<HTMLInputElement>('input[name="loginId"]')!.value).to.equal('taro2024');
    expect(el.querySelector<HTMLInputElement>('input[name="password"]')!.value).to.equal('Sakura2024!');
    const events: Event[] = [];
    el.addEventListener('wb-logged-in', (e) => events.push(e));
    el.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await until(() => events.length === 1, 3_000, 'login after retry');
  });

  it('sends one request for a double submit', async () => {
    const { el, client } = await mountInProvider<WbLogin>(html`<wb-login></wb-login>`);
    let requests = 0;
    backend().worker.events.on('request:start', ({ request }) => {
      if (request.url.endsWith('/auth/login')) requests++;
    });
    el.querySelector<HTMLInputElement>('input[name="loginId"]')!.value = 'taro2024';
    el.loginId = 'taro2024';
    await typeInto(el.querySelector<HTMLInputElement>('input[name="password"]')!, 'Sakura2024!');
    const form = el.querySelector('form')!;
    form.requestSubmit();
    form.requestSubmit();
    await until(() => client.auth.current !== undefined, 3_000);
    backend().worker.events.removeAllListeners('request:start');
    expect(requests).to.equal(1);
  });
});

describe('<wb-login> locale and layout', () => {
  it('follows the nearest lang attribute and re-renders when it changes', async () => {
    const { el } = await mountInProvider<WbLogin>(html`<div lang="ja"><wb-login></wb-login></div>`);
    const login = el.querySelector('wb-login') as WbLogin;
    await login.updateComplete;
    expect(login.querySelector('h2')!.textContent).to.contain('ログイン');
    expect(login.querySelector('label')!.textContent).to.contain('ログインID');
    el.setAttribute('lang', 'en');
    await until(() => login.querySelector('h2')!.textContent!.includes('Log in'), 2_000, 'English after lang change');
  });

  for (const width of [360, 1280]) {
    it(`fits a ${width} px wide screen without horizontal scrolling`, async () => {
      await setViewport({ width, height: 800 });
      const { el } = await mountInProvider<WbLogin>(html`<wb-login></wb-login>`);
      el.querySelector('form')!.requestSubmit();
      await until(() => el.querySelector('[aria-invalid="true"]'));
      expectFitsWidth(el, width);
    });
  }
});

describe('<wb-password-input>', () => {
  it('shows every character as ● except the last one typed', async () => {
    const el = await fixture<WbPasswordInput>(html`<wb-password-input label="Password"></wb-password-input>`);
    await typeInto(el.querySelector('input')!, 'aBc9DeFg');
    await el.updateComplete;
    expect(el.value).to.equal('aBc9DeFg');
    expect(el.querySelector('.wb-password-mask')!.textContent).to.equal('●●●●●●●g');
  });

  it('shows the password in clear with the toggle, and hides it again', async () => {
    const el = await fixture<WbPasswordInput>(html`<wb-password-input label="Password"></wb-password-input>`);
    await typeInto(el.querySelector('input')!, 'abc12345');
    const toggle = el.querySelector<HTMLButtonElement>('[part~="reveal-button"]')!;
    toggle.click();
    await el.updateComplete;
    expect(el.querySelector('input')!.type).to.equal('text');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    toggle.click();
    await el.updateComplete;
    expect(el.querySelector('input')!.type).to.equal('password');
  });

  it('masks every character after a paste', async () => {
    const el = await fixture<WbPasswordInput>(html`<wb-password-input label="Password"></wb-password-input>`);
    const input = el.querySelector('input')!;
    input.value = 'pasted123';
    input.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', data: 'pasted123', bubbles: true }));
    await el.updateComplete;
    expect(el.querySelector('.wb-password-mask')!.textContent).to.equal('●●●●●●●●●');
  });

  it('has no axe violations', async () => {
    const el = await fixture<WbPasswordInput>(html`<wb-password-input label="Password" error="Too short"></wb-password-input>`);
    expect(await axeViolations(el)).to.deep.equal([]);
  });
});
