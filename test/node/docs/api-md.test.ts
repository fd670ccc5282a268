import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { API_MD_PATH, firstDifference, renderApiMarkdown } from '../../../scripts/gen-api-md.js';

describe('docs/api.md', () => {
  it('matches what src/contract generates (run `npm run docs:api` when this fails)', () => {
    const committed = readFileSync(API_MD_PATH, 'utf8');
    const diff = firstDifference(renderApiMarkdown(), committed);
    assert.equal(
      diff,
      undefined,
      diff &&
        `docs/api.md is stale at line ${diff.line}:\n  generated: ${diff.expected}\n  committed: ${diff.actual}\n` +
          'Run `npm run docs:api` and commit docs/api.md.',
    );
  });

  it('documents every endpoint with its method and full path', () => {
    const text = renderApiMarkdown();
    for (const line of ['POST /api/v1/auth/login', 'GET /api/v1/billing/months/:month/breakdown', 'POST /api/v1/_dev/clock']) {
      assert.ok(text.includes(line), `missing ${line}`);
    }
  });
});
