/**
 * `npm run conformance:mutants`: runs the conformance suite against the clean
 * mutation proxy and against every injected defect of test/mutants/defects.ts,
 * prints the kill table and writes it to test-results/mutants.md.
 *
 * Options: `--filter TEXT` (only defects whose id contains TEXT),
 * `--concurrency N` (defects run at a time, default 2), `--full` (run every
 * case against each defect and list every case that catches it; by default a
 * defect's run stops at the first case that catches it).
 * Also runs the harmless variations (test/mutants/harmless.ts), which must pass.
 * Exits 1 if the clean proxy fails a case, a defect survives or a harmless variation fails.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFECTS, EXPECTED_SURVIVORS } from '../test/mutants/defects.js';
import { allHarmless, HARMLESS, HARMLESS_COOKIE } from '../test/mutants/harmless.js';
import { killTable, probeDefects, runBaselines, runMutant, runMutants } from '../test/mutants/run.js';

const { values } = parseArgs({ options: { filter: { type: 'string' }, concurrency: { type: 'string' }, full: { type: 'boolean' } } });
const defects = values.filter ? DEFECTS.filter((d) => d.id.includes(values.filter!)) : DEFECTS;
const started = performance.now();

// A clean proxy per backend the defects need (bearer tokens; cookie sessions): each defect's baseline.
const baselines = await runBaselines(defects);
for (const clean of baselines) {
  console.log(`${clean.defect.id} proxy: ${clean.passed} passed, ${clean.failed.length} failed, ${clean.skipped} skipped (${clean.durationMs} ms)`);
  for (const c of clean.failed) console.log(`  FAIL ${c.name} — ${c.reason}`);
  if (clean.failed.length) console.log('  (a defect is counted as caught only by cases that pass through the clean proxy)');
}
const cleanFails = baselines.some((b) => b.failed.length > 0);

const results = await runMutants(defects, baselines, {
  concurrency: Number(values.concurrency ?? 2),
  stopAtFirstKill: !values.full,
  onResult: (r) => {
    const cases = r.killedBy.map((c) => c.name);
    console.log(`${r.caught ? 'caught  ' : 'SURVIVED'} ${r.defect.id} (${r.durationMs} ms)${cases.length ? ` — ${cases.length} case(s): ${cases.join(' | ')}` : ''}`);
    for (const e of r.hookErrors) console.log(`  hook error: ${e.split('\n')[0]}`);
  },
});
// Harmless variations must pass: a failure here is a false alarm of the suite.
const falseAlarms: string[] = [];
for (const variation of [...HARMLESS, ...HARMLESS_COOKIE, ...allHarmless()]) {
  const r = await runMutant(variation);
  console.log(`${r.failed.length === 0 ? 'passes  ' : 'FALSE ALARM'} ${variation.id} (${r.durationMs} ms)`);
  for (const c of r.failed) {
    console.log(`  FAIL ${c.name} — ${c.reason}`);
    falseAlarms.push(`- \`${variation.id}\` (${variation.description}): ${c.name} — ${c.reason ?? ''}`);
  }
}
const liveness = await probeDefects(defects);
for (const l of liveness) {
  if (l.mutant === null) console.log(`NOT LIVE ${l.defect.id}: its probe does not see the defect through the proxy`);
  if (l.clean !== null) console.log(`clean shows ${l.defect.id} too: ${l.clean} (the reference backend lacks this behaviour)`);
}
const totalMs = Math.round(performance.now() - started);
const table = `${killTable(baselines, results, totalMs, liveness)}
## Harmless variations (must pass)

${[...HARMLESS, ...HARMLESS_COOKIE].map((h) => `- \`${h.id}\`${h.backend ? ' (cookie backend)' : ''}: ${h.description}`).join('\n')}

${falseAlarms.length ? `False alarms:\n\n${falseAlarms.join('\n')}` : 'No false alarm: every variation, and all of them at once, passes every case.'}
`;
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/mutants.md', table);
const caught = results.filter((r) => r.caught).length;
console.log(`\n${caught} of ${results.length} defects caught; clean proxies ${cleanFails ? 'FAIL' : 'pass'}; ${(totalMs / 1000).toFixed(1)} s. Kill table: test-results/mutants.md`);
// A defect listed in EXPECTED_SURVIVORS (with why no black-box case can see it) does not fail the run.
const unexpected = results.filter((r) => !r.caught && !(r.defect.id in EXPECTED_SURVIVORS));
for (const r of results.filter((r) => !r.caught && r.defect.id in EXPECTED_SURVIVORS)) console.log(`expected survivor ${r.defect.id}: ${EXPECTED_SURVIVORS[r.defect.id]}`);
if (cleanFails || unexpected.length > 0 || falseAlarms.length > 0) process.exitCode = 1;
