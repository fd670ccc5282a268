/**
 * `npm run react`: generates the React wrappers from custom-elements.json
 * (`npm run manifest` first), one module per element
 * (`components/react/<name>.ts`, the `web-billing-kit/react/<name>` entry)
 * and `components/react/index.ts` (`web-billing-kit/react`) re-exporting them
 * all, as Shoelace's `make-react` does. Each wrapper is `@lit/react`'s
 * `createComponent`: the element's properties become props and each
 * documented `wb-*` event an `on…` prop typed with its event class; native
 * events (`input`) keep React's own props.
 *
 * `--check` writes nothing and exits 1 when a committed wrapper differs from
 * what the manifest generates (test/node/docs/manifest.test.ts does the same).
 */
import { existsSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REACT_DIR = join(ROOT, 'components', 'react');
const HEADER = 'Generated from custom-elements.json by `npm run react` (scripts/gen-react.ts); do not edit.';

interface ManifestEvent {
  name: string;
  description?: string;
  type?: { text: string };
}
interface ManifestElement {
  name: string;
  tagName: string;
  summary?: string;
  events?: ManifestEvent[];
}
/** The part of custom-elements.json the wrappers are made from. */
export interface Manifest {
  modules: { path: string; declarations?: Partial<ManifestElement>[] }[];
}

/** The module (relative to components/react/) that declares each event class of the kit. */
function eventModules(): Map<string, string> {
  const modules = new Map<string, string>();
  const dir = join(ROOT, 'components');
  for (const entry of readdirSync(dir, { recursive: true })) {
    if (!String(entry).endsWith('.ts')) continue;
    const source = readFileSync(join(dir, String(entry)), 'utf8');
    for (const match of source.matchAll(/export class (\w+) extends (?:Event|Named\(\w+\)) \{/g)) {
      modules.set(match[1]!, relative(REACT_DIR, join(dir, String(entry))).replace(/\.ts$/, '.js'));
    }
  }
  return modules;
}

/** `wb-logged-in` → `onLoggedIn`. */
export function eventProp(event: string): string {
  return `on${event.replace(/^wb-/, '').replace(/(^|-)(\w)/g, (_all, _dash: string, letter: string) => letter.toUpperCase())}`;
}

const oneLine = (text: string | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** The elements of the manifest with the file name of their entry (`dist/elements/<name>.js`). */
function elementsOf(manifest: Manifest): { file: string; element: ManifestElement }[] {
  return manifest.modules
    .flatMap((mod) =>
      (mod.declarations ?? [])
        .filter((d): d is ManifestElement => Boolean(d.tagName && d.name))
        .map((element) => ({ file: mod.path.replace(/^dist\/elements\//, '').replace(/\.js$/, ''), element })),
    )
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** Every generated file of components/react/, by file name. */
export function renderReact(manifest: Manifest): Map<string, string> {
  const modules = eventModules();
  const files = new Map<string, string>();
  const elements = elementsOf(manifest);
  for (const { file, element } of elements) {
    const events = (element.events ?? []).filter((event) => event.name.startsWith('wb-'));
    const byModule = new Map<string, string[]>();
    for (const event of events) {
      const type = event.type?.text;
      const from = type ? modules.get(type) : undefined;
      if (!type || !from) throw new Error(`<${element.tagName}> fires ${event.name} without a known event class (${type ?? 'no type'})`);
      byModule.set(from, [...new Set([...(byModule.get(from) ?? []), type])].sort());
    }
    const props = events.map((event) => `    ${eventProp(event.name)}: '${event.name}' as EventName<${event.type!.text}>,`);
    const eventsDoc = events.length
      ? `Its events are typed \`on…\` props: ${events.map((event) => `\`${eventProp(event.name)}\` gets a {@link ${event.type!.text}}`).join(', ')}.`
      : 'It has no `wb-*` event.';
    const lines = [
      '/**',
      ` * React wrapper of \`<${element.tagName}>\`: ${oneLine(element.summary)}`,
      ` * Its properties are props. ${eventsDoc}`,
      ' * Importing this module registers the element.',
      ' *',
      ` * ${HEADER}`,
      ' *',
      ' * @module',
      ' */',
      events.length ? "import { createComponent, type EventName } from '@lit/react';" : "import { createComponent } from '@lit/react';",
      "import React from 'react';",
      `import { ${element.name} as ${element.name}Element } from '../${file}/define.js';`,
      ...[...byModule].sort(([a], [b]) => a.localeCompare(b)).map(([from, types]) => `import type { ${types.join(', ')} } from '${from}';`),
      '',
      `/** \`<${element.tagName}>\` in React: ${oneLine(element.summary)} */`,
      `export const ${element.name} = createComponent({`,
      '  react: React,',
      `  tagName: '${element.tagName}',`,
      `  elementClass: ${element.name}Element,`,
      ...(events.length ? ['  events: {', ...props, '  },'] : []),
      '});',
      '',
    ];
    files.set(`${file}.ts`, lines.join('\n'));
  }
  const index = [
    '/**',
    ' * React wrappers of every `<wb-*>` element, made with `@lit/react`: the',
    " * element's properties become typed props and its events typed `on…` props",
    ' * (`onLoggedIn` gets a `WbLoggedInEvent`). Importing this module registers',
    ' * every element; import `web-billing-kit/react/<name>` to load only the ones',
    ' * a page shows. React and `@lit/react` are optional peer dependencies: the',
    " * wrappers use the app's copies.",
    ' *',
    ` * ${HEADER}`,
    ' *',
    ' * @example',
    ' * ```tsx',
    " * import { WbProvider, WbLogin } from 'web-billing-kit/react';",
    ' *',
    ' * <WbProvider baseUrl="/api/v1">',
    ' *   <WbLogin onLoggedIn={(event) => console.log(event.stage)} />',
    ' * </WbProvider>',
    ' * ```',
    ' *',
    ' * @module',
    ' */',
    ...elements.map(({ file, element }) => `export { ${element.name} } from './${file}.js';`),
    '',
  ];
  files.set('index.ts', index.join('\n'));
  return files;
}

/** Generated files whose committed text differs (or that are missing or left over). */
export function staleReactFiles(manifest: Manifest): string[] {
  const expected = renderReact(manifest);
  const stale = [...expected].filter(([name, text]) => !existsSync(join(REACT_DIR, name)) || readFileSync(join(REACT_DIR, name), 'utf8') !== text).map(([name]) => name);
  const leftOver = readdirSync(REACT_DIR).filter((name) => !expected.has(name));
  return [...stale, ...leftOver];
}

function main(args: string[]): number {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8')) as Manifest;
  if (args.includes('--check')) {
    const stale = staleReactFiles(manifest);
    if (stale.length > 0) {
      console.error(`components/react/ differs from custom-elements.json: ${stale.join(', ')}. Run \`npm run manifest && npm run react\`.`);
      return 1;
    }
    console.log('components/react/ matches custom-elements.json.');
    return 0;
  }
  const files = renderReact(manifest);
  for (const name of readdirSync(REACT_DIR)) if (!files.has(name)) rmSync(join(REACT_DIR, name));
  for (const [name, text] of files) writeFileSync(join(REACT_DIR, name), text);
  console.log(`wrote ${files.size} files in components/react/`);
  return 0;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (invokedDirectly) process.exitCode = main(process.argv.slice(2));
