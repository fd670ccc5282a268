import { createClient } from '../../../src/index.js';

/**
 * Ask for a new temporary password (it is mailed). The answer is the same
 * whether or not anything matched, so the page can only say "if the details
 * match, a mail was sent".
 */
export async function requestPasswordReissue(baseUrl: string, details: { loginId: string; email: string; questionId: string; answer: string }) {
  const client = createClient({ baseUrl });
  await client.passwordReissue.request(details);
}

/** Log in with the mailed temporary password: the service then requires a password change. */
export async function changeReissuedPassword(baseUrl: string, loginId: string, temporaryPassword: string, newPassword: string) {
  const client = createClient({ baseUrl });
  const session = await client.auth.login({ loginId, password: temporaryPassword });
  if (session.stage === 'password-change-required') {
    await client.credentials.changePassword({ currentPassword: temporaryPassword, newPassword, newPasswordConfirm: newPassword });
  }
  return client.auth.session(); // stage: 'active'
}
