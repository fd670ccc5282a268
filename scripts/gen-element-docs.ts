/**
 * Part of `npm run docs`: one page per element for the typedoc site,
 * `docs/elements/<tag>.md` (generated, not committed), from
 * custom-elements.json (made by `npm run manifest` when missing) and, for the
 * light-DOM elements whose parts the manifest leaves out, their `@csspart`
 * tags: the summary and description, a usage sample (plain HTML, a bundler,
 * React), then its attributes, properties, events with their classes, slots,
 * parts and CSS custom properties. typedoc resolves the `{@link}`s to the
 * event classes, so a renamed class fails its link validation.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { realpathSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { elementStyling } from './gen-guides.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const ELEMENT_DOCS_DIR = join(ROOT, 'docs', 'elements');

interface Named {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
}
interface Member extends Named {
  kind: string;
  attribute?: string;
  readonly?: boolean;
  static?: boolean;
}
interface Element {
  name: string;
  tagName: string;
  summary?: string;
  description?: string;
  attributes?: (Named & { fieldName?: string })[];
  members?: Member[];
  events?: Named[];
  slots?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}

const text = (value: string | undefined): string => (value ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
const code = (value: string | undefined): string => (value ? `\`${value.replace(/\|/g, '\\|')}\`` : '');

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`), ''];
}

/** The page of one element. */
export function renderElementPage(element: Element, file: string, lightDomParts: Named[]): string {
  const tag = element.tagName;
  const out = ['---', `title: <${tag}>`, 'group: Elements', '---', '', `# \`<${tag}>\``, ''];
  if (element.summary) out.push(element.summary, '');
  if (element.description) out.push(element.description, '');
  const inner = tag === 'wb-provider' ? '\n  <!-- the <wb-*> elements -->\n' : '';
  const markup = tag === 'wb-provider' ? `<wb-provider base-url="/api/v1">${inner}</wb-provider>` : `<wb-provider base-url="/api/v1">\n  <${tag}></${tag}>\n</wb-provider>`;
  out.push(
    '## Usage',
    '',
    'Plain HTML, with the CDN build beside the page (the autoloader registers it when the tag appears):',
    '',
    '```html',
    '<script type="module" src="./web-billing-kit/autoloader.js"></script>',
    markup,
    '```',
    '',
    'With a bundler, its own entry registers it:',
    '',
    '```ts',
    `import 'web-billing-kit/elements/${file}';`,
    '```',
    '',
    'In React, its wrapper:',
    '',
    '```tsx',
    `import { ${element.name} } from 'web-billing-kit/react/${file}';`,
    '```',
    '',
    `The class is {@link components!${element.name}}.`,
    '',
  );
  const attributes = element.attributes ?? [];
  if (attributes.length) {
    out.push('## Attributes', '', ...table(['attribute', 'property', 'type', 'default', 'description'], attributes.map((a) => [code(a.name), code(a.fieldName), code(a.type?.text), code(a.default), text(a.description)])));
  }
  const properties = (element.members ?? []).filter((m) => m.kind === 'field' && !m.static && m.description);
  if (properties.length) {
    out.push('## Properties', '', ...table(['property', 'attribute', 'type', 'default', 'description'], properties.map((p) => [code(p.name), code(p.attribute), code(p.type?.text), code(p.default), text(p.description) + (p.readonly ? ' Read-only.' : '')])));
  }
  const events = element.events ?? [];
  if (events.length) {
    out.push('## Events', '', ...table(['event', 'class', 'description'], events.map((e) => [code(e.name), e.type?.text?.startsWith('Wb') ? `{@link components!${e.type.text}}` : code(e.type?.text ?? 'Event'), text(e.description)])));
  }
  if (element.slots?.length) out.push('## Slots', '', ...table(['slot', 'description'], element.slots.map((s) => [s.name ? code(s.name) : '(default)', text(s.description)])));
  if (element.cssParts?.length) {
    out.push('## Parts', '', `Style them with \`${tag}::part(name)\`.`, '', ...table(['part', 'description'], element.cssParts.map((p) => [code(p.name), text(p.description)])));
  } else if (lightDomParts.length) {
    out.push('## Parts', '', `It renders in light DOM, where \`::part()\` does not reach: select them with \`${tag} [part~="name"]\`.`, '', ...table(['part', 'description'], lightDomParts.map((p) => [code(p.name), text(p.description)])));
  }
  if (element.cssProperties?.length) out.push('## CSS custom properties', '', ...table(['property', 'description'], element.cssProperties.map((p) => [code(p.name), text(p.description)])));
  out.push('See [Theming](../guides/theming.md) for how the parts and properties fit together.', '');
  return out.join('\n');
}

function main(): void {
  const manifestPath = join(ROOT, 'custom-elements.json');
  if (!existsSync(manifestPath)) execFileSync('npm', ['run', 'manifest', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { modules: { path: string; declarations: Element[] }[] };
  const styling = new Map(elementStyling().map((s) => [s.tag, s.parts]));
  rmSync(ELEMENT_DOCS_DIR, { recursive: true, force: true });
  mkdirSync(ELEMENT_DOCS_DIR, { recursive: true });
  let count = 0;
  for (const mod of manifest.modules) {
    const file = mod.path.replace(/^dist\/elements\//, '').replace(/\.js$/, '');
    for (const element of mod.declarations.filter((d) => d.tagName)) {
      writeFileSync(join(ELEMENT_DOCS_DIR, `${element.tagName}.md`), renderElementPage(element, file, styling.get(element.tagName) ?? []));
      count++;
    }
  }
  console.log(`wrote ${count} element pages in docs/elements/`);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (invokedDirectly) main();
