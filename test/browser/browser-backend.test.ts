/**
 * `startBrowserBackend` resolves only once MSW's worker answers this page.
 * The worker unregisters itself when the last page it served closes, so a
 * test runner's previous page closing as this one starts could leave this
 * page unserved (every API call a 404 from the test server): the start is
 * checked with a request only that start's worker answers, and the worker
 * started again when the answer is not there.
 */
import { expect } from '@open-wc/testing';
import { startBrowserBackend, type BrowserBackend } from '../../mocks/browser.js';

const READY = '/__web-billing-kit/backend-ready';
const realFetch = window.fetch;

/** Makes the page's readiness checks fail (as an unserved page's would: a 404 from the network) `times` times; counts them. */
function unservedChecks(times: number): { checks: () => number } {
  let checks = 0;
  window.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (url.pathname === READY && ++checks <= times) return new Response('not found', { status: 404 });
    return realFetch(input, init);
  };
  return { checks: () => checks };
}

describe('startBrowserBackend: the worker answers this page before the backend is handed over', () => {
  let backend: BrowserBackend | undefined;
  afterEach(async () => {
    window.fetch = realFetch;
    await backend?.stop();
    backend = undefined;
  });

  it('answers the API once started (one check, passed)', async () => {
    const probe = unservedChecks(0);
    backend = await startBrowserBackend();
    expect(probe.checks()).to.equal(1);
    const response = await realFetch('/api/v1/credentials/policy');
    expect(response.status).to.equal(200);
    expect(((await response.json()) as { password?: { minLength?: number } }).password?.minLength).to.be.a('number');
  });

  it('starts the worker again when the first start does not answer this page', async () => {
    const probe = unservedChecks(1);
    backend = await startBrowserBackend();
    expect(probe.checks()).to.equal(2);
    expect((await realFetch('/api/v1/credentials/policy')).status).to.equal(200);
  });

  it('gives up after 3 starts with an error that says so', async () => {
    const probe = unservedChecks(Infinity);
    let error: unknown;
    try {
      backend = await startBrowserBackend();
    } catch (e) {
      error = e;
    }
    expect(probe.checks()).to.equal(3);
    expect(String(error)).to.match(/started 3 times and does not answer this page/);
  });
});
