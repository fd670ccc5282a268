import { defineMessages } from '../shared/localize.js';

/** Messages of `<wb-password-change>`, one module per locale. */
export const passwordChangeMessages = defineMessages({
  en: () => import('./messages.en.js'),
  ja: () => import('./messages.ja.js'),
});
