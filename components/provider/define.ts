import { defineElement } from '../shared/define.js';
import { WbIdleWarning, WbSessionExtendedEvent, type IdleClient } from './idle-warning.js';
import { WbProvider } from './provider.js';

export { WbProvider, WbIdleWarning, WbSessionExtendedEvent, type IdleClient };
defineElement('wb-provider', WbProvider);
// Rendered by <wb-provider> in its own shadow root; not an entry of its own.
defineElement('wb-idle-warning', WbIdleWarning);

declare global {
  interface HTMLElementTagNameMap {
    'wb-provider': WbProvider;
    'wb-idle-warning': WbIdleWarning;
  }
}
