import { createClient, isWebBillingError, type InvalidCredentialsError } from '../../../src/index.js';

/** Log in with chosen credentials, read the account, log out. */
export async function loginAndLogout(baseUrl: string, loginId: string, password: string) {
  const client = createClient({ baseUrl, onSessionExpired: () => console.info('session ended: show the login again') });
  try {
    await client.auth.login({ loginId, password });
  } catch (error) {
    if (isWebBillingError(error, 'invalid_credentials')) {
      return { loggedIn: false, triesLeft: (error as InvalidCredentialsError).remainingAttempts };
    }
    if (isWebBillingError(error, 'account_locked')) return { loggedIn: false, locked: true };
    throw error;
  }
  const account = await client.account.get();
  await client.auth.logout(); // the token is forgotten; later calls fail with SessionExpiredError
  return { loggedIn: true, account, afterLogout: client.auth.current };
}
