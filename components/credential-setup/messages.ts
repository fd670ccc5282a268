import { defineMessages } from '../shared/localize.js';

/** Messages of `<wb-credential-setup>`, one module per locale. */
export const credentialSetupMessages = defineMessages({
  en: () => import('./messages.en.js'),
  ja: () => import('./messages.ja.js'),
});
