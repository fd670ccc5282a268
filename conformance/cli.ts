#!/usr/bin/env node
/**
 * `web-billing-conformance`: runs the conformance suite against a backend.
 *
 *   web-billing-conformance --base-url http://localhost:8787/api/v1 --fixtures fixtures.json [--filter text] [--no-dev-routes] [--json report.json]
 *
 * Prints one line per case and `N passed, M failed` last; exits 1 when a
 * case failed, 2 on a usage error. Sessions are held as the backend's
 * policy publishes (`sessionMode`): a bearer token, or the session cookie
 * with the CSRF header (the cookie-session cases run only then).
 *
 * @module
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseFixtures } from './fixtures.js';
import { formatResult, runConformance } from './runner.js';

const USAGE = `Usage: web-billing-conformance --base-url <url> --fixtures <file> [--filter <text>] [--no-dev-routes] [--json <file>]

  --base-url       the API's base URL, e.g. http://localhost:8787/api/v1
  --fixtures       a JSON file naming the test accounts your backend has seeded
                   (see conformance/fixtures.reference.json in web-billing-kit)
  --filter         run only the cases whose name or reference (e.g. V6.3.1) contains this text
  --no-dev-routes  do not use /_dev/reset, /_dev/outbox or /_dev/clock even if present
  --json           also write the report (every case with its status and reason) to this file`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        'base-url': { type: 'string' },
        fixtures: { type: 'string' },
        filter: { type: 'string' },
        'no-dev-routes': { type: 'boolean' },
        json: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const baseUrl = values['base-url'];
  if (!baseUrl || !values.fixtures) {
    console.error(`--base-url and --fixtures are required.\n\n${USAGE}`);
    return 2;
  }
  let fixtures;
  try {
    fixtures = parseFixtures(await readFile(values.fixtures, 'utf8'));
  } catch (error) {
    console.error(`${values.fixtures}: ${(error as Error).message}`);
    return 2;
  }
  console.log(`Web Billing conformance suite against ${baseUrl}`);
  const report = await runConformance({
    baseUrl,
    fixtures,
    ...(values.filter ? { filter: values.filter } : {}),
    useDevRoutes: !values['no-dev-routes'],
    onResult: (result) => console.log(formatResult(result)),
  });
  const found = Object.entries(report.dev).filter(([, present]) => present).map(([name]) => name);
  console.log(`development routes used: ${found.length ? found.join(', ') : 'none'}`);
  if (values.json) await writeFile(values.json, `${JSON.stringify({ baseUrl, ...report }, null, 2)}\n`);
  if (report.skipped > 0) console.log(`${report.skipped} skipped`);
  console.log(`${report.passed} passed, ${report.failed} failed`);
  return report.failed > 0 ? 1 : 0;
}

process.exitCode = await main();
