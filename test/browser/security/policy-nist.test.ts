/**
 * The elements under a NIST SP 800-63B-style policy (issue 6, "Policy"): the
 * browser backend publishes NIST_STYLE_POLICY (no composition rule, 15–64
 * characters, any Unicode); <wb-credential-setup> lists only the rules that
 * policy has, accepts a password with emoji and full-width characters, and
 * <wb-login> logs in with it. No element knows about the policy.
 */
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import '../../../components/credential-setup/define.js';
import '../../../components/login/define.js';
import { NIST_STYLE_POLICY } from '../../../mocks/browser.js';
import { mountInProvider, testClient, until, useBackend } from '../../support/backend.js';
import { press, recordEvents, type } from '../helpers/forms.js';

const backend = useBackend({ policy: NIST_STYLE_POLICY });

const POSTCARD = { initialLoginId: 'HK7Q2MX', initialPassword: 't8Rw3nPa' };
const NEW_ID = 'hanako-01';
/** 21 characters: full-width letters and digits, emoji, kana and a space; no ASCII digit, no symbol from a list. */
const PASSWORD = 'ＳＡＫＵＲＡ２０２６🌸 はるのそら🍡🗻';

const rules = (el: Element, kind: string) => [...el.querySelectorAll(`[part~="${kind}-checklist"] [data-rule]`)].map((li) => li.getAttribute('data-rule'));

describe('a NIST SP 800-63B-style policy, in the elements', function () {
  this.timeout(20_000);

  it('first change in <wb-credential-setup> lists only the policy\'s rules, takes an emoji and full-width password; <wb-login> logs in with it', async () => {
    expect([...PASSWORD].length).to.be.within(15, 64);
    expect(backend().policy.password.minLength).to.equal(15);
    const client = testClient();
    await client.auth.initialLogin(POSTCARD);
    const { el } = await mountInProvider<HTMLElement>(html`<wb-credential-setup></wb-credential-setup>`, client);
    // Until the published policy arrives the checklist shows the documented default's rules.
    await until(() => el.querySelector('[part~="password-checklist"] [data-rule]') && !rules(el, 'password').includes('letterAndDigit'), 3_000, "the published policy's checklist");

    expect(rules(el, 'password')).to.deep.equal(['length', 'charset', 'differs', 'matches']);
    expect(rules(el, 'login-id')).not.to.include('letterAndDigit');
    expect(el.querySelector('[part~="symbols"]'), 'no symbol list for a unicode charset').to.equal(null);
    const checklist = el.querySelector('[part~="password-checklist"]')!.textContent!.replace(/\s+/g, ' ');
    expect(checklist).to.contain('15').and.contain('64').and.not.contain('letters and digits');

    for (const [name, value] of Object.entries(POSTCARD)) if (el.querySelector(`input[name="${name}"]`)) await type(el, name, value);
    await type(el, 'newLoginId', NEW_ID);
    await type(el, 'newLoginIdConfirm', NEW_ID);
    await type(el, 'newPassword', PASSWORD);
    await type(el, 'newPasswordConfirm', PASSWORD);
    expect(el.querySelector<HTMLInputElement>('input[name="newPassword"]')!.value, 'typed as is').to.equal(PASSWORD);
    await until(() => el.querySelectorAll('[part~="password-checklist"] [data-rule]:not([data-ok])').length === 0, 3_000, 'every password rule met');

    const changed = recordEvents('wb-credentials-changed');
    try {
      await press(el, 'submit-button');
      await until(() => changed.events.length === 1, 3_000, 'wb-credentials-changed');
    } finally {
      changed.stop();
    }

    const { el: login } = await mountInProvider<HTMLElement>(html`<wb-login></wb-login>`);
    const loggedIn = recordEvents('wb-logged-in');
    try {
      await type(login, 'loginId', NEW_ID);
      await type(login, 'password', PASSWORD);
      await press(login, 'submit-button');
      await until(() => loggedIn.events.length === 1, 3_000, 'wb-logged-in');
    } finally {
      loggedIn.stop();
    }
  });
});
