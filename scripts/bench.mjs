#!/usr/bin/env node
/**
 * `npm run bench`: runs bench/**\/*.bench.ts in headless Chromium through
 * web-test-runner (web-test-runner.bench.config.mjs) and prints one table of
 * every figure the pages reported with `console.log('BENCH', JSON.stringify(row))`.
 * A row is `{ bench, case, median, unit, ...extra }`. Pass file globs to run
 * only some: `npm run bench -- bench/line-picker.bench.ts`.
 *
 * Figures go in docs/benchmarks.md with the command that produced them.
 */
import { spawn } from 'node:child_process';

const files = process.argv.slice(2);
const args = ['web-test-runner', '--config', 'web-test-runner.bench.config.mjs', ...(files.length ? ['--files', ...files] : [])];
const child = spawn('npx', args, { stdio: ['ignore', 'pipe', 'inherit'] });
let output = '';
child.stdout.on('data', (chunk) => {
  output += chunk;
});
child.on('close', (code) => {
  const rows = [];
  for (const line of output.split('\n')) {
    const at = line.indexOf('BENCH ');
    if (at === -1) continue;
    try {
      rows.push(JSON.parse(line.slice(at + 6).trim()));
    } catch {
      /* a line that merely mentions BENCH */
    }
  }
  if (code !== 0 || rows.length === 0) {
    process.stdout.write(output);
    console.error(code !== 0 ? `bench: web-test-runner exited with ${code}` : 'bench: no figures were reported');
    process.exit(code || 1);
  }
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cells = rows.map((r) => keys.map((k) => (typeof r[k] === 'number' ? String(Math.round(r[k] * 100) / 100) : String(r[k] ?? ''))));
  const widths = keys.map((k, i) => Math.max(k.length, ...cells.map((c) => c[i].length)));
  console.log(`Chromium headless, ${new Date().toISOString().slice(0, 10)}\n`);
  console.log(keys.map((k, i) => k.padEnd(widths[i])).join('  '));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(c.map((v, i) => v.padEnd(widths[i])).join('  '));
});
