/**
 * `npm run manifest` → custom-elements.json, from the elements' JSDoc
 * headers (@summary, @tag, @slot, @fires, @csspart, @cssprop), rewritten to
 * describe what ships (see {@link shippedManifest}), plus the editor data
 * generated from it into dist/editor/: VS Code custom data (HTML and CSS) and
 * JSX types for frameworks other than React (Preact, Solid, Stencil…).
 *
 * `WBK_MANIFEST_ONLY=1` writes the manifest alone (the manifest test does).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsxTypesPlugin } from '@wc-toolkit/jsx-types';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';

const EDITOR_DIR = 'dist/editor';
const manifestOnly = Boolean(process.env.WBK_MANIFEST_ONLY);

/** Every TypeScript source under components/, by path. */
function sources(dir = 'components') {
  const files = new Map();
  for (const entry of readdirSync(dir, { recursive: true })) {
    if (String(entry).endsWith('.ts')) files.set(join(dir, String(entry)), readFileSync(join(dir, String(entry)), 'utf8'));
  }
  return files;
}

/** Event name → event class, read from the event modules (`class X extends Event { static readonly type = 'wb-…'`, or `extends Named(…)` for an event that carries nothing but its name). */
function eventClasses() {
  const classes = new Map();
  for (const source of sources().values()) {
    for (const match of source.matchAll(/class (\w+) extends (?:Event|Named\(\w+\)) \{\s*static readonly type = '([\w-]+)'/g)) classes.set(match[2], match[1]);
  }
  return classes;
}

/**
 * Classes that render into light DOM (`createRenderRoot()` returns the host),
 * themselves or through a base class: `::part()` cannot reach their parts.
 */
function lightDomClasses() {
  const superclassOf = new Map();
  const light = new Set();
  for (const source of sources().values()) {
    const ownsLightDom = /createRenderRoot\(\)[^{]*\{\s*return this;/.test(source);
    for (const match of source.matchAll(/^(?:export )?(?:abstract )?class (\w+)[\s\S]*?\bextends (\w+)(?:<[^>]*>)?\s*\{/gm)) {
      superclassOf.set(match[1], match[2]);
      if (ownsLightDom) light.add(match[1]);
    }
  }
  const isLight = (name, seen = new Set()) => light.has(name) || (!seen.has(name) && superclassOf.has(name) && isLight(superclassOf.get(name), seen.add(name)));
  return { isLight };
}

/**
 * The analyzer describes the TypeScript sources. A partner gets dist/: so
 * each element is moved to the module that registers it
 * (`dist/elements/<name>.js`, the `web-billing-kit/elements/<name>` entry)
 * with its `js` and `custom-element-definition` exports (the analyzer does
 * not see our guarded `defineElement()`); modules without an element, private
 * and protected members, references to unexported base classes, and the
 * inner elements that another element renders in its shadow root are
 * dropped. Events keep only the documented `@fires` tags (the analyzer also
 * guesses events from `dispatchEvent(new X(arg))`, naming them after the
 * first argument), typed with their class. Light-DOM elements list no
 * `cssParts`, since `::part()` cannot reach them; their description says how
 * to select those parts instead.
 */
function shippedManifest() {
  return {
    name: 'wb-shipped-manifest',
    packageLinkPhase({ customElementsManifest }) {
      const classes = eventClasses();
      const { isLight } = lightDomClasses();
      const modules = [];
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          if (!declaration.customElement || !declaration.tagName) continue;
          const folder = mod.path.split('/')[1];
          // An inner element, which another element renders in its own shadow root, lives in that
          // element's folder in a file named after its tag (<wb-idle-warning>: components/provider/idle-warning.ts).
          // Partners do not place it: it ships inside the outer element's entry and is not described as one of its own.
          if (mod.path === `components/${folder}/${declaration.tagName.slice(3)}.ts` && `wb-${folder}` !== declaration.tagName) continue;
          if (`wb-${folder}` !== declaration.tagName) throw new Error(`${mod.path}: <${declaration.tagName}> must live in components/${declaration.tagName.slice(3)}/`);
          const path = `dist/elements/${folder}.js`;
          const reference = { name: declaration.name, module: path };
          const isPublic = (member) => !member.privacy || member.privacy === 'public';
          const element = {
            ...declaration,
            members: (declaration.members ?? []).filter(isPublic).map(({ inheritedFrom, ...member }) => (inheritedFrom ? { ...member, inheritedFrom: { name: inheritedFrom.name } } : member)),
            events: (declaration.events ?? [])
              .filter((event) => event.description !== undefined && event.name)
              .map((event) => (classes.has(event.name) ? { ...event, type: { text: classes.get(event.name) } } : event)),
            superclass: declaration.superclass?.package ? declaration.superclass : { name: 'LitElement', package: 'lit' },
          };
          if (isLight(declaration.name) && element.cssParts?.length) {
            const names = element.cssParts.map((part) => `\`${part.name}\``).join(', ');
            element.description = `${element.description ?? ''}\n\nRenders in light DOM, where \`::part()\` does not reach: select its parts with \`${declaration.tagName} [part~="…"]\` (${names}).`.trim();
            delete element.cssParts;
          }
          modules.push({
            kind: 'javascript-module',
            path,
            declarations: [element],
            exports: [
              { kind: 'js', name: declaration.name, declaration: reference },
              { kind: 'custom-element-definition', name: declaration.tagName, declaration: reference },
            ],
          });
        }
      }
      customElementsManifest.modules = modules.sort((a, b) => a.path.localeCompare(b.path));
    },
  };
}

/**
 * @wc-toolkit/jsx-types names the event classes in the props' types without
 * importing them; they all come from `web-billing-kit/elements`.
 */
function importEventTypes(file) {
  return {
    name: 'wb-jsx-event-imports',
    packageLinkPhase() {
      if (manifestOnly || !existsSync(file)) return;
      const text = readFileSync(file, 'utf8');
      const used = [...new Set([...text.matchAll(/\b(Wb\w+Event)\b/g)].map((m) => m[1]))].sort();
      if (used.length === 0 || text.includes('from "web-billing-kit/elements";')) return;
      writeFileSync(file, `import type { ${used.join(', ')} } from "web-billing-kit/elements";\n${text}`);
    },
  };
}

export default {
  globs: ['components/**/*.ts'],
  exclude: ['components/autoloader*.ts', 'components/shared/**', 'components/react/**', 'components/**/*.test.ts', 'components/**/messages.ts', 'components/**/*styles.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  // package.json names custom-elements.json itself; the analyzer would write its --outdir path there.
  packagejson: false,
  plugins: [
    shippedManifest(),
    customElementVsCodePlugin({ outdir: EDITOR_DIR, skip: manifestOnly }),
    jsxTypesPlugin({
      outdir: EDITOR_DIR,
      fileName: 'custom-elements-jsx.d.ts',
      skip: manifestOnly,
      // The class types come from the package's own entries.
      componentTypePath: (_name, tag) => `web-billing-kit/elements/${tag.slice('wb-'.length)}`,
    }),
    importEventTypes(join(EDITOR_DIR, 'custom-elements-jsx.d.ts')),
  ],
};
