import '../password-input/define.js';
import { defineElement } from '../shared/define.js';
import { WbPasswordChange } from './password-change.js';

export { WbPasswordChange };
defineElement('wb-password-change', WbPasswordChange);

declare global {
  interface HTMLElementTagNameMap {
    'wb-password-change': WbPasswordChange;
  }
}
