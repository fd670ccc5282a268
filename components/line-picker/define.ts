import { defineElement } from '../shared/define.js';
import { WbLinePicker } from './line-picker.js';

export { WbLinePicker };
defineElement('wb-line-picker', WbLinePicker);

declare global {
  interface HTMLElementTagNameMap {
    'wb-line-picker': WbLinePicker;
  }
}
