/**
 * Plain HTML: examples/plain-html/index.html as the guide shows it, beside a
 * copy of the installed package's dist/cdn/, served as static files. One
 * module script, no import map, no build; it logs in through <wb-login>.
 */
import assert from 'node:assert/strict';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { HttpBackend } from '../../mocks/http-server.js';
import {
  assertNoMockBackendInstalled,
  assertNoMswIn,
  createConsumer,
  installedPackages,
  launchChromium,
  logInThroughWbLogin,
  openPage,
  removeConsumer,
  REPO,
  serveStatic,
  startBackend,
} from './harness.js';

describe('consumer: plain HTML with the CDN build', () => {
  let dir: string | undefined;
  let backend: HttpBackend;
  let browser: Browser;
  let site: { url: string; close(): Promise<void> };

  before(async () => {
    dir = await createConsumer('plain-html');
    const root = join(dir, 'site');
    await cp(join(REPO, 'examples/plain-html/index.html'), join(root, 'index.html'));
    await cp(join(dir, 'node_modules/web-billing-kit/dist/cdn'), join(root, 'web-billing-kit'), { recursive: true });
    [backend, browser] = await Promise.all([startBackend(), launchChromium()]);
    site = await serveStatic(root, backend.url);
  });

  after(async () => {
    await Promise.all([site?.close(), backend?.close(), browser?.close()]);
    await removeConsumer(dir);
  });

  it('installs no package of the mock backend, and at most 10 packages besides the kit', async () => {
    await assertNoMockBackendInstalled(dir!);
    const installed = [...(await installedPackages(dir!))].filter((name) => name !== 'web-billing-kit');
    assert.ok(installed.length <= 10, `${installed.length} packages: ${installed.join(', ')}`);
  });

  it('ships a CDN build without msw', async () => {
    await assertNoMswIn(join(dir!, 'node_modules/web-billing-kit/dist/cdn'));
  });

  it('logs in through <wb-login> with one script tag, no import map and no console error', async () => {
    const { page, errors } = await openPage(browser, site.url);
    assert.equal(await page.locator('script[type="module"]').count(), 1);
    assert.equal(await page.locator('script[type="importmap"]').count(), 0);
    await logInThroughWbLogin(page);
    assert.deepEqual(errors, []);
    // Only what the page used was loaded: the autoloader fetched <wb-top> when the page added it.
    assert.equal(await page.evaluate(() => customElements.get('wb-billing-list') === undefined), true);
  });
});
