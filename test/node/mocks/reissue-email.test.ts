import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Backend } from '../../../mocks/index.js';
import { MAIL_SENDER } from '../../../src/contract/rules.js';
import { asCorp, asSetUpPostcard, asTaro, assertError, assertOk, call, DAY, freshBackend, mailsTo, tokenOf } from './helpers.js';

const request = { email: 'hanako@example.jp', emailConfirm: 'hanako@example.jp', questionId: 'favorite-food', answer: 'Udon' };

async function registered(b: Backend): Promise<{ token: string; link: string }> {
  const token = await asSetUpPostcard(b);
  assertOk(await call(b, 'reissueEmail.register', { token, body: request }));
  return { token, link: tokenOf(mailsTo(b, request.email, 'reissue-email-confirm').at(-1)) };
}

describe('reissue email', () => {
  it('offers five secret questions in Japanese and English', async () => {
    const reply = await call(freshBackend(), 'reissueEmail.questions');
    assert.equal(reply.body.questions.length, 5);
    for (const q of reply.body.questions) assert.ok(q.text.ja && q.text.en);
  });

  it('shows a confirmed registration with the address masked', async () => {
    const b = freshBackend();
    const reply = await call(b, 'reissueEmail.status', { token: await asTaro(b) });
    assert.deepEqual(reply.body, { state: 'registered', email: 'ta***@example.jp', questionId: 'first-pet' });
  });

  it('mails a confirmation link from the service sender, valid 24 hours, and stays pending until it is followed', async () => {
    const b = freshBackend();
    const token = await asSetUpPostcard(b);
    const reply = await call(b, 'reissueEmail.register', { token, body: request });
    assert.equal(reply.body.state, 'pending');
    assert.equal(reply.body.pendingEmail, 'ha***@example.jp');
    assert.equal(Date.parse(reply.body.pendingExpiresAt), b.clock.now().getTime() + DAY);
    const [mail] = mailsTo(b, request.email, 'reissue-email-confirm');
    assert.ok(mail);
    assert.equal(mail.from, `Web Billing <${MAIL_SENDER}>`);
    const link = new URL(mail.link!);
    assert.equal(`${link.origin}${link.pathname}`, 'http://localhost:8787/confirm');
    assert.equal(link.searchParams.get('purpose'), 'reissue-email');
    assert.match(link.searchParams.get('token')!, /^[A-Za-z0-9_-]{43}$/);
    assert.ok(mail.body.ja.includes(mail.link!) && mail.body.en.includes(mail.link!));
    assert.match(mail.body.ja, /２４時間以内/);
  });

  it('registers when the link is followed with the same question and a normalised answer, and mails a completion notice', async () => {
    const b = freshBackend();
    const { token, link } = await registered(b);
    const reply = await call(b, 'reissueEmail.confirm', { body: { token: link, questionId: 'favorite-food', answer: ' ＵＤＯＮ ' } });
    assert.deepEqual(reply.body, { state: 'registered', email: 'ha***@example.jp', questionId: 'favorite-food' });
    assert.equal(mailsTo(b, request.email, 'reissue-email-registered').length, 1);
    assert.equal((await call(b, 'reissueEmail.status', { token })).body.state, 'registered');
  });

  it('keeps the link usable after a wrong answer, and makes it single use', async () => {
    const b = freshBackend();
    const { link } = await registered(b);
    assertError(await call(b, 'reissueEmail.confirm', { body: { token: link, questionId: 'favorite-food', answer: 'Soba' } }), 'validation_failed', ['answer:wrong_answer']);
    assertError(await call(b, 'reissueEmail.confirm', { body: { token: link, questionId: 'first-pet', answer: 'Udon' } }), 'validation_failed', ['answer:wrong_answer']);
    assertOk(await call(b, 'reissueEmail.confirm', { body: { token: link, questionId: 'favorite-food', answer: 'Udon' } }));
    assertError(await call(b, 'reissueEmail.confirm', { body: { token: link, questionId: 'favorite-food', answer: 'Udon' } }), 'link_expired');
  });

  it('withdraws the link after 5 wrong answers', async () => {
    const b = freshBackend();
    const { link } = await registered(b);
    for (let i = 0; i < 5; i++) {
      assertError(await call(b, 'reissueEmail.confirm', { body: { token: link, questionId: 'favorite-food', answer: `Soba${i}` } }), 'validation_failed');
    }
    assertError(await call(b, 'reissueEmail.confirm', { body: { token: link, questionId: 'favorite-food', answer: 'Udon' } }), 'link_expired');
  });

  for (const [offset, works] of [[-1000, true], [1000, false]] as const) {
    it(`${works ? 'accepts' : 'refuses'} the link ${Math.abs(offset / 1000)} s ${offset < 0 ? 'before' : 'after'} 24 hours`, async () => {
      const b = freshBackend();
      const { link } = await registered(b);
      b.clock.advance(DAY + offset);
      const reply = await call(b, 'reissueEmail.confirm', { body: { token: link, questionId: 'favorite-food', answer: 'Udon' } });
      if (works) assertOk(reply);
      else assertError(reply, 'link_expired');
    });
  }

  it('refuses unknown tokens and tokens of the other purpose with 410', async () => {
    const b = freshBackend();
    const token = await asCorp(b);
    assertOk(await call(b, 'noticeEmail.register', { token, body: { type: 'internet', email: 'bill@corp.example' } }));
    const noticeLink = tokenOf(mailsTo(b, 'bill@corp.example')[0]);
    assertError(await call(b, 'reissueEmail.confirm', { body: { token: noticeLink, questionId: 'first-pet', answer: 'x' } }), 'link_expired');
    assertError(await call(b, 'reissueEmail.confirm', { body: { token: 'A'.repeat(43), questionId: 'first-pet', answer: 'x' } }), 'link_expired');
  });

  it('checks the address twice, the question and the answer', async () => {
    const b = freshBackend();
    const token = await asSetUpPostcard(b);
    const cases: Array<[Record<string, string>, string[]]> = [
      [{ email: 'not-an-address', emailConfirm: 'not-an-address' }, ['email:invalid_format']],
      [{ emailConfirm: 'hanako@example.com' }, ['emailConfirm:mismatch']],
      [{ questionId: 'mother-tongue' }, ['questionId:unknown_question']],
      [{ answer: '  ' }, ['answer:required']],
      [{ email: '', emailConfirm: '' }, ['email:required', 'emailConfirm:required']],
    ];
    for (const [overrides, fields] of cases) {
      assertError(await call(b, 'reissueEmail.register', { token, body: { ...request, ...overrides } }), 'validation_failed', fields);
    }
    assertError(await call(b, 'reissueEmail.register', { token, body: { email: 'a@b.jp' } }), 'validation_failed', [
      'emailConfirm:required',
      'questionId:required',
      'answer:required',
    ]);
    assert.equal(b.outbox.list().length, 0);
  });

  it('answers 409 to register when an address is confirmed, and 404 to change or delete when none is', async () => {
    const b = freshBackend();
    assertError(await call(b, 'reissueEmail.register', { token: await asTaro(b), body: request }), 'conflict');
    const token = await asSetUpPostcard(b);
    assertError(await call(b, 'reissueEmail.change', { token, body: request }), 'not_found');
    assertError(await call(b, 'reissueEmail.delete', { token }), 'not_found');
  });

  it('replaces a pending registration when registering again; the first link stops working', async () => {
    const b = freshBackend();
    const { token, link: first } = await registered(b);
    assertOk(await call(b, 'reissueEmail.register', { token, body: { ...request, email: 'h2@example.jp', emailConfirm: 'h2@example.jp' } }));
    assertError(await call(b, 'reissueEmail.confirm', { body: { token: first, questionId: 'favorite-food', answer: 'Udon' } }), 'link_expired');
    const second = tokenOf(mailsTo(b, 'h2@example.jp', 'reissue-email-confirm')[0]);
    assertOk(await call(b, 'reissueEmail.confirm', { body: { token: second, questionId: 'favorite-food', answer: 'Udon' } }));
  });

  it('keeps the old registration until a change is confirmed', async () => {
    const b = freshBackend();
    const token = await asTaro(b);
    const reply = await call(b, 'reissueEmail.change', {
      token,
      body: { email: 'taro@new.example', emailConfirm: 'taro@new.example', questionId: 'birthplace', answer: 'Sendai' },
    });
    assert.equal(reply.body.state, 'registered');
    assert.equal(reply.body.email, 'ta***@example.jp');
    assert.equal(reply.body.pendingEmail, 'ta***@new.example');
    const link = tokenOf(mailsTo(b, 'taro@new.example')[0]);
    assertOk(await call(b, 'reissueEmail.confirm', { body: { token: link, questionId: 'birthplace', answer: 'sendai' } }));
    const after = await call(b, 'reissueEmail.status', { token });
    assert.deepEqual(after.body, { state: 'registered', email: 'ta***@new.example', questionId: 'birthplace' });
  });

  it('deletes the registration and any pending change', async () => {
    const b = freshBackend();
    const token = await asTaro(b);
    assertOk(await call(b, 'reissueEmail.change', { token, body: { ...request, email: 'taro@new.example', emailConfirm: 'taro@new.example' } }));
    assertOk(await call(b, 'reissueEmail.delete', { token }));
    assert.deepEqual((await call(b, 'reissueEmail.status', { token })).body, { state: 'none' });
    const link = tokenOf(mailsTo(b, 'taro@new.example')[0]);
    assertError(await call(b, 'reissueEmail.confirm', { body: { token: link, questionId: request.questionId, answer: request.answer } }), 'link_expired');
  });
});
