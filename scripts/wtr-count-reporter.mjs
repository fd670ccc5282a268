/**
 * A web-test-runner reporter that counts test results and writes
 * `{ "passed": n, "failed": n, "skipped": n }` to a JSON file, for `.ci/run`
 * (web-test-runner's own summary line is not a plain `N passed, N failed`).
 *
 * A test file that fails outside any test (an import error, a timeout, an
 * uncaught error between tests) counts as one failed test, so a broken file
 * can never look like a green run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** @param {{ outputFile: string }} options */
export function countReporter({ outputFile }) {
  /** @param {import('@web/test-runner-core').TestSession[]} sessions */
  const write = (sessions) => {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const session of sessions) {
      const before = counts.failed;
      if (session.testResults) countSuite(session.testResults, counts);
      if (session.passed === false && counts.failed === before) counts.failed++;
    }
    mkdirSync(dirname(outputFile), { recursive: true });
    writeFileSync(outputFile, `${JSON.stringify(counts)}\n`);
  };
  /** @type {import('@web/test-runner-core').Reporter} */
  const reporter = {
    onTestRunFinished({ sessions }) {
      write(sessions);
    },
    stop({ sessions }) {
      // Also on stop, so a run that ends early (a failed browser start, Ctrl-C) leaves counts behind.
      write(sessions);
    },
  };
  return reporter;
}

/**
 * @param {import('@web/test-runner-core').TestSuiteResult} suite
 * @param {{ passed: number, failed: number, skipped: number }} counts
 */
function countSuite(suite, counts) {
  for (const test of suite.tests) {
    if (test.skipped) counts.skipped++;
    else if (test.passed) counts.passed++;
    else counts.failed++;
  }
  for (const child of suite.suites) countSuite(child, counts);
}
