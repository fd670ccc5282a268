import { createClient, ValidationError } from '../../../src/index.js';

/** First login with the postcard's initial ID and password, then the required first change of both. */
export async function postcardLogin(
  baseUrl: string,
  postcard: { initialLoginId: string; initialPassword: string },
  chosen: { loginId: string; password: string },
) {
  const client = createClient({ baseUrl });
  const session = await client.auth.initialLogin(postcard);
  if (session.stage !== 'credential-setup-required') return session;

  // The backend publishes its rules: check the new credentials before sending them.
  const failed = [
    ...(await client.credentials.check('loginId', chosen.loginId, { other: chosen.password })),
    ...(await client.credentials.check('password', chosen.password, { other: chosen.loginId })),
  ].filter((check) => !check.ok);
  if (failed.length > 0) throw new Error(`not allowed: ${failed.map((check) => check.rule).join(', ')}`);

  try {
    await client.credentials.setup({
      ...postcard,
      newLoginId: chosen.loginId,
      newLoginIdConfirm: chosen.loginId,
      newPassword: chosen.password,
      newPasswordConfirm: chosen.password,
    });
  } catch (error) {
    if (error instanceof ValidationError && error.fields.some((f) => f.code === 'login_id_taken')) {
      throw new Error('that login ID is taken: choose another', { cause: error });
    }
    throw error;
  }
  return client.auth.session(); // now stage 'active', with the new login ID
}
