import { defineElement } from '../shared/define.js';
import { WbTop } from './top.js';

export { WbTop };
export type { TopLayout } from './top.js';
defineElement('wb-top', WbTop);

declare global {
  interface HTMLElementTagNameMap {
    'wb-top': WbTop;
  }
}
