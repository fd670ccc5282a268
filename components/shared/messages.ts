/**
 * Messages every element shares: field problems by rule code, network
 * faults, the missing-provider notice, the inquiry desk.
 *
 * @module
 */
import { defineMessages } from './localize.js';

/** Shared messages, one module per locale. */
export const common = defineMessages({
  en: () => import('./messages.en.js'),
  ja: () => import('./messages.ja.js'),
});
