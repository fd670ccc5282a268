/**
 * The demo bundle's stand-in for tldts (`examples/tldts-local.ts`) gives
 * msw's cookie jar the answers tldts gives for the hosts the demo is served
 * from, and the demo's bundle no longer carries the public-suffix list.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getDomain as tldtsGetDomain } from 'tldts';
import { getDomain } from '../../../examples/tldts-local.js';
import { buildPortal } from '../../../examples/serve.js';

describe('the demo bundle: tldts stand-in', () => {
  it('agrees with tldts on local and plain hosts', () => {
    for (const host of ['localhost', '127.0.0.1', 'LOCALHOST.', 'example.com', 'billing.example.com', 'a.b.example.com', 'portal.test', '[::1]', '::1']) {
      assert.equal(getDomain(host), tldtsGetDomain(host, { allowIcannDomains: true, allowPrivateDomains: true }), host);
    }
  });

  it('leaves the public-suffix list out of the portal bundle', async () => {
    const bundle = await buildPortal();
    // A rule only the list holds (a private suffix), and the stand-in's own code path in.
    assert.doesNotMatch(bundle, /blogspot/);
    assert.ok(bundle.length < 560_000, `main.js is ${bundle.length} bytes minified`);
  });
});
