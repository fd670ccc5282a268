import { defineElement } from '../shared/define.js';
import { WbNoticeEmailRestartEvent } from './events.js';
import { WbNoticeEmail } from './notice-email.js';

export { WbNoticeEmail, WbNoticeEmailRestartEvent };
defineElement('wb-notice-email', WbNoticeEmail);

declare global {
  interface HTMLElementTagNameMap {
    'wb-notice-email': WbNoticeEmail;
  }
}
