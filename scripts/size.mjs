#!/usr/bin/env node
/**
 * `npm run size`: what a partner pays, in bytes, for each shipped entry.
 *
 * 1. Builds the shipped entries of scripts/entries.mjs with the library's own
 *    rollup options (dependencies external) into a scratch folder, so the
 *    figures are those of the code we publish.
 * 2. Bundles each entry, and all of them together ("whole kit"), with every
 *    dependency included (node-resolve with the browser and production
 *    conditions), minifies with terser and gzips at level 9.
 * 3. Prints a table and exits 1 when a ceiling is exceeded, when msw or the
 *    reference backend reaches a shipped entry, or when classic zod does
 *    (shipped code uses zod/mini).
 *
 * Flags: `--details` also lists the biggest packages in each bundle.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { libraryConfig } from '../rollup.config.mjs';
import { ENTRIES, WHOLE_KIT } from './entries.mjs';

const ROOT = process.cwd();
const SCRATCH_NAME = 'web-billing-kit-size';
const SCRATCH = resolve(ROOT, 'node_modules/.cache', SCRATCH_NAME);
/** Whether a module id is in the scratch build (ids are real paths, so match by name). */
const inScratch = (id) => id.includes(`${sep}.cache${sep}${SCRATCH_NAME}${sep}`);
const DETAILS = process.argv.includes('--details');
const WHOLE_KIT_ID = '\0whole-kit';

/** Module ids of zod that belong to zod/mini; anything else under node_modules/zod/ is classic zod. */
const ZOD_MINI_PATHS = /^(mini|v4-mini|v4\/mini|v4\/core|v4\/locales|locales)\//;

/** Dependencies' own circular imports and misplaced `@__PURE__` comments are theirs to fix, not ours. */
function silenceDependencyWarnings(warning, warn) {
  const inDependency = (id) => id?.includes(`${sep}node_modules${sep}`) && !inScratch(id);
  if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every(inDependency)) return;
  if (warning.code === 'INVALID_ANNOTATION' && inDependency(warning.id)) return;
  warn(warning);
}

/** Stage 1: the shipped entries as published (dependencies external), into SCRATCH. */
async function buildShipped(entries) {
  rmSync(SCRATCH, { recursive: true, force: true });
  mkdirSync(SCRATCH, { recursive: true });
  const config = libraryConfig({ entries, dir: SCRATCH, sourcemap: false });
  const bundle = await rollup(config);
  try {
    const { output } = await bundle.write(config.output);
    return output;
  } finally {
    await bundle.close();
  }
}

/** Source modules (ours, not dependencies) that an entry of stage 1 pulls in, across its chunks. */
function sourceModulesOf(output, fileName) {
  const byFile = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
  const seen = new Set();
  const modules = new Set();
  const visit = (name) => {
    const chunk = byFile.get(name);
    if (!chunk || seen.has(name)) return;
    seen.add(name);
    for (const id of Object.keys(chunk.modules)) modules.add(relative(ROOT, id));
    for (const imported of [...chunk.imports, ...chunk.dynamicImports]) visit(imported);
  };
  visit(fileName);
  return [...modules];
}

/** Stage 2: one self-contained, minified bundle of `input` with every dependency. */
async function bundleForBrowser(input, wholeKitFiles) {
  const plugins = [
    nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
    terser({ module: true, compress: { passes: 2 }, format: { comments: false } }),
  ];
  if (wholeKitFiles) {
    plugins.unshift({
      name: 'whole-kit',
      resolveId: (id) => (id === WHOLE_KIT_ID ? id : null),
      load: (id) =>
        id === WHOLE_KIT_ID ? wholeKitFiles.map((file) => `export * from ${JSON.stringify(file)};`).join('\n') : null,
    });
  }
  const bundle = await rollup({ input, plugins, onwarn: silenceDependencyWarnings });
  try {
    const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
    const chunk = output.find((o) => o.type === 'chunk' && o.isEntry);
    const code = chunk.code;
    const modules = Object.entries(chunk.modules)
      .filter(([, m]) => m.renderedLength > 0)
      .map(([id, m]) => ({ id, renderedLength: m.renderedLength }));
    return { min: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length, modules };
  } finally {
    await bundle.close();
  }
}

/** The package a module id belongs to (`zod`, `@lit/context`), or `(own code)`. */
function packageOf(id) {
  if (inScratch(id) || id === WHOLE_KIT_ID) return '(own code)';
  const at = id.lastIndexOf(`${sep}node_modules${sep}`);
  if (at === -1) return '(own code)';
  const parts = id.slice(at + 14).split(sep);
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

/** Why a bundle of shipped code is not acceptable, one message per reason. */
function forbiddenContent(bundled, sources) {
  const problems = [];
  const ids = bundled.modules.map((m) => m.id);
  const msw = ids.filter((id) => /[\\/]node_modules[\\/](msw|@mswjs)[\\/]/.test(id));
  if (msw.length) {
    problems.push(`contains msw code (${msw.length} modules, e.g. ${relative(ROOT, msw[0])}); msw belongs only to mocks, tests and the demo`);
  }
  const backend = sources.filter((id) => id.startsWith(`mocks${sep}`));
  if (backend.length) problems.push(`contains the reference backend (${backend.join(', ')})`);
  const classicZod = ids.filter((id) => {
    const at = id.lastIndexOf(`${sep}node_modules${sep}zod${sep}`);
    if (at === -1) return false;
    const inside = id.slice(at + `${sep}node_modules${sep}zod${sep}`.length).split(sep).join('/');
    return !ZOD_MINI_PATHS.test(inside);
  });
  if (classicZod.length) {
    problems.push(
      `contains classic zod (${classicZod.map((id) => relative(ROOT, id)).slice(0, 3).join(', ')}${classicZod.length > 3 ? ', …' : ''}); ` +
        `shipped code must import 'zod/mini', never 'zod'`,
    );
  }
  return problems;
}

const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;

function printTable(rows) {
  const header = ['entry', 'min', 'min+gzip', 'budget (min+gzip)', 'result'];
  const cells = rows.map((r) => [
    r.label,
    r.min === undefined ? '-' : kB(r.min),
    r.gzip === undefined ? '-' : kB(r.gzip),
    r.budget ? kB(r.budget) : '-',
    r.result,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => c.map((v, i) => (i === 0 || i === 4 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

function printDetails(label, modules) {
  const byPackage = new Map();
  for (const m of modules) byPackage.set(packageOf(m.id), (byPackage.get(packageOf(m.id)) ?? 0) + m.renderedLength);
  const sorted = [...byPackage].sort((a, b) => b[1] - a[1]);
  console.log(`\n${label}: rendered bytes before minification, by package`);
  for (const [name, bytes] of sorted) console.log(`  ${name.padEnd(28)} ${String(bytes).padStart(8)}`);
}

async function main() {
  const shipped = ENTRIES.filter((e) => e.shipped);
  const present = shipped.filter((e) => existsSync(e.input));
  const rows = [];
  const failures = [];
  const warnings = [];
  for (const e of shipped.filter((e) => !present.includes(e))) {
    rows.push({ label: e.label ?? e.name, budget: e.budget, result: `skipped: ${e.input} missing` });
  }
  if (present.length === 0) {
    printTable(rows);
    console.error('\nsize: no shipped entry exists yet; nothing to measure.');
    process.exit(1);
  }

  const output = await buildShipped(present);
  const measured = [];
  for (const entry of present) {
    const file = resolve(SCRATCH, `${entry.name}.js`);
    measured.push({ label: entry.label ?? entry.name, budget: entry.budget, ceiling: entry.ceiling, input: file, sources: sourceModulesOf(output, `${entry.name}.js`) });
  }
  measured.push({
    label: WHOLE_KIT.label,
    budget: WHOLE_KIT.budget,
    ceiling: WHOLE_KIT.ceiling,
    input: WHOLE_KIT_ID,
    wholeKitFiles: present.map((e) => resolve(SCRATCH, `${e.name}.js`)),
    sources: present.flatMap((e) => sourceModulesOf(output, `${e.name}.js`)),
  });

  const details = [];
  const measuredRows = [];
  for (const m of measured) {
    const bundled = await bundleForBrowser(m.input, m.wholeKitFiles);
    const problems = forbiddenContent(bundled, m.sources);
    if (m.ceiling && bundled.gzip > m.ceiling) {
      problems.push(`${kB(bundled.gzip)} min+gzip is over its regression ceiling of ${kB(m.ceiling)}`);
    } else if (!m.ceiling && m.budget && bundled.gzip > m.budget) {
      problems.push(`${kB(bundled.gzip)} min+gzip is over its budget of ${kB(m.budget)}`);
    }
    const overTarget = !problems.length && m.budget && bundled.gzip > m.budget;
    if (overTarget) warnings.push(`${m.label}: ${kB(bundled.gzip)} min+gzip is over the design budget of ${kB(m.budget)} (below its ceiling of ${kB(m.ceiling)}); see docs/benchmarks.md`);
    for (const p of problems) failures.push(`${m.label}: ${p}`);
    measuredRows.push({
      label: m.label,
      min: bundled.min,
      gzip: bundled.gzip,
      budget: m.budget,
      result: problems.length ? 'FAIL' : overTarget ? 'OVER BUDGET' : 'ok',
    });
    details.push([m.label, bundled.modules]);
  }
  rmSync(SCRATCH, { recursive: true, force: true });

  console.log('Bundled with every dependency (node-resolve: browser + production conditions), terser, gzip -9.\n');
  printTable([...measuredRows, ...rows]);
  if (DETAILS) for (const [label, modules] of details) printDetails(label, modules);
  for (const w of warnings) console.warn(`\nsize: ${w}`);
  if (failures.length) {
    console.error(`\nsize: ${failures.length} problem(s):`);
    for (const f of failures) console.error(`  - ${f}`);
    process.exit(1);
  }
  console.log(`\nsize: every shipped entry is ${warnings.length ? 'within its ceiling' : 'within budget'} and free of msw, the reference backend and classic zod.`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
