#!/usr/bin/env node
/**
 * `npm run size:cdn` (after `npm run build`): what a plain-HTML page loads
 * from the CDN build, dist/cdn/. For the autoloader, the SDK, all elements
 * and each element, the bytes of its module and every chunk it imports
 * statically (min, and the sum of each file gzipped at level 9, as a server
 * sends them one by one), plus the folder's total. The autoloader's row is
 * the loader alone: it imports each element's module when its tag appears.
 * Message catalogs are chunks of their own, one per locale, that an element
 * imports with `import()` on first use (`chunks/login-messages.ja-<hash>.js`):
 * each row counts the Japanese ones, as a Japanese page loads them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const CDN = resolve('dist/cdn');
const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;

/** The locale a page is measured in: its catalog chunks are loaded, the other locale's are not. */
const LOCALE = 'ja';
/** A catalog's chunk of one locale, by file name. */
const CATALOG_CHUNK = /\.(en|ja)-[\w-]+\.js$/;

/** The file and every module it imports statically, transitively, plus the catalog chunks of LOCALE it imports with `import()`. */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const match of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
    closure(resolve(dirname(file), match[1]), seen);
  }
  for (const match of code.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)) {
    if (CATALOG_CHUNK.exec(match[1])?.[1] === LOCALE) closure(resolve(dirname(file), match[1]), seen);
  }
  return seen;
}

function measure(files) {
  let min = 0;
  let gzip = 0;
  for (const file of files) {
    const code = readFileSync(file);
    min += code.length;
    gzip += gzipSync(code, { level: 9 }).length;
  }
  return { min, gzip };
}

const entries = [
  ['autoloader.js', 'autoloader (loader only)'],
  ['index.js', 'SDK'],
  ['elements.js', 'all elements'],
  ...readdirSync(join(CDN, 'elements')).sort().map((f) => [`elements/${f}`, `<wb-${f.replace(/\.js$/, '')}>`]),
];
const rows = entries.map(([file, label]) => {
  const files = closure(join(CDN, file));
  return { label, files: files.size, ...measure(files) };
});
const login = new Set([...closure(join(CDN, 'autoloader.js')), ...closure(join(CDN, 'elements/provider.js')), ...closure(join(CDN, 'elements/login.js'))]);
rows.push({ label: 'login page (autoloader + provider + login)', files: login.size, ...measure(login) });
const all = readdirSync(CDN, { recursive: true }).map((f) => join(CDN, String(f))).filter((f) => statSync(f).isFile());
rows.push({ label: `dist/cdn/ total (${relative(process.cwd(), CDN)})`, files: all.length, ...measure(all) });

const HEADER = 'module, its static imports and its Japanese catalogs';
const width = Math.max(HEADER.length, ...rows.map((r) => r.label.length));
console.log(`${HEADER.padEnd(width)}  files        min   gzip (per file)`);
for (const r of rows) console.log(`${r.label.padEnd(width)}  ${String(r.files).padStart(5)}  ${kB(r.min).padStart(9)}  ${kB(r.gzip).padStart(9)}`);
