// Mailed confirmation links: tokens of at least 128 bits from
// crypto.getRandomValues, kept only as their SHA-256 (looked up by hash, so
// never compared character by character), single use, valid for exactly
// 24 hours, and bound to the account and the purpose they were made for.
import assert from 'node:assert/strict';
import { afterEach, describe, it, mock } from 'node:test';
import { DEMO_ACCOUNTS } from '../../../mocks/index.js';
import { startHttpBackend } from '../../../mocks/http-server.js';
import { sha256 } from '../../../mocks/secrets.js';
import { asCorp, asTaro, assertError, assertOk, call, DAY, freshBackend, mailsTo, tokenOf } from '../mocks/helpers.js';
import type { Backend } from '../../../mocks/index.js';

const { corporate, established } = DEMO_ACCOUNTS;

async function reissueLink(b: Backend, email = 'new@corp.example'): Promise<string> {
  const token = await asCorp(b);
  const body = { email, emailConfirm: email, questionId: 'favorite-food', answer: 'Natto' };
  assertOk(await call(b, 'reissueEmail.change', { token, body }));
  return tokenOf(mailsTo(b, email, 'reissue-email-confirm').at(-1));
}

const confirmReissue = (b: Backend, token: string, answer = 'Natto') =>
  call(b, 'reissueEmail.confirm', { body: { token, questionId: 'favorite-food', answer } });

afterEach(() => mock.restoreAll());

describe('links', () => {
  it('makes each token from at least 128 bits of crypto.getRandomValues and stores only its SHA-256', async () => {
    const b = freshBackend();
    const draws: number[] = [];
    const original = crypto.getRandomValues.bind(crypto);
    mock.method(crypto, 'getRandomValues', <T extends ArrayBufferView | null>(array: T): T => {
      if (array) draws.push(array.byteLength);
      return original(array as never) as T;
    });
    const token = await reissueLink(b);
    assert.ok(draws.some((n) => n >= 16), `draws of ${draws.join(', ')} bytes`);
    const bytes = Buffer.from(token, 'base64url');
    assert.ok(bytes.length * 8 >= 128, `${bytes.length * 8} bits`);
    assert.ok(b.store.confirmations.has(await sha256(token)));
    assert.ok(![...b.store.confirmations.keys()].includes(token), 'the token itself is not a key');
    assert.ok(!JSON.stringify([...b.store.confirmations.values()]).includes(token));
  });

  it('accepts a link once; a second use answers 410', async () => {
    const b = freshBackend();
    const token = await reissueLink(b);
    assertOk(await confirmReissue(b, token));
    assertError(await confirmReissue(b, token), 'link_expired');
  });

  for (const [label, offset, works] of [['one second before 24 h', -1_000, true], ['one second after 24 h', 1_000, false]] as const) {
    it(`${works ? 'accepts' : 'refuses'} a link ${label}`, async () => {
      const b = freshBackend();
      const token = await reissueLink(b);
      b.clock.advance(DAY + offset);
      const reply = await confirmReissue(b, token);
      if (works) assertOk(reply);
      else assertError(reply, 'link_expired');
    });
  }

  it('refuses a notice-email token on the reissue-email confirmation, and the reverse', async () => {
    const b = freshBackend();
    const taro = await asTaro(b);
    assertOk(await call(b, 'noticeEmail.change', { token: taro, body: { type: 'internet', email: 'pc@taro.example' } }));
    const noticeToken = tokenOf(mailsTo(b, 'pc@taro.example', 'notice-email-confirm')[0]);
    const { questionId, answer } = established.reissueEmail;
    assertError(await call(b, 'reissueEmail.confirm', { body: { token: noticeToken, questionId, answer } }), 'link_expired');
    const reissueToken = await reissueLink(b);
    assertError(await call(b, 'noticeEmail.confirm', { body: { token: reissueToken, registeredNumber: corporate.registeredNumber.number } }), 'link_expired');
    // Neither refusal used the token up for its own purpose.
    assertOk(await call(b, 'noticeEmail.confirm', { body: { token: noticeToken, registeredNumber: established.registeredNumber.number } }));
    assertOk(await confirmReissue(b, reissueToken));
  });

  it('binds a link to the account that asked: confirming changes that account only', async () => {
    const b = freshBackend();
    const before = b.store.accounts.get(established.loginId)!.reissueEmail;
    const token = await reissueLink(b, 'binding@corp.example');
    assertOk(await confirmReissue(b, token));
    assert.equal(b.store.accounts.get(corporate.loginId)!.reissueEmail?.email, 'binding@corp.example');
    assert.equal(b.store.accounts.get(established.loginId)!.reissueEmail, before);
    // And the other account's number does not confirm it.
    const taro = await asTaro(b);
    assertOk(await call(b, 'noticeEmail.change', { token: taro, body: { type: 'internet', email: 'pc@taro.example' } }));
    const noticeToken = tokenOf(mailsTo(b, 'pc@taro.example', 'notice-email-confirm')[0]);
    const wrong = await call(b, 'noticeEmail.confirm', { body: { token: noticeToken, registeredNumber: corporate.registeredNumber.number } });
    assertError(wrong, 'validation_failed', ['registeredNumber:wrong_number']);
  });

  it('withdraws a link when a newer one is mailed for the same registration', async () => {
    const b = freshBackend();
    const first = await reissueLink(b);
    const second = await reissueLink(b);
    assertError(await confirmReissue(b, first), 'link_expired');
    assertOk(await confirmReissue(b, second));
  });

  it('keeps the token out of any Referer: the confirm page sends no referrer and takes the token out of the address bar once read', async () => {
    const server = await startHttpBackend({ port: 0, backend: freshBackend() });
    try {
      const response = await fetch(`http://localhost:${server.port}/confirm?purpose=reissue-email&token=abc`);
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
      const page = await response.text();
      assert.match(page, /<meta name="referrer" content="no-referrer">/);
      const read = page.indexOf("params.get('token')");
      const replaced = page.indexOf('history.replaceState(');
      assert.ok(read > 0 && replaced > read, 'replaceState right after the token is read');
      assert.ok(page.lastIndexOf('fetch(', replaced) < page.indexOf('<script'), 'before anything is fetched');
    } finally {
      await server.close();
    }
  });
});
