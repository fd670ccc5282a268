import { defineElement } from '../shared/define.js';
import { WbBreakdown } from './breakdown.js';

export { WbBreakdown };
defineElement('wb-breakdown', WbBreakdown);

declare global {
  interface HTMLElementTagNameMap {
    'wb-breakdown': WbBreakdown;
  }
}
