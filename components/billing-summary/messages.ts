import { defineMessages } from '../shared/localize.js';

/** Messages of `<wb-billing-summary>`, one module per locale. */
export const summaryMessages = defineMessages({
  en: () => import('./messages.en.js'),
  ja: () => import('./messages.ja.js'),
});
