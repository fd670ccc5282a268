import { expect, fixture } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import { http, HttpResponse } from 'msw/http';
import '../../components/reissue-email/define.js';
import type { WbReissueEmail } from '../../components/reissue-email/reissue-email.js';
import { errorResponse } from '../../mocks/route.js';
import { MAIL_SENDER, type WebBillingClient } from '../../src/index.js';
import { axeViolations } from './helpers/axe.js';
import { BASE, mountInProvider, testClient, until, useBackend } from '../support/backend.js';
import { choose, errorOf, field, loggedInClient, press, recordEvents, type } from './helpers/forms.js';

const backend = useBackend();

const CORP = { loginId: 'corp-admin1', password: 'Corp2026pass' };
const EMAIL = 'keiri@corp.example';
const QUESTION = 'favorite-food';
const ANSWER = 'Onigiri';

/** corp-admin1, logged in, with its reissue email deleted (so it can register). */
async function corpWithoutEmail(): Promise<WebBillingClient> {
  const client = await loggedInClient(CORP.loginId, CORP.password);
  await client.reissueEmail.delete();
  return client;
}

/** Registers through the SDK and returns the token of the mailed link. */
async function mailedToken(client: WebBillingClient, email = EMAIL): Promise<string> {
  await client.reissueEmail.register({ email, emailConfirm: email, questionId: QUESTION, answer: ANSWER });
  return tokenOfLatestMail();
}

function tokenOfLatestMail(): string {
  const mail = backend().outbox.latest({ kind: 'reissue-email-confirm' });
  expect(mail?.link, 'a confirmation mail with a link').to.be.a('string');
  return new URL(mail!.link!).searchParams.get('token')!;
}

/** Mounts the element and waits until its first screen (not the loading one) shows. */
async function mount(client: WebBillingClient, token?: string): Promise<WbReissueEmail> {
  const { el } = await mountInProvider<WbReissueEmail>(
    token === undefined ? html`<wb-reissue-email></wb-reissue-email>` : html`<wb-reissue-email token=${token}></wb-reissue-email>`,
    client,
  );
  await until(() => el.querySelector('h2[tabindex="-1"]'), 3_000, 'first screen');
  return el;
}

async function fillRegisterForm(el: WbReissueEmail, values: { email?: string; emailConfirm?: string; questionId?: string; answer?: string } = {}): Promise<void> {
  const { email = EMAIL, emailConfirm = email, questionId = QUESTION, answer = ANSWER } = values;
  await type(el, 'email', email);
  await type(el, 'emailConfirm', emailConfirm);
  if (questionId) choose(el, 'questionId', questionId);
  await type(el, 'answer', answer);
  await el.updateComplete;
}

async function confirmWithAnswer(el: WbReissueEmail, answer: string, questionId = QUESTION): Promise<void> {
  choose(el, 'questionId', questionId);
  await type(el, 'answer', answer);
  await press(el, 'submit-button');
}

const text = (el: Element): string => el.textContent!.replace(/\s+/g, ' ');

describe('<wb-reissue-email>', () => {
  it('says clearly that it needs a provider when placed outside one', async () => {
    const el = await fixture<WbReissueEmail>(html`<wb-reissue-email></wb-reissue-email>`);
    expect(el.textContent).to.contain('<wb-provider');
  });

  it('registers: form, the confirm step showing what was entered, then "check your email" with the sender and 24 hours', async () => {
    const client = await corpWithoutEmail();
    const el = await mount(client);
    expect(await axeViolations(el)).to.deep.equal([]);
    const email = field(el, 'email');
    expect([email.type, email.autocomplete, email.inputMode]).to.deep.equal(['email', 'email', 'email']);
    expect(field(el, 'emailConfirm').autocomplete).to.equal('email');
    const select = field<HTMLSelectElement>(el, 'questionId');
    expect(document.querySelector(`label[for="${select.id}"]`)!.textContent).to.contain('Secret question');
    expect([...select.options].map((o) => o.value)).to.include.members(['first-pet', 'birthplace', QUESTION]);

    await fillRegisterForm(el);
    await press(el, 'submit-button');
    await until(() => el.querySelector('[part~="review"]'), 3_000, 'confirm step');
    const review = text(el.querySelector('[part~="review"]')!);
    expect(review).to.contain(EMAIL).and.contain('What is your favorite food?').and.contain(ANSWER);
    expect(await axeViolations(el)).to.deep.equal([]);

    // Back keeps everything typed.
    await press(el, 'back-button');
    await until(() => el.querySelector('[name="email"]'));
    expect(field(el, 'email').value).to.equal(EMAIL);
    expect(field(el, 'emailConfirm').value).to.equal(EMAIL);
    expect(field<HTMLSelectElement>(el, 'questionId').value).to.equal(QUESTION);
    expect(field(el, 'answer').value).to.equal(ANSWER);

    const registered = recordEvents('wb-email-registered');
    try {
      await press(el, 'submit-button');
      await until(() => el.querySelector('[part~="review"]'));
      await press(el, 'submit-button');
      await until(() => registered.events.length === 1, 3_000, 'wb-email-registered');
    } finally {
      registered.stop();
    }
    const event = registered.events[0]!;
    expect([event.purpose, event.state, event.bubbles, event.composed]).to.deep.equal(['reissue', 'pending', true, true]);
    expect(JSON.stringify({ ...event })).not.to.contain(ANSWER).and.not.to.contain(EMAIL);
    await el.updateComplete;
    expect(text(el)).to.contain(MAIL_SENDER).and.contain('24 hours').and.contain(EMAIL);
    expect(document.activeElement, 'focus moves to the new screen').to.equal(el.querySelector('h2'));
    expect(await axeViolations(el)).to.deep.equal([]);
    expect((await client.reissueEmail.status()).state).to.equal('pending');
  });

  it('completes the registration from the mailed link without a session', async () => {
    const client = await corpWithoutEmail();
    const token = await mailedToken(client);
    const el = await mount(testClient(), token);
    expect(el.querySelector('[name="email"]'), 'no email fields on the confirm step').to.equal(null);
    expect(await axeViolations(el)).to.deep.equal([]);
    const registered = recordEvents('wb-email-registered');
    try {
      await confirmWithAnswer(el, ANSWER);
      await until(() => registered.events.length === 1, 3_000, 'wb-email-registered');
    } finally {
      registered.stop();
    }
    expect(registered.events[0]!.state).to.equal('registered');
    await el.updateComplete;
    expect(text(el)).to.contain('Registrations for the email address to reissue a login password and the secret question are now completed');
    expect(await axeViolations(el)).to.deep.equal([]);
    expect((await client.reissueEmail.status()).state).to.equal('registered');
  });

  it('ends the completion with a way to the top screen: wb-top-requested for the page, else back to its start', async () => {
    const client = await corpWithoutEmail();
    const el = await mount(client, await mailedToken(client));
    await confirmWithAnswer(el, ANSWER);
    await until(() => el.querySelector('[part~="top-button"]'), 3_000, 'top button on the completion screen');
    expect(await axeViolations(el)).to.deep.equal([]);
    const top = recordEvents('wb-top-requested');
    const routed = (e: Event) => e.preventDefault();
    document.addEventListener('wb-top-requested', routed, { once: true });
    try {
      await press(el, 'top-button');
      await el.updateComplete;
      expect(top.events.length).to.equal(1);
      expect(el.querySelector('[part~="top-button"]'), 'cancelled: the page routes, the element stays').to.exist;
      await press(el, 'top-button');
    } finally {
      top.stop();
    }
    expect(el.token).to.equal('');
    await until(() => el.querySelector('[part~="change-button"]'), 3_000, 'the registered screen, loaded again');
    expect(document.activeElement, 'focus on the new screen').to.equal(el.querySelector('h2'));
  });

  it('runs the whole journey: register in the element, read the link from the outbox, confirm in a fresh provider', async () => {
    const client = await corpWithoutEmail();
    const el = await mount(client);
    await fillRegisterForm(el);
    await press(el, 'submit-button');
    await until(() => el.querySelector('[part~="review"]'));
    await press(el, 'submit-button');
    await until(() => el.textContent!.includes(MAIL_SENDER), 3_000, 'sent screen');

    const confirm = await mount(testClient(), tokenOfLatestMail());
    await confirmWithAnswer(confirm, ANSWER);
    await until(() => confirm.querySelector('.wb-success'), 3_000, 'completion');
    expect(await client.reissueEmail.status()).to.include({ state: 'registered', email: 'ke***@corp.example', questionId: QUESTION });
  });

  it('keeps the question after a wrong answer, clears only the answer, says so next to it and focuses it', async () => {
    const token = await mailedToken(await corpWithoutEmail());
    const el = await mount(testClient(), token);
    await confirmWithAnswer(el, 'Sushi');
    await until(() => el.querySelector('[aria-invalid="true"]'), 3_000, 'wrong answer error');
    await el.updateComplete;
    const answer = field(el, 'answer');
    expect(answer.getAttribute('aria-invalid')).to.equal('true');
    expect(errorOf(el, 'answer')).to.match(/does not match/);
    expect(answer.value).to.equal('');
    expect(field<HTMLSelectElement>(el, 'questionId').value).to.equal(QUESTION);
    expect(document.activeElement).to.equal(answer);
    expect(await axeViolations(el)).to.deep.equal([]);

    await type(el, 'answer', ANSWER);
    await press(el, 'submit-button');
    await until(() => el.querySelector('.wb-success'), 3_000, 'completion after the right answer');
  });

  it('says at once, before anything is typed, that a link older than 24 hours can no longer be used, and offers to start again', async () => {
    const token = await mailedToken(await corpWithoutEmail());
    backend().clock.advance(24 * 3600_000 + 1000);
    const el = await mount(testClient(), token);
    expect(el.querySelector('[part~="restart-button"]'), 'the expired screen is the first screen').to.exist;
    expect(el.querySelector('[name="answer"]'), 'no confirm form to fill in vain').to.equal(null);
    expect(text(el)).to.contain('This link has expired or has already been used — please start the registration again');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('says the same for a link already used', async () => {
    const client = await corpWithoutEmail();
    const token = await mailedToken(client);
    await client.reissueEmail.confirm({ token, questionId: QUESTION, answer: ANSWER });
    const el = await mount(testClient(), token);
    expect(el.querySelector('[part~="restart-button"]'), 'the expired screen is the first screen').to.exist;
    expect(el.querySelector('[name="answer"]')).to.equal(null);
    expect(text(el)).to.contain('already been used');
  });

  it('starts the registration again from an expired link: fires wb-reissue-email-restart, then shows the register form', async () => {
    const token = await mailedToken(await corpWithoutEmail());
    backend().clock.advance(24 * 3600_000 + 1000);
    // A day later the customer logs in again (sessions end after 30 idle minutes).
    const el = await mount(await loggedInClient(CORP.loginId, CORP.password), token);
    const restarts = recordEvents('wb-reissue-email-restart');
    try {
      await press(el, 'restart-button');
      await until(() => el.querySelector('[name="email"]'), 3_000, 'register form');
    } finally {
      restarts.stop();
    }
    expect(restarts.events).to.have.length(1);
    expect(restarts.events[0]!.cancelable && restarts.events[0]!.bubbles && restarts.events[0]!.composed).to.equal(true);
    expect(document.activeElement).to.equal(el.querySelector('h2'));
  });

  it('lets the page route instead when it cancels wb-reissue-email-restart', async () => {
    const token = await mailedToken(await corpWithoutEmail());
    backend().clock.advance(24 * 3600_000 + 1000);
    const el = await mount(await loggedInClient(CORP.loginId, CORP.password), token);
    el.addEventListener('wb-reissue-email-restart', (e) => e.preventDefault());
    await press(el, 'restart-button');
    await el.updateComplete;
    expect(el.querySelector('[part~="restart-button"]')).to.exist;
    expect(el.querySelector('[name="email"]')).to.equal(null);
  });

  it('asks to log in when starting again without a session', async () => {
    const token = await mailedToken(await corpWithoutEmail());
    backend().clock.advance(24 * 3600_000 + 1000);
    const el = await mount(testClient(), token);
    await press(el, 'restart-button');
    await until(() => el.querySelector('[part~="login-button"]'), 3_000, 'log-in notice');
    expect(text(el)).to.match(/log in first/i);
    // "Try again" could never work without a session: the element asks the page for its login screen.
    expect(el.querySelector('[part~="retry-button"]')).to.equal(null);
    const requested: Event[] = [];
    el.addEventListener('wb-login-requested', (e) => requested.push(e));
    await press(el, 'login-button');
    expect(requested).to.have.length(1);
    expect(requested[0]!.cancelable).to.equal(true);
    expect(requested[0]!.bubbles && requested[0]!.composed).to.equal(true);
  });

  it('removes the token from the address bar once it has read it', async () => {
    const token = await mailedToken(await corpWithoutEmail());
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?purpose=reissue-email&token=${encodeURIComponent(token)}`);
    try {
      const el = await mount(testClient(), new URL(location.href).searchParams.get('token')!);
      expect(location.search).to.equal('?purpose=reissue-email');
      await confirmWithAnswer(el, ANSWER);
      await until(() => el.querySelector('.wb-success'), 3_000, 'completion');
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('shows the registered (masked) address and changes it through the confirm step', async () => {
    const client = await loggedInClient(CORP.loginId, CORP.password);
    const el = await mount(client);
    expect(text(el)).to.contain('so***@corp.example').and.contain('What is the name of the elementary school you graduated from?');
    expect(await axeViolations(el)).to.deep.equal([]);
    await press(el, 'change-button');
    await until(() => el.querySelector('[name="email"]'));
    expect(field<HTMLSelectElement>(el, 'questionId').value, 'the registered question is preselected').to.equal('elementary-school');
    await fillRegisterForm(el, { email: 'new@corp.example' });
    await press(el, 'submit-button');
    await until(() => el.querySelector('[part~="review"]'));
    const registered = recordEvents('wb-email-registered');
    try {
      await press(el, 'submit-button');
      await until(() => registered.events.length === 1, 3_000, 'wb-email-registered');
    } finally {
      registered.stop();
    }
    expect(registered.events[0]!.state).to.equal('pending');
    const status = await client.reissueEmail.status();
    expect(status).to.include({ state: 'registered', email: 'so***@corp.example', pendingEmail: 'ne***@corp.example' });
    expect(backend().outbox.latest({ kind: 'reissue-email-confirm' })!.to).to.equal('new@corp.example');
  });

  it('cancels a change back to the registered address', async () => {
    const el = await mount(await loggedInClient(CORP.loginId, CORP.password));
    await press(el, 'change-button');
    await press(el, 'back-button');
    await until(() => el.querySelector('[part~="delete-button"]'));
  });

  it('deletes the registration after asking, and fires wb-email-deleted', async () => {
    const client = await loggedInClient(CORP.loginId, CORP.password);
    const el = await mount(client);
    await press(el, 'delete-button');
    await until(() => el.querySelector('[part~="submit-button"]'));
    expect(text(el)).to.match(/Delete the email address/);
    expect(await client.reissueEmail.status()).to.include({ state: 'registered' });
    expect(await axeViolations(el)).to.deep.equal([]);
    const deleted = recordEvents('wb-email-deleted');
    try {
      await press(el, 'submit-button');
      await until(() => deleted.events.length === 1, 3_000, 'wb-email-deleted');
    } finally {
      deleted.stop();
    }
    expect([deleted.events[0]!.purpose, deleted.events[0]!.bubbles, deleted.events[0]!.composed]).to.deep.equal(['reissue', true, true]);
    await until(() => el.querySelector('[name="email"]'), 3_000, 'register form');
    expect(text(el)).to.contain('was deleted');
    expect((await client.reissueEmail.status()).state).to.equal('none');
  });

  it('keeps the registration when "Keep it" is chosen', async () => {
    const client = await loggedInClient(CORP.loginId, CORP.password);
    const el = await mount(client);
    await press(el, 'delete-button');
    await press(el, 'back-button');
    await until(() => el.querySelector('[part~="change-button"]'));
    expect((await client.reissueEmail.status()).state).to.equal('registered');
  });

  it('says a link was sent and until when while a registration waits, and offers to send again', async () => {
    const client = await corpWithoutEmail();
    await mailedToken(client);
    const el = await mount(client);
    expect(text(el)).to.contain('ke***@corp.example').and.contain('2026');
    expect(await axeViolations(el)).to.deep.equal([]);
    await press(el, 'send-again-button');
    await until(() => el.querySelector('[name="email"]'));
    await fillRegisterForm(el, { email: 'other@corp.example' });
    await press(el, 'submit-button');
    await until(() => el.querySelector('[part~="review"]'));
    await press(el, 'submit-button');
    await until(() => el.textContent!.includes('other@corp.example') && el.textContent!.includes(MAIL_SENDER), 3_000, 'sent again');
    expect(backend().outbox.latest({ kind: 'reissue-email-confirm' })!.to).to.equal('other@corp.example');
  });

  it('shows the registration as it is when another tab registered one meanwhile', async () => {
    const client = await corpWithoutEmail();
    const el = await mount(client);
    await fillRegisterForm(el);
    await press(el, 'submit-button');
    await until(() => el.querySelector('[part~="review"]'));
    const token = await mailedToken(client, 'soumu@corp.example');
    await client.reissueEmail.confirm({ token, questionId: QUESTION, answer: ANSWER });
    await press(el, 'submit-button');
    await until(() => el.querySelector('[part~="change-button"]'), 3_000, 'registered screen');
    expect(text(el)).to.contain('already registered').and.contain('so***@corp.example');
  });

  it('puts mismatched emails and a missing answer next to their fields, focuses the first, and clears nothing', async () => {
    const el = await mount(await corpWithoutEmail());
    await fillRegisterForm(el, { emailConfirm: 'keiri@corp.exampel', answer: '' });
    await press(el, 'submit-button');
    await until(() => el.querySelector('[aria-invalid="true"]'));
    await el.updateComplete;
    expect(errorOf(el, 'emailConfirm')).to.equal('The two email addresses do not match.');
    expect(errorOf(el, 'answer')).to.equal('Enter the answer to the secret question.');
    expect(errorOf(el, 'email')).to.equal('');
    expect(document.activeElement).to.equal(field(el, 'emailConfirm'));
    expect(field(el, 'email').value).to.equal(EMAIL);
    expect(field(el, 'emailConfirm').value).to.equal('keiri@corp.exampel');
    expect(el.querySelector('[part~="review"]')).to.equal(null);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('asks for an email address in one-byte characters and for a question', async () => {
    const el = await mount(await corpWithoutEmail());
    await fillRegisterForm(el, { email: 'keiri', emailConfirm: 'keiri', questionId: '' });
    await press(el, 'submit-button');
    await until(() => el.querySelector('[aria-invalid="true"]'));
    expect(errorOf(el, 'email')).to.match(/one-byte/);
    expect(errorOf(el, 'questionId')).to.equal('Choose a secret question.');
  });

  for (const [fault, respond] of [
    ['offline', () => HttpResponse.error()],
    ['a 500', () => errorResponse('internal', 'The service failed.', 'req-test')],
  ] as const) {
    it(`keeps the confirm step after ${fault} on Update, and "Try again" sends it`, async () => {
      const client = await corpWithoutEmail();
      const el = await mount(client);
      await fillRegisterForm(el);
      await press(el, 'submit-button');
      await until(() => el.querySelector('[part~="review"]'));
      backend().worker.use(http.post(`${BASE}/reissue-email`, respond, { once: true }));
      await press(el, 'submit-button');
      await until(() => el.querySelector('[part~="retry-button"]'), 3_000, 'retry button');
      expect(text(el.querySelector('[part~="review"]')!)).to.contain(EMAIL).and.contain(ANSWER);
      expect(await axeViolations(el)).to.deep.equal([]);
      await press(el, 'retry-button');
      await until(() => el.textContent!.includes(MAIL_SENDER), 3_000, 'sent screen after retry');
    });
  }

  it('keeps the answer after a network fault on the confirm step, and "Try again" completes it', async () => {
    const token = await mailedToken(await corpWithoutEmail());
    const el = await mount(testClient(), token);
    backend().worker.use(http.post(`${BASE}/reissue-email/confirm`, () => HttpResponse.error(), { once: true }));
    await confirmWithAnswer(el, ANSWER);
    await until(() => el.querySelector('[part~="retry-button"]'), 3_000, 'retry button');
    expect(field(el, 'answer').value).to.equal(ANSWER);
    await press(el, 'retry-button');
    await until(() => el.querySelector('.wb-success'), 3_000, 'completion after retry');
  });

  it('shows a retry when the questions cannot be loaded, and loads them with it', async () => {
    const token = await mailedToken(await corpWithoutEmail());
    backend().worker.use(http.get(`${BASE}/reissue-email/questions`, () => HttpResponse.error(), { once: true }));
    const { el } = await mountInProvider<WbReissueEmail>(html`<wb-reissue-email token=${token}></wb-reissue-email>`, testClient());
    await until(() => el.querySelector('[part~="retry-button"]'), 3_000, 'load error');
    expect(await axeViolations(el)).to.deep.equal([]);
    await press(el, 'retry-button');
    await until(() => el.querySelector('[name="questionId"]'), 3_000, 'confirm form');
  });

  it('sends one request for a double click on Update', async () => {
    const client = await corpWithoutEmail();
    const el = await mount(client);
    await fillRegisterForm(el);
    await press(el, 'submit-button');
    await until(() => el.querySelector('[part~="review"]'));
    let requests = 0;
    backend().worker.events.on('request:start', ({ request }) => {
      if (request.method === 'POST' && new URL(request.url).pathname === `${BASE}/reissue-email`) requests++;
    });
    try {
      const form = el.querySelector('form')!;
      form.requestSubmit();
      form.requestSubmit();
      await until(() => el.textContent!.includes(MAIL_SENDER), 3_000, 'sent screen');
    } finally {
      backend().worker.events.removeAllListeners('request:start');
    }
    expect(requests).to.equal(1);
  });

  it('can be used with the keyboard alone', async () => {
    const token = await mailedToken(await corpWithoutEmail());
    const el = await mount(testClient(), token);
    const select = field<HTMLSelectElement>(el, 'questionId');
    select.focus();
    const target = [...select.options].findIndex((o) => o.value === QUESTION);
    for (let i = 0; i < target; i++) await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(select.value).to.equal(QUESTION);
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(field(el, 'answer'));
    await sendKeys({ type: ANSWER });
    await sendKeys({ press: 'Enter' });
    await until(() => el.querySelector('.wb-success'), 3_000, 'completion');
  });

  it('speaks Japanese inside lang="ja", questions included', async () => {
    const client = await corpWithoutEmail();
    const wrapper = await fixture<HTMLElement>(html`<div lang="ja"><wb-provider .client=${client}><wb-reissue-email></wb-reissue-email></wb-provider></div>`);
    const el = wrapper.querySelector('wb-reissue-email')!;
    await until(() => el.querySelector('[name="email"]'), 3_000, 'form');
    expect(el.querySelector('h2')!.textContent).to.contain('ログインパスワード再発行用メールアドレス');
    expect(text(el)).to.contain('好きな食べ物は？');
    await fillRegisterForm(el, { emailConfirm: 'x@corp.example' });
    await press(el, 'submit-button');
    await until(() => el.querySelector('[aria-invalid="true"]'));
    expect(errorOf(el, 'emailConfirm')).to.equal('2回入力したメールアドレスが一致しません。');
    expect(await axeViolations(el)).to.deep.equal([]);
  });
});

describe('<wb-reissue-email> layout', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  for (const width of [360, 1280]) {
    it(`fits a ${width} px wide screen, on the form with errors and on the confirm step with a long address`, async () => {
      await setViewport({ width, height: 800 });
      const el = await mount(await corpWithoutEmail());
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
      const long = 'a.very.long.mailbox.name.for.accounting.department@subsidiary.corp.example';
      await fillRegisterForm(el, { email: long });
      await press(el, 'submit-button');
      await until(() => el.querySelector('[part~="review"]'));
      fits();
    });
  }

  it('switches language when the nearest lang changes', async () => {
    const client = await corpWithoutEmail();
    const wrapper = await fixture<HTMLElement>(html`<div lang="en"><wb-provider .client=${client}><wb-reissue-email></wb-reissue-email></wb-provider></div>`);
    const el = wrapper.querySelector('wb-reissue-email')!;
    await until(() => el.querySelector('[name="email"]'), 3_000, 'form');
    wrapper.setAttribute('lang', 'ja');
    await until(() => el.querySelector('h2')!.textContent!.includes('メールアドレス'), 2_000, 'Japanese after lang change');
    expect(text(el)).to.contain('好きな食べ物は？');
  });
});
