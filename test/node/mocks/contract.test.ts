// Every endpoint of the contract (and every development route) answers a
// success whose status and body match the endpoint table. `call` checks each
// answer; the last test checks that none was left out.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_ACCOUNTS } from '../../../mocks/index.js';
import { ALL_ENDPOINTS, asCorp, assertOk, call, covered, freshBackend, mailsTo, tokenOf } from './helpers.js';

describe('reference backend contract', () => {
  it('answers every endpoint with the status and body shape of the endpoint table', async () => {
    const b = freshBackend();
    const ok = async (...args: Parameters<typeof call>) => {
      const reply = await call(...args);
      assertOk(reply);
      return reply;
    };

    // Public reads
    await ok(b, 'credentials.policy');
    await ok(b, 'reissueEmail.questions');

    // Postcard login, availability, setup
    const postcard = await ok(b, 'auth.initialLogin', {
      body: { initialLoginId: DEMO_ACCOUNTS.postcard.loginId, initialPassword: DEMO_ACCOUNTS.postcard.password },
    });
    const pt = postcard.body.token as string;
    await ok(b, 'credentials.loginIdAvailability', { token: pt, query: { loginId: 'hanako01' } });
    await ok(b, 'credentials.setup', {
      token: pt,
      body: {
        initialLoginId: 'HK7Q2MX',
        initialPassword: 't8Rw3nPa',
        newLoginId: 'hanako01',
        newLoginIdConfirm: 'hanako01',
        newPassword: 'Hanako2026pw',
        newPasswordConfirm: 'Hanako2026pw',
      },
    });
    await ok(b, 'credentials.changePassword', {
      token: pt,
      body: { currentPassword: 'Hanako2026pw', newPassword: 'Hanako2027pw', newPasswordConfirm: 'Hanako2027pw' },
    });

    // Account and billing
    const t = await asCorp(b);
    await ok(b, 'auth.session', { token: t });
    await ok(b, 'account.get', { token: t });
    await ok(b, 'account.lines', { token: t });
    const history = await ok(b, 'billing.history', { token: t });
    const month = history.body.currentMonth as string;
    await ok(b, 'billing.breakdown', { token: t, params: { month } });
    await ok(b, 'billing.summary', { token: t, params: { month } });

    // Reissue email: delete the corporate one, register again, confirm, change
    await ok(b, 'reissueEmail.status', { token: t });
    await ok(b, 'reissueEmail.delete', { token: t });
    const request = { email: 'new@corp.example', emailConfirm: 'new@corp.example', questionId: 'first-pet', answer: 'Tama' };
    await ok(b, 'reissueEmail.register', { token: t, body: request });
    await ok(b, 'reissueEmail.checkLink', { query: { token: tokenOf(mailsTo(b, 'new@corp.example', 'reissue-email-confirm')[0]) } });
    await ok(b, 'reissueEmail.confirm', {
      body: { token: tokenOf(mailsTo(b, 'new@corp.example', 'reissue-email-confirm')[0]), questionId: 'first-pet', answer: 'Tama' },
    });
    await ok(b, 'reissueEmail.change', { token: t, body: { ...request, email: 'x@corp.example', emailConfirm: 'x@corp.example' } });

    // Notice email
    await ok(b, 'noticeEmail.status', { token: t });
    await ok(b, 'noticeEmail.register', { token: t, body: { type: 'internet', email: 'bill@corp.example' } });
    await ok(b, 'noticeEmail.checkLink', { query: { token: tokenOf(mailsTo(b, 'bill@corp.example', 'notice-email-confirm')[0]) } });
    await ok(b, 'noticeEmail.confirm', {
      body: { token: tokenOf(mailsTo(b, 'bill@corp.example', 'notice-email-confirm')[0]), registeredNumber: '0012345678' },
    });
    await ok(b, 'noticeEmail.change', { token: t, body: { type: 'mobile', email: 'bill@docomo.example' } });
    await ok(b, 'noticeEmail.delete', { token: t });

    // Password reissue, logout, dev routes
    await ok(b, 'passwordReissue.request', {
      body: { loginId: 'taro2024', email: 'taro@example.jp', questionId: 'first-pet', answer: 'Pochi' },
    });
    await ok(b, 'auth.logout', { token: t });
    await ok(b, 'dev.outbox');
    await ok(b, 'dev.clock', { body: { advanceHours: 1 } });
    await ok(b, 'dev.reset');
  });

  it('covered every endpoint of the table with a success', () => {
    const missing = Object.keys(ALL_ENDPOINTS).filter((id) => !covered.has(id));
    assert.deepEqual(missing, []);
  });
});
