/**
 * `<wb-login>` loads the forms it moves on to (components/login/next-forms.ts)
 * when it first needs one: a first visit loads the login form alone. Its own
 * page, so that nothing has loaded those forms before the first test.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { http, HttpResponse } from 'msw/http';
import '../../components/login/define.js';
import type { WbLogin } from '../../components/login/login.js';
import { axeViolations } from './helpers/axe.js';
import { press, type } from './helpers/forms.js';
import { mountInProvider, until, useBackend } from '../support/backend.js';

const backend = useBackend();
const NEXT_FORMS = ['wb-credential-setup', 'wb-password-change', 'wb-password-reissue'];

/**
 * Whether this browser fetches a module again after its `import()` failed.
 * The HTML standard now says so (whatwg/html#6768) and newer Chromium does
 * (156 here); older browsers keep the failure in their module map, so an
 * `import()` of that URL fails again without a request (Chromium 150 here).
 */
async function retriesFailedImports(): Promise<boolean> {
  backend().worker.use(http.get(/\/fixtures\/retry-probe\.js/, () => HttpResponse.error()));
  const probe = './fixtures/retry-probe.js';
  await import(/* @vite-ignore */ probe).catch(() => undefined);
  backend().worker.resetHandlers();
  return import(/* @vite-ignore */ probe).then(
    () => true,
    () => false,
  );
}

async function logIn(el: WbLogin, loginId: string, password: string): Promise<void> {
  await type(el, 'loginId', loginId);
  await type(el, 'password', password);
  await sendKeys({ press: 'Enter' });
}

describe('<wb-login>: the forms after it, loaded on demand', () => {
  it('loads them while the note before them shows; offline, offers to try again; says it is loading; then shows the form', async () => {
    let refused = 0;
    backend().worker.use(
      http.get(/\/components\/login\/next-forms/, () => {
        refused++;
        return HttpResponse.error();
      }),
    );
    const { el } = await mountInProvider<WbLogin>(html`<wb-login></wb-login>`);
    expect(el.querySelector('form')).to.exist;
    for (const tag of NEXT_FORMS) expect(customElements.get(tag) === undefined, `${tag} is not loaded with the login`).to.equal(true);

    await logIn(el, 'HK7Q2MX', 't8Rw3nPa');
    // The note after a postcard login asks for the first change at once; the network refuses, and the note says nothing of it.
    await until(() => refused > 0, 3_000, 'the next forms asked for while the note shows');
    expect(el.querySelector('[role="alert"]')).to.equal(null);
    await press(el, 'ok-button');
    await until(() => el.querySelector('[part~="retry-button"]'), 3_000, 'the offer to try again');
    expect(el.querySelector('[role="alert"]')!.textContent).to.match(/could not be loaded/);
    expect(el.querySelector('[part~="reload-button"]') === null, 'no reload offered before trying again').to.equal(true);
    expect(await axeViolations(el)).to.deep.equal([]);

    backend().worker.resetHandlers();
    if (!(await retriesFailedImports())) {
      // This browser keeps the failed load: trying again fails again, says so again, and offers to reload the page.
      await press(el, 'retry-button');
      await until(() => el.querySelector('[part~="reload-button"]'), 3_000, 'the offer to reload the page');
      expect(el.querySelector('[role="alert"]')!.textContent).to.match(/could not be loaded.*If trying again does not help, reload the page\./);
      expect(el.querySelector('[part~="reload-button"]')!.textContent!.trim()).to.equal('Reload the page');
      expect(el.querySelector('[part~="retry-button"]') !== null, 'trying again is still offered').to.equal(true);
      expect(customElements.get('wb-credential-setup')).to.equal(undefined);
      expect(await axeViolations(el)).to.deep.equal([]);
      return;
    }
    await press(el, 'retry-button');
    await el.updateComplete;
    const loading = el.querySelector('[part~="loading"]');
    if (!customElements.get('wb-credential-setup')) {
      expect(loading?.getAttribute('role')).to.equal('status');
      expect(loading?.textContent).to.equal('Loading…');
    }
    await until(() => el.querySelector('wb-credential-setup input[name="initialLoginId"]'), 3_000, 'the first change after trying again');
    expect(el.querySelector('[part~="loading"]')).to.equal(null);
    for (const tag of NEXT_FORMS) expect(customElements.get(tag) !== undefined, `${tag} registered with the others`).to.equal(true);
  });
});
