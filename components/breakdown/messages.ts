import { defineMessages } from '../shared/localize.js';

/** Messages of `<wb-breakdown>`, one module per locale. */
export const breakdownMessages = defineMessages({
  en: () => import('./messages.en.js'),
  ja: () => import('./messages.ja.js'),
});
