import { defineMessages } from '../shared/localize.js';

/** Messages of the secret-question forms (`<wb-reissue-email>`, `<wb-password-reissue>`), one module per locale. */
export const secretQuestionMessages = defineMessages({
  en: () => import('./secret-question-messages.en.js'),
  ja: () => import('./secret-question-messages.ja.js'),
});

/** Messages of `<wb-reissue-email>`, one module per locale. */
export const reissueEmailMessages = defineMessages({
  en: () => import('./messages.en.js'),
  ja: () => import('./messages.ja.js'),
});
