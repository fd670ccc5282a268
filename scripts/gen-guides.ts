/**
 * `npm run docs:guides`: fills the generated regions of docs/guides/*.md.
 *
 * - `<!-- sample: x.ts -->` … `<!-- /sample -->`: the file
 *   docs/guides/samples/x.ts as a code block, its relative import of the SDK
 *   written as `web-billing-kit`. The samples are run by
 *   test/node/docs/samples.test.ts, so what the guide shows works.
 * - `<!-- example: plain-html/index.html -->` … `<!-- /example -->`: the
 *   file examples/plain-html/index.html as a code block, exactly (the
 *   consumer test in test/consumers/ serves that page and logs in through it).
 * - `<!-- parts-and-properties -->` … `<!-- /parts-and-properties -->`: every
 *   element's CSS parts and custom properties, from the `@csspart` and
 *   `@cssprop` tags of its JSDoc header (the same tags the custom-elements
 *   manifest reads).
 *
 * `--check` writes nothing and exits 1 when a guide differs from what would
 * be generated; test/node/docs/guides.test.ts does the same.
 */
import { readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const GUIDES_DIR = join(ROOT, 'docs', 'guides');
const SAMPLES_DIR = join(GUIDES_DIR, 'samples');
const COMPONENTS_DIR = join(ROOT, 'components');
const EXAMPLES_DIR = join(ROOT, 'examples');

/** An example file, exactly, as a code block in its language. */
export function renderExample(file: string): string {
  const language = file.slice(file.lastIndexOf('.') + 1);
  return `\`\`\`${language}\n${readFileSync(join(EXAMPLES_DIR, file), 'utf8').trimEnd()}\n\`\`\``;
}

/** A sample as a partner would write it: importing the package, not the repository's source. */
export function renderSample(file: string): string {
  const source = readFileSync(join(SAMPLES_DIR, file), 'utf8').replace(/(['"])(\.\.\/)+src\/index\.js\1/g, "'web-billing-kit'");
  return `\`\`\`ts\n${source.trimEnd()}\n\`\`\``;
}

interface Documented {
  name: string;
  description: string;
}

/** Each element's tag with its @csspart and @cssprop entries, in header order. */
export function elementStyling(): { tag: string; parts: Documented[]; properties: Documented[] }[] {
  const elements: { tag: string; parts: Documented[]; properties: Documented[] }[] = [];
  for (const folder of readdirSync(COMPONENTS_DIR).sort()) {
    if (folder === 'shared' || folder === 'react') continue;
    let files: string[];
    try {
      files = readdirSync(join(COMPONENTS_DIR, folder)).filter((f) => f.endsWith('.ts'));
    } catch {
      continue;
    }
    for (const file of files) {
      const source = readFileSync(join(COMPONENTS_DIR, folder, file), 'utf8');
      for (const header of source.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*?@tag (wb-[\w-]+)(?:(?!\*\/)[\s\S])*)\*\//g)) {
        const text = header[1]!.replace(/^\s*\* ?/gm, '');
        const tagged = (tag: string): Documented[] =>
          [...text.matchAll(new RegExp(`^@${tag} (\\S+) - ((?:.(?!\\n@))*.?(?:\\n(?!@|\\n).*)*)`, 'gm'))].map((m) => ({
            name: m[1]!,
            description: m[2]!.replace(/\s*\n\s*/g, ' ').trim(),
          }));
        elements.push({ tag: header[2]!, parts: tagged('csspart'), properties: tagged('cssprop') });
      }
    }
  }
  return elements.sort((a, b) => a.tag.localeCompare(b.tag));
}

const cell = (text: string): string => text.replace(/\|/g, '\\|');

export function renderPartsAndProperties(): string {
  const out: string[] = [];
  for (const { tag, parts, properties } of elementStyling()) {
    out.push(`### \`<${tag}>\``, '');
    if (parts.length === 0 && properties.length === 0) {
      out.push('No parts or properties: it renders only its children.', '');
      continue;
    }
    if (parts.length > 0) {
      out.push('| part | what |', '| --- | --- |', ...parts.map((p) => `| \`${p.name}\` | ${cell(p.description)} |`), '');
    }
    if (properties.length > 0) {
      out.push('| custom property | what |', '| --- | --- |', ...properties.map((p) => `| \`${p.name}\` | ${cell(p.description)} |`), '');
    }
  }
  return out.join('\n').trimEnd();
}

/** A guide with its generated regions filled in. */
export function renderGuide(markdown: string): string {
  return markdown
    .replace(/(<!-- sample: ([\w.-]+) -->)\n(?:(?:(?!<!-- sample:)[\s\S])*?\n)?(<!-- \/sample -->)/g, (_all, open: string, file: string, close: string) => `${open}\n${renderSample(file)}\n${close}`)
    .replace(/(<!-- example: ([\w./-]+) -->)\n(?:(?:(?!<!-- example:)[\s\S])*?\n)?(<!-- \/example -->)/g, (_all, open: string, file: string, close: string) => `${open}\n${renderExample(file)}\n${close}`)
    .replace(/(<!-- parts-and-properties -->)\n(?:[\s\S]*?\n)?(<!-- \/parts-and-properties -->)/g, (_all, open: string, close: string) => `${open}\n${renderPartsAndProperties()}\n${close}`);
}

/** The guides whose committed text differs from the generated one. */
export function staleGuides(): string[] {
  return readdirSync(GUIDES_DIR)
    .filter((f) => f.endsWith('.md'))
    .filter((f) => {
      const text = readFileSync(join(GUIDES_DIR, f), 'utf8');
      return renderGuide(text) !== text;
    });
}

function main(args: string[]): number {
  if (args.includes('--check')) {
    const stale = staleGuides();
    if (stale.length > 0) {
      console.error(`stale generated regions in docs/guides/: ${stale.join(', ')}. Run \`npm run docs:guides\` and commit them.`);
      return 1;
    }
    console.log('docs/guides are up to date.');
    return 0;
  }
  for (const f of readdirSync(GUIDES_DIR).filter((name) => name.endsWith('.md'))) {
    const path = join(GUIDES_DIR, f);
    const text = readFileSync(path, 'utf8');
    const rendered = renderGuide(text);
    if (rendered !== text) {
      writeFileSync(path, rendered);
      console.log(`wrote docs/guides/${f}`);
    }
  }
  return 0;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (invokedDirectly) process.exitCode = main(process.argv.slice(2));
