// Runs every SDK sample of docs/guides/sdk-by-task.md (docs/guides/samples/)
// against the reference backend, so the samples cannot rot.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { billingOverview } from '../../../docs/guides/samples/billing.js';
import { loginAndLogout } from '../../../docs/guides/samples/login-logout.js';
import { confirmNoticeEmail, registerNoticeEmail } from '../../../docs/guides/samples/notice-email.js';
import { changeReissuedPassword, requestPasswordReissue } from '../../../docs/guides/samples/password-reissue.js';
import { clientOverKy } from '../../../docs/guides/samples/own-fetch.js';
import { postcardLogin } from '../../../docs/guides/samples/postcard-login.js';
import { confirmReissueEmail, registerReissueEmail } from '../../../docs/guides/samples/reissue-email.js';
import { startPage } from '../../../docs/guides/samples/sessions.js';
import { createNodeBackend } from '../../../mocks/node.js';
import type { OutboxMail } from '../../../src/contract/index.js';
import { createClient, InvalidCredentialsError, type WebBillingClient } from '../../../src/index.js';

const BASE = 'http://billing.test/api/v1';
const backend = createNodeBackend({ now: '2026-11-25T10:00:00+09:00' });

before(() => backend.server.listen({ onUnhandledFrame: 'error' }));
beforeEach(() => backend.reset());
afterEach(() => backend.server.resetHandlers());
after(() => backend.server.close());

const lastMailTo = (address: string, kind: OutboxMail['kind']): OutboxMail => {
  const mail = backend.outbox.list().filter((m) => m.to === address && m.kind === kind).at(-1);
  assert.ok(mail, `no ${kind} mail to ${address}`);
  return mail;
};
const tokenOf = (mail: OutboxMail): string => new URL(mail.link!).searchParams.get('token')!;

async function loggedIn(loginId: string, password: string): Promise<WebBillingClient> {
  const client = createClient({ baseUrl: BASE, retry: 0 });
  await client.auth.login({ loginId, password });
  return client;
}

describe('docs/guides/samples (the SDK by task)', () => {
  it('postcard-login: the first login and the first change of ID and password', async () => {
    const session = await postcardLogin(BASE, { initialLoginId: 'HK7Q2MX', initialPassword: 't8Rw3nPa' }, { loginId: 'hanako01', password: 'Hanako2026' });
    assert.equal(session.stage, 'active');
    assert.equal(session.loginId, 'hanako01');
    await assert.rejects(
      postcardLogin(BASE, { initialLoginId: 'HK7Q2MX', initialPassword: 't8Rw3nPa' }, { loginId: 'x', password: 'y' }),
      'the postcard credentials are single use',
    );
  });

  it('postcard-login: refuses credentials against the published policy before sending them', async () => {
    await assert.rejects(
      postcardLogin(BASE, { initialLoginId: 'HK7Q2MX', initialPassword: 't8Rw3nPa' }, { loginId: 'abc', password: 'abcdefgh' }),
      /not allowed: .*length/,
    );
  });

  it('sessions: a page load finds no session (memory backend), then hears the logout, and warns near the idle end', async () => {
    const logins: Array<string | undefined> = [];
    const warnings: number[] = [];
    const page = await startPage(BASE, { showLogin: (reason) => logins.push(reason), warn: (s) => warnings.push(s) });
    assert.equal(page.session, undefined);
    assert.equal(page.client.auth.mode, 'memory', 'as the backend publishes');
    await page.client.auth.login({ loginId: 'taro2024', password: 'Sakura2024!' });
    backend.clock.advance(29.5 * 60_000);
    await page.client.reissueEmail.questions(); // any answer tells the service's time
    assert.ok(warnings.length > 0 && warnings.at(-1)! <= 30, `warned with ${warnings.at(-1)} s left`);
    await page.client.auth.logout();
    assert.deepEqual(logins, [undefined, 'logout']);
  });

  it('login-logout: logs in, reads the account, logs out; a wrong password says how many tries remain', async () => {
    const ok = await loginAndLogout(BASE, 'taro2024', 'Sakura2024!');
    assert.equal(ok.loggedIn, true);
    assert.ok(ok.account);
    assert.equal(ok.afterLogout, undefined);
    const wrong = await loginAndLogout(BASE, 'taro2024', 'Wrong2024!');
    assert.equal(wrong.loggedIn, false);
    assert.equal(typeof wrong.triesLeft, 'number');
    assert.deepEqual(await loginAndLogout(BASE, 'locked01', 'Locked2026'), { loggedIn: false, locked: true });
  });

  it('reissue-email: register, then confirm from the mailed link', async () => {
    const client = await loggedIn('corp-admin1', 'Corp2026pass');
    if ((await client.reissueEmail.status()).state !== 'none') await client.reissueEmail.delete();
    const { status, questionId } = await registerReissueEmail(client, 'admin@corp.example', 'Blue');
    assert.equal(status.state, 'pending');
    const token = tokenOf(lastMailTo('admin@corp.example', 'reissue-email-confirm'));
    assert.equal((await confirmReissueEmail(BASE, token, questionId, 'Blue')).state, 'registered');
    await assert.rejects(confirmReissueEmail(BASE, token, questionId, 'Blue'), 'a link is single use');
  });

  it('notice-email: temporary registration, then the formal one from the mailed link with the registered number', async () => {
    const client = await loggedIn('taro2024', 'Sakura2024!');
    if ((await client.noticeEmail.status()).state !== 'none') await client.noticeEmail.delete();
    const status = await registerNoticeEmail(client, 'taro@mobile.example');
    assert.equal(status.state, 'pending');
    assert.ok(status.sender.includes('@'));
    const mail = backend.outbox.list().filter((m) => m.to === 'taro@mobile.example').at(-1);
    assert.ok(mail?.link, 'a confirm link was mailed');
    assert.equal((await confirmNoticeEmail(BASE, tokenOf(mail), '090-1234-5678')).state, 'registered');
  });

  it('billing: 15 months, a breakdown in total and by line, the summary', async () => {
    const overview = await billingOverview(await loggedIn('corp-admin1', 'Corp2026pass'));
    assert.equal(overview.months, 15);
    assert.equal(overview.total.month, overview.month);
    assert.equal(overview.firstLine.month, overview.month);
    assert.equal(overview.summary.month, overview.month);
  });

  it('password-reissue: request a temporary password, log in with it and change it', async () => {
    await requestPasswordReissue(BASE, { loginId: 'locked01', email: 'locked@example.jp', questionId: 'birthplace', answer: 'Tokyo' });
    const mail = lastMailTo('locked@example.jp', 'password-reissued');
    assert.ok(mail.temporaryPassword);
    const session = await changeReissuedPassword(BASE, 'locked01', mail.temporaryPassword, 'Unlocked2026');
    assert.equal(session.stage, 'active');
    // Same answer whether or not anything matched.
    await requestPasswordReissue(BASE, { loginId: 'nobody-99', email: 'no@example.jp', questionId: 'birthplace', answer: 'x' });
  });

  it("own-fetch: a partner's ky instance carries the calls, its hooks run, and failures are still typed errors", async () => {
    const traces: (string | null)[] = [];
    const onStart = ({ request }: { request: Request }) => void traces.push(request.headers.get('x-trace-id'));
    backend.server.events.on('request:start', onStart);
    try {
      const client = clientOverKy(BASE, 'trace-42');
      const session = await client.auth.login({ loginId: 'taro2024', password: 'Sakura2024!' });
      assert.equal(session.stage, 'active');
      assert.equal((await client.billing.history()).months.length, 15);
      assert.deepEqual(traces, ['trace-42', 'trace-42']);
      await assert.rejects(clientOverKy(BASE, 'trace-43').auth.login({ loginId: 'taro2024', password: 'Wrong2024!' }), InvalidCredentialsError);
    } finally {
      backend.server.events.removeListener('request:start', onStart);
    }
  });
});
