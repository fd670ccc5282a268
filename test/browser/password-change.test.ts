import { expect, fixture } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import { http, HttpResponse } from 'msw/http';
import '../../components/login/define.js';
import '../../components/password-change/define.js';
import type { WbLogin } from '../../components/login/login.js';
import type { WbPasswordChange } from '../../components/password-change/password-change.js';
import type { WebBillingClient } from '../../src/index.js';
import { axeViolations } from './helpers/axe.js';
import { BASE, mountInProvider, testClient, until, useBackend } from './helpers/backend.js';

const backend = useBackend();

const TARO = { loginId: 'taro2024', password: 'Sakura2024!' };
const NEW_PASSWORD = 'Momiji#2026';

async function loggedInClient(): Promise<WebBillingClient> {
  const client = testClient();
  await client.auth.login(TARO);
  return client;
}

async function mountChange(client?: WebBillingClient): Promise<{ el: WbPasswordChange; client: WebBillingClient }> {
  const mounted = await mountInProvider<WbPasswordChange>(html`<wb-password-change></wb-password-change>`, client ?? (await loggedInClient()));
  // The checklist shows the rules once the backend's policy has arrived.
  await until(() => mounted.el.querySelector('[part~="check"]'), 3_000, 'the policy');
  return mounted;
}

/** Reissues taro's password as the seed's section 6 does; returns the mailed temporary password. */
async function reissueTaro(): Promise<string> {
  const client = testClient();
  const questions = await client.reissueEmail.questions();
  const firstPet = questions.find((q) => /first pet/i.test(q.text.en));
  if (!firstPet) throw new Error('no "first pet" question');
  await client.passwordReissue.request({ loginId: TARO.loginId, email: 'taro@example.jp', questionId: firstPet.id, answer: 'Pochi' });
  const temporary = backend().outbox.latest({ kind: 'password-reissued' })?.temporaryPassword;
  if (!temporary) throw new Error('no temporary password in the outbox');
  return temporary;
}

const input = (el: Element, name: string): HTMLInputElement => {
  const found = el.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  if (!found) throw new Error(`no input named ${name}`);
  return found;
};

async function settle(el: WbPasswordChange): Promise<void> {
  await el.updateComplete;
  await Promise.all([...el.querySelectorAll('wb-password-input')].map((p) => (p as unknown as { updateComplete: Promise<unknown> }).updateComplete));
}

/** Sets a field as a paste would (fast, for tables). */
async function setValue(el: WbPasswordChange, name: string, value: string): Promise<void> {
  const target = input(el, name);
  target.value = value;
  target.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: value }));
  await settle(el);
}

async function typeInto(el: Element, name: string, text: string): Promise<void> {
  const target = input(el, name);
  target.focus();
  target.select();
  await sendKeys({ press: 'Backspace' });
  await sendKeys({ type: text });
}

async function fill(el: WbPasswordChange, current: string, next = NEW_PASSWORD, confirm = next): Promise<void> {
  await setValue(el, 'currentPassword', current);
  await setValue(el, 'newPassword', next);
  await setValue(el, 'newPasswordConfirm', confirm);
}

function check(el: Element, rule: string): HTMLElement {
  const item = el.querySelector<HTMLElement>(`[part~="password-checklist"] [data-rule="${rule}"]`);
  if (!item) throw new Error(`no ${rule} rule`);
  return item;
}
const isMet = (item: HTMLElement): boolean => item.hasAttribute('data-ok');

function errorOf(el: Element, name: string): string {
  const ids = input(el, name).getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids
    .filter((id) => id.endsWith('-error'))
    .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
    .join(' ');
}

const submit = (el: Element): void => el.querySelector('form')!.requestSubmit();

describe('<wb-password-change>', () => {
  it('says clearly that it needs a provider when placed outside one', async () => {
    const el = await fixture(html`<wb-password-change></wb-password-change>`);
    expect(el.textContent).to.contain('<wb-provider');
  });

  it('puts its inputs in a real form in light DOM, with the login ID for password managers', async () => {
    await mountChange();
    const form = document.querySelector('wb-password-change form')!;
    const get = (selector: string) => document.querySelector<HTMLInputElement>(`wb-password-change ${selector}`)!;
    expect(get('input[autocomplete="username"]').value).to.equal(TARO.loginId);
    expect(get('input[name="currentPassword"]').autocomplete).to.equal('current-password');
    expect(get('input[name="newPassword"]').autocomplete).to.equal('new-password');
    expect(get('input[name="newPasswordConfirm"]').autocomplete).to.equal('new-password');
    for (const name of ['currentPassword', 'newPassword', 'newPasswordConfirm']) expect(get(`input[name="${name}"]`).form, name).to.equal(form);
  });

  it('has no axe violations: empty, with errors, on completion', async () => {
    const { el } = await mountChange();
    expect(await axeViolations(el)).to.deep.equal([]);
    submit(el);
    await until(() => el.querySelector('[aria-invalid="true"]'), 2_000, 'field errors');
    expect(await axeViolations(el)).to.deep.equal([]);
    await fill(el, TARO.password);
    submit(el);
    await until(() => el.querySelector('[part~="ok-button"]'), 3_000, 'completion');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  describe('checklist', () => {
    it('is the new password\'s description, and ticks as the customer types', async () => {
      const { el } = await mountChange();
      const list = el.querySelector('[part~="password-checklist"] ul')!;
      expect(input(el, 'newPassword').getAttribute('aria-describedby')!.split(' ')).to.include(list.id);
      expect([...list.querySelectorAll('li')].map((li) => li.dataset.rule)).to.deep.equal(['length', 'letterAndDigit', 'charset', 'differs', 'matches']);
      await typeInto(el, 'newPassword', 'abcdefg');
      await settle(el);
      expect(isMet(check(el, 'length')), '7 characters').to.be.false;
      expect(isMet(check(el, 'letterAndDigit')), 'letters only').to.be.false;
      await sendKeys({ type: '1' });
      await settle(el);
      expect(isMet(check(el, 'length')), '8 characters').to.be.true;
      expect(isMet(check(el, 'letterAndDigit')), 'with a digit').to.be.true;
      expect(check(el, 'length').textContent).to.contain('(met)');
    });

    const x = (n: number) => 'a'.repeat(n - 1) + '1';
    const table: { value: string; rule: string; ok: boolean; what: string }[] = [
      { value: x(7), rule: 'length', ok: false, what: '7 characters' },
      { value: x(8), rule: 'length', ok: true, what: '8 characters' },
      { value: x(32), rule: 'length', ok: true, what: '32 characters' },
      { value: x(33), rule: 'length', ok: false, what: '33 characters' },
      { value: 'abcdefgh', rule: 'letterAndDigit', ok: false, what: 'letters only' },
      { value: '12345678', rule: 'letterAndDigit', ok: false, what: 'digits only' },
      { value: 'abc12345~', rule: 'charset', ok: false, what: 'a ~ (not one of the 20)' },
      { value: 'abc12345!', rule: 'charset', ok: true, what: 'a ! (one of the 20)' },
      { value: TARO.loginId, rule: 'differs', ok: false, what: 'the login ID itself' },
      { value: 'taro2025', rule: 'differs', ok: true, what: 'something else than the login ID' },
    ];
    for (const row of table) {
      it(`${row.ok ? 'ticks' : 'does not tick'} "${row.rule}" for ${row.what}`, async () => {
        const { el } = await mountChange();
        await setValue(el, 'newPassword', row.value);
        expect(isMet(check(el, row.rule))).to.equal(row.ok);
      });
    }

    it('ticks "typed the same" only when the confirmation matches', async () => {
      const { el } = await mountChange();
      await setValue(el, 'newPassword', NEW_PASSWORD);
      await setValue(el, 'newPasswordConfirm', NEW_PASSWORD.slice(0, -1));
      expect(isMet(check(el, 'matches'))).to.be.false;
      await setValue(el, 'newPasswordConfirm', NEW_PASSWORD);
      expect(isMet(check(el, 'matches'))).to.be.true;
    });
  });

  it('marks each problem next to its field before sending, and focuses the first', async () => {
    const { el } = await mountChange();
    await setValue(el, 'newPassword', TARO.loginId);
    await setValue(el, 'newPasswordConfirm', 'other123');
    submit(el);
    await until(() => el.querySelector('[aria-invalid="true"]'), 2_000, 'field errors');
    await settle(el);
    expect(errorOf(el, 'currentPassword')).to.contain('current password');
    expect(errorOf(el, 'newPassword')).to.match(/different from the login ID/);
    expect(errorOf(el, 'newPasswordConfirm')).to.match(/does not match/);
    await until(() => document.activeElement === input(el, 'currentPassword'), 1_000, 'focus on the first');
  });

  it('clears the password fields after a wrong current password, says so on that field and focuses it', async () => {
    const { el } = await mountChange();
    await fill(el, 'NotMine123');
    submit(el);
    await until(() => errorOf(el, 'currentPassword'), 3_000, 'error on currentPassword');
    expect(errorOf(el, 'currentPassword')).to.match(/incorrect/);
    for (const name of ['currentPassword', 'newPassword', 'newPasswordConfirm']) expect(input(el, name).value, name).to.equal('');
    await until(() => document.activeElement === input(el, 'currentPassword'), 1_000, 'focus');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('keeps the form on a 500 and the retry completes the change', async () => {
    const { el } = await mountChange();
    backend().worker.use(
      http.post(`${BASE}/credentials/password`, () => HttpResponse.json({ error: { code: 'internal', message: 'x' }, requestId: 'r' }, { status: 500 }), { once: true }),
    );
    await fill(el, TARO.password);
    submit(el);
    await until(() => el.querySelector('[part~="retry-button"]'), 3_000, 'retry button');
    expect(input(el, 'currentPassword').value).to.equal(TARO.password);
    expect(input(el, 'newPassword').value).to.equal(NEW_PASSWORD);
    expect(input(el, 'newPasswordConfirm').value).to.equal(NEW_PASSWORD);
    el.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await until(() => el.querySelector('[part~="ok-button"]'), 3_000, 'completion after retry');
  });

  it('asks a postcard session to choose its own login ID and password first', async () => {
    const client = testClient();
    await client.auth.initialLogin({ initialLoginId: 'HK7Q2MX', initialPassword: 't8Rw3nPa' });
    const { el } = await mountChange(client);
    await fill(el, 't8Rw3nPa');
    submit(el);
    await until(() => el.querySelector('[part~="alert"]'), 3_000, 'alert');
    expect(el.querySelector('[part~="alert"]')!.textContent).to.contain('choose your own login ID and password first');
  });

  it('sends one request for a double submit', async () => {
    const { el } = await mountChange();
    let requests = 0;
    const onStart = ({ request }: { request: Request }) => {
      if (request.url.endsWith('/credentials/password')) requests++;
    };
    backend().worker.events.on('request:start', onStart);
    try {
      await fill(el, TARO.password);
      submit(el);
      submit(el);
      await el.updateComplete;
      expect(el.querySelector('[part~="submit-button"]')?.getAttribute('aria-disabled')).to.equal('true');
      await until(() => el.querySelector('[part~="ok-button"]'), 3_000, 'completion');
      expect(requests).to.equal(1);
    } finally {
      backend().worker.events.removeListener('request:start', onStart);
    }
  });

  it('works as a voluntary change: fires wb-credentials-changed without a password, and the new password logs in', async () => {
    const { el } = await mountChange();
    expect(el.querySelector(`label[for="${input(el, 'currentPassword').id}"]`)!.textContent).to.contain('Current password');
    const events: HTMLElementEventMap['wb-credentials-changed'][] = [];
    const listener = (e: HTMLElementEventMap['wb-credentials-changed']) => events.push(e);
    document.addEventListener('wb-credentials-changed', listener);
    try {
      await fill(el, TARO.password);
      submit(el);
      await until(() => events.length === 1, 3_000, 'wb-credentials-changed');
    } finally {
      document.removeEventListener('wb-credentials-changed', listener);
    }
    const event = events[0]!;
    expect(event).to.include({ change: 'password', loginId: TARO.loginId, bubbles: true, composed: true });
    expect(JSON.stringify({ ...event, change: event.change, loginId: event.loginId })).not.to.contain(NEW_PASSWORD);
    const session = await testClient().auth.login({ loginId: TARO.loginId, password: NEW_PASSWORD });
    expect(session.stage).to.equal('active');
  });

  it('journey: reissue → log in with the mailed password → forced change → completion → log in with the new one', async function () {
    this.timeout(30_000);
    const temporary = await reissueTaro();
    const { el: login, client } = await mountInProvider<WbLogin>(html`<wb-login></wb-login>`);
    await typeInto(login, 'loginId', TARO.loginId);
    await typeInto(login, 'password', temporary);
    await sendKeys({ press: 'Enter' });
    await until(() => login.querySelector('[part~="ok-button"]'), 3_000, 'reissued note');
    login.querySelector<HTMLButtonElement>('[part~="ok-button"]')!.click();
    await until(() => login.querySelector('wb-password-change form'), 3_000, 'password change');
    const change = login.querySelector('wb-password-change')!;
    expect(change.querySelector(`label[for="${input(change, 'currentPassword').id}"]`)!.textContent).to.contain('Password from the email');

    await typeInto(change, 'currentPassword', temporary);
    await typeInto(change, 'newPassword', NEW_PASSWORD);
    await typeInto(change, 'newPasswordConfirm', NEW_PASSWORD);
    await change.updateComplete;
    for (const item of change.querySelectorAll<HTMLElement>('[part~="check"]')) expect(isMet(item), item.dataset.rule).to.be.true;
    await sendKeys({ press: 'Enter' });

    await until(() => change.querySelector('[part~="ok-button"]'), 3_000, 'completion');
    expect(change.textContent).to.contain('do not forget');
    expect(client.auth.current?.stage).to.equal('active');
    expect(document.activeElement?.localName).to.equal('h2');
    change.querySelector<HTMLButtonElement>('[part~="ok-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => change.querySelector('[part~="logged-in"]'), 3_000, 'after OK');
    expect(change.textContent).to.contain(TARO.loginId);

    const fresh = testClient();
    expect((await fresh.auth.login({ loginId: TARO.loginId, password: NEW_PASSWORD })).stage).to.equal('active');
    let temporaryRefused = false;
    await testClient()
      .auth.login({ loginId: TARO.loginId, password: temporary })
      .catch(() => (temporaryRefused = true));
    expect(temporaryRefused, 'the mailed password stops working').to.be.true;
  });

  for (const width of [360, 1280]) {
    it(`fits a ${width} px wide screen without horizontal scrolling`, async () => {
      await setViewport({ width, height: 800 });
      const { el } = await mountChange();
      submit(el);
      await until(() => el.querySelector('[aria-invalid="true"]'));
      expect(document.documentElement.scrollWidth).to.be.at.most(width);
      for (const control of el.querySelectorAll<HTMLElement>('input:not([hidden]), button')) {
        const box = control.getBoundingClientRect();
        expect(box.right, `${control.outerHTML.slice(0, 60)} inside the screen`).to.be.at.most(width);
        expect(box.height, 'touch target at least 44 px high').to.be.at.least(44);
      }
    });
  }

  it('speaks Japanese inside lang="ja"', async () => {
    const client = await loggedInClient();
    const { el: wrapper } = await mountInProvider<HTMLElement>(html`<div lang="ja"><wb-password-change></wb-password-change></div>`, client);
    const el = wrapper.querySelector('wb-password-change')!;
    await el.updateComplete;
    await until(() => el.querySelector('[part~="check"]'), 3_000, 'the policy');
    expect(el.querySelector('h2')!.textContent).to.contain('ログインパスワードの変更');
    expect(check(el, 'length').textContent).to.contain('8〜32文字');
    expect(check(el, 'differs').textContent).to.contain('ログインIDと異なる');
    submit(el);
    await until(() => el.querySelector('[aria-invalid="true"]'), 2_000, 'field errors');
    expect(errorOf(el, 'currentPassword')).to.contain('現在のパスワード');
    expect(await axeViolations(el)).to.deep.equal([]);
  });
});
