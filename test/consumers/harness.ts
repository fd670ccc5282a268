/**
 * Consumer projects: the kit installed as a partner installs it. Each
 * `*.test.ts` here copies its template folder (or the example it proves) into
 * a fresh folder outside the repository, installs the packed tarball (`npm
 * pack` of the built package; `scripts/test-consumers.sh` packs it once and
 * passes it in `WBK_TARBALL`) with the project's own tools from the npm
 * registry, builds it, and drives it in Debian's Chromium (playwright-core,
 * no downloaded browser) against the reference backend over HTTP.
 *
 * Every project also checks that the partner's install has no mock-backend
 * package (`npm ls`) and that what it built contains no msw.
 *
 * @module
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createBackend, DEMO_ACCOUNTS } from '../../mocks/index.js';
import { startHttpBackend, type HttpBackend } from '../../mocks/http-server.js';

const run = promisify(execFile);
export const REPO = resolve(import.meta.dirname, '../..');
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * The backend URL the consumer pages are written against (`npm run backend`);
 * the static server below rewrites it to the test's own backend.
 */
export const PAGE_BACKEND_URL = 'http://localhost:8787/api/v1';

/** Packages of the reference backend that a partner's install must never get. */
const MOCK_BACKEND_PACKAGES = /^(msw|@mswjs\/.*|@bundled-es-modules\/.*|headers-polyfill|outvariant|strict-event-emitter|tough-cookie|graphql)$/;
/** Text that only msw's code contains. */
const MSW_CODE = /\[MSW\]|@mswjs|mockServiceWorker|setupWorker/;

/** The packed tarball: `WBK_TARBALL`, or `npm pack` of the current build. */
export async function tarball(): Promise<string> {
  if (process.env.WBK_TARBALL) return process.env.WBK_TARBALL;
  const out = join(REPO, 'test-results', 'consumers');
  await mkdir(out, { recursive: true });
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', out], { cwd: REPO });
  const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
  return join(out, filename);
}

/** Runs a command in a consumer folder; its output is shown only when it fails. */
export async function sh(cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  try {
    const { stdout } = await run(command, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout}\n${stderr}`, { cause: error });
  }
}

/** A fresh consumer folder holding the template `test/consumers/<name>/` (if any), with the tarball installed. */
export async function createConsumer(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `wbk-consumer-${name}-`));
  const template = join(import.meta.dirname, name);
  await cp(template, dir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  const manifest = join(dir, 'package.json');
  const pkg = JSON.parse(await readFile(manifest, 'utf8').catch(() => `{"name":"wbk-consumer-${name}","private":true,"type":"module"}`)) as {
    dependencies?: Record<string, string>;
  };
  pkg.dependencies = { ...pkg.dependencies, 'web-billing-kit': `file:${await tarball()}` };
  await writeFile(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
  await sh(dir, 'npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error']);
  return dir;
}

/** Removes a consumer folder. */
export async function removeConsumer(dir: string | undefined): Promise<void> {
  if (dir) await rm(dir, { recursive: true, force: true });
}

/** Every package installed in the consumer (`npm ls --all --parseable`: real folders only, not a missing optional peer). */
export async function installedPackages(dir: string): Promise<Set<string>> {
  const paths = (await sh(dir, 'npm', ['ls', '--all', '--parseable'])).split('\n').filter(Boolean).slice(1);
  return new Set(paths.map((path) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)));
}

/** Fails when the consumer's install holds a package of the reference backend. */
export async function assertNoMockBackendInstalled(dir: string): Promise<void> {
  const found = [...(await installedPackages(dir))].filter((name) => MOCK_BACKEND_PACKAGES.test(name));
  assert.deepEqual(found, [], `npm ls in the consumer lists mock-backend packages: ${found.join(', ')}`);
}

/** Fails when a built file under `dir` contains msw's code. */
export async function assertNoMswIn(dir: string): Promise<void> {
  const files = (await readdir(dir, { recursive: true })).filter((f) => /\.(m?js|html)$/.test(f));
  assert.ok(files.length > 0, `nothing built in ${dir}`);
  for (const file of files) assert.doesNotMatch(await readFile(join(dir, file), 'utf8'), MSW_CODE, `${file} contains msw code`);
}

/** The reference backend over HTTP on a free port, seeded with the demo accounts. */
export function startBackend(): Promise<HttpBackend> {
  return startHttpBackend({ port: 0, backend: createBackend() });
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** A static file server over `root` (index.html for folders) that points the pages at `backendUrl`. */
export async function serveStatic(root: string, backendUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    void (async () => {
      let path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = resolve(root, `.${path}`);
      const type = TYPES[extname(file)];
      if (!file.startsWith(resolve(root)) || !type) return void res.writeHead(404).end();
      try {
        const body = (await readFile(file, 'utf8')).replaceAll(PAGE_BACKEND_URL, backendUrl);
        res.writeHead(200, { 'content-type': type }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** Debian's Chromium, headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ARGS });
}

/** A page that records every console error, page error and failed request. */
export async function openPage(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  await page.goto(url);
  return { page, errors };
}

/** Logs in as the established demo customer through `<wb-login>`, then waits for `<wb-top>` to show the registered number. */
export async function logInThroughWbLogin(page: Page): Promise<void> {
  const account = DEMO_ACCOUNTS.established;
  await page.locator('wb-login input[autocomplete="username"]').fill(account.loginId);
  await page.locator('wb-login input[autocomplete="current-password"]').fill(account.password);
  await page.locator('wb-login [part~="submit-button"]').click();
  const number = page.locator('wb-top [part~="registered-number"]');
  await number.waitFor();
  assert.equal((await number.textContent())?.replace(/\D/g, ''), account.registeredNumber.number);
}

/**
 * The journey of a consumer project that builds to `dist/` (`npm run build`: tsc --noEmit, with its
 * compile-only type test, then vite build): no mock backend installed, no msw bundled, and a login
 * through `<wb-login>` in Chromium against the HTTP backend, without a console error.
 */
export function describeBuiltConsumer(title: string, name: string): void {
  describe(title, () => {
    let dir: string | undefined;
    let backend: HttpBackend;
    let browser: Browser;
    let site: { url: string; close(): Promise<void> };

    before(async () => {
      dir = await createConsumer(name);
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
}
