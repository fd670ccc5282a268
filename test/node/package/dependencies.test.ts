/**
 * What a partner's install gets: `dependencies` are exactly the packages that
 * shipped code imports, with caret ranges; msw is an optional peer needed only
 * by the reference backend's entries, which say what to install when it is
 * missing.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { mswGuardModule } from '../../../scripts/msw-peer.mjs';

interface PackageJson {
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
  devDependencies: Record<string, string>;
  engines: { node: string };
}
const pkg = JSON.parse(await readFile('package.json', 'utf8')) as PackageJson;

/** The npm packages a folder's non-test TypeScript imports at run time (type-only imports left out). */
async function importedPackages(dir: string): Promise<Set<string>> {
  const found = new Set<string>();
  for (const entry of await readdir(dir, { recursive: true })) {
    if (!entry.endsWith('.ts') || entry.endsWith('.test.ts') || entry.endsWith('.d.ts')) continue;
    const source = await readFile(join(dir, entry), 'utf8');
    for (const [, typeOnly, specifier] of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?'([^'.][^']*)'/gm)) {
      if (typeOnly || specifier!.startsWith('node:')) continue;
      const parts = specifier!.split('/');
      found.add(specifier!.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
    }
  }
  return found;
}

describe('package.json', () => {
  it('lists as dependencies exactly what the SDK and the elements import', async () => {
    const shipped = new Set([...(await importedPackages('src')), ...(await importedPackages('components'))]);
    // Optional peers of the React wrappers only: @lit/react would bring @types/react and csstype to every install.
    for (const peer of ['react', '@lit/react']) {
      assert.ok(shipped.delete(peer), peer);
      assert.equal(pkg.peerDependenciesMeta[peer]?.optional, true, peer);
    }
    assert.deepEqual([...shipped].sort(), Object.keys(pkg.dependencies).sort());
  });

  it('gives every dependency a caret range, so a partner keeps one copy of lit', () => {
    for (const [name, range] of Object.entries(pkg.dependencies)) assert.match(range, /^\^\d+\.\d+\.\d+$/, name);
  });

  it('makes msw an optional peer dependency that only the reference backend imports', async () => {
    assert.equal(pkg.dependencies.msw, undefined);
    assert.match(pkg.peerDependencies.msw ?? '', /^\^3\./);
    assert.equal(pkg.peerDependenciesMeta.msw?.optional, true);
    assert.ok(pkg.devDependencies.msw, 'the repository itself runs the backend');
    assert.ok((await importedPackages('mocks')).has('msw'));
    assert.ok(!(await importedPackages('conformance')).has('msw'), 'the conformance suite talks HTTP only');
  });

  it("states the consumers' Node version: the highest minimum of what ships (ky 2 needs 22), not the toolchain's pin", () => {
    const minimum = (range: string | undefined) => Number(/^>=\s*(\d+)/.exec(range ?? '>=0')?.[1] ?? 0);
    const needed = Math.max(
      ...Object.keys(pkg.dependencies).map((name) => {
        const dependency = JSON.parse(readFileSync(join('node_modules', name, 'package.json'), 'utf8')) as { engines?: { node?: string } };
        return minimum(dependency.engines?.node);
      }),
    );
    assert.equal(needed, 22, 'ky 2 declares Node >= 22');
    assert.equal(pkg.engines.node, `>=${needed}`);
    assert.ok(pkg.devDependencies.node?.startsWith('22.'), 'the toolchain runs on the node devDependency');
  });
});

describe('the mocks entries without msw', () => {
  /** Writes a guard and its implementation chunk into a folder with no node_modules, and imports the guard. */
  async function importGuarded(implementation: string, exports: string[]): Promise<Record<string, unknown>> {
    const dir = await mkdtemp(join(tmpdir(), 'wbk-msw-peer-'));
    try {
      await writeFile(join(dir, 'impl.mjs'), implementation);
      await writeFile(join(dir, 'entry.mjs'), mswGuardModule('web-billing-kit/mocks', './impl.mjs', exports));
      return (await import(pathToFileURL(join(dir, 'entry.mjs')).href)) as Record<string, unknown>;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('names the package to install when msw is missing', async () => {
    await assert.rejects(
      importGuarded("import { http } from 'msw/http';\nexport const createBackend = () => http;\n", ['createBackend']),
      (error: Error) => {
        assert.match(error.message, /^web-billing-kit\/mocks needs msw 3, an optional peer dependency/);
        assert.match(error.message, /npm install --save-dev msw@\^3/);
        assert.ok(error.cause instanceof Error);
        return true;
      },
    );
  });

  it('re-exports the implementation when it loads', async () => {
    const mod = await importGuarded('export const DEMO_ACCOUNTS = { a: 1 };\nexport default 7;\n', ['DEMO_ACCOUNTS', 'default']);
    assert.deepEqual(mod.DEMO_ACCOUNTS, { a: 1 });
    assert.equal(mod.default, 7);
  });

  it('passes other failures through unchanged', async () => {
    await assert.rejects(importGuarded("throw new RangeError('boom');\n", []), RangeError);
  });
});
