/**
 * Runs the conformance suite against the clean proxy and against each defect
 * of the catalogue (a fresh backend and proxy each), and formats the kill
 * table.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseFixtures, runConformance, type CaseResult } from '../../conformance/index.js';
import { DEFECTS } from './defects.js';
import { Probe, PROBES } from './probes.js';
import { CLEAN, cleanFor, startMutant, type Defect } from './proxy.js';

const FIXTURES_FILE = fileURLToPath(new URL('../../conformance/fixtures.reference.json', import.meta.url));

/** The outcome of the suite against one defect. */
export interface MutantResult {
  defect: Defect;
  /**
   * At least one case that passes through the clean proxy failed (a "kill").
   * A case that fails on the clean backend too proves nothing about the defect.
   */
  caught: boolean;
  /** The cases that failed, with their reasons. */
  failed: CaseResult[];
  /** The failed cases that pass through the clean proxy: the ones that caught the defect. */
  killedBy: CaseResult[];
  passed: number;
  skipped: number;
  /** Every case's result. */
  results: CaseResult[];
  /** Requests the defect's hook itself failed on (a harness bug if not empty). */
  hookErrors: string[];
  durationMs: number;
}

/** What a defect's liveness probe saw: through its own proxy and through the clean one (null: behaves). */
export interface Liveness {
  defect: Defect;
  mutant: string | null;
  clean: string | null;
}

async function probeOnce(defect: Defect, id: string): Promise<string | null> {
  const mutant = await startMutant(defect);
  try {
    const probe = new Probe(mutant.url);
    await probe.reset();
    return await PROBES[id]!(probe);
  } catch (error) {
    return `probe failed: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await mutant.close();
  }
}

/** Runs each defect's probe through its own proxy and through the clean proxy (fresh backends each), `concurrency` at a time. */
export async function probeDefects(defects: readonly Defect[] = DEFECTS, concurrency = 2): Promise<Liveness[]> {
  const out: Liveness[] = new Array(defects.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < defects.length) {
      const index = next++;
      const defect = defects[index]!;
      if (!PROBES[defect.id]) {
        out[index] = { defect, mutant: null, clean: 'no probe for this defect' };
        continue;
      }
      out[index] = { defect, mutant: await probeOnce(defect, defect.id), clean: await probeOnce(cleanFor(defect), defect.id) };
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return out;
}

/** Options of {@link runMutant}. */
export interface RunOptions {
  /**
   * Stop at the first case that catches the defect (the rest answer 503 at
   * once and are not counted): a faster run that names one catching case.
   * Needs a baseline.
   */
  stopAtFirstKill?: boolean;
}

/** Runs the suite once against `defect` (default: the clean proxy). */
export async function runMutant(defect: Defect = CLEAN, baseline?: MutantResult, options: RunOptions = {}): Promise<MutantResult> {
  const fixtures = parseFixtures(readFileSync(FIXTURES_FILE, 'utf8'));
  const started = performance.now();
  const mutant = await startMutant(defect);
  const passedOnClean = baseline ? new Set(baseline.results.filter((r) => r.status === 'passed').map((r) => r.name)) : undefined;
  let stopped = false;
  const fetchUnlessStopped: typeof fetch = (input, init) =>
    stopped ? Promise.resolve(new Response('{"stopped":true}', { status: 503, headers: { 'content-type': 'application/json' } })) : fetch(input, init);
  const counted: CaseResult[] = [];
  try {
    const report = await runConformance({
      baseUrl: mutant.url,
      fixtures,
      fetch: fetchUnlessStopped,
      onResult(result) {
        if (stopped) return;
        counted.push(result);
        if (options.stopAtFirstKill && passedOnClean && result.status === 'failed' && passedOnClean.has(result.name)) stopped = true;
      },
    });
    const results = options.stopAtFirstKill ? counted : report.results;
    const failed = results.filter((r) => r.status === 'failed');
    const killedBy = passedOnClean ? failed.filter((r) => passedOnClean.has(r.name)) : failed;
    return {
      defect,
      caught: killedBy.length > 0,
      failed,
      killedBy,
      results,
      passed: results.filter((r) => r.status === 'passed').length,
      skipped: results.filter((r) => r.status === 'skipped').length,
      hookErrors: mutant.hookErrors.map((e) => (e instanceof Error ? (e.stack ?? e.message) : String(e))),
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    await mutant.close();
  }
}

/** The clean runs the defects need as baselines: one per backend they run against ({@link cleanFor}). */
export async function runBaselines(defects: readonly Defect[]): Promise<MutantResult[]> {
  const cleans = new Map(defects.map((d) => cleanFor(d)).map((c) => [c.id, c]));
  const baselines: MutantResult[] = [];
  for (const clean of cleans.values()) baselines.push(await runMutant(clean));
  return baselines;
}

/**
 * Runs every defect, `concurrency` at a time (results in catalogue order).
 * A defect counts as caught only by cases that pass in its baseline (the
 * clean proxy's run in front of the same backend, among `baselines`), so a
 * case still failing on the clean backend kills nothing.
 */
export async function runMutants(
  defects: readonly Defect[],
  baselines: readonly MutantResult[],
  options: RunOptions & { concurrency?: number; onResult?: (result: MutantResult) => void } = {},
): Promise<MutantResult[]> {
  const results: MutantResult[] = new Array(defects.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < defects.length) {
      const index = next++;
      const defect = defects[index]!;
      const baseline = baselines.find((b) => b.defect.id === cleanFor(defect).id);
      if (!baseline) throw new Error(`no clean baseline ${cleanFor(defect).id} for ${defect.id}`);
      results[index] = await runMutant(defect, baseline, options);
      options.onResult?.(results[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
  return results;
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The kill table as markdown. */
export function killTable(baselines: readonly MutantResult[], results: readonly MutantResult[], totalMs: number, liveness: readonly Liveness[] = []): string {
  const live = new Map(liveness.map((l) => [l.defect.id, l]));
  const caught = results.filter((r) => r.caught).length;
  const lines = [
    '# Conformance suite vs. injected defects',
    '',
    `Generated by \`npm run conformance:mutants\` (test/mutants/). ${baselines.map((b) => `${b.defect.id === 'clean' ? 'Clean proxy' : `Clean proxy (${b.defect.backend?.sessionMode} sessions)`}: ${b.passed} passed, ${b.failed.length} failed, ${b.skipped} skipped.`).join(' ')} A defect is caught by the cases that pass through the clean proxy in front of the same backend and fail through the defect's.`,
    '',
    `**${caught} of ${results.length} defects caught.** Whole run: ${(totalMs / 1000).toFixed(1)} s.`,
    '',
    '| defect | caught? | cases that caught it (first reason) | live? (probe through the defect / through the clean proxy) | breaks |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const r of results) {
    const cases = r.killedBy.map((c) => c.name);
    const first = r.killedBy[0]?.reason ? ` — ${r.killedBy[0].reason.slice(0, 160)}` : '';
    const errors = r.hookErrors.length ? ` (**${r.hookErrors.length} hook errors**)` : '';
    const l = live.get(r.defect.id);
    const probe = l ? `${l.mutant ?? '**not seen**'} / ${l.clean === null ? 'clean behaves' : `**clean shows it too: ${l.clean}**`}` : '—';
    lines.push(
      `| \`${r.defect.id}\`: ${cell(r.defect.description)} | ${r.caught ? 'yes' : '**NO**'}${errors} | ${cell(cases.length ? `${cases.join('; ')}${first}` : '—')} | ${cell(probe)} | ${cell(r.defect.breaks)} |`,
    );
  }
  const survivors = results.filter((r) => !r.caught);
  if (survivors.length) {
    lines.push('', '## Surviving defects', '');
    for (const r of survivors) lines.push(`- \`${r.defect.id}\`: ${r.defect.description}`);
  }
  return `${lines.join('\n')}\n`;
}
