/**
 * The Web Billing conformance suite: the contract's cases, run over HTTP
 * against any backend that claims to speak the contract. Not part of the
 * SDK; run it with `npx web-billing-conformance` or call
 * {@link runConformance}.
 *
 * @example
 * ```ts
 * import { runConformance, parseFixtures } from 'web-billing-kit/conformance';
 *
 * const report = await runConformance({ baseUrl: 'http://localhost:8080/api/v1', fixtures: parseFixtures(text) });
 * if (report.failed > 0) process.exitCode = 1;
 * ```
 *
 * @module
 */
export { runConformance, formatResult, type ConformanceOptions, type ConformanceReport, type CaseResult } from './runner.js';
export { CASES, THROTTLING_CASE, type ConformanceCase } from './cases/index.js';
export { Fixtures, parseFixtures } from './fixtures.js';
export { COOKIE_ONLY, type DevRoutes, type CaseContext, type Credentials } from './context.js';
export type { Api, Reply, CallOptions, RouteId, SetCookie } from './http.js';
