/**
 * The CDN build (`dist/cdn/`): the autoloader knows every element entry, and
 * each tag's module is where it looks for it. The page that uses it is driven
 * in Chromium by test/consumers/ (plain-html).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AUTOLOADED_ELEMENTS } from '../../../components/autoloader-elements.js';
import { ENTRIES } from '../../../scripts/entries.mjs';

describe('the autoloader', () => {
  it('loads every element that has its own entry, from elements/<name>.js', () => {
    const elementEntries = ENTRIES.filter((entry) => entry.name.startsWith('elements/')).map((entry) => entry.name.slice('elements/'.length));
    assert.deepEqual([...AUTOLOADED_ELEMENTS].sort(), elementEntries.sort());
  });

  it('names each element file after its tag', () => {
    for (const entry of ENTRIES.filter((e) => e.name.startsWith('elements/'))) {
      assert.equal(entry.label, `<wb-${entry.name.slice('elements/'.length)}>`);
    }
  });
});
