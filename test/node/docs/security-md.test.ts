// docs/security.md links each promise to the test that proves it: every
// link must lead to a file that exists, and every security test must be
// linked from it.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const DOCS = fileURLToPath(new URL('../../../docs/', import.meta.url));
const text = readFileSync(`${DOCS}security.md`, 'utf8');
const links = [...text.matchAll(/\]\(((?:\.\.\/|[a-z])[^)#\s]*)(?:#[^)]*)?\)/g)].map((m) => m[1]!);

describe('docs/security.md', () => {
  it('links only to files that exist', () => {
    assert.ok(links.length > 10);
    for (const link of links) assert.ok(existsSync(`${DOCS}${link}`), `${link} does not exist`);
  });

  it('links every test in test/node/security', () => {
    const dir = fileURLToPath(new URL('../security/', import.meta.url));
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.test.ts'))) {
      assert.ok(links.includes(`../test/node/security/${file}`), `security/${file} is not linked`);
    }
  });
});
