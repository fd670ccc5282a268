import { defineMessages } from '../shared/localize.js';

/** Messages of `<wb-login>`, one module per locale. */
export const loginMessages = defineMessages({
  en: () => import('./messages.en.js'),
  ja: () => import('./messages.ja.js'),
});
