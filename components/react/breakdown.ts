/**
 * React wrapper of `<wb-breakdown>`: One month's detailed breakdown by company, line and item of charge.
 * Its properties are props. Its events are typed `on…` props: `onMonthSelected` gets a {@link WbMonthSelectedEvent}, `onMembershipRequested` gets a {@link WbMembershipRequestedEvent}, `onBreakdownDownload` gets a {@link WbBreakdownDownloadEvent}.
 * Importing this module registers the element.
 *
 * Generated from custom-elements.json by `npm run react` (scripts/gen-react.ts); do not edit.
 *
 * @module
 */
import { createComponent, type EventName } from '@lit/react';
import React from 'react';
import { WbBreakdown as WbBreakdownElement } from '../breakdown/define.js';
import type { WbBreakdownDownloadEvent, WbMembershipRequestedEvent, WbMonthSelectedEvent } from '../shared/events.js';

/** `<wb-breakdown>` in React: One month's detailed breakdown by company, line and item of charge. */
export const WbBreakdown = createComponent({
  react: React,
  tagName: 'wb-breakdown',
  elementClass: WbBreakdownElement,
  events: {
    onMonthSelected: 'wb-month-selected' as EventName<WbMonthSelectedEvent>,
    onMembershipRequested: 'wb-membership-requested' as EventName<WbMembershipRequestedEvent>,
    onBreakdownDownload: 'wb-breakdown-download' as EventName<WbBreakdownDownloadEvent>,
  },
});
