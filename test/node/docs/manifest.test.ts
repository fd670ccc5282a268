import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { ENTRIES } from '../../../scripts/entries.mjs';
import { renderElementPage } from '../../../scripts/gen-element-docs.js';
import { elementStyling } from '../../../scripts/gen-guides.js';
import { eventProp, renderReact, staleReactFiles } from '../../../scripts/gen-react.js';

interface Declaration {
  name?: string;
  tagName?: string;
  summary?: string;
  description?: string;
  cssParts?: { name: string }[];
  attributes?: { name: string; fieldName?: string }[];
  events?: { name: string; type?: { text: string } }[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[]; exports?: { kind: string; name: string; declaration: { name: string; module?: string } }[] }[];
}

/**
 * Every tag registered by a components/<name>/define.ts, with its folder:
 * `<wb-name>` itself, and the inner elements it renders in its shadow root
 * (`<wb-idle-warning>` in components/provider/).
 */
function registeredTags(): { tag: string; folder: string }[] {
  const found: { tag: string; folder: string }[] = [];
  for (const folder of readdirSync('components')) {
    let source: string;
    try {
      source = readFileSync(join('components', folder, 'define.ts'), 'utf8');
    } catch {
      continue;
    }
    for (const match of source.matchAll(/defineElement\('(wb-[\w-]+)'/g)) found.push({ tag: match[1]!, folder });
  }
  return found;
}

/** Event names of the kit, by class name. */
function eventTypes(): Map<string, string> {
  const types = new Map<string, string>();
  for (const entry of readdirSync('components', { recursive: true })) {
    if (!String(entry).endsWith('.ts')) continue;
    const source = readFileSync(join('components', String(entry)), 'utf8');
    for (const match of source.matchAll(/class (\w+) extends (?:Event|Named\(\w+\)) \{\s*static readonly type = '([\w-]+)'/g)) types.set(match[1]!, match[2]!);
  }
  return types;
}

describe('custom-elements.json (npm run manifest)', () => {
  let dir: string;
  let manifest: Manifest;
  before(async () => {
    // The analyzer joins --outdir to the working directory, so it must be relative.
    mkdirSync('test-results', { recursive: true });
    dir = mkdtempSync(join('test-results', 'manifest-'));
    const cli = join('node_modules', '@custom-elements-manifest', 'analyzer', 'cem.js');
    await promisify(execFile)(process.execPath, [cli, 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', dir], {
      env: { ...process.env, WBK_MANIFEST_ONLY: '1' },
    });
    manifest = JSON.parse(readFileSync(join(dir, 'custom-elements.json'), 'utf8')) as Manifest;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const declarationOf = (tag: string): Declaration | undefined =>
    manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);

  const registered = registeredTags();
  const elements = registered.filter(({ tag, folder }) => tag === `wb-${folder}`);
  const innerElements = registered.filter(({ tag, folder }) => tag !== `wb-${folder}`);
  it('finds the registered elements', () => assert.ok(elements.length >= 12, `only ${elements.length} define.ts files`));

  for (const { tag, folder } of innerElements) {
    it(`leaves out <${tag}>, which <wb-${folder}> renders in its shadow root, as it has no entry of its own`, () => {
      const file = join('components', folder, `${tag.slice('wb-'.length)}.ts`);
      assert.match(readFileSync(file, 'utf8'), new RegExp(`@tag ${tag}\\b`), `${file} declares <${tag}>`);
      assert.equal(declarationOf(tag), undefined);
      assert.ok(!ENTRIES.some((entry) => entry.name === `elements/${tag.slice('wb-'.length)}`), `<${tag}> has a build entry`);
    });
  }

  for (const { tag, folder } of elements) {
    describe(`<${tag}>`, () => {
      it('appears with its tag name and summary', () => {
        const declaration = declarationOf(tag);
        assert.ok(declaration, `${tag} is missing from the manifest (its class needs a JSDoc header with @tag ${tag})`);
        assert.ok(declaration.summary, `${tag} has no @summary`);
      });

      it('lists exactly the attributes the registered element observes, each with its property', async () => {
        // Lit's Node build registers the elements on its DOM shim, so the real classes answer here.
        await import('../../../components/index.js');
        const element = customElements.get(tag) as unknown as { observedAttributes: string[]; elementProperties: Map<string, unknown> };
        const attributes = declarationOf(tag)?.attributes ?? [];
        assert.deepEqual(attributes.map((a) => a.name).sort(), [...element.observedAttributes].sort());
        for (const { name, fieldName } of attributes) assert.ok(fieldName && element.elementProperties.has(fieldName), `${tag}: ${name} has no property ${fieldName}`);
      });

      it('is described where it ships, dist/elements/<name>.js, with its class and its definition', () => {
        const path = `dist/elements/${folder}.js`;
        const mod = manifest.modules.find((m) => m.path === path);
        assert.ok(mod, `no module ${path}`);
        assert.ok(ENTRIES.some((entry) => entry.name === `elements/${folder}` && entry.input === `components/${folder}/define.ts`), `no build entry elements/${folder}`);
        const name = declarationOf(tag)?.name;
        assert.deepEqual(
          mod.exports?.map((e) => [e.kind, e.name, e.declaration.name, e.declaration.module]),
          [
            ['js', name, name, path],
            ['custom-element-definition', tag, name, path],
          ],
        );
      });

      const lightDom = /createRenderRoot\(\)[^{]*\{\s*return this;/;
      const source = readFileSync(join('components', folder, `${folder}.ts`), 'utf8');
      const rendersLightDom = lightDom.test(source) || /extends Wb(Form|CredentialForm|EmailForm|EmailRegistration)Element|extends WbCredentialForm/.test(source);
      if (rendersLightDom) {
        it('lists no CSS part, since ::part() cannot reach its light DOM, and names them for [part~=] selectors instead', () => {
          assert.equal(declarationOf(tag)?.cssParts, undefined);
          assert.match(declarationOf(tag)?.description ?? '', new RegExp(`select its parts with \`${tag} \\[part~=`));
        });
      } else if (tag !== 'wb-provider') {
        // <wb-provider> renders nothing but its children, so it has no part to style.
        it('documents at least one CSS part', () => {
          assert.ok((declarationOf(tag)?.cssParts ?? []).length > 0, `${tag} has no @csspart`);
        });
      }

      it('gets a page in the API docs with its usage, attributes, events linked to their classes and parts', () => {
        const declaration = declarationOf(tag) as Parameters<typeof renderElementPage>[0];
        const parts = elementStyling().find((s) => s.tag === tag)?.parts ?? [];
        const page = renderElementPage(declaration, folder, parts);
        assert.match(page, new RegExp(`^---\ntitle: <${tag}>\ngroup: Elements\n---`));
        assert.ok(page.includes(`import 'web-billing-kit/elements/${folder}';`));
        assert.ok(page.includes(`from 'web-billing-kit/react/${folder}';`));
        for (const event of declarationOf(tag)?.events ?? []) {
          if (event.name.startsWith('wb-')) assert.ok(page.includes(`| \`${event.name}\` | {@link components!${event.type?.text}} |`), `${tag}: ${event.name}`);
        }
        for (const part of parts) assert.ok(page.includes(`| \`${part.name}\` |`), `${tag}: part ${part.name}`);
      });

      it('has a React wrapper, web-billing-kit/react/<name>, with an on… prop for each of its events', () => {
        const wrapper = renderReact(manifest).get(`${folder}.ts`);
        assert.ok(wrapper && wrapper.includes(`tagName: '${tag}'`), `no wrapper for ${tag}`);
        assert.ok(ENTRIES.some((entry) => entry.name === `react/${folder}`), `no build entry react/${folder}`);
        for (const event of declarationOf(tag)?.events ?? []) {
          if (!event.name.startsWith('wb-')) continue; // native events keep React's own props
          assert.ok(wrapper.includes(`${eventProp(event.name)}: '${event.name}' as EventName<${event.type?.text}>`), `${tag}'s wrapper has no prop for ${event.name}`);
        }
      });

      it('documents every event it dispatches (@fires), typed with its class', () => {
        const declared = new Map((declarationOf(tag)?.events ?? []).map((e) => [e.name, e.type?.text]));
        const types = eventTypes();
        const sources = readdirSync(join('components', folder))
          .filter((f) => f.endsWith('.ts') && f !== 'messages.ts')
          .map((f) => readFileSync(join('components', folder, f), 'utf8'))
          .join('\n');
        const dispatched = new Set([...sources.matchAll(/new (Wb\w+Event)\(/g)].map((m) => m[1]!));
        for (const className of dispatched) {
          const name = types.get(className);
          assert.ok(name, `${className} is not an event class of the kit`);
          assert.equal(declared.get(name), className, `${tag} dispatches ${name} but its header has no @fires ${name}`);
        }
      });
    });
  }

  it('matches the committed React wrappers in components/react/ (run `npm run manifest && npm run react` when this fails)', () => {
    assert.deepEqual(staleReactFiles(manifest), []);
  });
});
