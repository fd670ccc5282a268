// No answer tells whether a login ID, an email or an answer exists or is
// right: login and password reissue answer an unknown ID, a wrong email and a
// wrong answer with the same status, the same headers and the same body
// (request ids aside).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_ACCOUNTS } from '../../../mocks/index.js';
import { call, freshBackend, withoutRequestId, type Reply } from '../mocks/helpers.js';

const { established } = DEMO_ACCOUNTS;
const right = {
  loginId: established.loginId,
  email: established.reissueEmail.email,
  questionId: established.reissueEmail.questionId,
  answer: established.reissueEmail.answer,
};

function shape(reply: Reply): unknown {
  const headers = [...reply.headers.keys()].filter((h) => h !== 'x-request-id').sort();
  return { status: reply.status, headers, body: withoutRequestId(reply) };
}

describe('enumeration', () => {
  it('answers password reissue alike for an unknown ID, a wrong email, a wrong question and a wrong answer', async () => {
    const b = freshBackend();
    const attempts = [
      { ...right, loginId: 'nobody-2099' },
      { ...right, email: 'someone@example.jp' },
      { ...right, questionId: 'favorite-food' },
      { ...right, answer: 'Tama' },
    ];
    const shapes = [];
    for (const body of attempts) shapes.push(shape(await call(b, 'passwordReissue.request', { body })));
    for (const s of shapes) assert.deepEqual(s, shapes[0]);
    assert.equal(b.outbox.list().length, 0);
  });

  it('answers login alike for an unknown ID and a known ID with a wrong password, every attempt up to the lock', async () => {
    const b = freshBackend();
    for (let i = 0; i < 6; i++) {
      const known = await call(b, 'auth.login', { body: { loginId: established.loginId, password: 'Wrong-2099' } });
      const unknown = await call(b, 'auth.login', { body: { loginId: 'nobody-2099', password: 'Wrong-2099' } });
      assert.deepEqual(shape(unknown), shape(known), `attempt ${i + 1}`);
    }
  });

  it('answers the postcard login alike for an unknown postcard ID and a wrong postcard password', async () => {
    const b = freshBackend();
    const known = await call(b, 'auth.initialLogin', { body: { initialLoginId: DEMO_ACCOUNTS.postcard.loginId, initialPassword: 'zzzz9999' } });
    const unknown = await call(b, 'auth.initialLogin', { body: { initialLoginId: 'ZZ99ZZ9', initialPassword: 'zzzz9999' } });
    assert.deepEqual(shape(unknown), shape(known));
  });
});
