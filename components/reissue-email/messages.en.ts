import { INQUIRY_DESK } from '../../src/core.js';

/** English messages of `<wb-reissue-email>`. */
export default {
  title: 'Email address to reissue a login password',
  intro:
    'If you forget your login password or it gets locked, a new one is mailed to this address once you give your secret question and its answer.',
  withoutEmail: `Without it, a new password is sent by postcard after you call us, which takes about a week (${INQUIRY_DESK.phone}).`,
  registerTitle: 'Register the email address to reissue a login password',
  changeTitle: 'Change the email address to reissue a login password',
  emailConfirm: 'Email address again, to confirm',
  question: 'Secret question',
  answer: 'Answer to the secret question',
  answerHint: 'You will be asked for it again to complete the registration and to reissue your password.',
  confirm: 'Confirm',
  enterEmailAgain: 'Enter the email address again.',
  emailMismatch: 'The two email addresses do not match.',
  chooseQuestion: 'Choose a secret question.',
  enterAnswer: 'Enter the answer to the secret question.',
  reviewIntro: 'If everything is correct, choose Update. To correct something, choose Back.',
  update: 'Update',
  sentTitle: 'Please check your email',
  sent: (email: string) => `We have sent a confirmation mail to ${email}. The registration is not complete yet.`,
  sender: (sender: string) => `Check that it comes from ${sender}.`,
  within24h: (until: string) =>
    `Open the link in the mail within 24 hours (by ${until}) and give your secret question and its answer again to complete the registration.`,
  startAgainHint: 'If you cannot complete it within 24 hours, please start the registration again.',
  registeredTitle: 'Email address to reissue a login password',
  registeredQuestion: (question: string) => `Secret question: ${question}`,
  pendingChange: (email: string, until: string) =>
    `A change to ${email} is waiting for you to open the link we mailed (valid until ${until}).`,
  pendingTitle: 'Waiting for your confirmation',
  pending: (email: string, until: string) =>
    `We mailed a confirmation link to ${email}. Open it by ${until} to complete the registration.`,
  deleteTitle: 'Delete the email address to reissue a login password?',
  deleteWarning: 'If you then forget your login password, a new one can only be sent by postcard after you call us (about a week).',
  deleted: 'The email address to reissue a login password was deleted.',
  confirmTitle: 'Complete the registration',
  confirmIntro: 'Choose the secret question you registered, enter its answer, then choose Register.',
  register: 'Register',
  wrongAnswer: 'The secret question or the answer does not match what you registered. Check both and try again.',
  completedTitle: 'Registration completed',
  completed: 'Registrations for the email address to reissue a login password and the secret question are now completed.',
};
