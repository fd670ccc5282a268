import { defineMessages } from '../shared/localize.js';

/** Messages of `<wb-reissue-email>`, one module per locale. */
export const reissueEmailMessages = defineMessages({
  en: () => import('./messages.en.js'),
  ja: () => import('./messages.ja.js'),
});
