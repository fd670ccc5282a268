import { defineElement } from '../shared/define.js';
import { WbRestartRegistrationEvent } from './events.js';
import { WbReissueEmail } from './reissue-email.js';

export { WbReissueEmail, WbRestartRegistrationEvent };
defineElement('wb-reissue-email', WbReissueEmail);

declare global {
  interface HTMLElementTagNameMap {
    'wb-reissue-email': WbReissueEmail;
  }
}
