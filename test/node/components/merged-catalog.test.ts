/** A catalog made of shared and own messages: both modules, the element's own words winning. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reissueEmailMessages } from '../../../components/reissue-email/messages.js';
import { noticeEmailMessages } from '../../../components/notice-email/messages.js';
import shared from '../../../components/shared/email-registration-messages.en.js';
import sharedJa from '../../../components/shared/email-registration-messages.ja.js';
import { mergedCatalog } from '../../../components/shared/localize.js';

test('mergedCatalog: the shared messages and the own, the own winning', async () => {
  const merged = await mergedCatalog(Promise.resolve({ default: { a: 'shared a', b: 'shared b' } }), Promise.resolve({ default: { b: 'own b', c: 'own c' } }));
  assert.deepEqual(merged.default, { a: 'shared a', b: 'own b', c: 'own c' });
});

test('mergedCatalog: fails when either module fails to load (the catalog may then load again)', async () => {
  await assert.rejects(mergedCatalog(Promise.reject(new Error('offline')), Promise.resolve({ default: {} })), /offline/);
});

test('the email elements have the shared registration words in both locales, and their own', async () => {
  for (const catalog of [reissueEmailMessages, noticeEmailMessages]) {
    const [en, ja] = [await catalog.load('en'), await catalog.load('ja')];
    for (const key of Object.keys(shared) as (keyof typeof shared)[]) {
      assert.equal(typeof en[key], typeof shared[key], `en ${key}`);
      assert.equal(typeof ja[key], typeof sharedJa[key], `ja ${key}`);
    }
    assert.equal(en.email, shared.email);
    assert.equal(ja.email, sharedJa.email);
    assert.match(en.title, /^Email address/);
    assert.match(ja.title, /メールアドレス/);
  }
});
