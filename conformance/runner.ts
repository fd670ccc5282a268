/**
 * Runs the conformance cases against a base URL and reports each one.
 *
 * @module
 */
import { CredentialPolicySchema } from '../src/contract/schemas.js';
import type { CredentialPolicy } from '../src/contract/rules.js';
import { CASES, type ConformanceCase } from './cases/index.js';
import { CaseContext, type DevRoutes } from './context.js';
import type { Fixtures } from './fixtures.js';
import { Api, CaseFailure, CaseSkipped, describeReply } from './http.js';

/** The outcome of one case. */
export interface CaseResult {
  name: string;
  /** The requirement the case checks (an OWASP ASVS 5.0 requirement or a user-guide section). */
  ref?: string;
  status: 'passed' | 'failed' | 'skipped';
  /** Why it failed or was skipped. */
  reason?: string;
  durationMs: number;
}

/** The outcome of a run. */
export interface ConformanceReport {
  results: CaseResult[];
  passed: number;
  failed: number;
  skipped: number;
  /** The development routes found on the backend. */
  dev: DevRoutes;
}

/** Options of {@link runConformance}. */
export interface ConformanceOptions {
  /** The API's base URL, e.g. `http://localhost:8787/api/v1`. */
  baseUrl: string;
  fixtures: Fixtures;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof globalThis.fetch;
  /** Told about each case as it ends (the CLI prints it). */
  onResult?: (result: CaseResult) => void;
  /** Run only the cases whose name or reference contains this text. */
  filter?: string;
  /** Look for the reference backend's development routes (default true). */
  useDevRoutes?: boolean;
}

async function findDevRoutes(api: Api, enabled: boolean): Promise<DevRoutes> {
  if (!enabled) return { outbox: false, clock: false, reset: false };
  // A backend that does not answer has none; the policy read below reports it.
  const answers = (method: string, path: string, status: number, body?: unknown) =>
    api.raw(method, path, body === undefined ? {} : { body }).then((r) => r.status === status, () => false);
  const reset = await answers('POST', '/_dev/reset', 204);
  const outbox = await answers('GET', '/_dev/outbox', 200);
  const clock = await answers('POST', '/_dev/clock', 200, {});
  return { outbox, clock, reset };
}

/** One line for a result, as the CLI prints it. */
export function formatResult(result: CaseResult): string {
  const label = { passed: 'pass', failed: 'FAIL', skipped: 'skip' }[result.status];
  return `${label}  ${result.name}${result.ref ? ` [${result.ref}]` : ''}${result.reason ? ` — ${result.status === 'skipped' ? 'skipped: ' : ''}${result.reason}` : ''}`;
}

/** Runs every case (or those matching `filter`) in order. */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const results: CaseResult[] = [];
  const record = (result: CaseResult): void => {
    results.push(result);
    options.onResult?.(result);
  };

  let policy: CredentialPolicy | undefined;
  const policyReply = await new Api(baseUrl, options.fetch).raw('GET', '/credentials/policy').catch((error: unknown) => error as Error);
  if (policyReply instanceof Error) {
    record({ name: 'the backend answers GET /credentials/policy', status: 'failed', reason: policyReply.message, durationMs: 0 });
  } else {
    const parsed = CredentialPolicySchema.safeParse(policyReply.body);
    if (policyReply.status === 200 && parsed.success) policy = parsed.data;
    else record({ name: 'the backend answers GET /credentials/policy', status: 'failed', reason: `got ${describeReply(policyReply)}`, durationMs: 0 });
  }

  // Sessions are held as the backend publishes, read once: every request (the development routes' included) goes as that mode's client sends it.
  const api = new Api(baseUrl, options.fetch, policy?.sessionMode);
  const dev = await findDevRoutes(api, options.useDevRoutes ?? true);

  const cases: ConformanceCase[] = options.filter ? CASES.filter((c) => c.name.includes(options.filter!) || c.ref.includes(options.filter!)) : CASES;
  for (const testCase of cases) {
    const started = performance.now();
    const finish = (status: CaseResult['status'], reason?: string): void =>
      record({ name: testCase.name, ref: testCase.ref, status, ...(reason ? { reason } : {}), durationMs: Math.round(performance.now() - started) });
    if (!policy) {
      finish('skipped', 'the credential policy could not be read');
      continue;
    }
    try {
      if (dev.reset) await api.raw('POST', '/_dev/reset');
      await testCase.run(new CaseContext(api, options.fixtures, policy, dev));
      finish('passed');
    } catch (error) {
      if (error instanceof CaseSkipped) finish('skipped', error.message);
      else if (error instanceof CaseFailure) finish('failed', error.message);
      else finish('failed', `unexpected error: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    }
  }
  if (dev.reset) await api.raw('POST', '/_dev/reset');

  const count = (status: CaseResult['status']) => results.filter((r) => r.status === status).length;
  return { results, passed: count('passed'), failed: count('failed'), skipped: count('skipped'), dev };
}
