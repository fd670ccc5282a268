/**
 * The layers of docs/architecture.md, held: each layer imports only from the
 * ones below it, and the elements reach the SDK only through its internal
 * entry, `src/core.ts`. Reads every source file's static and dynamic imports
 * (type-only ones too: a type import still ties the layers together).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = resolve(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every relative import of a file, as a path from the repository's root; bare ones (packages) as they are. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:^|[\s;])(?:import|export)\b[^'";]*?from\s*'([^']+)'|import\(\s*'([^']+)'\s*\)|^import\s+'([^']+)'/gm)].map((m) => m[1] ?? m[2] ?? m[3]!);
  return specifiers.map((s) => (s.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), s)).replace(/\.js$/, '.ts') : s));
}

function violations(dir: string, allowed: (target: string, file: string) => boolean): string[] {
  return sources(dir).flatMap((file) => importsOf(file).filter((target) => !allowed(target, file)).map((target) => `${file} → ${target}`));
}

const isPackage = (target: string) => !target.startsWith('.') && !/^(src|components|mocks|conformance|examples|test|scripts|bench)\//.test(target);

describe('layers (docs/architecture.md)', () => {
  it('the contract imports nothing but zod and itself', () => {
    assert.deepEqual(violations('src/contract', (t) => t.startsWith('src/contract/') || t === 'zod/mini' || t === 'zod'), []);
  });

  it('the SDK imports neither the elements, nor the backend, nor the examples', () => {
    assert.deepEqual(violations('src', (t) => t.startsWith('src/') || isPackage(t)), []);
  });

  /** The two elements that go past core, and why: the provider makes the client; the breakdown loads the CSV entry on demand. */
  const BEYOND_CORE: Record<string, string> = {
    'components/provider/provider.ts': 'src/index.ts',
    'components/breakdown/csv-download.ts': 'src/breakdown-csv.ts',
  };

  it('the elements reach the SDK only through src/core.ts (the provider makes the client; the breakdown loads the CSV export on demand)', () => {
    assert.deepEqual(violations('components', (t, file) => t === 'src/core.ts' || BEYOND_CORE[file] === t || t.startsWith('components/') || isPackage(t)), []);
  });

  it('the reference backend imports only the contract from the SDK', () => {
    assert.deepEqual(violations('mocks', (t) => t.startsWith('mocks/') || t.startsWith('src/contract/') || isPackage(t)), []);
  });

  it('the conformance suite knows the contract, not the SDK, the elements or the backend', () => {
    assert.deepEqual(violations('conformance', (t) => t.startsWith('conformance/') || t.startsWith('src/contract/') || isPackage(t)), []);
  });
});
