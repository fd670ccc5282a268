import { expect, fixture } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import { http, HttpResponse } from 'msw/http';
import '../../components/login/define.js';
import '../../components/password-reissue/define.js';
import type { WbLogin } from '../../components/login/login.js';
import type { WbPasswordReissue } from '../../components/password-reissue/password-reissue.js';
import { errorResponse } from '../../mocks/route.js';
import { INQUIRY_DESK, MAIL_SENDER } from '../../src/index.js';
import { axeViolations } from './helpers/axe.js';
import { BASE, mountInProvider, testClient, until, useBackend } from '../support/backend.js';
import { choose, errorOf, field, press, recordEvents, type } from './helpers/forms.js';

const backend = useBackend();

const LOCKED = { loginId: 'locked01', email: 'locked@example.jp', answer: 'Tokyo' };
const DONE = 'If these matched, a new password has been mailed to the registered address.';

/** The question registered for locked01, read from the backend's store. */
function lockedQuestion(): string {
  const questionId = backend().store.accounts.get(LOCKED.loginId)?.reissueEmail?.questionId;
  expect(questionId, 'locked01 has a reissue email').to.be.a('string');
  return questionId!;
}

async function mount(): Promise<WbPasswordReissue> {
  const { el } = await mountInProvider<WbPasswordReissue>(html`<wb-password-reissue></wb-password-reissue>`);
  await until(() => el.querySelector('[name="questionId"]'), 3_000, 'form');
  return el;
}

async function fill(el: Element, values: Partial<typeof LOCKED & { questionId: string }> = {}): Promise<void> {
  const { loginId, email, answer, questionId } = { ...LOCKED, questionId: lockedQuestion(), ...values };
  await type(el, 'loginId', loginId);
  await type(el, 'email', email);
  if (questionId) choose(el, 'questionId', questionId);
  await type(el, 'answer', answer);
}

const text = (el: Element): string => el.textContent!.replace(/\s+/g, ' ');
const reissueMails = (): number => backend().outbox.list().filter((m) => m.kind === 'password-reissued').length;

describe('<wb-password-reissue>', () => {
  it('says clearly that it needs a provider when placed outside one', async () => {
    const el = await fixture<WbPasswordReissue>(html`<wb-password-reissue></wb-password-reissue>`);
    expect(el.textContent).to.contain('<wb-provider');
  });

  it('asks for the login ID, the registered email, the secret question and its answer, in a form autofill can see', async () => {
    const el = await mount();
    const loginId = document.querySelector<HTMLInputElement>('wb-password-reissue form input[autocomplete="username"]');
    expect(loginId, 'login ID input reachable from document').to.exist;
    const email = field(el, 'email');
    expect([email.type, email.autocomplete, email.inputMode]).to.deep.equal(['email', 'email', 'email']);
    expect(email.form).to.equal(loginId!.form);
    const select = field<HTMLSelectElement>(el, 'questionId');
    expect(document.querySelector(`label[for="${select.id}"]`)!.textContent).to.contain('Secret question');
    expect(select.options.length).to.be.greaterThan(2);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('tells customers without a registered email to call the inquiry desk for a postcard (about a week)', async () => {
    const el = await mount();
    const note = text(el.querySelector('[part~="inquiry"]')!);
    expect(note).to.contain(INQUIRY_DESK.phone).and.contain('postcard').and.contain('about a week');
  });

  it('reissues the locked account: the neutral message, the sender to check, a mail with a temporary password, and the event', async () => {
    const el = await mount();
    await fill(el);
    const requested = recordEvents('wb-password-reissue-requested');
    try {
      await press(el, 'submit-button');
      await until(() => requested.events.length === 1, 3_000, 'wb-password-reissue-requested');
    } finally {
      requested.stop();
    }
    const event = requested.events[0]!;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(JSON.stringify({ ...event })).not.to.contain(LOCKED.answer).and.not.to.contain(LOCKED.email);
    await el.updateComplete;
    expect(text(el)).to.contain(DONE).and.contain(MAIL_SENDER);
    expect(document.activeElement).to.equal(el.querySelector('h2'));
    const mail = backend().outbox.latest({ kind: 'password-reissued' });
    expect(mail?.to).to.equal(LOCKED.email);
    expect(mail?.temporaryPassword).to.be.a('string').and.have.length.greaterThan(7);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('says exactly the same after a wrong answer, and no mail is sent', async () => {
    const right = await mount();
    await fill(right);
    await press(right, 'submit-button');
    await until(() => right.textContent!.includes(DONE), 3_000, 'message after the right answer');
    const rightText = text(right.querySelector('section')!);
    backend().reset();

    const wrong = await mount();
    await fill(wrong, { answer: 'Osaka' });
    await press(wrong, 'submit-button');
    await until(() => wrong.textContent!.includes(DONE), 3_000, 'message after a wrong answer');
    expect(text(wrong.querySelector('section')!)).to.equal(rightText);
    expect(reissueMails()).to.equal(0);
  });

  it('puts each missing field next to it, focuses the first, and sends nothing', async () => {
    const el = await mount();
    await type(el, 'email', 'locked@');
    await press(el, 'submit-button');
    await until(() => el.querySelector('[aria-invalid="true"]'));
    await el.updateComplete;
    expect(errorOf(el, 'loginId')).to.equal('Enter your login ID.');
    expect(errorOf(el, 'email')).to.match(/one-byte/);
    expect(errorOf(el, 'questionId')).to.equal('Choose your secret question.');
    expect(errorOf(el, 'answer')).to.equal('Enter the answer to the secret question.');
    expect(document.activeElement).to.equal(field(el, 'loginId'));
    expect(field(el, 'email').value).to.equal('locked@');
    expect(await axeViolations(el)).to.deep.equal([]);
    expect(reissueMails()).to.equal(0);
  });

  it('fires a cancelable wb-login-requested from "To login screen" and stays put when standalone', async () => {
    const el = await mount();
    await fill(el);
    await press(el, 'submit-button');
    await until(() => el.textContent!.includes(DONE));
    const requested = recordEvents('wb-login-requested');
    try {
      await press(el, 'login-button');
    } finally {
      requested.stop();
    }
    expect(requested.events).to.have.length(1);
    expect(requested.events[0]!.cancelable && requested.events[0]!.bubbles && requested.events[0]!.composed).to.equal(true);
    await el.updateComplete;
    expect(el.textContent).to.contain(DONE);
  });

  for (const [fault, respond] of [
    ['offline', () => HttpResponse.error()],
    ['a 500', () => errorResponse('internal', 'The service failed.', 'req-test')],
  ] as const) {
    it(`keeps the form after ${fault} on Send, and "Try again" sends it`, async () => {
      const el = await mount();
      await fill(el);
      backend().worker.use(http.post(`${BASE}/password-reissue`, respond, { once: true }));
      await press(el, 'submit-button');
      await until(() => el.querySelector('[part~="retry-button"]'), 3_000, 'retry button');
      expect([field(el, 'loginId').value, field(el, 'email').value, field(el, 'answer').value]).to.deep.equal([LOCKED.loginId, LOCKED.email, LOCKED.answer]);
      expect(field<HTMLSelectElement>(el, 'questionId').value).to.equal(lockedQuestion());
      expect(await axeViolations(el)).to.deep.equal([]);
      await press(el, 'retry-button');
      await until(() => el.textContent!.includes(DONE), 3_000, 'message after retry');
      expect(reissueMails()).to.equal(1);
    });
  }

  it('sends one request for a double submit', async () => {
    const el = await mount();
    await fill(el);
    let requests = 0;
    backend().worker.events.on('request:start', ({ request }) => {
      if (new URL(request.url).pathname === `${BASE}/password-reissue`) requests++;
    });
    try {
      const form = el.querySelector('form')!;
      form.requestSubmit();
      form.requestSubmit();
      await until(() => el.textContent!.includes(DONE), 3_000, 'message');
    } finally {
      backend().worker.events.removeAllListeners('request:start');
    }
    expect(requests).to.equal(1);
  });

  it('shows a retry when the questions cannot be loaded, and loads them with it', async () => {
    backend().worker.use(http.get(`${BASE}/reissue-email/questions`, () => errorResponse('internal', 'failed', 'req-test'), { once: true }));
    const { el } = await mountInProvider<WbPasswordReissue>(html`<wb-password-reissue></wb-password-reissue>`);
    await until(() => el.querySelector('[part~="retry-button"]'), 3_000, 'load error');
    expect(await axeViolations(el)).to.deep.equal([]);
    await press(el, 'retry-button');
    await until(() => el.querySelector('[name="questionId"]'), 3_000, 'form');
  });

  it('speaks Japanese inside lang="ja", questions included', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="ja"><wb-provider base-url=${BASE}><wb-password-reissue></wb-password-reissue></wb-provider></div>`);
    const el = wrapper.querySelector('wb-password-reissue')!;
    await until(() => el.querySelector('[name="questionId"]'), 3_000, 'form');
    expect(el.querySelector('h2')!.textContent).to.equal('ログインパスワードの再発行');
    expect(text(el)).to.contain('生まれた市区町村は？').and.contain('はがき');
    await fill(el);
    await press(el, 'submit-button');
    await until(() => el.querySelector('.wb-success'), 3_000, 'message');
    expect(text(el)).to.contain('新しいパスワードをお送りしました');
    expect(await axeViolations(el)).to.deep.equal([]);
  });
});

describe('<wb-login> with <wb-password-reissue>', () => {
  it('forgot password → reissue → temporary password from the outbox → log in → forced change → log in with the new one', async () => {
    const { el } = await mountInProvider<WbLogin>(html`<wb-login></wb-login>`);
    await press(el, 'forgot-link');
    const reissue = el.querySelector('wb-password-reissue')!;
    await until(() => reissue.querySelector('[name="questionId"]'), 3_000, 'reissue form');
    await fill(reissue);
    await press(reissue, 'submit-button');
    await until(() => reissue.textContent!.includes(DONE), 3_000, 'reissue message');
    const temporary = backend().outbox.latest({ kind: 'password-reissued', to: LOCKED.email })!.temporaryPassword!;

    await press(reissue, 'login-button');
    await until(() => el.querySelector('input[autocomplete="current-password"]'), 3_000, 'login form again');
    await type(el, 'loginId', LOCKED.loginId);
    await type(el, 'password', temporary);
    await press(el, 'submit-button');
    await until(() => el.querySelector('[part~="ok-button"]'), 3_000, 'forced-change note');
    expect(el.textContent).to.match(/reissued password/i);

    await press(el, 'ok-button');
    await until(() => el.querySelector('wb-password-change input[name="currentPassword"]'), 3_000, 'forced password change');
    const change = el.querySelector('wb-password-change')!;
    await type(change, 'currentPassword', temporary);
    await type(change, 'newPassword', 'Kyoto2027new');
    await type(change, 'newPasswordConfirm', 'Kyoto2027new');
    await press(change, 'submit-button');
    await until(() => change.querySelector('[part~="completion"]'), 3_000, 'password changed');

    const fresh = testClient();
    expect((await fresh.auth.login({ loginId: LOCKED.loginId, password: 'Kyoto2027new' })).stage).to.equal('active');
  });

  it('unlocks the locked account: locked message → reissue → log in with the mailed password', async () => {
    const { el } = await mountInProvider<WbLogin>(html`<wb-login></wb-login>`);
    await type(el, 'loginId', LOCKED.loginId);
    await type(el, 'password', 'Locked2026');
    await press(el, 'submit-button');
    await press(el, 'reissue-button');
    const reissue = el.querySelector('wb-password-reissue')!;
    await until(() => reissue.querySelector('[name="questionId"]'), 3_000, 'reissue form');
    await fill(reissue);
    await press(reissue, 'submit-button');
    await until(() => reissue.textContent!.includes(DONE), 3_000, 'reissue message');
    await press(reissue, 'login-button');
    await until(() => el.querySelector('input[autocomplete="current-password"]'), 3_000, 'login form again');
    await type(el, 'loginId', LOCKED.loginId);
    await type(el, 'password', backend().outbox.latest({ kind: 'password-reissued' })!.temporaryPassword!);
    await press(el, 'submit-button');
    await until(() => el.querySelector('[part~="ok-button"]'), 3_000, 'forced-change note');
  });
});

describe('<wb-password-reissue> layout', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  for (const width of [360, 1280]) {
    it(`fits a ${width} px wide screen, with errors and on the result`, async () => {
      await setViewport({ width, height: 800 });
      const el = await mount();
      await press(el, 'submit-button');
      await until(() => el.querySelector('[aria-invalid="true"]'));
      const fits = (): void => {
        expect(document.documentElement.scrollWidth).to.be.at.most(width);
        for (const control of el.querySelectorAll<HTMLElement>('input, select, button')) {
          const box = control.getBoundingClientRect();
          expect(box.right, `${control.outerHTML.slice(0, 60)} inside the screen`).to.be.at.most(width);
          expect(box.height, 'touch target at least 44 px high').to.be.at.least(44);
        }
      };
      fits();
      await fill(el);
      await press(el, 'submit-button');
      await until(() => el.textContent!.includes(DONE));
      fits();
    });
  }
});
