import { defineMessages, mergedCatalog } from '../shared/localize.js';

/** Messages of `<wb-reissue-email>`, one module per locale, with the email registration's shared words (loaded beside it). */
export const reissueEmailMessages = defineMessages({
  en: () => mergedCatalog(import('../shared/email-registration-messages.en.js'), import('./messages.en.js')),
  ja: () => mergedCatalog(import('../shared/email-registration-messages.ja.js'), import('./messages.ja.js')),
});
