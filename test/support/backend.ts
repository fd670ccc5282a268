/**
 * One reference backend per test file, in the page's service worker, reset
 * before each test; and a fixture that mounts elements inside a provider.
 */
import { fixture } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import { startBrowserBackend, type BrowserBackend, type BrowserBackendOptions } from '../../mocks/browser.js';
import { createClient, type WebBillingClient } from '../../src/index.js';
import '../../components/provider/define.js';

export const BASE = '/api/v1';
export const NOW = '2026-11-25T10:00:00+09:00';

let started: Promise<BrowserBackend> | undefined;

/** Registers before/after hooks; returns a getter for the running backend (`options` add to the defaults, e.g. a `policy`). */
export function useBackend(options: BrowserBackendOptions = {}): () => BrowserBackend {
  let backend: BrowserBackend | undefined;
  before(async () => {
    started ??= startBrowserBackend({ now: NOW, linkBase: `${location.origin}/confirm`, ...options });
    backend = await started;
  });
  beforeEach(() => backend!.reset());
  afterEach(() => backend!.worker.resetHandlers());
  return () => backend!;
}

/** A client with no retries (tests of faults should not wait for backoff). */
export const testClient = (): WebBillingClient => createClient({ baseUrl: BASE, retry: 0, timeout: 3_000 });

/** Mounts `content` inside a `<wb-provider>` with its own client; returns the first element child of the provider. */
export async function mountInProvider<T extends Element>(content: TemplateResult, client = testClient()): Promise<{ el: T; client: WebBillingClient }> {
  const provider = await fixture<HTMLElement>(html`<wb-provider .client=${client}>${content}</wb-provider>`);
  const el = provider.firstElementChild as T;
  await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return { el, client };
}

/** Waits until `predicate` holds (polling each animation frame), or fails after `timeout` ms. */
export async function until(predicate: () => unknown, timeout = 3_000, what = 'condition'): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  }
}
