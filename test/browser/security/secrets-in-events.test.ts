/**
 * No secret in an event or an error shown (issue 6, "Secrets in errors" and
 * "Session"): two journeys through the elements, as a customer would go:
 * postcard login → first credential change → reissue-email registration →
 * confirmation from the mailed link; then forgot password → reissue →
 * temporary password → forced change. Every `wb-*` event dispatched anywhere
 * (its own enumerable properties and `detail`, as JSON) and every error or
 * alert text the DOM shows is recorded, and none may contain a password, a
 * secret answer, a bearer token (read from the requests the backend saw) or a
 * link token.
 */
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import '../../../components/index.js';
import { mountInProvider, testClient, until, useBackend } from '../../support/backend.js';
import { choose, field, press, type } from '../helpers/forms.js';

const backend = useBackend();

const POSTCARD = { loginId: 'HK7Q2MX', password: 't8Rw3nPa' };
const CHOSEN = { loginId: 'hanako-01', password: 'Hanako#2026' };
const EMAIL = 'hanako@example.jp';
const QUESTION = 'favorite-food';
const ANSWER = 'Onigiri';
const WRONG = { answer: 'Takoyaki', password: 'NotMine#2026' };
const NEW_PASSWORD = 'Kyoto2027new';

interface Recorded {
  events: string[];
  shown: Set<string>;
  bearers: Set<string>;
  stop(): void;
}

/** Records every wb-* event, every alert or field error shown, and every bearer token sent. */
function record(): Recorded {
  const events: string[] = [];
  const shown = new Set<string>();
  const bearers = new Set<string>();
  const dispatch = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event): boolean {
    if (event.type.startsWith('wb-')) {
      const own = Object.fromEntries(Object.entries(event));
      events.push(JSON.stringify({ type: event.type, ...own, detail: (event as CustomEvent).detail }));
    }
    return dispatch.call(this, event);
  };
  const collect = (): void => {
    for (const node of document.querySelectorAll('[role="alert"], [id$="-error"], .wb-alert, [aria-invalid="true"]')) {
      const text = node.textContent?.trim();
      if (text) shown.add(text);
    }
  };
  const observer = new MutationObserver(collect);
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  const onRequest = ({ request }: { request: Request }): void => {
    const auth = request.headers.get('authorization');
    if (auth?.startsWith('Bearer ')) bearers.add(auth.slice('Bearer '.length));
  };
  backend().worker.events.on('request:start', onRequest);
  return {
    events,
    shown,
    bearers,
    stop() {
      collect();
      observer.disconnect();
      EventTarget.prototype.dispatchEvent = dispatch;
      backend().worker.events.removeListener('request:start', onRequest);
    },
  };
}

const text = (el: Element): string => el.textContent!.replace(/\s+/g, ' ');
const seen = (r: Recorded, type: string) => r.events.some((e) => e.startsWith(`{"type":"${type}"`));

function expectNoSecret(r: Recorded, secrets: string[]): void {
  expect(secrets.every((s) => s.length >= 5), 'secrets long enough to find').to.equal(true);
  for (const secret of secrets) {
    for (const event of r.events) expect(event, 'an event').not.to.contain(secret);
    for (const message of r.shown) expect(message, 'a message shown').not.to.contain(secret);
  }
}

describe('no secret in events or shown errors, across journeys', function () {
  this.timeout(30_000);

  it('postcard login → setup → reissue email register → confirm from the link', async () => {
    const r = record();
    const linkTokens: string[] = [];
    try {
      const { el: login } = await mountInProvider<HTMLElement>(html`<wb-login></wb-login>`);
      await type(login, 'loginId', POSTCARD.loginId);
      await type(login, 'password', POSTCARD.password);
      await press(login, 'submit-button');
      await press(login, 'ok-button');
      const setup = await (async () => {
        await until(() => login.querySelector('wb-credential-setup input[name="newLoginId"]'), 3_000, 'setup form');
        return login.querySelector('wb-credential-setup')!;
      })();
      if (setup.querySelector('input[name="initialLoginId"]')) {
        await type(setup, 'initialLoginId', POSTCARD.loginId);
        await type(setup, 'initialPassword', POSTCARD.password);
      }
      await type(setup, 'newLoginId', CHOSEN.loginId);
      await type(setup, 'newLoginIdConfirm', CHOSEN.loginId);
      await type(setup, 'newPassword', CHOSEN.password);
      await type(setup, 'newPasswordConfirm', CHOSEN.password);
      await press(setup, 'submit-button');
      await until(() => seen(r, 'wb-credentials-changed'), 3_000, 'wb-credentials-changed');

      await press(setup, 'now-button');
      const register = await (async () => {
        await until(() => document.querySelector('wb-reissue-email [name="email"]'), 3_000, 'reissue-email form');
        return document.querySelector('wb-reissue-email')!;
      })();
      await type(register, 'email', EMAIL);
      await type(register, 'emailConfirm', EMAIL);
      choose(register, 'questionId', QUESTION);
      await type(register, 'answer', ANSWER);
      await press(register, 'submit-button');
      await until(() => register.querySelector('[part~="review"]'), 3_000, 'confirm step');
      await press(register, 'submit-button');
      await until(() => seen(r, 'wb-email-registered'), 3_000, 'wb-email-registered (pending)');

      const link = backend().outbox.latest({ kind: 'reissue-email-confirm' })!.link!;
      const token = new URL(link).searchParams.get('token')!;
      linkTokens.push(token);
      const { el: confirm } = await mountInProvider<HTMLElement>(html`<wb-reissue-email token=${token}></wb-reissue-email>`, testClient());
      await until(() => confirm.querySelector('[name="answer"]'), 3_000, 'confirm form');
      choose(confirm, 'questionId', QUESTION);
      await type(confirm, 'answer', WRONG.answer);
      await press(confirm, 'submit-button');
      await until(() => field(confirm, 'answer').getAttribute('aria-invalid') === 'true', 3_000, 'wrong answer said');
      await type(confirm, 'answer', ANSWER);
      await press(confirm, 'submit-button');
      await until(() => r.events.filter((e) => e.startsWith('{"type":"wb-email-registered"')).length === 2, 3_000, 'wb-email-registered (registered)');
    } finally {
      r.stop();
    }
    expect(r.bearers.size, 'bearer tokens seen').to.be.greaterThan(0);
    expect(r.shown.size, 'messages shown').to.be.greaterThan(0);
    expect(r.events.length).to.be.greaterThan(3);
    expectNoSecret(r, [POSTCARD.password, CHOSEN.password, ANSWER, WRONG.answer, ...r.bearers, ...linkTokens]);
  });

  it('forgot password → reissue → temporary password → forced change', async () => {
    const r = record();
    let temporary: string;
    try {
      const { el: login } = await mountInProvider<HTMLElement>(html`<wb-login></wb-login>`);
      // A wrong password first: its error is scanned too.
      await type(login, 'loginId', 'taro2024');
      await type(login, 'password', WRONG.password);
      await press(login, 'submit-button');
      await until(() => login.querySelector('[role="alert"], [aria-invalid="true"]'), 3_000, 'wrong password said');

      await press(login, 'forgot-link');
      const reissue = login.querySelector('wb-password-reissue')!;
      await until(() => reissue.querySelector('[name="questionId"]'), 3_000, 'reissue form');
      await type(reissue, 'loginId', 'locked01');
      await type(reissue, 'email', 'locked@example.jp');
      choose(reissue, 'questionId', backend().store.accounts.get('locked01')!.reissueEmail!.questionId);
      await type(reissue, 'answer', 'Tokyo-Tower');
      await press(reissue, 'submit-button');
      await until(() => backend().outbox.list().length > 0 || text(reissue).includes('mailed'), 3_000, 'reissue answered');
      // The right answer now.
      await press(reissue, 'login-button').catch(() => undefined);
      await until(() => login.querySelector('[part~="forgot-link"]'), 3_000, 'login form');
      await press(login, 'forgot-link');
      await until(() => login.querySelector('wb-password-reissue [name="questionId"]'), 3_000, 'reissue form again');
      const again = login.querySelector('wb-password-reissue')!;
      await type(again, 'loginId', 'locked01');
      await type(again, 'email', 'locked@example.jp');
      choose(again, 'questionId', backend().store.accounts.get('locked01')!.reissueEmail!.questionId);
      await type(again, 'answer', 'Tokyo');
      await press(again, 'submit-button');
      await until(() => backend().outbox.latest({ kind: 'password-reissued' }), 3_000, 'temporary password mailed');
      temporary = backend().outbox.latest({ kind: 'password-reissued' })!.temporaryPassword!;

      await press(again, 'login-button');
      await until(() => login.querySelector('input[autocomplete="current-password"]'), 3_000, 'login form');
      await type(login, 'loginId', 'locked01');
      await type(login, 'password', temporary);
      await press(login, 'submit-button');
      await press(login, 'ok-button');
      const change = await (async () => {
        await until(() => login.querySelector('wb-password-change input[name="currentPassword"]'), 3_000, 'forced change');
        return login.querySelector('wb-password-change')!;
      })();
      // A wrong current password first.
      await type(change, 'currentPassword', WRONG.password);
      await type(change, 'newPassword', NEW_PASSWORD);
      await type(change, 'newPasswordConfirm', NEW_PASSWORD);
      await press(change, 'submit-button');
      await until(() => field(change, 'currentPassword').getAttribute('aria-invalid') === 'true', 3_000, 'wrong current password said');
      await type(change, 'currentPassword', temporary);
      await type(change, 'newPassword', NEW_PASSWORD);
      await type(change, 'newPasswordConfirm', NEW_PASSWORD);
      await press(change, 'submit-button');
      await until(() => change.querySelector('[part~="completion"]'), 3_000, 'password changed').catch((e: Error) => {
        throw new Error(`${e.message}: ${text(change)} / ${[...change.querySelectorAll('input')].map((i) => `${i.name}=${i.value}`).join(' ')}`);
      });
    } finally {
      r.stop();
    }
    expect(temporary.length).to.be.greaterThan(7);
    expect(r.bearers.size, 'bearer tokens seen').to.be.greaterThan(0);
    expect(r.shown.size, 'messages shown').to.be.greaterThan(1);
    expectNoSecret(r, [WRONG.password, 'Tokyo-Tower', 'Tokyo', temporary, NEW_PASSWORD, ...r.bearers]);
  });
});
