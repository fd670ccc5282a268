/**
 * The reference backend in the browser: {@link createBackend} answered by
 * MSW's service worker. Serve msw's `mockServiceWorker.js` from the site's
 * root (its scope must cover the pages).
 *
 * @example
 * ```ts
 * const backend = await startBrowserBackend({ linkBase: `${location.origin}/confirm.html` });
 * // ... later
 * await backend.stop();
 * ```
 *
 * @module
 */
import { http } from 'msw';
import { setupWorker, type SetupWorker, type StartOptions } from 'msw/browser';
import { createBackend, type Backend, type BackendOptions } from './index.js';

export * from './index.js';

/** Options of {@link startBrowserBackend}. */
export interface BrowserBackendOptions extends BackendOptions {
  /** URL of MSW's worker script (default `/mockServiceWorker.js`). */
  serviceWorkerUrl?: string;
  /** What to do with requests no handler matches (default `bypass`: they go to the network). */
  onUnhandledFrame?: StartOptions['onUnhandledFrame'];
}

/** A backend running in the page's service worker. */
export interface BrowserBackend extends Backend {
  worker: SetupWorker;
  /** Stops answering requests. */
  stop(): Promise<void>;
}

/** The path a started backend answers with its start's nonce (see {@link startBrowserBackend}). */
const READY_PATH = '/__web-billing-kit/backend-ready';

/** Starts MSW's worker this many times at most before giving up. */
const STARTS = 3;

/**
 * Creates a backend and starts MSW's service worker over its handlers; resolves once the worker answers
 * this page. MSW's worker unregisters itself when the last page it served closes (`CLIENT_CLOSE` in
 * `mockServiceWorker.js`): another page of the site closing while this one starts (a test runner's
 * previous page) can leave this page unserved, every API call going to the network. So the start is
 * checked: a request only this start's worker answers (with a nonce), and the worker started again if the
 * answer is not there, up to 3 starts, then a clear error.
 */
export async function startBrowserBackend(options: BrowserBackendOptions = {}): Promise<BrowserBackend> {
  const { serviceWorkerUrl = '/mockServiceWorker.js', onUnhandledFrame = 'bypass', ...backendOptions } = options;
  const backend = createBackend(backendOptions);
  const ready = new URL(READY_PATH, location.origin).href;
  for (let start = 1; ; start++) {
    const nonce = crypto.randomUUID();
    const worker = setupWorker(...backend.handlers, http.get(ready, () => new Response(nonce, { headers: { 'Cache-Control': 'no-store' } })));
    await worker.start({ serviceWorker: { url: serviceWorkerUrl }, quiet: true, onUnhandledFrame });
    if (await answers(ready, nonce)) {
      return {
        ...backend,
        worker,
        async stop() {
          await worker.stop();
        },
      };
    }
    worker.stop();
    if (start === STARTS) {
      throw new Error(`startBrowserBackend: MSW's service worker (${serviceWorkerUrl}) was started ${STARTS} times and does not answer this page.`);
    }
  }
}

/** Whether the request to `url` is answered with `nonce` (by this start's worker, not the network). */
async function answers(url: string, nonce: string): Promise<boolean> {
  try {
    const response = await fetch(url, { cache: 'no-store' });
    return response.ok && (await response.text()) === nonce;
  } catch {
    return false;
  }
}
