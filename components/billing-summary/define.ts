import { defineElement } from '../shared/define.js';
import { WbBillingSummary } from './billing-summary.js';

export { WbBillingSummary };
defineElement('wb-billing-summary', WbBillingSummary);

declare global {
  interface HTMLElementTagNameMap {
    'wb-billing-summary': WbBillingSummary;
  }
}
