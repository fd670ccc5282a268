import { defineMessages } from '../shared/localize.js';

/** Messages of `<wb-notice-email>`, one module per locale. */
export const noticeEmailMessages = defineMessages({
  en: () => import('./messages.en.js'),
  ja: () => import('./messages.ja.js'),
});
