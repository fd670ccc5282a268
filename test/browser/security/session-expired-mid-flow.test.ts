/**
 * A session that ends mid-flow (issue 6, "Session"): the customer fills a
 * form, the backend ends the session (31 idle minutes on its clock), and the
 * submit answers 401 `session_expired`. The element says so, keeps every
 * value typed, and the provider fires `wb-logged-out` with reason `expired`
 * exactly once (the client's `onSessionExpired`).
 */
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import '../../../components/password-change/define.js';
import '../../../components/reissue-email/define.js';
import { mountInProvider, until, useBackend } from '../../support/backend.js';
import { choose, field, loggedInClient, press, recordEvents, type } from '../helpers/forms.js';

const backend = useBackend();

const IDLE_PAST_SESSION = 31 * 60_000;
const SESSION_ENDED = 'Your session has ended. Please log in again; what you typed is kept.';
const text = (el: Element): string => el.textContent!.replace(/\s+/g, ' ');

describe('a session that ends mid-flow, in the elements', () => {
  it('<wb-reissue-email>: the register form keeps what was typed and says the session ended; wb-logged-out fires once', async () => {
    const client = await loggedInClient('corp-admin1', 'Corp2026pass');
    await client.reissueEmail.delete();
    const { el } = await mountInProvider<HTMLElement>(html`<wb-reissue-email></wb-reissue-email>`, client);
    await until(() => el.querySelector('[name="email"]'), 3_000, 'register form');
    await type(el, 'email', 'keiri@corp.example');
    await type(el, 'emailConfirm', 'keiri@corp.example');
    choose(el, 'questionId', 'favorite-food');
    await type(el, 'answer', 'Onigiri');
    await press(el, 'submit-button');
    await until(() => el.querySelector('[part~="review"]'), 3_000, 'confirm step');

    const loggedOut = recordEvents('wb-logged-out');
    try {
      backend().clock.advance(IDLE_PAST_SESSION);
      await press(el, 'submit-button');
      await until(() => text(el).includes(SESSION_ENDED), 3_000, 'session-ended message');
      await new Promise((r) => setTimeout(r, 100));
      expect(loggedOut.events.map((e) => e.reason)).to.deep.equal(['expired']);
    } finally {
      loggedOut.stop();
    }
    expect(backend().outbox.latest({ kind: 'reissue-email-confirm' }), 'nothing registered').to.equal(undefined);
    // Everything typed is still there: on the confirm step, and back on the form.
    expect(text(el.querySelector('[part~="review"]')!)).to.contain('keiri@corp.example').and.contain('Onigiri');
    await press(el, 'back-button');
    await until(() => el.querySelector('[name="email"]'), 3_000, 'register form again');
    expect(field(el, 'email').value).to.equal('keiri@corp.example');
    expect(field(el, 'emailConfirm').value).to.equal('keiri@corp.example');
    expect(field<HTMLSelectElement>(el, 'questionId').value).to.equal('favorite-food');
    expect(field(el, 'answer').value).to.equal('Onigiri');
  });

  it('<wb-password-change>: keeps the three passwords and says the session ended; wb-logged-out fires once', async () => {
    const client = await loggedInClient('taro2024', 'Sakura2024!');
    const { el } = await mountInProvider<HTMLElement>(html`<wb-password-change></wb-password-change>`, client);
    await until(() => el.querySelector('input[name="currentPassword"]'), 3_000, 'form');
    await type(el, 'currentPassword', 'Sakura2024!');
    await type(el, 'newPassword', 'Momiji#2026');
    await type(el, 'newPasswordConfirm', 'Momiji#2026');

    const loggedOut = recordEvents('wb-logged-out');
    try {
      backend().clock.advance(IDLE_PAST_SESSION);
      await press(el, 'submit-button');
      await until(() => text(el).includes(SESSION_ENDED), 3_000, 'session-ended message');
      await new Promise((r) => setTimeout(r, 100));
      expect(loggedOut.events.map((e) => e.reason)).to.deep.equal(['expired']);
    } finally {
      loggedOut.stop();
    }
    expect(field(el, 'currentPassword').value).to.equal('Sakura2024!');
    expect(field(el, 'newPassword').value).to.equal('Momiji#2026');
    expect(field(el, 'newPasswordConfirm').value).to.equal('Momiji#2026');
    // The password did not change.
    expect((await loggedInClient('taro2024', 'Sakura2024!')).auth.current).to.exist;
  });
});
