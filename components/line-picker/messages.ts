import { defineMessages } from '../shared/localize.js';

/** Messages of `<wb-line-picker>`, one module per locale. */
export const linePickerMessages = defineMessages({
  en: () => import('./messages.en.js'),
  ja: () => import('./messages.ja.js'),
});
