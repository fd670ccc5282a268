import { expect, fixture } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import { http, HttpResponse } from 'msw/http';
import '../../components/credential-setup/define.js';
import type { WbCredentialSetup } from '../../components/credential-setup/credential-setup.js';
import { DEFAULT_CREDENTIAL_POLICY, type WebBillingClient } from '../../src/index.js';
import { axeViolations } from './helpers/axe.js';
import { BASE, mountInProvider, testClient, until, useBackend } from '../support/backend.js';
import { checklistItem, countingRequests, expectOneRequestForDoubleSubmit, failNextPost, isMet, logInToChange, mountCredentialForm, paste, POSTCARD, postcardClient, submit, TARO } from './helpers/credentials.js';
import { errorOf, field, loggedInClient, recordEvents, type } from './helpers/forms.js';
import { expectFitsWidth } from './helpers/layout.js';

const backend = useBackend();

const CHOSEN = { newLoginId: 'hanako-01', newPassword: 'Hanako#2026' };

async function mountSetup(client?: WebBillingClient): Promise<{ el: WbCredentialSetup; client: WebBillingClient }> {
  return mountCredentialForm<WbCredentialSetup>(html`<wb-credential-setup></wb-credential-setup>`, client ?? (await postcardClient()));
}

async function fill(el: WbCredentialSetup, values: Partial<Record<string, string>> = {}): Promise<void> {
  const all = {
    ...POSTCARD,
    newLoginId: CHOSEN.newLoginId,
    newLoginIdConfirm: CHOSEN.newLoginId,
    newPassword: CHOSEN.newPassword,
    newPasswordConfirm: CHOSEN.newPassword,
    ...values,
  };
  for (const [name, value] of Object.entries(all)) await paste(el, name, value!);
}

describe('<wb-credential-setup>', () => {
  it("says the conditions are loading until the backend's policy arrives, instead of showing default rules", async () => {
    let release!: () => void;
    const arrived = new Promise<void>((resolve) => (release = resolve));
    backend().worker.use(
      http.get(`${BASE}/credentials/policy`, async ({ request }) => {
        await arrived;
        return backend().fetch(request.url);
      }),
    );
    const { el } = await mountInProvider<WbCredentialSetup>(html`<wb-credential-setup></wb-credential-setup>`, await postcardClient());
    expect(el.querySelector('[part~="check"]'), 'no rule shown before the policy').to.equal(null);
    expect(el.querySelector('[part~="check-loading"]')!.textContent).to.match(/loading/i);
    expect(el.querySelector('ul.wb-checklist')!.getAttribute('aria-busy')).to.equal('true');
    release();
    await until(() => el.querySelector('[part~="check"]'), 3_000, 'the rules');
    expect(el.querySelector('[part~="check-loading"]')).to.equal(null);
  });

  it('says clearly that it needs a provider when placed outside one', async () => {
    const el = await fixture(html`<wb-credential-setup></wb-credential-setup>`);
    expect(el.textContent).to.contain('<wb-provider');
  });

  it('puts its inputs in a real form in light DOM, with the autocomplete password managers need', async () => {
    await mountSetup();
    const form = document.querySelector('wb-credential-setup form')!;
    expect(form).to.exist;
    const auto = (name: string) => document.querySelector<HTMLInputElement>(`wb-credential-setup input[name="${name}"]`)!;
    expect(auto('newLoginId').autocomplete).to.equal('username');
    expect(auto('initialPassword').autocomplete).to.equal('current-password');
    expect(auto('newPassword').autocomplete).to.equal('new-password');
    expect(auto('newPasswordConfirm').autocomplete).to.equal('new-password');
    for (const name of ['initialLoginId', 'initialPassword', 'newLoginId', 'newLoginIdConfirm', 'newPassword', 'newPasswordConfirm']) {
      expect(auto(name).form, name).to.equal(form);
    }
    expect(auto('initialPassword').type).to.equal('password');
  });

  it('has no axe violations: empty, typing, with errors, on completion and after "later"', async () => {
    const { el } = await mountSetup();
    expect(await axeViolations(el)).to.deep.equal([]);
    await paste(el, 'newLoginId', 'ab');
    await paste(el, 'newPassword', 'abc');
    expect(await axeViolations(el)).to.deep.equal([]);
    submit(el);
    await until(() => el.querySelector('[aria-invalid="true"]'), 2_000, 'field errors');
    expect(await axeViolations(el)).to.deep.equal([]);
    await fill(el);
    submit(el);
    await until(() => el.querySelector('[part~="now-button"]'), 3_000, 'completion');
    expect(await axeViolations(el)).to.deep.equal([]);
    el.querySelector<HTMLButtonElement>('[part~="later-button"]')!.click();
    await el.updateComplete;
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  describe('checklist', () => {
    it("lists the policy's rules, the 20 symbols visibly and by name, and is the new inputs' description", async () => {
      const { el } = await mountSetup();
      for (const kind of ['login-id', 'password'] as const) {
        const list = el.querySelector(`[part~="${kind}-checklist"] ul`)!;
        const rules = ['length', 'letterAndDigit', 'charset', 'differs', 'matches', ...(kind === 'login-id' ? ['available'] : [])];
        expect([...list.querySelectorAll('li')].map((li) => li.dataset.rule)).to.deep.equal(rules);
        const symbols = list.querySelector('[part~="symbols"]')!;
        expect(symbols.localName).to.equal('code');
        expect(symbols.textContent).to.equal(DEFAULT_CREDENTIAL_POLICY.allowedSymbols);
        expect(list.querySelector('[data-rule="charset"]')!.textContent).to.contain('exclamation mark').and.to.contain('underscore');
      }
      expect(checklistItem(el, 'login-id', 'length').textContent).to.contain('5 to 31 characters');
      expect(checklistItem(el, 'password', 'length').textContent).to.contain('8 to 32 characters');
      for (const [name, kind] of [['newLoginId', 'login-id'], ['newPassword', 'password']] as const) {
        const described = field(el, name).getAttribute('aria-describedby')!.split(' ');
        expect(described).to.include(el.querySelector(`[part~="${kind}-checklist"] ul`)!.id);
      }
    });

    it('says whether each rule is met in words, not only with ✓', async () => {
      const { el } = await mountSetup();
      const length = checklistItem(el, 'password', 'length');
      expect(length.textContent).to.contain('not met yet');
      await paste(el, 'newPassword', 'abcd1234');
      expect(length.textContent).to.contain('(met)');
      expect(length.textContent).not.to.contain('not met');
    });

    it('ticks and unticks as the customer types', async () => {
      const { el } = await mountSetup();
      const length = checklistItem(el, 'login-id', 'length');
      const letterAndDigit = checklistItem(el, 'login-id', 'letterAndDigit');
      await type(el, 'newLoginId', 'abcd');
      await el.updateComplete;
      expect(isMet(length), '4 characters').to.be.false;
      expect(isMet(letterAndDigit), 'letters only').to.be.false;
      await sendKeys({ type: '1' });
      await el.updateComplete;
      expect(isMet(length), '5 characters').to.be.true;
      expect(isMet(letterAndDigit), 'letters and a digit').to.be.true;
      await sendKeys({ press: 'Backspace' });
      await el.updateComplete;
      expect(isMet(length), 'back to 4').to.be.false;
      expect(isMet(letterAndDigit), 'back to letters only').to.be.false;
      // The password's checklist ticks through <wb-password-input> the same way.
      await type(el, 'newPassword', 'Sakura20');
      await el.updateComplete;
      expect(isMet(checklistItem(el, 'password', 'length'))).to.be.true;
    });

    it('announces a polite count of met rules, not every keystroke', async () => {
      const { el } = await mountSetup();
      const status = el.querySelector('[part~="password-checklist"] [role="status"]')!;
      expect(status.textContent!.trim()).to.equal('');
      await paste(el, 'newPassword', 'abc');
      const first = status.textContent!.trim();
      expect(first).to.match(/1 of 5 conditions met/);
      await paste(el, 'newPassword', 'abcd');
      expect(status.textContent!.trim(), 'same count, same text').to.equal(first);
    });

    const x = (n: number, tail = '1') => 'a'.repeat(n - tail.length) + tail;
    const table: { kind: 'loginId' | 'password'; value: string; rule: string; ok: boolean; what: string }[] = [
      { kind: 'loginId', value: x(4), rule: 'length', ok: false, what: 'ID of 4 characters' },
      { kind: 'loginId', value: x(5), rule: 'length', ok: true, what: 'ID of 5 characters' },
      { kind: 'loginId', value: x(31), rule: 'length', ok: true, what: 'ID of 31 characters' },
      { kind: 'loginId', value: x(32), rule: 'length', ok: false, what: 'ID of 32 characters' },
      { kind: 'password', value: x(7), rule: 'length', ok: false, what: 'password of 7 characters' },
      { kind: 'password', value: x(8), rule: 'length', ok: true, what: 'password of 8 characters' },
      { kind: 'password', value: x(32), rule: 'length', ok: true, what: 'password of 32 characters' },
      { kind: 'password', value: x(33), rule: 'length', ok: false, what: 'password of 33 characters' },
      { kind: 'loginId', value: 'abcdefg', rule: 'letterAndDigit', ok: false, what: 'letters-only ID' },
      { kind: 'loginId', value: '1234567', rule: 'letterAndDigit', ok: false, what: 'digits-only ID' },
      { kind: 'loginId', value: 'abc1234', rule: 'letterAndDigit', ok: true, what: 'ID with letters and digits' },
      { kind: 'password', value: 'abcdefgh', rule: 'letterAndDigit', ok: false, what: 'letters-only password' },
      { kind: 'password', value: '12345678', rule: 'letterAndDigit', ok: false, what: 'digits-only password' },
      { kind: 'password', value: 'abcd1234', rule: 'letterAndDigit', ok: true, what: 'password with letters and digits' },
      { kind: 'loginId', value: 'abc12~', rule: 'charset', ok: false, what: 'ID with ~ (not one of the 20)' },
      { kind: 'password', value: 'abc12345<', rule: 'charset', ok: false, what: 'password with < (not one of the 20)' },
      { kind: 'password', value: 'abc12345 ', rule: 'charset', ok: false, what: 'password with a space' },
      { kind: 'password', value: 'ａbc12345', rule: 'charset', ok: false, what: 'password with a full-width letter' },
      { kind: 'loginId', value: 'ab1!#$%&()*+-./:;=?@[]_', rule: 'charset', ok: true, what: 'ID with each of the 20 symbols' },
      { kind: 'password', value: 'ab1!#$%&()*+-./:;=?@[]_', rule: 'charset', ok: true, what: 'password with each of the 20 symbols' },
    ];
    for (const row of table) {
      it(`${row.ok ? 'ticks' : 'does not tick'} "${row.rule}" for a ${row.what}`, async () => {
        const { el } = await mountSetup();
        await paste(el, row.kind === 'loginId' ? 'newLoginId' : 'newPassword', row.value);
        expect(isMet(checklistItem(el, row.kind === 'loginId' ? 'login-id' : 'password', row.rule))).to.equal(row.ok);
      });
    }

    it('unticks "different" on both lists when the ID and the password are the same', async () => {
      const { el } = await mountSetup();
      await paste(el, 'newLoginId', 'hanako2026');
      await paste(el, 'newPassword', 'hanako2026');
      expect(isMet(checklistItem(el, 'login-id', 'differs'))).to.be.false;
      expect(isMet(checklistItem(el, 'password', 'differs'))).to.be.false;
      await paste(el, 'newPassword', 'hanako2027');
      expect(isMet(checklistItem(el, 'login-id', 'differs'))).to.be.true;
      expect(isMet(checklistItem(el, 'password', 'differs'))).to.be.true;
    });

    it('ticks "typed the same" only when the confirmation matches', async () => {
      const { el } = await mountSetup();
      await paste(el, 'newPassword', 'abcd1234');
      expect(isMet(checklistItem(el, 'password', 'matches')), 'nothing typed again yet').to.be.false;
      await paste(el, 'newPasswordConfirm', 'abcd123');
      expect(isMet(checklistItem(el, 'password', 'matches'))).to.be.false;
      await paste(el, 'newPasswordConfirm', 'abcd1234');
      expect(isMet(checklistItem(el, 'password', 'matches'))).to.be.true;
      await paste(el, 'newLoginId', 'hanako01');
      await paste(el, 'newLoginIdConfirm', 'hanako02');
      expect(isMet(checklistItem(el, 'login-id', 'matches'))).to.be.false;
      await paste(el, 'newLoginIdConfirm', 'hanako01');
      expect(isMet(checklistItem(el, 'login-id', 'matches'))).to.be.true;
    });

    it("follows the backend's published policy, not a built-in one", async () => {
      const policy = {
        ...DEFAULT_CREDENTIAL_POLICY,
        loginId: { ...DEFAULT_CREDENTIAL_POLICY.loginId, minLength: 6, maxLength: 20 },
        password: { ...DEFAULT_CREDENTIAL_POLICY.password, minLength: 10, requireLetterAndDigit: false },
        allowedSymbols: '-_.',
      };
      backend().worker.use(http.get(`${BASE}/credentials/policy`, () => HttpResponse.json(policy)));
      const { el } = await mountSetup();
      await until(() => checklistItem(el, 'login-id', 'length').textContent!.includes('6 to 20'), 3_000, 'policy numbers');
      expect(checklistItem(el, 'password', 'length').textContent).to.contain('10 to 32 characters');
      expect(el.querySelector('[part~="password-checklist"] [data-rule="letterAndDigit"]'), 'no letters-and-digits rule').to.be.null;
      expect(el.querySelector('[part~="password-checklist"] [part~="symbols"]')!.textContent).to.equal('-_.');
      await paste(el, 'newPassword', 'abcdefghij');
      expect(isMet(checklistItem(el, 'password', 'length'))).to.be.true;
    });
  });

  describe('login ID availability', () => {
    it('says "already in use" next to the field once typing pauses, with one request for the whole word', async () => {
      const { el } = await mountSetup();
      await countingRequests(backend(), (url) => url.includes('/credentials/login-id-availability'), async (requests) => {
        await type(el, 'newLoginId', 'taro2024');
        const status = el.querySelector('[part~="availability"]')!;
        await until(() => status.getAttribute('data-state') === 'taken', 3_000, 'taken');
        expect(status.textContent).to.contain('already in use');
        expect(field(el, 'newLoginId').getAttribute('aria-describedby')!.split(' ')).to.include(status.id);
        // One for the whole word, not one per key (a loaded machine may once pause longer than the delay between two keys).
        expect(requests()).to.be.within(1, 2);
      });
    });

    it('counts "not in use by anyone else" as a line of the checklist: a taken ID does not meet every condition', async () => {
      const { el } = await mountSetup();
      const status = el.querySelector('[part~="login-id-checklist"] [role="status"]')!;
      await fill(el, { newLoginId: 'taro2024', newLoginIdConfirm: 'taro2024' });
      await until(() => el.querySelector('[part~="availability"]')!.getAttribute('data-state') === 'taken', 3_000, 'taken');
      await el.updateComplete;
      const line = checklistItem(el, 'login-id', 'available');
      expect(line.textContent).to.contain('Not in use by anyone else').and.contain('not met yet');
      expect(status.textContent!.trim()).to.equal('New login ID: 5 of 6 conditions met.');
      expect(await axeViolations(el)).to.deep.equal([]);
      await fill(el, { newLoginId: 'hanako-01', newLoginIdConfirm: 'hanako-01' });
      field(el, 'newLoginIdConfirm').focus();
      await until(() => isMet(checklistItem(el, 'login-id', 'available')), 3_000, 'free ID met');
      expect(status.textContent!.trim()).to.equal('New login ID: 6 of 6 conditions met.');
    });

    it('says "available" for a free ID, and asks at once when the customer leaves the field', async () => {
      const { el } = await mountSetup();
      await paste(el, 'newLoginId', 'hanako-01');
      field(el, 'newLoginId').focus();
      field(el, 'newLoginIdConfirm').focus();
      await el.updateComplete;
      const status = el.querySelector('[part~="availability"]')!;
      expect(status.getAttribute('data-state'), 'asked on blur, before the pause').to.equal('checking');
      await until(() => status.getAttribute('data-state') === 'available', 3_000, 'available');
      expect(status.textContent).to.contain('available');
    });

    it('does not ask about an ID that breaks the rules anyway', async () => {
      const { el, client } = await mountSetup();
      // A second form, given a good ID just after: once its own pause is over and its answer is in, the first
      // form's pause is over too (no fixed sleep that has to outlast the element's debounce).
      const { el: control } = await mountSetup(client);
      await countingRequests(backend(), (url) => url.includes('/credentials/login-id-availability'), async (requests) => {
        await paste(el, 'newLoginId', 'ab');
        field(el, 'newLoginId').focus();
        field(el, 'newLoginIdConfirm').focus();
        await paste(control, 'newLoginId', 'hanako-01');
        const controlStatus = control.querySelector('[part~="availability"]')!;
        await until(() => controlStatus.getAttribute('data-state') === 'available', 3_000, 'the second form asked after its pause');
        expect(el.querySelector('[part~="availability"]')!.getAttribute('data-state')).to.equal('none');
        expect(requests(), 'only the second form asked').to.equal(1);
      });
    });

    it('refuses a taken ID on update, next to the field', async () => {
      const { el } = await mountSetup();
      await fill(el, { newLoginId: 'taro2024', newLoginIdConfirm: 'taro2024' });
      submit(el);
      await until(() => errorOf(el, 'newLoginId'), 3_000, 'error on newLoginId');
      expect(errorOf(el, 'newLoginId')).to.match(/already in use/);
      expect(document.activeElement).to.equal(field(el, 'newLoginId'));
    });
  });

  describe('sending', () => {
    it('marks each problem next to its field before sending, and focuses the first', async () => {
      const { el } = await mountSetup();
      await countingRequests(backend(), (url) => url.endsWith('/credentials/setup'), async (requests) => {
        await paste(el, 'newLoginId', 'abc');
        await paste(el, 'newPassword', 'abc');
        await paste(el, 'newPasswordConfirm', 'abd');
        submit(el);
        await until(() => el.querySelector('[aria-invalid="true"]'), 2_000, 'field errors');
        await el.updateComplete;
        expect(errorOf(el, 'initialLoginId')).to.contain('postcard');
        expect(errorOf(el, 'initialPassword')).to.contain('postcard');
        expect(errorOf(el, 'newLoginId')).to.contain('5 to 31 characters');
        expect(errorOf(el, 'newLoginIdConfirm')).to.contain('again');
        expect(errorOf(el, 'newPassword')).to.contain('8 to 32 characters');
        expect(errorOf(el, 'newPasswordConfirm')).to.contain('does not match');
        expect(document.activeElement).to.equal(field(el, 'initialLoginId'));
        expect(requests(), 'nothing sent').to.equal(0);
      });
    });

    it('refuses an ID equal to the password on the password field', async () => {
      const { el } = await mountSetup();
      await fill(el, { newLoginId: 'hanako2026', newLoginIdConfirm: 'hanako2026', newPassword: 'hanako2026', newPasswordConfirm: 'hanako2026' });
      submit(el);
      await until(() => errorOf(el, 'newPassword'), 2_000, 'error on newPassword');
      expect(errorOf(el, 'newPassword')).to.match(/different from the login ID/);
      expect(errorOf(el, 'newLoginId')).to.equal('');
    });

    it('keeps everything but the passwords after a wrong postcard password, and says so on that field', async () => {
      const { el } = await mountSetup();
      await fill(el, { initialPassword: 'wrongPw1' });
      submit(el);
      await until(() => errorOf(el, 'initialPassword'), 3_000, 'error on initialPassword');
      await el.updateComplete;
      expect(errorOf(el, 'initialPassword')).to.match(/postcard/);
      expect(field(el, 'initialLoginId').value).to.equal(POSTCARD.initialLoginId);
      expect(field(el, 'newLoginId').value).to.equal(CHOSEN.newLoginId);
      expect(field(el, 'newLoginIdConfirm').value).to.equal(CHOSEN.newLoginId);
      for (const name of ['initialPassword', 'newPassword', 'newPasswordConfirm']) expect(field(el, name).value, name).to.equal('');
      await until(() => document.activeElement === field(el, 'initialPassword'), 1_000, 'focus on the initial password');
    });

    it('keeps the form on a 500 and the retry completes the change', async () => {
      const { el } = await mountSetup();
      failNextPost(backend(), '/credentials/setup');
      await fill(el);
      submit(el);
      await until(() => el.querySelector('[part~="retry-button"]'), 3_000, 'retry button');
      expect(el.querySelector('[part~="alert"]')!.textContent).to.contain('Nothing you typed was lost');
      expect(await axeViolations(el)).to.deep.equal([]);
      for (const [name, value] of Object.entries({ ...POSTCARD, newLoginId: CHOSEN.newLoginId, newPassword: CHOSEN.newPassword, newPasswordConfirm: CHOSEN.newPassword })) {
        expect(field(el, name).value, name).to.equal(value);
      }
      el.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
      await until(() => el.querySelector('[part~="now-button"]'), 3_000, 'completion after retry');
    });

    it('says plainly when the postcard credentials were already replaced', async () => {
      const { el } = await mountSetup(await loggedInClient(TARO.loginId, TARO.password));
      await fill(el);
      submit(el);
      await until(() => el.querySelector('[part~="alert"]'), 3_000, 'alert');
      expect(el.querySelector('[part~="alert"]')!.textContent).to.contain('already changed');
      expect(el.querySelector('[part~="retry-button"]')).to.be.null;
    });

    it('disables the button while sending and sends one request for a double submit', async () => {
      const { el } = await mountSetup();
      await fill(el);
      await expectOneRequestForDoubleSubmit(backend(), el, '/credentials/setup', 'now-button');
    });

    it('fires wb-credentials-changed with the new ID and no password, and shows the completion and the choice', async () => {
      const { el, client } = await mountSetup();
      const { events, stop } = recordEvents('wb-credentials-changed');
      try {
        await fill(el);
        submit(el);
        await until(() => events.length === 1, 3_000, 'wb-credentials-changed');
      } finally {
        stop();
      }
      const event = events[0]!;
      expect(event.change).to.equal('setup');
      expect(event.loginId).to.equal(CHOSEN.newLoginId);
      expect(event.bubbles && event.composed).to.be.true;
      expect(JSON.stringify({ ...event, change: event.change, loginId: event.loginId })).not.to.contain(CHOSEN.newPassword);
      expect(client.auth.current?.stage).to.equal('active');
      await el.updateComplete;
      expect(el.textContent).to.contain('Changing the initial login ID and login password is now completed');
      expect(el.textContent).to.contain('do not forget');
      expect(el.textContent).to.match(/postcard.*about a week/);
      expect(document.activeElement?.localName).to.equal('h2');
    });
  });

  describe('after the change', () => {
    async function completed(): Promise<WbCredentialSetup> {
      const { el } = await mountSetup();
      await fill(el);
      submit(el);
      await until(() => el.querySelector('[part~="now-button"]'), 3_000, 'completion');
      return el;
    }

    it('"later" fires the choice and shows a short done message', async () => {
      const el = await completed();
      const choices: boolean[] = [];
      el.addEventListener('wb-reissue-email-choice', (e) => choices.push(e.now));
      el.querySelector<HTMLButtonElement>('[part~="later-button"]')!.click();
      await el.updateComplete;
      expect(choices).to.deep.equal([false]);
      expect(el.textContent).to.contain('any time from the menu');
      expect(el.querySelector('wb-reissue-email')).to.be.null;
      const top = recordEvents('wb-top-requested');
      el.querySelector<HTMLButtonElement>('[part~="top-button"]')!.click();
      top.stop();
      expect(top.events.length, 'a way on to the top screen').to.equal(1);
      await until(() => el.querySelector('wb-top'), 2_000, '<wb-top> in place');
    });

    it('"now" lets the page route instead when it cancels the choice', async () => {
      const el = await completed();
      el.addEventListener('wb-reissue-email-choice', (e) => e.preventDefault());
      el.querySelector<HTMLButtonElement>('[part~="now-button"]')!.click();
      await el.updateComplete;
      expect(el.querySelector('wb-reissue-email')).to.be.null;
      expect(el.querySelector('[part~="now-button"]')).to.exist;
    });
  });

  it('journey: postcard login → first change → completion → "now" shows <wb-reissue-email>; the new credentials log in', async function () {
    this.timeout(30_000);
    const { client, form: setup } = await logInToChange(POSTCARD.initialLoginId, POSTCARD.initialPassword, 'wb-credential-setup');

    await type(setup, 'initialLoginId', POSTCARD.initialLoginId);
    await type(setup, 'initialPassword', POSTCARD.initialPassword);
    await type(setup, 'newLoginId', CHOSEN.newLoginId);
    await until(() => setup.querySelector('[part~="availability"]')!.getAttribute('data-state') === 'available', 3_000, 'available');
    await type(setup, 'newLoginIdConfirm', CHOSEN.newLoginId);
    await type(setup, 'newPassword', CHOSEN.newPassword);
    await type(setup, 'newPasswordConfirm', CHOSEN.newPassword);
    await setup.updateComplete;
    for (const item of setup.querySelectorAll<HTMLElement>('[part~="check"]')) expect(isMet(item), item.dataset.rule).to.be.true;
    await sendKeys({ press: 'Enter' });

    await until(() => setup.querySelector('[part~="now-button"]'), 3_000, 'completion');
    const choices: boolean[] = [];
    setup.addEventListener('wb-reissue-email-choice', (e) => choices.push(e.now));
    setup.querySelector<HTMLButtonElement>('[part~="now-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => setup.querySelector('wb-reissue-email'), 3_000, '<wb-reissue-email>');
    expect(choices).to.deep.equal([true]);
    expect(client.auth.current).to.include({ stage: 'active', loginId: CHOSEN.newLoginId });

    const fresh = testClient();
    const session = await fresh.auth.login({ loginId: CHOSEN.newLoginId, password: CHOSEN.newPassword });
    expect(session.stage).to.equal('active');
    let postcardRefused = false;
    await testClient()
      .auth.initialLogin(POSTCARD)
      .catch(() => (postcardRefused = true));
    expect(postcardRefused, 'the postcard credentials stop working').to.be.true;
  });

  for (const width of [360, 1280]) {
    it(`fits a ${width} px wide screen without horizontal scrolling, checklists and errors included`, async () => {
      await setViewport({ width, height: 800 });
      const { el } = await mountSetup();
      await paste(el, 'newLoginId', 'a'.repeat(31));
      submit(el);
      await until(() => el.querySelector('[aria-invalid="true"]'));
      expectFitsWidth(el, width, { alsoInside: '[part~="checklist"], [part~="symbols"]' });
    });
  }

  it('speaks Japanese inside lang="ja"', async () => {
    const { el: wrapper } = await mountCredentialForm<HTMLElement>(html`<div lang="ja"><wb-credential-setup></wb-credential-setup></div>`, await postcardClient());
    const el = wrapper.querySelector('wb-credential-setup')!;
    expect(el.querySelector('h2')!.textContent).to.contain('ログインID・パスワードの変更');
    expect(el.querySelector(`label[for="${field(el, 'newLoginId').id}"]`)!.textContent).to.contain('新しいログインID');
    expect(checklistItem(el, 'login-id', 'length').textContent).to.contain('5〜31文字');
    expect(checklistItem(el, 'password', 'charset').textContent).to.contain('半角英数字');
    submit(el);
    await until(() => el.querySelector('[aria-invalid="true"]'), 2_000, 'field errors');
    expect(errorOf(el, 'initialLoginId')).to.contain('はがき');
    expect(await axeViolations(el)).to.deep.equal([]);
  });
});
