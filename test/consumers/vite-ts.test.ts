/**
 * Vite + TypeScript (strict, skipLibCheck off): a page importing one entry
 * per element, type-checked (with a compile-only test that the events and
 * tags are typed) and built by Vite, then served and driven in Chromium.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { HttpBackend } from '../../mocks/http-server.js';
import {
  assertNoMockBackendInstalled,
  assertNoMswIn,
  createConsumer,
  launchChromium,
  logInThroughWbLogin,
  openPage,
  removeConsumer,
  serveStatic,
  sh,
  startBackend,
} from './harness.js';

describe('consumer: Vite + TypeScript with per-element entries', () => {
  let dir: string | undefined;
  let backend: HttpBackend;
  let browser: Browser;
  let site: { url: string; close(): Promise<void> };

  before(async () => {
    dir = await createConsumer('vite-ts');
    // tsc --noEmit (src/ holds the type test) then vite build.
    await sh(dir, 'npm', ['run', 'build', '--silent']);
    [backend, browser] = await Promise.all([startBackend(), launchChromium()]);
    site = await serveStatic(join(dir, 'dist'), backend.url);
  });

  after(async () => {
    await Promise.all([site?.close(), backend?.close(), browser?.close()]);
    await removeConsumer(dir);
  });

  it('installs no package of the mock backend', async () => {
    await assertNoMockBackendInstalled(dir!);
  });

  it('bundles no msw', async () => {
    await assertNoMswIn(join(dir!, 'dist'));
  });

  it('logs in through <wb-login> with no console error', async () => {
    const { page, errors } = await openPage(browser, site.url);
    await logInThroughWbLogin(page);
    assert.deepEqual(errors, []);
  });
});
