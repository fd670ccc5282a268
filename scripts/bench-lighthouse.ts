/**
 * Lighthouse benchmark of the demo portal (not a test, not in CI: a run takes
 * minutes). Lighthouse's default settings: the mobile form factor with
 * simulated throttling (Lantern), on Debian's Chromium, for two pages:
 *
 * - login: a cold first visit of `/` (Lighthouse clears the origin's storage
 *   and the cache first; the demo backend answers from the demo server);
 * - billing: the billing list after logging in as a demo account. The session
 *   is a bearer token in the tab's sessionStorage, so this is a user flow in
 *   one tab: puppeteer logs in, then Lighthouse measures a real navigation to
 *   `/index.html#/billing` (the same page) with `disableStorageReset: true`
 *   (the session stays: what a customer who reloads or comes back sees). A timespan would give no performance score and no LCP; a
 *   navigation gives all of it. The URL is `/index.html#…`, not `/#/billing`:
 *   from `/#/top`, Lighthouse 13 reported NO_FCP for `/#/billing`.
 *
 * Each run launches a fresh Chromium (its own temporary profile) and measures
 * both pages; the table shows the median and range of the runs.
 *
 *   npm run bench:lighthouse [-- --runs 5] [--account established] [--write] [--details] [--out DIR] [--url URL]
 *
 * `--url` measures a portal already served there (e.g. another commit's
 * `npm start`, for a before/after) instead of starting this one's.
 * `--write` replaces the marked block of docs/benchmarks.md with the table,
 * the command, the date, the versions and the machine's load. `--details`
 * prints, from the last run, the audits that cost points. `--out DIR` saves
 * each run's flow report (HTML). `CHROME_PATH` (or `CHROMIUM_PATH`, as for the tests: scripts/chromium.mjs) overrides `/usr/bin/chromium`.
 * Nothing is downloaded: no browser, and Lighthouse sends nothing anywhere
 * (its error reporting, Sentry, is set up by its CLI only when asked for; the
 * programmatic API used here never sets it up).
 *
 * @module
 */
import * as chromeLauncher from 'chrome-launcher';
import { startFlow, generateReport, type Result } from 'lighthouse';
import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { DEMO_ACCOUNTS, type DemoAccount } from '../mocks/index.js';
import { startDemoServer } from '../examples/serve.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    account: { type: 'string', default: 'established' },
    write: { type: 'boolean', default: false },
    details: { type: 'boolean', default: false },
    out: { type: 'string' },
    url: { type: 'string' },
  },
});
const RUNS = Number(values.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) fail(`--runs must be a positive whole number, not ${values.runs}`);
const account: DemoAccount | undefined = (DEMO_ACCOUNTS as Record<string, DemoAccount>)[values.account];
if (!account) fail(`--account must be one of ${Object.keys(DEMO_ACCOUNTS).join(', ')}, not ${values.account}`);

/** scripts/chromium.mjs's Chromium (`CHROMIUM_PATH`), or `CHROME_PATH`, which this script has always taken. */
const CHROME = process.env.CHROME_PATH ?? CHROMIUM_PATH;
const FLAGS = ['--headless=new', ...CHROMIUM_ARGS];
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
const METRICS = [
  ['FCP', 'first-contentful-paint', 'ms'],
  ['LCP', 'largest-contentful-paint', 'ms'],
  ['TBT', 'total-blocking-time', 'ms'],
  ['CLS', 'cumulative-layout-shift', ''],
] as const;
const DOC = 'docs/benchmarks.md';
const BLOCK = /(<!-- bench:lighthouse -->\n)[\s\S]*?(<!-- \/bench:lighthouse -->)/;

function fail(message: string): never {
  console.error(`bench:lighthouse: ${message}`);
  process.exit(1);
}

try {
  accessSync(CHROME, constants.X_OK);
} catch {
  fail(`no Chromium at ${CHROME}. Install Debian's (apt-get install -y chromium, or bash scripts/ensure-chromium.sh) or set CHROME_PATH; no browser is downloaded.`);
}

type Page = 'login' | 'billing';
const results: Record<Page, Result[]> = { login: [], billing: [] };
const loadBefore = uptime();
/** `--url`: a portal served elsewhere (another commit's `npm start`, say); by default, this commit's, started here. */
const server = values.url
  ? { url: new URL('/', values.url).href, close: async () => {} }
  : await startDemoServer({ port: 0 });
let chromiumVersion = '';
let lighthouseVersion = '';
/** Lighthouse's measure of the CPU's speed at each step (higher is faster): it falls as the machine's load rises. */
const benchmarkIndex: number[] = [];

// A protocol call that Lighthouse makes on a session closed under it (the page's mailbox polls the
// backend every second) may reject after its run has been recorded, outside any awaited call: say so
// and go on. Anything else still ends the bench.
process.on('unhandledRejection', (error) => {
  if (/Session closed/.test(String(error))) {
    console.error(`(a protocol call on a closed session, after its run: ${String(error).split('\n')[0]})`);
    return;
  }
  throw error;
});

try {
  for (let run = 1; run <= RUNS; run++) {
    const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: FLAGS, logLevel: 'error' });
    try {
      const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
      chromiumVersion = await browser.version();
      const page = await browser.newPage();
      const flow = await startFlow(page, {
        name: 'Web Billing demo portal',
        flags: { onlyCategories: [...CATEGORIES], logLevel: 'error' },
      });
      // 1. The login page, cold (storage and cache reset).
      await flow.navigate(server.url, { name: 'login' });
      // Log in as a customer would (not measured): the session lands in the tab's sessionStorage.
      await page.locator('wb-login >>> input[name="loginId"]').fill(account.loginId);
      await page.locator('wb-login >>> input[name="password"]').fill(account.password);
      await page.locator('wb-login >>> button[type="submit"]').click();
      await page.waitForSelector('wb-top', { timeout: 15_000 });
      // 2. The billing list, a real navigation in the same tab, logged in.
      await flow.navigate(`${server.url}index.html#/billing`, { name: 'billing', disableStorageReset: true });
      const shown = await page.$('wb-billing-list');
      if (!shown) fail(`run ${run}: the billing list was not shown after logging in as ${values.account} (the session was lost?)`);
      const flowResult = await flow.createFlowResult();
      const [login, billing] = flowResult.steps.map((step) => step.lhr);
      if (!login || !billing) fail(`run ${run}: the flow has ${flowResult.steps.length} steps, not 2`);
      if (values.out) {
        mkdirSync(values.out, { recursive: true });
        writeFileSync(`${values.out}/flow-${run}.html`, generateReport(flowResult, 'html'));
        writeFileSync(`${values.out}/flow-${run}.json`, JSON.stringify(flowResult));
      }
      for (const lhr of [login, billing]) {
        if (lhr.runtimeError) fail(`run ${run}, ${lhr.finalDisplayedUrl}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      }
      results.login.push(login);
      results.billing.push(billing);
      lighthouseVersion = login.lighthouseVersion;
      benchmarkIndex.push(login.environment.benchmarkIndex, billing.environment.benchmarkIndex);
      console.error(`run ${run}/${RUNS}: login ${summary(login)}; billing ${summary(billing)}`);
      // The page first: its mailbox polls the backend every second, and a protocol call Lighthouse still
      // makes for such a request on a closed session would reject after the run.
      await page.goto('about:blank');
      await page.close();
      await browser.disconnect();
    } finally {
      chrome.kill();
    }
  }
} finally {
  await server.close();
}
const loadAfter = uptime();

function score(lhr: Result, category: string): number {
  return Math.round((lhr.categories[category]?.score ?? Number.NaN) * 100);
}
function metric(lhr: Result, id: string): number {
  return lhr.audits[id]?.numericValue ?? Number.NaN;
}
function summary(lhr: Result): string {
  return CATEGORIES.map((c) => score(lhr, c)).join('/');
}
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
function uptime(): string {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim().replace(/^.*(load average)/, '$1');
  } catch {
    return `load average: ${loadavg().map((l) => l.toFixed(2)).join(', ')}`;
  }
}
/** "median (min–max)", the range left out when every run agrees. */
function cell(xs: number[], format: (x: number) => string): string {
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return format(lo) === format(hi) ? format(lo) : `${format(median(xs))} (${format(lo)}–${format(hi)})`;
}

const ms = (x: number): string => `${Math.round(x)} ms`;
const cls = (x: number): string => x.toFixed(3);
const int = (x: number): string => String(Math.round(x));
const header = ['page', 'performance', 'accessibility', 'best practices', ...METRICS.map(([name]) => name)];
const rows = (Object.keys(results) as Page[]).map((name) => {
  const lhrs = results[name];
  return [
    name === 'login' ? 'login (`/`, cold)' : `billing (\`/index.html#/billing\`, logged in as ${values.account})`,
    ...CATEGORIES.map((c) => cell(lhrs.map((l) => score(l, c)), int)),
    ...METRICS.map(([, id, unit]) => cell(lhrs.map((l) => metric(l, id)), unit ? ms : cls)),
  ];
});
const table = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');

const command = `npm run bench:lighthouse -- --runs ${RUNS}${values.account === 'established' ? '' : ` --account ${values.account}`}${values.url ? ` --url ${values.url}` : ''}`;
const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const about = [
  `Measured ${date} with \`${command}\`: Lighthouse ${lighthouseVersion}, Chromium ${chromiumVersion.replace(/^\D*/, '')} (Debian, headless), mobile preset, simulated throttling, ${RUNS} run${RUNS > 1 ? 's' : ''} per page; median (min–max).`,
  `Machine load (\`uptime\`): ${loadBefore} before, ${loadAfter} after (2 cores); Lighthouse's CPU benchmark index ${cell(benchmarkIndex, int)} (higher is faster).`,
].join('\n');

console.log(`\n${about}\n\n${table}\n`);

if (values.details) {
  for (const name of Object.keys(results) as Page[]) {
    const lhr = results[name].at(-1)!;
    console.log(`Audits that cost points on ${name} (last run):`);
    for (const category of CATEGORIES) {
      for (const ref of lhr.categories[category]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (!audit || audit.score === null || audit.score >= 0.9 || (ref.weight === 0 && category !== 'performance')) continue;
        if (audit.scoreDisplayMode === 'informative' || audit.scoreDisplayMode === 'notApplicable' || audit.scoreDisplayMode === 'manual') continue;
        console.log(`  ${category}: ${ref.id} (score ${audit.score}, weight ${ref.weight})${audit.displayValue ? `: ${audit.displayValue}` : ''}`);
      }
    }
  }
}

if (values.write) {
  const doc = readFileSync(DOC, 'utf8');
  if (!BLOCK.test(doc)) fail(`${DOC} has no <!-- bench:lighthouse --> … <!-- /bench:lighthouse --> block to replace`);
  writeFileSync(DOC, doc.replace(BLOCK, (_all, open: string, close: string) => `${open}${about}\n\n${table}\n${close}`));
  console.log(`Updated ${DOC}.`);
}
