/**
 * Library build: ESM into dist/, one file per entry in scripts/entries.mjs,
 * with the package's dependencies and Node's builtins left external.
 * JavaScript only; `tsc -p tsconfig.build.json` emits the declarations
 * (see the `build` script).
 */
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import typescript from '@rollup/plugin-typescript';
import { ENTRIES } from './scripts/entries.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const DEPENDENCIES = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
const BUILTINS = new Set(builtinModules);

/** Whether an import stays an import: a dependency (or a subpath of one) or a Node builtin. */
export function isExternal(id) {
  if (id.startsWith('node:') || BUILTINS.has(id)) return true;
  return DEPENDENCIES.some((dep) => id === dep || id.startsWith(`${dep}/`));
}

/**
 * The entries whose source exists, as a rollup `input` object. Missing ones are
 * skipped with a warning so the build keeps working while a layer is unwritten.
 */
export function existingInputs(entries = ENTRIES, { warn = true } = {}) {
  const input = {};
  for (const entry of entries) {
    if (existsSync(entry.input)) input[entry.name] = entry.input;
    else if (warn) console.warn(`rollup.config: skipping entry "${entry.name}": ${entry.input} does not exist yet`);
  }
  if (Object.keys(input).length === 0) {
    throw new Error(`rollup.config: none of the entries exist (${entries.map((e) => e.input).join(', ')})`);
  }
  return input;
}

/** The rollup options of the library build; `scripts/size.mjs` reuses them with another `dir`. */
export function libraryConfig({ entries = ENTRIES, dir = 'dist', sourcemap = true } = {}) {
  return {
    input: existingInputs(entries),
    external: isExternal,
    plugins: [
      typescript({
        tsconfig: './tsconfig.build.json',
        include: ['src/**/*.ts', 'mocks/**/*.ts', 'components/**/*.ts', 'conformance/**/*.ts'],
        // JavaScript only: declarations come from `tsc -p tsconfig.build.json`.
        compilerOptions: {
          // The plugin's own default (esnext) would shadow the value tsconfig.build.json inherits.
          module: 'nodenext',
          moduleResolution: 'nodenext',
          noEmit: false,
          declaration: false,
          declarationMap: false,
          emitDeclarationOnly: false,
          outDir: dir,
          sourceMap: sourcemap,
        },
      }),
    ],
    output: {
      dir,
      format: 'es',
      sourcemap,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
  };
}

// A function, so that importing this module (scripts/size.mjs does) builds nothing and warns nothing.
export default () => libraryConfig();
