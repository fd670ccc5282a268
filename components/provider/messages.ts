import { defineMessages } from '../shared/localize.js';

/** `m:ss`, as the countdown shows the time left (`0:58`, `1:30`). */
export const clock = (seconds: number): string => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/** Messages of `<wb-idle-warning>`, one module per locale. */
export const idleMessages = defineMessages({
  en: () => import('./messages.en.js'),
  ja: () => import('./messages.ja.js'),
});
