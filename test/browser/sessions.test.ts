/**
 * Sessions that survive the page (issue 12), in the browser against the
 * reference backend in the service worker: `<wb-provider>` finds a `tab`
 * session again on a new page before its content shows; a screen without a
 * session says so once, with the login in place, and shows the same screen
 * and month after it; a logout in another tab ends this one with words
 * that say so.
 */
import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import '../../components/billing-list/define.js';
import '../../components/breakdown/define.js';
import '../../components/line-picker/define.js';
import '../../components/login/define.js';
import '../../components/top/define.js';
import type { WbProvider } from '../../components/provider/provider.js';
import { createClient, type SessionEndReason } from '../../src/index.js';
import { axeViolations } from './helpers/axe.js';
import { BASE, until, useBackend } from '../support/backend.js';
import { TARO } from './helpers/credentials.js';
import { field } from './helpers/forms.js';

const backend = useBackend();

afterEach(() => sessionStorage.clear());

const defaultSlot = (provider: Element) => provider.shadowRoot!.querySelector('slot:not([name])')!;
const parts = (root: Element, part: string) => [...root.querySelectorAll('*')].flatMap((el) => [...(el.shadowRoot?.querySelectorAll(`[part~="${part}"]`) ?? [])]);

describe('<wb-provider> in tab mode', () => {
  it('finds the session again on a new page before its content shows: no flash of the login', async () => {
    await createClient({ baseUrl: BASE, session: 'tab' }).auth.login(TARO);

    // A new page: a new provider, a new client, the same tab.
    const restored: unknown[] = [];
    const provider = await fixture<WbProvider>(html`<wb-provider base-url=${BASE} session-mode="tab" @wb-session-restored=${(e: Event) => restored.push(e)}>
      <wb-top></wb-top>
    </wb-provider>`);
    const top = provider.querySelector('wb-top')!;
    expect(defaultSlot(provider).hasAttribute('hidden'), 'the content waits while the session is looked for').to.equal(true);
    const seen: string[] = [];
    const observer = new MutationObserver(() => parts(provider, 'session-needed').length && seen.push('session-needed'));
    observer.observe(top.shadowRoot!, { subtree: true, childList: true });
    await until(() => !defaultSlot(provider).hasAttribute('hidden'), 3_000, 'the content shown');
    expect(restored.length).to.equal(1);
    await until(() => top.shadowRoot!.querySelector('[part~="registered-number"]'), 3_000, 'the account');
    observer.disconnect();
    expect(seen, 'never a login notice on the way').to.deep.equal([]);
  });

  it('with no session kept, shows the content at once asking to log in', async () => {
    const provider = await fixture<WbProvider>(html`<wb-provider base-url=${BASE} session-mode="tab"><wb-top></wb-top></wb-provider>`);
    const top = provider.querySelector('wb-top')!;
    await until(() => top.shadowRoot!.querySelector('[part~="session-needed"]'), 3_000, 'the login notice');
    expect(defaultSlot(provider).hasAttribute('hidden')).to.equal(false);
  });

  it('in auto mode reads the backend policy (memory here), and hides nothing for long', async () => {
    const provider = await fixture<WbProvider>(html`<wb-provider base-url=${BASE}><wb-top></wb-top></wb-provider>`);
    await until(() => provider.client?.auth.mode === 'memory', 3_000, 'the mode from the policy');
    await until(() => !defaultSlot(provider).hasAttribute('hidden'), 3_000, 'the content shown');
  });
});

describe('a screen without a session', () => {
  it('says so once (not once per element), offers the login in place, and then shows the same month', async () => {
    const client = createClient({ baseUrl: BASE, retry: 0 });
    const provider = await fixture<WbProvider>(html`<wb-provider .client=${client}>
      <wb-line-picker></wb-line-picker>
      <wb-breakdown month="2026-10"></wb-breakdown>
    </wb-provider>`);
    await until(() => parts(provider, 'session-needed').length > 0, 3_000, 'the notice');
    await new Promise((r) => setTimeout(r, 100));
    const notices = parts(provider, 'session-needed');
    expect(notices.length, 'one notice for the screen').to.equal(1);
    expect(notices[0]!.getAttribute('role')).to.equal('alert');
    expect(notices[0]!.textContent).to.contain('Please log in to see this.');
    expect(await axeViolations(provider.querySelector('wb-line-picker')!)).to.deep.equal([]);

    const login = notices[0]!.querySelector('wb-login')!;
    expect(login, 'the login in place').to.exist;
    field(login, 'loginId').value = TARO.loginId;
    field(login, 'loginId').dispatchEvent(new Event('input', { bubbles: true }));
    field(login, 'password').value = TARO.password;
    field(login, 'password').dispatchEvent(new Event('input', { bubbles: true }));
    login.querySelector('form')!.requestSubmit();

    const breakdown = provider.querySelector('wb-breakdown')!;
    await until(() => breakdown.shadowRoot!.textContent!.includes('2026'), 5_000, 'the breakdown of the month');
    await until(() => parts(provider, 'session-needed').length === 0, 3_000, `the notice gone (still in ${parts(provider, 'session-needed').map((p) => (p.getRootNode() as ShadowRoot).host.localName)})`);
    expect(breakdown.getAttribute('month')).to.equal('2026-10');
  });

  it('after an expiry says that the session has ended', async () => {
    const client = createClient({ baseUrl: BASE, retry: 0 });
    await client.auth.login(TARO);
    const provider = await fixture<WbProvider>(html`<wb-provider .client=${client}><wb-top></wb-top></wb-provider>`);
    const top = provider.querySelector('wb-top')!;
    await until(() => top.shadowRoot!.querySelector('[part~="registered-number"]'), 3_000, 'the account');
    backend().clock.advance(31 * 60_000);
    provider.append(Object.assign(document.createElement('wb-breakdown'), { month: '2026-10' }));
    await until(() => parts(provider, 'session-needed').length === 1, 3_000, 'the notice');
    expect(parts(provider, 'session-needed')[0]!.textContent).to.contain('Your session has ended. Please log in again to see this.');
  });
});

describe('another tab', () => {
  it('a logout there ends the session here: wb-logged-out says where, and the login says why', async () => {
    const here = createClient({ baseUrl: BASE, session: 'tab', retry: 0 });
    await here.auth.login(TARO);
    const reasons: SessionEndReason[] = [];
    const provider = await fixture<WbProvider>(html`<wb-provider .client=${here} @wb-logged-out=${(e: { reason: SessionEndReason }) => reasons.push(e.reason)}>
      <wb-login></wb-login>
    </wb-provider>`);
    // The other tab: its own client (and, in a real browser, its own page) on the same site.
    const there = createClient({ baseUrl: BASE, session: 'tab', retry: 0 });
    await there.auth.restore();
    await there.auth.logout();
    await until(() => reasons.length > 0, 3_000, 'wb-logged-out');
    expect(reasons).to.deep.equal(['logout-elsewhere']);
    expect(here.auth.current).to.equal(undefined);
    const login = provider.querySelector('wb-login')!;
    await until(() => login.querySelector('[part~="session-ended"]'), 3_000, 'the reason above the login');
    expect(login.querySelector('[part~="session-ended"]')!.textContent).to.contain('You logged out in another tab or window.');
  });
});

describe('data of an ended session', () => {
  it('leaves the screen when the session ends in another tab, and comes back after the next login', async () => {
    const here = createClient({ baseUrl: BASE, session: 'tab', retry: 0 });
    await here.auth.login(TARO);
    const provider = await fixture<WbProvider>(html`<wb-provider .client=${here}><wb-billing-list></wb-billing-list></wb-provider>`);
    const list = provider.querySelector('wb-billing-list')!;
    const rows = () => list.shadowRoot!.querySelectorAll('tbody tr').length;
    await until(() => rows() > 0, 3_000, 'the billing months');
    const there = createClient({ baseUrl: BASE, session: 'tab', retry: 0 });
    await there.auth.restore();
    await there.auth.logout();
    await until(() => rows() === 0, 3_000, 'the months gone');
    expect(list.shadowRoot!.querySelector('[part~="session-needed"]')!.textContent).to.contain('Your session has ended.');
    await here.auth.login(TARO);
    await until(() => rows() > 0, 3_000, 'the months again');
  });
});

describe('the idle warning of <wb-provider>', () => {
  it('appears when the backend clock nears the idle end, "Stay logged in" extends the session, "Log out" ends it', async () => {
    const client = createClient({ baseUrl: BASE, retry: 0 });
    await client.auth.login(TARO);
    const provider = await fixture<WbProvider>(html`<wb-provider .client=${client}><wb-top></wb-top></wb-provider>`);
    const warning = () => provider.shadowRoot!.querySelector('wb-idle-warning')!;
    const dialog = () => warning().shadowRoot!.querySelector('dialog')!;
    const button = (part: string) => warning().shadowRoot!.querySelector<HTMLButtonElement>(`[part~="${part}"]`)!;
    await until(() => warning(), 3_000, 'the warning element');
    // The top screen's own loads answered first (each extends the session).
    await until(() => provider.querySelector('wb-top')!.shadowRoot!.querySelector('[part~="amount"]'), 3_000, 'the top screen');
    expect(dialog().open).to.equal(false);

    // 40 s before the idle end by the backend's clock; any answer tells the page the service's time.
    backend().clock.advance(29 * 60_000 + 20_000);
    await client.reissueEmail.questions();
    await until(() => dialog().open, 3_000, 'the warning open');
    expect(dialog().getAttribute('role')).to.equal('alertdialog');
    expect(dialog().textContent).to.match(/0:[34]\d/);
    expect(await axeViolations(warning())).to.deep.equal([]);

    button('stay-button').click();
    await until(() => !dialog().open, 3_000, 'the warning closed');
    expect(client.auth.timeLeft()!).to.be.greaterThan(29 * 60_000);

    backend().clock.advance(29 * 60_000 + 20_000);
    await client.reissueEmail.questions();
    await until(() => dialog().open, 3_000, 'the warning open again');
    button('logout-button').click();
    await until(() => client.auth.current === undefined, 3_000, 'logged out');
    await until(() => !warning(), 3_000, 'no warning without a session');
  });
});
