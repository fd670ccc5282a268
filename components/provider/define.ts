import { defineElement } from '../shared/define.js';
import { WbProvider } from './provider.js';

export { WbProvider };
defineElement('wb-provider', WbProvider);

declare global {
  interface HTMLElementTagNameMap {
    'wb-provider': WbProvider;
  }
}
