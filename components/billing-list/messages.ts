import { defineMessages } from '../shared/localize.js';

/** Messages of `<wb-billing-list>`, one module per locale. */
export const billingListMessages = defineMessages({
  en: () => import('./messages.en.js'),
  ja: () => import('./messages.ja.js'),
});
