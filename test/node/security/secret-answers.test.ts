// Secret answers: kept only for the user guide's sake (§5, docs/spec/user-guide.md; NIST SP 800-63B and OWASP
// do not accept them as a recovery factor), so they are throttled like
// passwords, compared normalised (case, width, surrounding and repeated
// spaces) and stored only as salted hashes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLIENT_ADDRESS_HEADER, DEMO_ACCOUNTS, type Backend } from '../../../mocks/index.js';
import { asCorp, assertError, assertOk, call, freshBackend, mailsTo, requestFor, send, tokenOf } from '../mocks/helpers.js';

const { established, locked } = DEMO_ACCOUNTS;

function reissueFrom(b: Backend, client: string, body: Record<string, string>) {
  const request = requestFor(b, 'passwordReissue.request', { body });
  request.headers.set(CLIENT_ADDRESS_HEADER, client);
  return send(b, request);
}

/** Every string reachable from a value (Maps, Sets, objects, arrays). */
function strings(value: unknown, seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object' || seen.has(value)) return [];
  seen.add(value);
  if (value instanceof Map) return [...value.entries()].flatMap((e) => strings(e, seen));
  if (value instanceof Set || Array.isArray(value)) return [...value].flatMap((v) => strings(v, seen));
  return Object.values(value).flatMap((v) => strings(v, seen));
}

describe('secret answers', () => {
  it('ends a password reissue attempt after 5 wrong answers from one client: even the right answer then mails nothing', async () => {
    const b = freshBackend();
    const right = { loginId: locked.loginId, ...locked.reissueEmail };
    for (let i = 0; i < 5; i++) assert.equal((await reissueFrom(b, '203.0.113.7', { ...right, answer: `guess${i}` })).status, 202);
    const ended = await reissueFrom(b, '203.0.113.7', right);
    assert.equal(ended.status, 202);
    assert.deepEqual(ended.body, { accepted: true });
    assert.equal(mailsTo(b, locked.reissueEmail.email, 'password-reissued').length, 0);
    // The customer's own client was not counted with the stranger's.
    assert.equal((await reissueFrom(b, '198.51.100.2', right)).status, 202);
    assert.equal(mailsTo(b, locked.reissueEmail.email, 'password-reissued').length, 1);
  });

  it('opens a new reissue attempt 24 hours after the first wrong answer', async () => {
    const b = freshBackend();
    const right = { loginId: locked.loginId, ...locked.reissueEmail };
    for (let i = 0; i < 5; i++) await reissueFrom(b, '203.0.113.7', { ...right, answer: `guess${i}` });
    b.clock.advance(24 * 3_600_000);
    await reissueFrom(b, '203.0.113.7', right);
    assert.equal(mailsTo(b, locked.reissueEmail.email, 'password-reissued').length, 1);
  });

  it('withdraws a reissue-email link after 5 wrong answers: the right one then answers 410', async () => {
    const b = freshBackend();
    const token = await asCorp(b);
    const body = { email: 'x@corp.example', emailConfirm: 'x@corp.example', questionId: 'first-pet', answer: 'Hachi' };
    assertOk(await call(b, 'reissueEmail.change', { token, body }));
    const link = tokenOf(mailsTo(b, 'x@corp.example', 'reissue-email-confirm')[0]);
    for (let i = 0; i < 5; i++) {
      assertError(await call(b, 'reissueEmail.confirm', { body: { token: link, questionId: 'first-pet', answer: `no${i}` } }), 'validation_failed');
    }
    assertError(await call(b, 'reissueEmail.confirm', { body: { token: link, questionId: 'first-pet', answer: 'Hachi' } }), 'link_expired');
  });

  for (const typed of ['pochi', 'POCHI', 'ＰＯＣＨＩ', '  Pochi  ', '\u3000Ｐｏｃｈｉ\t']) {
    it(`compares answers normalised: "${typed}" matches "Pochi"`, async () => {
      const b = freshBackend();
      const { email, questionId } = established.reissueEmail;
      assertOk(await call(b, 'passwordReissue.request', { body: { loginId: established.loginId, email, questionId, answer: typed } }));
      assert.equal(mailsTo(b, email, 'password-reissued').length, 1);
    });
  }

  it('stores answers only as salted hashes: no answer, normalised or not, is anywhere in the store', async () => {
    const b = freshBackend();
    const token = await asCorp(b);
    assertOk(await call(b, 'reissueEmail.change', { token, body: { email: 'h@corp.example', emailConfirm: 'h@corp.example', questionId: 'first-pet', answer: 'Shiro Inu' } }));
    const all = strings(b.store.accounts).concat(strings(b.store.confirmations));
    for (const answer of ['Pochi', 'pochi', 'Tokyo', 'tokyo', 'Marunouchi', 'marunouchi', 'Shiro Inu', 'shiro inu']) {
      assert.ok(!all.includes(answer), `"${answer}" is stored in clear`);
    }
    const registration = b.store.accounts.get(established.loginId)!.reissueEmail!;
    assert.equal(typeof registration.answer.salt, 'string');
    assert.notEqual(await registration.answer.digest, 'pochi');
  });
});
