/**
 * The SDK against the reference backend running in the page's service worker
 * (MSW's `mockServiceWorker.js`, started by `startBrowserBackend`), in
 * headless Chromium: real `fetch` calls leave the page, the worker answers
 * them from the backend's handlers. Covers an established customer's billing,
 * the postcard journey through a mailed confirmation link, that the session
 * token never reaches web storage or cookies, and a network fault injected
 * into the worker.
 */
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw/http';
import { startBrowserBackend, type BrowserBackend } from '../../mocks/browser.js';
import { NetworkError, createClient, isWebBillingError, type WebBillingClient } from '../../src/index.js';

const BASE = '/api/v1';
const NOW = '2026-11-25T10:00:00+09:00';

let backend: BrowserBackend;

const client = (): WebBillingClient => createClient({ baseUrl: BASE, retry: 0 });

/** Everything the page keeps in web storage and cookies, as plain data. */
function storageSnapshot(): { local: Record<string, string>; session: Record<string, string>; cookie: string } {
  const entries = (storage: Storage): Record<string, string> => {
    const out: Record<string, string> = {};
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i)!;
      out[key] = storage.getItem(key) ?? '';
    }
    return out;
  };
  return { local: entries(localStorage), session: entries(sessionStorage), cookie: document.cookie };
}

/** Bearer tokens the page sent to the worker, read from the requests' Authorization headers. */
function recordBearerTokens(worker: BrowserBackend['worker']): { tokens: Set<string>; handled: string[]; stop: () => void } {
  const tokens = new Set<string>();
  const handled: string[] = [];
  const onRequest = ({ request }: { request: Request }): void => {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
    if (match) tokens.add(match[1]!);
  };
  const onMocked = ({ request }: { request: Request }): void => {
    handled.push(`${request.method} ${new URL(request.url).pathname}`);
  };
  worker.events.on('request:start', onRequest);
  worker.events.on('response:mocked', onMocked);
  return {
    tokens,
    handled,
    stop: () => {
      worker.events.removeListener('request:start', onRequest);
      worker.events.removeListener('response:mocked', onMocked);
    },
  };
}

before(async function () {
  this.timeout(30_000);
  backend = await startBrowserBackend({ now: NOW, linkBase: `${location.origin}/confirm.html` });
});

beforeEach(() => backend.reset());

afterEach(() => backend.worker.resetHandlers());

after(async () => {
  await backend?.stop();
});

describe('reference backend in the service worker', () => {
  it("is answered by msw's worker, which controls the test page", async () => {
    const controller = navigator.serviceWorker.controller;
    expect(controller, 'no service worker controls the page').to.not.equal(null);
    expect(new URL(controller!.scriptURL).pathname).to.equal('/mockServiceWorker.js');
    const recorder = recordBearerTokens(backend.worker);
    try {
      const policy = await client().credentials.policy();
      expect(policy.source).to.equal('backend');
      // msw emits response:mocked when the worker's RESPONSE message reaches the page, which may be after the
      // page's fetch has resolved: wait for it rather than read it at once (a clean-clone CI run failed so).
      for (const start = performance.now(); recorder.handled.length === 0 && performance.now() - start < 3_000; ) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(recorder.handled).to.deep.equal(['GET /api/v1/credentials/policy']);
    } finally {
      recorder.stop();
    }
  });
});

describe('SDK against the worker: established customer', () => {
  it('logs in, gets 15 months with 4 breakdowns, and a breakdown whose total is the sum of its items', async () => {
    const c = client();
    const session = await c.auth.login({ loginId: 'taro2024', password: 'Sakura2024!' });
    expect(session.stage).to.equal('active');
    expect(session.loginId).to.equal('taro2024');

    const history = await c.billing.history();
    expect(history.months).to.have.length(15);
    const withBreakdown = history.months.filter((m) => m.breakdownAvailable);
    expect(withBreakdown).to.have.length(4);
    // The 4 months with breakdowns are the newest 4 (newest first).
    expect(withBreakdown.map((m) => m.month)).to.deep.equal(history.months.slice(0, 4).map((m) => m.month));

    const month = withBreakdown[0]!.month;
    const breakdown = await c.billing.breakdown(month);
    expect(breakdown.month).to.equal(month);
    expect(breakdown.view).to.equal('total');
    const items = breakdown.companies.flatMap((co) => co.lines.flatMap((l) => l.items));
    expect(items.length).to.be.greaterThan(0);
    const itemSum = items.reduce((sum, item) => sum + item.amount, 0);
    expect(breakdown.total).to.equal(itemSum);
    expect(breakdown.companies.reduce((sum, co) => sum + co.subtotal, 0)).to.equal(breakdown.total);
    expect(breakdown.total).to.equal(withBreakdown[0]!.amount);
  });
});

describe('SDK against the worker: postcard journey', () => {
  const NEW_ID = 'hanako-01';
  const NEW_PASSWORD = 'Hanako2026!';
  const EMAIL = 'hanako@example.jp';
  const QUESTION = 'first-pet';
  const ANSWER = 'Mike';

  it('sets new credentials, confirms the reissue email from the outbox, and logs in with the new ID, keeping the token out of storage and cookies', async () => {
    const initialStorage = storageSnapshot();
    const recorder = recordBearerTokens(backend.worker);
    const steps: string[] = [];
    const checkStorage = (step: string): void => {
      steps.push(step);
      expect(storageSnapshot(), `web storage or cookies changed after ${step}`).to.deep.equal(initialStorage);
    };

    try {
      const c = client();
      const initial = await c.auth.initialLogin({ initialLoginId: 'HK7Q2MX', initialPassword: 't8Rw3nPa' });
      expect(initial.stage).to.equal('credential-setup-required');
      checkStorage('initialLogin');

      const { loginId } = await c.credentials.setup({
        initialLoginId: 'HK7Q2MX',
        initialPassword: 't8Rw3nPa',
        newLoginId: NEW_ID,
        newLoginIdConfirm: NEW_ID,
        newPassword: NEW_PASSWORD,
        newPasswordConfirm: NEW_PASSWORD,
      });
      expect(loginId).to.equal(NEW_ID);
      expect(c.auth.current?.stage).to.equal('active');
      checkStorage('credentials.setup');

      const pending = await c.reissueEmail.register({ email: EMAIL, emailConfirm: EMAIL, questionId: QUESTION, answer: ANSWER });
      expect(pending.state).to.equal('pending');
      checkStorage('reissueEmail.register');

      // The backend lives in this page, so its outbox is readable directly.
      const mail = backend.outbox.latest({ to: EMAIL, kind: 'reissue-email-confirm' });
      expect(mail, 'no confirmation mail in the outbox').to.not.equal(undefined);
      const link = new URL(mail!.link!);
      expect(link.origin + link.pathname).to.equal(`${location.origin}/confirm.html`);
      const confirmToken = link.searchParams.get('token');
      expect(confirmToken).to.be.a('string').and.not.equal('');

      // The link is followed without a session, like a fresh tab would.
      const confirmed = await client().reissueEmail.confirm({ token: confirmToken!, questionId: QUESTION, answer: ANSWER });
      expect(confirmed.state).to.equal('registered');
      checkStorage('reissueEmail.confirm');

      expect((await c.reissueEmail.status()).state).to.equal('registered');
      await c.auth.logout();
      expect(c.auth.current).to.equal(undefined);
      checkStorage('logout');

      const again = await c.auth.login({ loginId: NEW_ID, password: NEW_PASSWORD });
      expect(again.stage).to.equal('active');
      expect(again.loginId).to.equal(NEW_ID);
      expect((await c.reissueEmail.status()).state).to.equal('registered');
      checkStorage('login with the new ID');

      // Two sessions (postcard, then new ID) went over the wire as bearer headers...
      expect(recorder.tokens.size).to.be.greaterThanOrEqual(2);
      // ...and neither landed in localStorage, sessionStorage or document.cookie.
      const finalStorage = storageSnapshot();
      const stored = [
        ...Object.entries(finalStorage.local).flat(),
        ...Object.entries(finalStorage.session).flat(),
        finalStorage.cookie,
      ].join('\n');
      for (const token of recorder.tokens) {
        expect(stored.includes(token), 'a session token is in web storage or cookies').to.equal(false);
      }
      expect(steps).to.have.length(6);
    } finally {
      recorder.stop();
    }
  });
});

describe('SDK against the worker: network fault', () => {
  it('turns a network error injected into the worker into NetworkError, and recovers when it is removed', async () => {
    const c = client();
    await c.auth.login({ loginId: 'taro2024', password: 'Sakura2024!' });

    backend.worker.use(http.get(`${BASE}/billing/history`, () => HttpResponse.error()));
    let caught: unknown;
    try {
      await c.billing.history();
    } catch (error) {
      caught = error;
    }
    expect(caught, 'history() should have failed').to.be.instanceOf(NetworkError);
    expect(isWebBillingError(caught, 'network')).to.equal(true);
    expect((caught as NetworkError).status).to.equal(undefined);
    // The session survives a network error.
    expect(c.auth.current?.stage).to.equal('active');

    backend.worker.resetHandlers();
    expect((await c.billing.history()).months).to.have.length(15);
  });
});
