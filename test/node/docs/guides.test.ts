import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { elementStyling, staleGuides } from '../../../scripts/gen-guides.js';

describe('docs/guides', () => {
  it('show the current samples and parts (run `npm run docs:guides` when this fails)', () => {
    assert.deepEqual(staleGuides(), []);
  });

  it('theming.md lists every element with a JSDoc @tag, and every part', () => {
    const theming = readFileSync('docs/guides/theming.md', 'utf8');
    const elements = elementStyling();
    assert.ok(elements.length >= 12);
    for (const { tag, parts } of elements) {
      assert.ok(theming.includes(`### \`<${tag}>\``), `theming.md lacks <${tag}>`);
      for (const part of parts) assert.ok(theming.includes(`| \`${part.name}\` |`), `theming.md lacks ${tag}'s part ${part.name}`);
    }
  });

  it('sdk-by-task.md embeds every sample file', () => {
    const guide = readFileSync('docs/guides/sdk-by-task.md', 'utf8');
    for (const file of ['postcard-login.ts', 'login-logout.ts', 'reissue-email.ts', 'notice-email.ts', 'billing.ts', 'password-reissue.ts']) {
      assert.ok(guide.includes(`<!-- sample: ${file} -->`), `sdk-by-task.md does not embed ${file}`);
    }
    assert.ok(!guide.includes('src/index.js'), 'samples import web-billing-kit, not the source');
  });

  it('package.json names the generated manifest', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { customElements?: string };
    assert.equal(pkg.customElements, 'custom-elements.json');
  });
});
