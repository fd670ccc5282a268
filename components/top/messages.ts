import { defineMessages } from '../shared/localize.js';

/** Messages of `<wb-top>`, one module per locale. */
export const topMessages = defineMessages({
  en: () => import('./messages.en.js'),
  ja: () => import('./messages.ja.js'),
});
