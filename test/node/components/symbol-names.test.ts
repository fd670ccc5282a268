/** The checklist names the policy's symbols for screen readers, from one table per language. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import en from '../../../components/shared/checklist-messages.en.js';
import ja from '../../../components/shared/checklist-messages.ja.js';
import { NAMED_SYMBOLS, spokenSymbols } from '../../../components/shared/credential-checklist.js';
import { DEFAULT_CREDENTIAL_POLICY } from '../../../src/core.js';

test('each catalog names every symbol of NAMED_SYMBOLS, one name each, all different', () => {
  for (const m of [en, ja]) {
    const names = m.symbolNames.split(m.listSeparator);
    assert.equal(names.length, NAMED_SYMBOLS.length);
    assert.equal(new Set(names).size, names.length);
    assert.ok(names.every((name) => name.trim() === name && name !== ''));
  }
});

test('the default policy symbols are all named', () => {
  for (const symbol of DEFAULT_CREDENTIAL_POLICY.allowedSymbols) assert.ok(NAMED_SYMBOLS.includes(symbol), symbol);
});

test('symbols are spoken in the order given, by name, in the language of the catalog', () => {
  assert.equal(spokenSymbols('_!', en), 'underscore, exclamation mark');
  assert.equal(spokenSymbols('[]', ja), '左角かっこ、右角かっこ');
  assert.equal(en.spokenSymbols(spokenSymbols('#$', en)), ', which are: number sign, dollar sign');
});

test('a symbol without a name (a partner policy) is spoken as it is', () => {
  assert.equal(spokenSymbols('~!', en), '~, exclamation mark');
  assert.equal(spokenSymbols('', ja), '');
});
