import { defineElement } from '../shared/define.js';
import { WbPasswordInput } from './password-input.js';

export { WbPasswordInput };
defineElement('wb-password-input', WbPasswordInput);

declare global {
  interface HTMLElementTagNameMap {
    'wb-password-input': WbPasswordInput;
  }
}
