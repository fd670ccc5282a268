import { INQUIRY_DESK } from '../../src/core.js';

/** English messages of `<wb-password-reissue>`. */
export default {
  title: 'Reissue your login password',
  intro:
    'Enter your login ID, the email address you registered to reissue a login password, and your secret question and its answer. A new password is mailed to that address, and a locked account is unlocked.',
  loginId: 'Login ID',
  email: 'Registered email address',
  emailHint: 'The email address registered to reissue a login password, in one-byte characters.',
  question: 'Secret question',
  answer: 'Answer to the secret question',
  submit: 'Send',
  backToLogin: 'Back to login',
  enterLoginId: 'Enter your login ID.',
  enterEmail: 'Enter the registered email address.',
  emailFormat: 'Enter an email address in one-byte characters, like name@example.jp.',
  chooseQuestion: 'Choose your secret question.',
  enterAnswer: 'Enter the answer to the secret question.',
  noEmailTitle: 'No email address registered?',
  noEmail: `Please call the Web Billing inquiry desk at ${INQUIRY_DESK.phone} (${INQUIRY_DESK.hours.en}). A new login ID and password are sent by postcard to your registered address; it takes about a week. The call must be made by the contract holder.`,
  doneTitle: 'Please check your email',
  done: 'If these matched, a new password has been mailed to the registered address.',
  sender: (sender: string) => `Check that the mail comes from ${sender}, and read the new password in it.`,
  next: 'Log in with your login ID and the new password; you will then be asked to choose a password of your own.',
  toLogin: 'To login screen',
};
