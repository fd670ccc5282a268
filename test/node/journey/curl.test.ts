// The first customer journey works with curl alone, following docs/api.md,
// against the reference backend over real HTTP (scripts/curl-journey.sh).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { createBackend } from '../../../mocks/index.js';
import { startHttpBackend } from '../../../mocks/http-server.js';

const run = promisify(execFile);

describe('curl journey', () => {
  let server: Awaited<ReturnType<typeof startHttpBackend>>;
  before(async () => {
    server = await startHttpBackend({ port: 0, backend: createBackend({ now: '2026-11-25T10:00:00+09:00' }) });
  });
  after(() => server.close());

  it('goes from postcard login to a breakdown with curl alone', async () => {
    const { stdout } = await run('bash', ['scripts/curl-journey.sh', `${server.url}`], { env: { ...process.env, NEW_ID: 'hanako-77' } });
    assert.match(stdout, /journey complete/);
  });

  it('fails loudly when a step does not answer as documented (the postcard works once)', async () => {
    await assert.rejects(run('bash', ['scripts/curl-journey.sh', `${server.url}`]), (error: { code?: number; stderr?: string }) => {
      assert.notEqual(error.code, 0);
      assert.match(error.stderr ?? '', /POST \/auth\/initial-login -> 401/);
      return true;
    });
  });
});
