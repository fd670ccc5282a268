import type { CredentialKind } from './credential-checklist.js';

/** English messages of the credential checklist (its rules, their errors, the new credential's labels). */
export default {
  label: (kind: CredentialKind) => (kind === 'loginId' ? 'New login ID' : 'New password'),
  labelAgain: (kind: CredentialKind) => (kind === 'loginId' ? 'New login ID again, for confirmation' : 'New password again, for confirmation'),
  title: (kind: CredentialKind) => (kind === 'loginId' ? 'Conditions for the new login ID' : 'Conditions for the new password'),
  length: (min: number, max: number) => `${min} to ${max} characters`,
  letterAndDigit: 'Both letters and digits',
  charsetAscii: 'Only one-byte letters, digits and these symbols:',
  /**
   * The names of the symbols of `NAMED_SYMBOLS` (! # $ % & ( ) * + - . / : ; = ? @ [ ] _), in that order,
   * separated by `listSeparator`: screen readers often skip punctuation.
   */
  symbolNames: 'exclamation mark, number sign, dollar sign, percent sign, ampersand, left parenthesis, right parenthesis, asterisk, plus sign, hyphen, full stop, slash, colon, semicolon, equals sign, question mark, at sign, left square bracket, right square bracket, underscore',
  listSeparator: ', ',
  spokenSymbols: (names: string) => `, which are: ${names}`,
  charsetUnicode: 'No control or invisible characters',
  differs: (kind: CredentialKind) => (kind === 'loginId' ? 'Different from the new password' : 'Different from the login ID'),
  matches: 'Typed the same both times',
  notInUse: 'Not in use by anyone else (checked with the billing service)',
  met: '(met)',
  unmet: '(not met yet)',
  loadingRules: 'Loading the conditions from the billing service…',
  summary: (kind: CredentialKind, met: number, total: number) =>
    `${kind === 'loginId' ? 'New login ID' : 'New password'}: ${met} of ${total} conditions met.`,
  required: (kind: CredentialKind) => (kind === 'loginId' ? 'Enter a login ID of your choice.' : 'Enter a password of your choice.'),
  requiredAgain: (kind: CredentialKind) => (kind === 'loginId' ? 'Enter the new login ID again.' : 'Enter the new password again.'),
  lengthError: (min: number, max: number) => `Use ${min} to ${max} characters.`,
  letterAndDigitError: 'Use both letters and digits (not letters only or digits only).',
  charsetAsciiError: 'Use only one-byte letters, digits and the listed symbols.',
  charsetUnicodeError: 'Remove control or invisible characters.',
  differsError: 'The password must be different from the login ID.',
  matchesError: (kind: CredentialKind) =>
    kind === 'loginId' ? 'This does not match the new login ID.' : 'This does not match the new password.',
};
