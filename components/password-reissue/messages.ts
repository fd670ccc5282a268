import { defineMessages } from '../shared/localize.js';

/** Messages of `<wb-password-reissue>`, one module per locale. */
export const passwordReissueMessages = defineMessages({
  en: () => import('./messages.en.js'),
  ja: () => import('./messages.ja.js'),
});
