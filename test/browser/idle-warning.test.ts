import { expect, fixture } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import '../../components/provider/define.js';
import type { IdleClient, WbIdleWarning, WbSessionExtendedEvent } from '../../components/provider/idle-warning.js';
import { SessionExpiredError, WebBillingError } from '../../src/index.js';
import { axeViolations } from './helpers/axe.js';
import { until } from '../support/backend.js';
import { deepActiveElement } from './helpers/focus.js';

type Listener = (session: unknown, reason: string) => void;

/** An IdleClient whose time left the test sets; it runs down with the real clock. */
class FakeClient implements IdleClient {
  #endsAt: number | undefined;
  readonly listeners = new Set<Listener>();
  sessionCalls = 0;
  logoutCalls = 0;
  /** What session() does (after counting the call). */
  onSession: () => Promise<unknown> = async () => ({});
  /** What logout() does (after counting the call). */
  onLogout: () => Promise<void> = async () => this.end('logout');

  readonly auth = {
    timeLeft: () => (this.#endsAt === undefined ? undefined : this.#endsAt - Date.now()),
    session: () => {
      this.sessionCalls++;
      return this.onSession();
    },
    logout: () => {
      this.logoutCalls++;
      return this.onLogout();
    },
    subscribe: (listener: Listener) => {
      this.listeners.add(listener);
      return () => void this.listeners.delete(listener);
    },
  };

  constructor(left?: number) {
    if (left !== undefined) this.#endsAt = Date.now() + left;
  }

  /** Sets the time left and tells the subscribers, as the SDK does after a call (`activity`). */
  setLeft(ms: number, reason = 'activity'): void {
    this.#endsAt = Date.now() + ms;
    this.notify(reason);
  }

  /** Tells the subscribers, the session still there. */
  notify(reason: string): void {
    for (const listener of this.listeners) listener({ stage: 'active' }, reason);
  }

  /** Ends the session as the SDK does: no time left, subscribers told. */
  end(reason: 'logout' | 'expired'): void {
    this.#endsAt = undefined;
    for (const listener of this.listeners) listener(undefined, reason);
  }
}

const $ = <T extends Element = HTMLElement>(el: WbIdleWarning, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const dialog = (el: WbIdleWarning) => $<HTMLDialogElement>(el, 'dialog')!;
const stayButton = (el: WbIdleWarning) => $<HTMLButtonElement>(el, '[part~="stay-button"]')!;
const logoutButton = (el: WbIdleWarning) => $<HTMLButtonElement>(el, '[part~="logout-button"]')!;
const liveRegion = (el: WbIdleWarning) => $(el, '[role="status"]')!;
const isOpen = (el: WbIdleWarning) => dialog(el).open;
const opened = (el: WbIdleWarning, timeout = 1_000) => until(() => isOpen(el), timeout, 'the dialog to open');
const closed = (el: WbIdleWarning, timeout = 1_000) => until(() => !isOpen(el), timeout, 'the dialog to close');
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Mounts a warning for `client` after a focusable button inside another shadow root (focus goes back to it); `lang` around both. */
async function mount(client: FakeClient, { lang = 'en', warnBefore }: { lang?: string; warnBefore?: string } = {}) {
  const wrapper = await fixture<HTMLElement>(html`
    <div lang=${lang}>
      <div id="page"></div>
      <wb-idle-warning .client=${client} warn-before=${warnBefore ?? '60'}></wb-idle-warning>
    </div>
  `);
  const page = wrapper.querySelector('#page')!;
  const button = page.attachShadow({ mode: 'open' }).appendChild(document.createElement('button'));
  button.textContent = 'Something on the page';
  const el = wrapper.querySelector('wb-idle-warning')!;
  await el.updateComplete;
  return { el, button, wrapper };
}

/** Mounts a warning whose client has `left` ms left (59 s unless told): the dialog is open. */
async function mountOpen(left = 59_000, options: Parameters<typeof mount>[1] = {}) {
  const client = new FakeClient(left);
  const mounted = await mount(client, options);
  await opened(mounted.el);
  return { client, ...mounted };
}

describe('<wb-idle-warning>', () => {
  const defaultTick = (customElements.get('wb-idle-warning') as typeof WbIdleWarning).tickInterval;
  afterEach(() => {
    (customElements.get('wb-idle-warning') as typeof WbIdleWarning).tickInterval = defaultTick;
  });

  it('stays closed above the threshold and opens as a modal alert dialog once an activity leaves less than 60 s', async () => {
    const client = new FakeClient(61_000);
    const { el } = await mount(client);
    await frame();
    expect(isOpen(el)).to.be.false;

    client.setLeft(59_000);
    await opened(el);
    const d = dialog(el);
    expect(d.matches(':modal'), 'opened with showModal()').to.be.true;
    expect(d.getAttribute('role')).to.equal('alertdialog');
    expect(el.shadowRoot!.getElementById(d.getAttribute('aria-labelledby')!)!.textContent).to.equal('Are you still there?');
    expect(el.shadowRoot!.getElementById(d.getAttribute('aria-describedby')!)!.textContent).to.equal(
      'For your security, your session will end in 0:59 without activity.',
    );
  });

  it('opens by its own timer when the time left reaches the threshold, without a notification', async () => {
    const client = new FakeClient(60_400);
    const { el } = await mount(client);
    expect(isOpen(el)).to.be.false;
    await opened(el, 1_500);
  });

  it('counts down each second from timeLeft(), not from ticks', async () => {
    const client = new FakeClient(58_100);
    const { el } = await mount(client);
    await opened(el);
    const countdown = () => $(el, '[part~="countdown"]')!.textContent;
    expect(countdown()).to.equal('0:59');
    await until(() => countdown() === '0:58', 1_500, '0:58');
    client.setLeft(5_000, 'refresh'); // e.g. the page was asleep: the next check reads the clock again
    await until(() => countdown() === '0:05', 500, '0:05');
  });

  it('never warns later than 60 s before the end: warn-before is clamped, and may be longer', async () => {
    const short = await mount(new FakeClient(59_000), { warnBefore: '10' });
    expect(short.el.warnBefore).to.equal(60);
    await opened(short.el);

    const client = new FakeClient(121_000);
    const long = await mount(client, { warnBefore: '120' });
    await frame();
    expect(isOpen(long.el)).to.be.false;
    client.setLeft(119_000);
    await opened(long.el);
    expect($(long.el, '[part~="countdown"]')!.textContent).to.equal('1:59');
  });

  it('focuses "Stay logged in"; Stay asks for the session, closes, fires wb-session-extended and gives focus back', async () => {
    const client = new FakeClient(61_000);
    const { el, button } = await mount(client);
    button.focus();
    const events: WbSessionExtendedEvent[] = [];
    document.addEventListener('wb-session-extended', (e) => events.push(e), { once: true });

    client.setLeft(59_000);
    await opened(el);
    expect(deepActiveElement() === stayButton(el), 'focus on Stay').to.be.true;
    expect(stayButton(el).textContent!.trim()).to.equal('Stay logged in');

    client.onSession = async () => client.setLeft(30 * 60_000, 'refresh');
    stayButton(el).click();
    await closed(el);
    expect(client.sessionCalls).to.equal(1);
    expect(events).to.have.length(1);
    expect(events[0]!.bubbles && events[0]!.composed).to.be.true;
    await el.updateComplete;
    expect(deepActiveElement() === button, 'focus back on the button').to.be.true;
  });

  it('shows the call running: both buttons disabled, Stay busy, a second press ignored', async () => {
    const { client, el } = await mountOpen();
    let answer!: () => void;
    client.onSession = () => new Promise((resolve) => (answer = () => resolve({})));
    stayButton(el).click();
    await el.updateComplete;
    expect(stayButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(logoutButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(stayButton(el).textContent!.trim()).to.equal('Staying logged in…');
    stayButton(el).click();
    logoutButton(el).click();
    expect(client.sessionCalls).to.equal(1);
    expect(client.logoutCalls).to.equal(0);
    answer();
    await closed(el);
  });

  it('Escape stays logged in through the same call', async () => {
    const { client, el } = await mountOpen();
    client.onSession = async () => client.setLeft(30 * 60_000, 'refresh');
    await sendKeys({ press: 'Escape' });
    await closed(el);
    expect(client.sessionCalls).to.equal(1);
  });

  it('"Log out" ends the session and closes', async () => {
    const { client, el } = await mountOpen();
    logoutButton(el).click();
    await closed(el);
    expect(client.logoutCalls).to.equal(1);
    expect(client.sessionCalls).to.equal(0);
  });

  for (const reason of ['logout', 'expired'] as const) {
    it(`closes when the SDK reports '${reason}' (elsewhere on the page)`, async () => {
      const { client, el } = await mountOpen();
      client.end(reason);
      await closed(el);
      expect(client.sessionCalls + client.logoutCalls).to.equal(0);
    });
  }

  it('closes when an activity elsewhere extends the session', async () => {
    const { client, el } = await mountOpen();
    client.setLeft(30 * 60_000);
    await closed(el);
  });

  it('when the time runs out, asks for the session once (the SDK then reports the expiry) and closes', async () => {
    (customElements.get('wb-idle-warning') as typeof WbIdleWarning).tickInterval = 50;
    const client = new FakeClient(61_000);
    let answer!: () => void;
    client.onSession = () => new Promise((_resolve, reject) => (answer = () => reject(new SessionExpiredError())));
    const { el, button } = await mount(client);
    button.focus();
    client.setLeft(900);
    await opened(el);
    await closed(el, 2_000);
    expect(client.sessionCalls).to.equal(1);
    client.notify('activity'); // another call while the answer is awaited: still no time left
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(client.sessionCalls, 'asked once only').to.equal(1);
    answer();
    expect(deepActiveElement() === button, 'focus back on the button').to.be.true;
  });

  it('keeps the dialog open with a message when the service cannot be reached, and lets the customer try again', async () => {
    const { client, el } = await mountOpen();
    client.onSession = () => Promise.reject(new WebBillingError('network'));
    stayButton(el).click();
    await until(() => $(el, '[part~="error"]'), 1_000, 'the error');
    expect(isOpen(el)).to.be.true;
    expect($(el, '[part~="error"]')!.getAttribute('role')).to.equal('alert');
    expect($(el, '[part~="error"]')!.textContent).to.contain('could not be reached');
    expect(stayButton(el).getAttribute('aria-disabled')).to.equal('false');

    client.onSession = async () => client.setLeft(30 * 60_000, 'refresh');
    stayButton(el).click();
    await closed(el);
    expect(client.sessionCalls).to.equal(2);
  });

  it('closes when Stay finds the session already ended', async () => {
    const { client, el } = await mountOpen();
    client.onSession = () => Promise.reject(new SessionExpiredError());
    stayButton(el).click();
    await closed(el);
    expect($(el, '[part~="error"]')).to.be.null;
  });

  it('announces the time left in words through a status region, not through the countdown', async () => {
    const { el } = await mountOpen(58_500);
    await until(() => liveRegion(el).textContent!.trim() !== '', 1_000, 'the announcement');
    expect(liveRegion(el).textContent!.trim()).to.equal('59 seconds left');
    expect(liveRegion(el).getAttribute('aria-atomic')).to.equal('true');
    const text = $(el, '[part~="text"]')!;
    expect(text.closest('[aria-live], [role="status"], [role="alert"]')).to.be.null;
    expect(liveRegion(el).contains(text)).to.be.false;
  });

  it('speaks Japanese under lang="ja"', async () => {
    const { el } = await mountOpen(58_500, { lang: 'ja' });
    await until(() => liveRegion(el).textContent!.trim() !== '', 1_000, 'the announcement');
    expect(liveRegion(el).textContent!.trim()).to.equal('残り59秒');
    expect($(el, '[part~="heading"]')!.textContent).to.equal('ご利用を続けますか？');
    expect(stayButton(el).textContent!.trim()).to.equal('ログインを続ける');
    expect(logoutButton(el).textContent!.trim()).to.equal('ログアウト');
    expect($(el, '[part~="text"]')!.textContent).to.contain('0:59');
  });

  it('has no axe violations with the dialog open, at 360 px wide, and fits', async () => {
    await setViewport({ width: 360, height: 640 });
    try {
      const { client, el, wrapper } = await mountOpen();
      client.onSession = () => Promise.reject(new WebBillingError('network'));
      stayButton(el).click();
      await until(() => $(el, '[part~="error"]'), 1_000, 'the error');
      expect(await axeViolations(wrapper)).to.deep.equal([]);
      const box = dialog(el).getBoundingClientRect();
      expect(box.left).to.be.at.least(0);
      expect(box.right).to.be.at.most(360);
      expect(dialog(el).scrollWidth).to.be.at.most(dialog(el).clientWidth);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('stops listening when removed', async () => {
    const client = new FakeClient(61_000);
    const { el } = await mount(client);
    expect(client.listeners.size).to.equal(1);
    el.remove();
    expect(client.listeners.size).to.equal(0);
  });
});
