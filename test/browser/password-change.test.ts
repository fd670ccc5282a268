import { expect, fixture } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import '../../components/password-change/define.js';
import type { WbPasswordChange } from '../../components/password-change/password-change.js';
import type { WebBillingClient } from '../../src/index.js';
import { axeViolations } from './helpers/axe.js';
import { testClient, until, useBackend } from '../support/backend.js';
import { checklistItem, expectOneRequestForDoubleSubmit, failNextPost, isMet, logInToChange, mountCredentialForm, paste, postcardClient, settle, submit, TARO } from './helpers/credentials.js';
import { errorOf, field, loggedInClient, recordEvents, type } from './helpers/forms.js';
import { expectFitsWidth } from './helpers/layout.js';

const backend = useBackend();

const NEW_PASSWORD = 'Momiji#2026';

async function mountChange(client?: WebBillingClient): Promise<{ el: WbPasswordChange; client: WebBillingClient }> {
  return mountCredentialForm<WbPasswordChange>(html`<wb-password-change></wb-password-change>`, client ?? (await loggedInClient(TARO.loginId, TARO.password)));
}

/** Reissues taro's password as the user guide does (user guide, §6 To reissue a login password; docs/spec/user-guide.md); returns the mailed temporary password. */
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

async function fill(el: WbPasswordChange, current: string, next = NEW_PASSWORD, confirm = next): Promise<void> {
  await paste(el, 'currentPassword', current);
  await paste(el, 'newPassword', next);
  await paste(el, 'newPasswordConfirm', confirm);
}

/** The item of `rule` in the checklist of the new password. */
const check = (el: Element, rule: string): HTMLElement => checklistItem(el, 'password', rule);

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
    await until(() => el.querySelector('[part~="top-button"]'), 3_000, 'completion');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  describe('checklist', () => {
    it('is the new password\'s description, and ticks as the customer types', async () => {
      const { el } = await mountChange();
      const list = el.querySelector('[part~="password-checklist"] ul')!;
      expect(field(el, 'newPassword').getAttribute('aria-describedby')!.split(' ')).to.include(list.id);
      expect([...list.querySelectorAll('li')].map((li) => li.dataset.rule)).to.deep.equal(['length', 'letterAndDigit', 'charset', 'differs', 'matches']);
      await type(el, 'newPassword', 'abcdefg');
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
        await paste(el, 'newPassword', row.value);
        expect(isMet(check(el, row.rule))).to.equal(row.ok);
      });
    }

    it('ticks "typed the same" only when the confirmation matches', async () => {
      const { el } = await mountChange();
      await paste(el, 'newPassword', NEW_PASSWORD);
      await paste(el, 'newPasswordConfirm', NEW_PASSWORD.slice(0, -1));
      expect(isMet(check(el, 'matches'))).to.be.false;
      await paste(el, 'newPasswordConfirm', NEW_PASSWORD);
      expect(isMet(check(el, 'matches'))).to.be.true;
    });
  });

  it('marks each problem next to its field before sending, and focuses the first', async () => {
    const { el } = await mountChange();
    await paste(el, 'newPassword', TARO.loginId);
    await paste(el, 'newPasswordConfirm', 'other123');
    submit(el);
    await until(() => el.querySelector('[aria-invalid="true"]'), 2_000, 'field errors');
    await settle(el);
    expect(errorOf(el, 'currentPassword')).to.contain('current password');
    expect(errorOf(el, 'newPassword')).to.match(/different from the login ID/);
    expect(errorOf(el, 'newPasswordConfirm')).to.match(/does not match/);
    await until(() => document.activeElement === field(el, 'currentPassword'), 1_000, 'focus on the first');
  });

  it('clears the password fields after a wrong current password, says so on that field and focuses it', async () => {
    const { el } = await mountChange();
    await fill(el, 'NotMine123');
    submit(el);
    await until(() => errorOf(el, 'currentPassword'), 3_000, 'error on currentPassword');
    expect(errorOf(el, 'currentPassword')).to.match(/incorrect/);
    for (const name of ['currentPassword', 'newPassword', 'newPasswordConfirm']) expect(field(el, name).value, name).to.equal('');
    await until(() => document.activeElement === field(el, 'currentPassword'), 1_000, 'focus');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('keeps the form on a 500 and the retry completes the change', async () => {
    const { el } = await mountChange();
    failNextPost(backend(), '/credentials/password');
    await fill(el, TARO.password);
    submit(el);
    await until(() => el.querySelector('[part~="retry-button"]'), 3_000, 'retry button');
    expect(field(el, 'currentPassword').value).to.equal(TARO.password);
    expect(field(el, 'newPassword').value).to.equal(NEW_PASSWORD);
    expect(field(el, 'newPasswordConfirm').value).to.equal(NEW_PASSWORD);
    el.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await until(() => el.querySelector('[part~="top-button"]'), 3_000, 'completion after retry');
  });

  it('asks a postcard session to choose its own login ID and password first', async () => {
    const { el } = await mountChange(await postcardClient());
    await fill(el, 't8Rw3nPa');
    submit(el);
    await until(() => el.querySelector('[part~="alert"]'), 3_000, 'alert');
    expect(el.querySelector('[part~="alert"]')!.textContent).to.contain('choose your own login ID and password first');
  });

  it('sends one request for a double submit', async () => {
    const { el } = await mountChange();
    await fill(el, TARO.password);
    await expectOneRequestForDoubleSubmit(backend(), el, '/credentials/password', 'top-button');
  });

  it('works as a voluntary change: fires wb-credentials-changed without a password, and the new password logs in', async () => {
    const { el } = await mountChange();
    expect(el.querySelector(`label[for="${field(el, 'currentPassword').id}"]`)!.textContent).to.contain('Current password');
    const { events, stop } = recordEvents('wb-credentials-changed');
    try {
      await fill(el, TARO.password);
      submit(el);
      await until(() => events.length === 1, 3_000, 'wb-credentials-changed');
    } finally {
      stop();
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
    const { client, form: change } = await logInToChange(TARO.loginId, temporary, 'wb-password-change');
    expect(change.querySelector(`label[for="${field(change, 'currentPassword').id}"]`)!.textContent).to.contain('Password from the email');

    await type(change, 'currentPassword', temporary);
    await type(change, 'newPassword', NEW_PASSWORD);
    await type(change, 'newPasswordConfirm', NEW_PASSWORD);
    await change.updateComplete;
    for (const item of change.querySelectorAll<HTMLElement>('[part~="check"]')) expect(isMet(item), item.dataset.rule).to.be.true;
    await sendKeys({ press: 'Enter' });

    await until(() => change.querySelector('[part~="top-button"]'), 3_000, 'completion');
    expect(change.textContent).to.contain('do not forget');
    expect(client.auth.current?.stage).to.equal('active');
    expect(document.activeElement?.localName).to.equal('h2');
    expect(await axeViolations(change)).to.deep.equal([]);
    // The way on: the page may route on wb-top-requested; it does not here, so <wb-top> shows in place.
    const top = recordEvents('wb-top-requested');
    change.querySelector<HTMLButtonElement>('[part~="top-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    top.stop();
    expect(top.events.length).to.equal(1);
    await until(() => change.querySelector('wb-top'), 3_000, '<wb-top> in place');

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
      expectFitsWidth(el, width, { controls: 'input:not([hidden]), button' });
    });
  }

  it('speaks Japanese inside lang="ja"', async () => {
    const { el: wrapper } = await mountCredentialForm<HTMLElement>(
      html`<div lang="ja"><wb-password-change></wb-password-change></div>`,
      await loggedInClient(TARO.loginId, TARO.password),
    );
    const el = wrapper.querySelector('wb-password-change')!;
    expect(el.querySelector('h2')!.textContent).to.contain('ログインパスワードの変更');
    expect(check(el, 'length').textContent).to.contain('8〜32文字');
    expect(check(el, 'differs').textContent).to.contain('ログインIDと異なる');
    submit(el);
    await until(() => el.querySelector('[aria-invalid="true"]'), 2_000, 'field errors');
    expect(errorOf(el, 'currentPassword')).to.contain('現在のパスワード');
    expect(await axeViolations(el)).to.deep.equal([]);
  });
});
