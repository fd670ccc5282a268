/**
 * Library build: ESM into dist/, one file per entry in scripts/entries.mjs,
 * with the package's dependencies and Node's builtins left external.
 * JavaScript only; `tsc -p tsconfig.build.json` emits the declarations
 * (see the `build` script).
 */
import { existsSync, readFileSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { builtinModules } from 'node:module';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';
import { ENTRIES } from './scripts/entries.mjs';
import { implFileName, mswPeerGuard } from './scripts/msw-peer.mjs';

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

/**
 * The CSS of Lit's css`…` templates ships as written, comments, line breaks
 * and indentation included: terser minifies the code around a template, not
 * its text. This drops the comments and collapses the whitespace of each
 * css`…` without `${…}`, which CSS does not read (a run of whitespace is one
 * space; none is needed around `{`, `}` and `;`, nor after `:` and `,`; the
 * kit's CSS has no quoted text with a colon or comma that this would change).
 */
export function collapseCss(code) {
  return code.replace(
    /\bcss`([^`$\\]*)`/g,
    (_, text) => `css\`${text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').replace(/ ?([{};]) ?/g, '$1').replace(/([:,]) /g, '$1').trim()}\``,
  );
}

/**
 * With `useDefineForClassFields: false` (Lit's decorators need it), TypeScript
 * emits `static readonly type = 'wb-logged-in'` as a static block,
 * `static { this.type = 'wb-logged-in'; }`, which rollup must keep: a block
 * runs code. So every event class shipped in every bundle, used or not. A
 * static field whose value is a string literal is emitted as the class field
 * it is written as, which rollup drops with the class when nothing uses it.
 */
export function staticLiteralFields(js) {
  return js.replace(/static \{ this\.(\w+) = ('[^'\\\n]*'|"[^"\\\n]*"); \}/g, 'static $1 = $2;');
}

/**
 * TypeScript to JavaScript, file by file (`ts.transpileModule`), with the
 * project's decorator settings, and the CSS of css`…` templates collapsed
 * ({@link collapseCss}). No type checking here: `tsc -p
 * tsconfig.build.json` (the build's next step) checks types and emits the
 * declarations. @rollup/plugin-typescript type-checked the whole program for
 * every build, which made `npm run build` and `npm run size` take minutes.
 */
export function transpileTypeScript({ sourcemap }) {
  const compilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    experimentalDecorators: true,
    useDefineForClassFields: false,
    verbatimModuleSyntax: false,
    sourceMap: sourcemap,
    inlineSources: sourcemap,
  };
  return {
    name: 'transpile-typescript',
    // Sources import each other as `./x.js` (nodenext style); the file is `./x.ts`.
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.') || !source.endsWith('.js')) return null;
      const candidate = resolve(dirname(importer), `${source.slice(0, -3)}.ts`);
      return existsSync(candidate) ? candidate : null;
    },
    transform(code, id) {
      if (!id.endsWith('.ts') || id.endsWith('.d.ts')) return null;
      const out = ts.transpileModule(collapseCss(code), { compilerOptions, fileName: id });
      // TypeScript's helpers start `var __decorate = (this && this.__decorate) || function …`, a
      // script-era guard: in a module `this` is undefined, so rollup warned about every decorated
      // file (and, with source maps, could not even place the warning). Keep just the function.
      const js = staticLiteralFields(out.outputText.replace(/^var (__\w+) = \(this && this\.\1\) \|\| /gm, 'var $1 = '));
      return { code: js, map: out.sourceMapText ? JSON.parse(out.sourceMapText) : null };
    },
  };
}

const LOCALE_MODULE = /[\\/]components[\\/]([\w-]+)[\\/]([\w-]+)\.(en|ja)\.ts$/;

/**
 * A catalog's locale module, `components/<folder>/<name>.<locale>.ts` (one
 * locale of a catalog, loaded with `import()` on first use), by module id:
 * its folder, name and locale; `undefined` for any other module.
 */
export function localeModule(id) {
  const match = id ? LOCALE_MODULE.exec(id) : null;
  return match ? { folder: match[1], name: match[2], locale: match[3] } : undefined;
}

/**
 * Chunk file names: a catalog's locale chunk (loaded with `import()` when an
 * element first needs that locale) is named after its folder, module and
 * locale, `chunks/login-messages.ja-<hash>.js`, so that a page's requests
 * say which catalogs it loads; other chunks are named `fallback`.
 */
function chunkFileNames(fallback) {
  return (chunk) => {
    const module = localeModule(chunk.facadeModuleId);
    return module ? `chunks/${module.folder}-${module.name}.${module.locale}-[hash].js` : fallback;
  };
}

/** The rollup options of the library build; `scripts/size.mjs` reuses them with another `dir`. */
export function libraryConfig({ entries = ENTRIES, dir = 'dist', sourcemap = true } = {}) {
  const guarded = Object.fromEntries(entries.filter((entry) => entry.mswPeer).map((entry) => [entry.name, entry.mswPeer]));
  return {
    input: existingInputs(entries),
    external: isExternal,
    plugins: [
      transpileTypeScript({ sourcemap }),
      mswPeerGuard(guarded),
    ],
    output: {
      dir,
      format: 'es',
      sourcemap,
      entryFileNames: (chunk) => (chunk.name in guarded ? implFileName(chunk.name) : '[name].js'),
      chunkFileNames: chunkFileNames('chunks/[name]-[hash].js'),
    },
  };
}

/**
 * The CDN build, `dist/cdn/`: the SDK, every element (all, and one entry
 * each) and the autoloader, as ES modules that a browser loads without a
 * bundler or an import map: every dependency bundled (browser and production
 * conditions: no Lit dev mode), shared code in `chunks/`, minified.
 */
export function cdnConfig({ dir = 'dist/cdn' } = {}) {
  const shipped = ENTRIES.filter((entry) => entry.shipped);
  return {
    input: { ...existingInputs(shipped, { warn: false }), autoloader: 'components/autoloader.ts' },
    plugins: [
      transpileTypeScript({ sourcemap: false }),
      nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
      terser({ module: true, compress: { passes: 2 }, format: { comments: false } }),
    ],
    onwarn(warning, warn) {
      // Dependencies' own circular imports and misplaced `@__PURE__` comments are theirs to fix (as in scripts/size.mjs).
      if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('/node_modules/'))) return;
      if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/')) return;
      warn(warning);
    },
    output: {
      dir,
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: chunkFileNames('chunks/[hash].js'),
    },
  };
}

// A function, so that importing this module (scripts/size.mjs does) builds nothing and warns nothing.
export default () => [libraryConfig(), cdnConfig()];
