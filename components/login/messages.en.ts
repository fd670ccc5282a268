import type { SessionEndReason } from '../../src/core.js';

const ended: Record<SessionEndReason, string> = {
  logout: 'You have logged out.',
  expired: 'Your session has ended after a while without activity. Please log in again.',
  'logout-elsewhere': 'You logged out in another tab or window. Please log in again.',
  'expired-elsewhere': 'Your session has ended in another tab or window, after a while without activity. Please log in again.',
  'password-changed-elsewhere': 'Your password was changed in another tab or window. Please log in with the new password.',
};

/** English messages of `<wb-login>`. */
export default {
  title: 'Log in to Web Billing',
  intro: 'The first time, use the initial login ID (7 characters) and initial password (8 characters) printed on your postcard.',
  ended: (reason: SessionEndReason) => ended[reason],
  loginId: 'Login ID',
  password: 'Password',
  submit: 'Log in',
  forgot: 'Forgot your password?',
  // Only the first letter is lowered: "login ID" keeps its capitals.
  required: (what: string) => `Enter your ${what.charAt(0).toLowerCase()}${what.slice(1)}.`,
  wrong: 'The login ID or password is incorrect.',
  triesLeft: (n: number) => (n === 1 ? '1 try left before the account is locked.' : `${n} tries left before the account is locked.`),
  lockedTitle: 'Your account is locked',
  locked: 'Too many failed logins locked this account. Reissue your password to unlock it: a new password is mailed to your registered email address.',
  reissue: 'Reissue my password',
  noEmail: 'No email registered for password reissue? Call us and a new login ID and password will be posted to you (it takes about a week).',
  backToLogin: 'Back to the login',
  postcardDoneTitle: 'Initial login completed',
  postcardDone: 'Next, choose a login ID and password of your own. The initial ID and password on the postcard work only for this first login, for your security.',
  keepPostcard: 'Keep the postcard: the next step asks for the initial ID and password again.',
  reissuedTitle: 'Please change your password',
  reissued: 'You logged in with a reissued password. Choose a new password of your own to continue.',
  ok: 'OK',
  loggedIn: (id: string) => `You are logged in as ${id}.`,
};
