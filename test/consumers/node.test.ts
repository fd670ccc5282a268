/**
 * Node: an ESM script calling the SDK against the reference backend over
 * HTTP, run by the toolchain's Node 22: the package's engines say >=22, the
 * minimum of ky 2, which the SDK sends through.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_ACCOUNTS } from '../../mocks/index.js';
import type { HttpBackend } from '../../mocks/http-server.js';
import { assertNoMockBackendInstalled, createConsumer, removeConsumer, sh, startBackend } from './harness.js';

const NODE = process.execPath;

describe('consumer: a Node ESM script using the SDK', () => {
  let dir: string | undefined;
  let backend: HttpBackend;

  before(async () => {
    [dir, backend] = await Promise.all([createConsumer('node'), startBackend()]);
  });

  after(async () => {
    await backend?.close();
    await removeConsumer(dir);
  });

  it('installs no package of the mock backend', async () => {
    await assertNoMockBackendInstalled(dir!);
  });

  it('logs in, reads the account and the history, and maps a wrong password to its typed error', async () => {
    const { loginId, password, registeredNumber } = DEMO_ACCOUNTS.established;
    const out = JSON.parse(await sh(dir!, NODE, ['sdk.mjs', backend.url, loginId, password])) as Record<string, unknown>;
    assert.deepEqual({ ...out, node: undefined }, { node: undefined, wrongPassword: 'invalid_credentials', registeredNumber: registeredNumber.number, months: 15 });
  });

  it('says what to install when web-billing-kit/mocks is imported without msw', async () => {
    const out = await sh(dir!, NODE, ['mocks-without-msw.mjs']);
    assert.match(out, /^web-billing-kit\/mocks\/node needs msw 3, an optional peer dependency/);
    assert.match(out, /npm install --save-dev msw@\^3/);
  });
});
