import { defineElement } from '../shared/define.js';
import { WbPasswordReissue } from './password-reissue.js';

export { WbPasswordReissue };
defineElement('wb-password-reissue', WbPasswordReissue);

declare global {
  interface HTMLElementTagNameMap {
    'wb-password-reissue': WbPasswordReissue;
  }
}
