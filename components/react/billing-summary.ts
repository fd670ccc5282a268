/**
 * React wrapper of `<wb-billing-summary>`: Usage amounts and notices of one month's bill.
 * Its properties are props. Its events are typed `on…` props: `onMonthSelected` gets a {@link WbMonthSelectedEvent}, `onMembershipRequested` gets a {@link WbMembershipRequestedEvent}.
 * Importing this module registers the element.
 *
 * Generated from custom-elements.json by `npm run react` (scripts/gen-react.ts); do not edit.
 *
 * @module
 */
import { createComponent, type EventName } from '@lit/react';
import React from 'react';
import { WbBillingSummary as WbBillingSummaryElement } from '../billing-summary/define.js';
import type { WbMembershipRequestedEvent, WbMonthSelectedEvent } from '../shared/events.js';

/** `<wb-billing-summary>` in React: Usage amounts and notices of one month's bill. */
export const WbBillingSummary = createComponent({
  react: React,
  tagName: 'wb-billing-summary',
  elementClass: WbBillingSummaryElement,
  events: {
    onMonthSelected: 'wb-month-selected' as EventName<WbMonthSelectedEvent>,
    onMembershipRequested: 'wb-membership-requested' as EventName<WbMembershipRequestedEvent>,
  },
});
