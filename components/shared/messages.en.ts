import { INQUIRY_DESK, type FieldIssueCode } from '../../src/core.js';
import { countOf } from './localize.js';

const fieldEn: Record<FieldIssueCode, string> = {
  required: 'Please fill this in.',
  invalid_type: 'This is not valid.',
  too_short: 'This is too short.',
  too_long: 'This is too long.',
  invalid_format: 'This is not in the expected format.',
  letter_and_digit_required: 'Use both letters and digits.',
  invalid_characters: 'Use only letters, digits and the listed symbols.',
  same_as_login_id: 'The password must differ from the login ID.',
  mismatch: 'The two entries do not match.',
  login_id_taken: 'This login ID is already in use. Please choose another.',
  not_initial_credential: 'Enter it exactly as printed on the postcard.',
  unknown_question: 'Choose one of the listed questions.',
  wrong_answer: 'The answer does not match the one registered.',
  wrong_number: 'This number does not match the registered one.',
};

/** English messages of every element (`common`). */
export default {
  field: (code: FieldIssueCode) => fieldEn[code] ?? fieldEn.invalid_format,
  fixFields: (n: number) => (n === 1 ? '1 field needs attention.' : `${n} fields need attention.`),
  networkFault: 'The billing service could not be reached. Nothing you typed was lost.',
  serverFault: 'The billing service had a problem. Nothing you typed was lost.',
  timeoutFault: 'The billing service took too long to answer. Nothing you typed was lost.',
  rateLimited: (seconds?: number) =>
    seconds ? `Too many attempts. Please try again in ${countOf(seconds, 'second')}.` : 'Too many attempts. Please wait a moment and try again.',
  sessionExpired: 'Your session has ended. Please log in again; what you typed is kept.',
  sessionEndedRead: 'Your session has ended. Please log in again to see this.',
  logInToSee: 'Please log in to see this.',
  toTop: 'To the top screen',
  retry: 'Try again',
  logIn: 'Log in',
  sending: 'Sending…',
  noProvider: (tag: string) => `<${tag}> needs to be inside <wb-provider base-url="…">, which connects it to the billing service.`,
  inquiry: `Web Billing inquiry desk: ${INQUIRY_DESK.phone}, ${INQUIRY_DESK.hours.en}.`,
  show: 'Show',
  hide: 'Hide',
  showPassword: (label: string) => `Show ${label}`,
  hidePassword: (label: string) => `Hide ${label}`,
  required: 'required',
  loading: 'Loading…',
  empty: 'Nothing to show.',
  loadFailed: 'This could not be loaded.',
  /** After trying again failed too: some browsers keep a failed load for the page's life. */
  reloadToLoad: 'If trying again does not help, reload the page.',
  reload: 'Reload the page',
};
