/**
 * msw is an optional peer dependency: only the reference backend's entries
 * (`web-billing-kit/mocks`, `/mocks/node`, `/mocks/browser`) import it. A
 * static `import 'msw'` that cannot be resolved fails while the module graph
 * is linked, before any of our code runs, with a bare "Cannot find package
 * 'msw'". So each of those entries is built as an implementation chunk, and
 * its public file is a small wrapper that imports the chunk dynamically and
 * turns a missing msw into an error that says what to install.
 */

/** The error a mocks entry throws when msw cannot be loaded; any other error is returned as is. */
export function mswMissingError(entry, error) {
  const text = String(error && typeof error === 'object' && 'message' in error ? error.message : error);
  if (!/['"]msw(?:\/[^'"]*)?['"]/.test(text)) return error;
  return new Error(
    `${entry} needs msw 3, an optional peer dependency of web-billing-kit that is not installed. ` +
      `Install it where you run the reference backend: npm install --save-dev msw@^3 (${text})`,
    { cause: error },
  );
}

/**
 * The wrapper module of one mocks entry: `implPath` is the implementation
 * chunk relative to the wrapper, `exports` its export names.
 */
export function mswGuardModule(entry, implPath, exports) {
  const named = exports.filter((name) => name !== 'default');
  const lines = [
    `// ${entry}: the reference backend runs on msw, an optional peer dependency; this says so when it is missing.`,
    mswMissingError.toString(),
    'let implementation;',
    'try {',
    `  implementation = await import(${JSON.stringify(implPath)});`,
    '} catch (error) {',
    `  throw mswMissingError(${JSON.stringify(entry)}, error);`,
    '}',
  ];
  if (named.length > 0) lines.push(`export const { ${named.join(', ')} } = implementation;`);
  if (exports.includes('default')) lines.push('export default implementation.default;');
  return `${lines.join('\n')}\n`;
}

/**
 * Rollup plugin: the entries named in `entries` (rollup entry name → package
 * specifier) are written to `chunks/<name>.impl.js`, and `<name>.js` becomes
 * their guard (see {@link mswGuardModule}).
 */
export function mswPeerGuard(entries) {
  return {
    name: 'msw-peer-guard',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry || !(chunk.name in entries)) continue;
        const depth = chunk.name.split('/').length - 1;
        const implPath = `${depth === 0 ? './' : '../'.repeat(depth)}${chunk.fileName}`;
        this.emitFile({
          type: 'asset',
          fileName: `${chunk.name}.js`,
          source: mswGuardModule(entries[chunk.name], implPath, chunk.exports),
        });
      }
    },
  };
}

/** Where the implementation of a guarded entry goes (rollup `entryFileNames`). */
export function implFileName(name) {
  return `chunks/${name.replaceAll('/', '-')}.impl.js`;
}
