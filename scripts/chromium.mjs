/**
 * The one place that says which Chromium the tools run and with which flags:
 * the browser tests (web-test-runner.config.mjs), the end-to-end harness
 * (test/node/e2e/harness.ts) and `npm run bench:lighthouse`. It is Debian's
 * Chromium (`scripts/ensure-chromium.sh` installs it); no tool downloads its
 * own browser.
 */

/** The Chromium binary: `CHROMIUM_PATH`, or Debian's at /usr/bin/chromium. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for every run. As root, Chromium needs --no-sandbox; --disable-gpu:
 * there is none. The rest keep it off the network. Headless is asked for by
 * each tool in its own way (a launch option, or `--headless`/`--headless=new`).
 */
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);
