/**
 * React ships CommonJS only, which the browser cannot import. For the
 * browser tests, esbuild bundles react, react-dom/client and
 * react/jsx-runtime once into one ES module (one copy of React, shared by
 * react-dom), and these specifiers resolve to small re-exporting shims.
 */
import { build } from 'esbuild';

const PREFIX = '/__react-esm/';
const ENTRY = `
import React from 'react';
import * as ReactDOMClient from 'react-dom/client';
import * as JSXRuntime from 'react/jsx-runtime';
export { React, ReactDOMClient, JSXRuntime };
`;
const REACT_NAMES = ['Children', 'Component', 'Fragment', 'PureComponent', 'StrictMode', 'Suspense', 'cloneElement', 'createContext', 'createElement', 'createRef', 'forwardRef', 'isValidElement', 'lazy', 'memo', 'startTransition', 'use', 'useCallback', 'useContext', 'useEffect', 'useId', 'useImperativeHandle', 'useLayoutEffect', 'useMemo', 'useReducer', 'useRef', 'useState', 'useSyncExternalStore', 'useTransition', 'version'];
const SHIMS = {
  react: `import { React } from './bundle.js'; export default React; export const { ${REACT_NAMES.join(', ')} } = React;`,
  'react-dom/client': `import { ReactDOMClient } from './bundle.js'; export default ReactDOMClient; export const { createRoot, hydrateRoot } = ReactDOMClient;`,
  'react/jsx-runtime': `import { JSXRuntime } from './bundle.js'; export const { jsx, jsxs, Fragment } = JSXRuntime;`,
};
const shimPath = (specifier) => `${PREFIX}${specifier.replace(/\//g, '_')}.js`;

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function reactAsEsm() {
  let bundle;
  return {
    name: 'react-as-esm',
    resolveImport({ source }) {
      return source in SHIMS ? shimPath(source) : undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      if (context.path === `${PREFIX}bundle.js`) {
        bundle ??= build({
          stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'js' },
          bundle: true,
          format: 'esm',
          write: false,
          define: { 'process.env.NODE_ENV': '"production"' },
          logLevel: 'silent',
        }).then((result) => result.outputFiles[0].text);
        return { body: await bundle, type: 'js' };
      }
      const specifier = Object.keys(SHIMS).find((name) => shimPath(name) === context.path);
      return specifier ? { body: SHIMS[specifier], type: 'js' } : undefined;
    },
  };
}
