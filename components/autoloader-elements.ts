/**
 * The elements the CDN build's autoloader registers, by file name:
 * `<wb-name>` is `dist/cdn/elements/<name>.js`. Apart from the autoloader,
 * so that a test can read it without a document.
 *
 * @module
 */

/** Every element with its own entry, by file name (the tag without `wb-`). */
export const AUTOLOADED_ELEMENTS = [
  'provider',
  'password-input',
  'login',
  'credential-setup',
  'password-change',
  'reissue-email',
  'password-reissue',
  'billing-list',
  'top',
  'breakdown',
  'billing-summary',
  'line-picker',
  'notice-email',
] as const;
