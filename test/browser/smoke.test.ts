/**
 * Proves the browser pipeline on its own (no SDK, no reference backend):
 * TypeScript through esbuild, node resolution of zod/mini, the contract's
 * schemas, @open-wc/testing fixtures, and axe-core.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { ENDPOINTS, schemas } from '../../src/contract/index.js';
import { axeViolations } from './helpers/axe.js';

describe('wire contract in the browser', () => {
  it('accepts a valid login response', () => {
    const body = {
      token: 'x'.repeat(43),
      expiresAt: '2026-11-24T09:30:00+09:00',
      stage: 'credential-setup-required',
      loginId: 'HK7Q2MX',
    };
    const parsed = schemas.LoginResponse.safeParse(body);
    expect(parsed.success).to.equal(true);
    expect(parsed.data).to.deep.equal(body);
  });

  it('rejects a login response with a short token and an unknown stage, naming both fields', () => {
    const parsed = schemas.LoginResponse.safeParse({
      token: 'short',
      expiresAt: '2026-11-24T09:30:00+09:00',
      stage: 'logged-in',
      loginId: 'taro2024',
    });
    expect(parsed.success).to.equal(false);
    const paths = parsed.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).to.have.members(['token', 'stage']);
  });

  it('carries the endpoint table the SDK and the backend are built from', () => {
    expect(ENDPOINTS['auth.login']).to.include({ method: 'POST', path: '/auth/login', status: 200 });
  });
});

describe('test server', () => {
  it("serves the installed msw's worker script from the root, so its scope covers the test pages", async () => {
    const { version } = (await (await fetch('/node_modules/msw/package.json')).json()) as { version: string };
    const response = await fetch('/mockServiceWorker.js');
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.match(/javascript/);
    const script = await response.text();
    expect(script.includes(`const PACKAGE_VERSION = '${version}'`)).to.equal(true, `no PACKAGE_VERSION '${version}' in the worker`);
  });
});

describe('accessibility checks', () => {
  it('finds no violation in a labelled login form', async () => {
    const form = await fixture<HTMLFormElement>(html`
      <form aria-label="Log in">
        <label for="login-id">Login ID</label>
        <input id="login-id" name="loginId" autocomplete="username" required />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <button type="submit">Log in</button>
      </form>
    `);
    expect(await axeViolations(form)).to.deep.equal([]);
  });

  it('reports an input without a label', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><input id="unlabelled" name="x" /></form>`);
    const violations = await axeViolations(form);
    expect(violations.some((v) => v.startsWith('label '))).to.equal(true, violations.join('\n'));
  });
});
