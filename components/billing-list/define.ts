import { defineElement } from '../shared/define.js';
import { WbBillingList } from './billing-list.js';

export { WbBillingList };
defineElement('wb-billing-list', WbBillingList);

declare global {
  interface HTMLElementTagNameMap {
    'wb-billing-list': WbBillingList;
  }
}
