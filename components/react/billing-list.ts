/**
 * React wrapper of `<wb-billing-list>`: The 15-month billing list: bar chart and table.
 * Its properties are props. Its events are typed `on…` props: `onMonthSelected` gets a {@link WbMonthSelectedEvent}.
 * Importing this module registers the element.
 *
 * Generated from custom-elements.json by `npm run react` (scripts/gen-react.ts); do not edit.
 *
 * @module
 */
import { createComponent, type EventName } from '@lit/react';
import React from 'react';
import { WbBillingList as WbBillingListElement } from '../billing-list/define.js';
import type { WbMonthSelectedEvent } from '../shared/events.js';

/** `<wb-billing-list>` in React: The 15-month billing list: bar chart and table. */
export const WbBillingList = createComponent({
  react: React,
  tagName: 'wb-billing-list',
  elementClass: WbBillingListElement,
  events: {
    onMonthSelected: 'wb-month-selected' as EventName<WbMonthSelectedEvent>,
  },
});
