import { defineMessages } from './localize.js';

/** Messages of the secret-question forms (`<wb-reissue-email>`, `<wb-password-reissue>`), one module per locale. */
export const secretQuestionMessages = defineMessages({
  en: () => import('./secret-question-messages.en.js'),
  ja: () => import('./secret-question-messages.ja.js'),
});
