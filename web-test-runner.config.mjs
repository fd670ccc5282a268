/**
 * Browser tests: web-test-runner in Debian's Chromium (the path and flags of
 * scripts/chromium.mjs; `scripts/ensure-chromium.sh` installs it). No tool
 * downloads its own browser.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';
import { countReporter } from './scripts/wtr-count-reporter.mjs';
import { reactAsEsm } from './scripts/wtr-react-esm.mjs';

const MOCK_SERVICE_WORKER = createRequire(import.meta.url).resolve('msw/mockServiceWorker.js');

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/browser/**/*.test.ts'],
  // 'production' picks Lit's build without the dev-mode warning; 'browser' keeps
  // msw/browser off the Node build of @mswjs/interceptors (node:net and the like).
  nodeResolve: { browser: true, exportConditions: ['browser', 'production'] },
  plugins: [reactAsEsm(), esbuildPlugin({ ts: true, tsx: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  middleware: [
    // MSW's worker must be served from the root so that its scope covers the
    // test pages. Serving the installed copy keeps it in step with the msw
    // package; answering here, before the plugins, serves it byte for byte
    // (esbuild would otherwise re-emit it for the target).
    async function mockServiceWorker(context, next) {
      if (context.path !== '/mockServiceWorker.js') return next();
      context.type = 'application/javascript';
      context.set('cache-control', 'no-store');
      context.body = await readFile(MOCK_SERVICE_WORKER, 'utf8');
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: [...CHROMIUM_ARGS, '--headless'],
      },
    }),
  ],
  // One test file at a time: the machine has 2 cores, and test pages that start
  // MSW share one service worker per origin.
  concurrency: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
  reporters: [defaultReporter(), countReporter({ outputFile: 'test-results/browser-counts.json' })],
};
