// The conformance suite against the reference backend over real HTTP: every
// case must pass, so the suite, the contract and the backend cannot drift
// apart. Each case is reported as a test of its own. The backend holds
// sessions as bearer tokens by default, where the cookie-session cases are
// skipped (their one documented reason), and the whole suite runs again
// against it in the cookie mode, where every case passes. The CLI is checked too:
// its output, its exit code, and that it fails a backend that breaks the
// contract.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, describe, it } from 'node:test';
import { http, HttpResponse } from 'msw';
import { CASES, COOKIE_ONLY, formatResult, parseFixtures, runConformance, THROTTLING_CASE, type CaseResult } from '../../../conformance/index.js';
import { startHttpBackend } from '../../../mocks/http-server.js';
import { createBackend, createRateLimiter, DEMO_ACCOUNTS } from '../../../mocks/index.js';

const NOW = '2026-11-20T10:00:00+09:00';
const FIXTURES_FILE = fileURLToPath(new URL('../../../conformance/fixtures.reference.json', import.meta.url));
const CLI = fileURLToPath(new URL('../../../conformance/cli.ts', import.meta.url));
const fixtures = parseFixtures(readFileSync(FIXTURES_FILE, 'utf8'));
const run = promisify(execFile);

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', CLI, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// As `npm run backend` runs it: with its per-client rate limiter (30 secret checks a minute), which the reset between cases clears.
// Every request the limiter refused, by route: only the throttling case's flood of logins may be refused.
const limiter = createRateLimiter();
const refused = new Set<string>();
const countingLimiter = Object.assign((request: Parameters<typeof limiter>[0]) => {
  const wait = limiter(request);
  if (wait !== null && wait !== undefined) refused.add(request.id);
  return wait;
}, { reset: () => limiter.reset() });
const server = await startHttpBackend({ port: 0, backend: createBackend({ now: NOW, onInternalError: () => {}, rateLimit: countingLimiter }) });
after(() => server.close());
const report = await runConformance({ baseUrl: server.url, fixtures });

/** The cookie-session cases: skipped against a bearer-token backend, and only they. */
const COOKIE_CASES = CASES.filter((c) => c.name.startsWith('cookie sessions: '));
/** Whether a result is a pass, or a skip of a cookie-session case for its documented reason. */
const passesForBearer = (r: CaseResult): boolean => r.status === 'passed' || (r.status === 'skipped' && r.name.startsWith('cookie sessions: ') && r.reason?.startsWith(COOKIE_ONLY) === true);

describe('conformance suite against the reference backend over HTTP, with its rate limiter', () => {
  it('finds the outbox, the clock and the reset among the development routes', () => {
    assert.deepEqual(report.dev, { outbox: true, clock: true, reset: true });
  });

  for (const result of report.results) {
    it(`${result.status === 'skipped' ? 'skips' : 'passes'}: ${result.name}`, () => {
      assert.ok(passesForBearer(result), `${result.status}: ${result.reason}`);
    });
  }

  it('ran every case, skipped only the cookie-session ones (the backend holds bearer tokens), and no case but the login flood ran into the rate limiter', () => {
    assert.equal(report.results.length, CASES.length);
    assert.ok(CASES.length >= 60, `only ${CASES.length} cases`);
    assert.ok(COOKIE_CASES.length >= 7, `only ${COOKIE_CASES.length} cookie-session cases`);
    assert.deepEqual(report.results.filter((r) => r.status === 'skipped').map((r) => r.name), COOKIE_CASES.map((c) => c.name));
    assert.deepEqual([...refused], ['auth.login']);
  });

  it('names the requirement of every case (ASVS 5.0 or the user guide), once per case name', () => {
    for (const c of CASES) assert.match(c.ref, /ASVS 5\.0 V\d+\.\d+\.\d+|guide: |docs\//, c.name);
    assert.equal(new Set(CASES.map((c) => c.name)).size, CASES.length);
  });
});

describe('conformance suite against the reference backend holding sessions in a cookie, over HTTP, with its rate limiter', async () => {
  const cookieServer = await startHttpBackend({
    port: 0,
    backend: createBackend({ now: NOW, sessionMode: 'cookie', onInternalError: () => {}, rateLimit: createRateLimiter() }),
  });
  after(() => cookieServer.close());
  const cookieReport = await runConformance({ baseUrl: cookieServer.url, fixtures });

  it('finds the development routes through the CSRF defence (they are writes too)', () => {
    assert.deepEqual(cookieReport.dev, { outbox: true, clock: true, reset: true });
  });

  for (const result of cookieReport.results) {
    it(`passes: ${result.name}`, () => {
      assert.equal(result.status, 'passed', result.reason);
    });
  }

  it('ran every case, the cookie-session ones included, none skipped', () => {
    assert.equal(cookieReport.results.length, CASES.length);
    assert.equal(cookieReport.skipped, 0);
  });
});

describe('conformance suite against the reference backend without a rate limiter', () => {
  it('fails the throttling case only, saying logins are not throttled', async () => {
    const unlimited = await startHttpBackend({ port: 0, backend: createBackend({ now: NOW, onInternalError: () => {} }) });
    try {
      const run = await runConformance({ baseUrl: unlimited.url, fixtures });
      const failed = run.results.filter((r) => !passesForBearer(r));
      assert.deepEqual(failed.map((r) => r.name), [THROTTLING_CASE]);
      assert.match(failed[0]!.reason ?? '', /not throttled/);
    } finally {
      await unlimited.close();
    }
  });
});

describe('conformance suite against `npm run backend` (mocks/serve.ts in its own process)', () => {
  it('passes every case', async () => {
    const SERVE = fileURLToPath(new URL('../../../mocks/serve.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', SERVE], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /reference backend: (http:\/\/\S+)/.exec(out);
          if (match) resolve(match[1]!);
        });
        child.once('exit', (code) => reject(new Error(`serve.ts exited with ${code}: ${out}`)));
      });
      const run = await runConformance({ baseUrl: url, fixtures });
      assert.deepEqual(run.dev, { outbox: true, clock: true, reset: true });
      assert.deepEqual(run.results.filter((r) => !passesForBearer(r)), []);
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    }
  });
});

describe('conformance fixtures of the reference backend', () => {
  it('name the demo accounts as DEMO_ACCOUNTS has them', () => {
    const { established, postcard, locked } = DEMO_ACCOUNTS;
    assert.deepEqual(
      { loginId: fixtures.active.loginId, password: fixtures.active.password, reissueEmail: fixtures.active.reissueEmail, noticeEmail: fixtures.active.noticeEmail, number: fixtures.active.registeredNumber },
      { loginId: established.loginId, password: established.password, reissueEmail: established.reissueEmail, noticeEmail: established.noticeEmail, number: established.registeredNumber.number },
    );
    assert.deepEqual(fixtures.postcard, { initialLoginId: postcard.loginId, initialPassword: postcard.password });
    assert.deepEqual(fixtures.locked, { loginId: locked.loginId, password: locked.password, reissueEmail: locked.reissueEmail });
  });
});

describe('web-billing-conformance (the CLI)', () => {
  it('prints a line per case, with its requirement, and "N passed, 0 failed", and exits 0 against the reference backend', async () => {
    const { code, stdout } = await cli(['--base-url', server.url, '--fixtures', FIXTURES_FILE]);
    const lines = stdout.trim().split('\n');
    const passing = CASES.length - COOKIE_CASES.length;
    assert.equal(code, 0, stdout);
    assert.equal(lines.filter((l) => l.startsWith('pass  ')).length, passing);
    for (const c of CASES) {
      const line = COOKIE_CASES.includes(c) ? `skip  ${c.name} [${c.ref}] — skipped: ${COOKIE_ONLY}` : formatResult({ name: c.name, ref: c.ref, status: 'passed', durationMs: 0 });
      assert.ok(lines.some((l) => l.startsWith(line)), `no line for ${c.name}`);
    }
    assert.equal(lines.at(-2), `${COOKIE_CASES.length} skipped`);
    assert.equal(lines.at(-1), `${passing} passed, 0 failed`);
  });

  it('reports skipped cases with their reason when the development routes are not used, and writes a JSON report', async () => {
    const json = join(mkdtempSync(join(tmpdir(), 'wb-conformance-')), 'report.json');
    const { code, stdout } = await cli(['--base-url', server.url, '--fixtures', FIXTURES_FILE, '--no-dev-routes', '--filter', 'link', '--json', json]);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /^skip {2}.* — skipped: needs GET \/_dev\/outbox/m);
    assert.match(stdout, /^\d+ skipped$/m);
    const written = JSON.parse(readFileSync(json, 'utf8')) as { failed: number; skipped: number; results: Array<{ status: string; reason?: string }> };
    assert.equal(written.failed, 0);
    assert.ok(written.skipped > 0);
    assert.ok(written.results.some((r) => r.status === 'skipped' && /_dev\/outbox/.test(r.reason ?? '')));
  });

  it('fails, naming the case and the reason, and exits 1 against a backend that breaks the contract', async () => {
    const backend = createBackend({ now: NOW, onInternalError: () => {} });
    backend.handlers.unshift(http.get('*/api/v1/billing/history', () => HttpResponse.json({ currentMonth: '2026-11', months: 'none' })));
    const broken = await startHttpBackend({ port: 0, backend });
    try {
      const { code, stdout } = await cli(['--base-url', broken.url, '--fixtures', FIXTURES_FILE, '--filter', 'billing.history']);
      assert.equal(code, 1, stdout);
      assert.match(stdout, /^FAIL {2}billing\.history answers 200 .* — billing\.history: the body breaks the response schema \(months: invalid_type\)$/m);
      assert.match(stdout, /^0 passed, 1 failed$/m);
    } finally {
      await broken.close();
    }
  });

  it('fails cleanly, exit 1, against a base URL where nothing answers', async () => {
    const { code, stdout } = await cli(['--base-url', 'http://127.0.0.1:9/api/v1', '--fixtures', FIXTURES_FILE, '--filter', 'credentials.policy']);
    assert.equal(code, 1, stdout);
    assert.match(stdout, /^FAIL {2}the backend answers GET \/credentials\/policy — .*no answer/m);
    assert.match(stdout, /^0 passed, 1 failed$/m);
  });

  it('exits 2 with the usage when an option is missing, and names a broken fixtures file', async () => {
    const missing = await cli(['--base-url', server.url]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--fixtures/);
    const broken = await cli(['--base-url', server.url, '--fixtures', CLI]);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /not JSON/);
  });
});
