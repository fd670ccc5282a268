/**
 * A reporter for node's test runner that counts test results and emits
 * `{ "passed": n, "failed": n, "skipped": n }` as JSON, for `.ci/run`.
 * Use it beside the spec reporter:
 *
 *   node --test --test-reporter=spec --test-reporter-destination=stdout \
 *     --test-reporter=./scripts/count-reporter.mjs \
 *     --test-reporter-destination=test-results/node-counts.json
 *
 * Suites (`describe`) are not counted, only tests. `skip` and `todo` count as
 * skipped. A file that fails outside any test (an import error, say) is
 * reported by node as a failing test named after the file, so it counts as
 * failed too.
 */
export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { data } = event;
    if (data.details?.type === 'suite') {
      // A suite that failed on its own (a throwing hook or body) is not a test failure node counts,
      // but it must not pass unnoticed.
      if (event.type === 'test:fail' && isOwnFailure(data)) counts.failed++;
      continue;
    }
    if (data.skip !== undefined || data.todo !== undefined) counts.skipped++;
    else if (event.type === 'test:pass') counts.passed++;
    else counts.failed++;
  }
  yield `${JSON.stringify(counts)}\n`;
}

/** Whether a suite failed because of itself rather than because a test inside it failed. */
function isOwnFailure(data) {
  const failureType = data.details?.error?.failureType;
  return failureType !== undefined && failureType !== 'subtestsFailed';
}
