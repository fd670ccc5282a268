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

/** Creates a backend and starts MSW's service worker over its handlers. */
export async function startBrowserBackend(options: BrowserBackendOptions = {}): Promise<BrowserBackend> {
  const { serviceWorkerUrl = '/mockServiceWorker.js', onUnhandledFrame = 'bypass', ...backendOptions } = options;
  const backend = createBackend(backendOptions);
  const worker = setupWorker(...backend.handlers);
  await worker.start({ serviceWorker: { url: serviceWorkerUrl }, quiet: true, onUnhandledFrame });
  return {
    ...backend,
    worker,
    async stop() {
      await worker.stop();
    },
  };
}
