import '../password-input/define.js';
import { defineElement } from '../shared/define.js';
import { WbLogin } from './login.js';

export { WbLogin };
defineElement('wb-login', WbLogin);

declare global {
  interface HTMLElementTagNameMap {
    'wb-login': WbLogin;
  }
}
