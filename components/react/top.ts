/**
 * React wrapper of `<wb-top>`: The top screen: registered number, payment, billing contents, membership menu, inquiry desk, layout switch.
 * Its properties are props. Its events are typed `on…` props: `onBillingRequested` gets a {@link WbBillingRequestedEvent}, `onMembershipRequested` gets a {@link WbMembershipRequestedEvent}, `onLayoutChanged` gets a {@link WbLayoutChangedEvent}.
 * Importing this module registers the element.
 *
 * Generated from custom-elements.json by `npm run react` (scripts/gen-react.ts); do not edit.
 *
 * @module
 */
import { createComponent, type EventName } from '@lit/react';
import React from 'react';
import { WbTop as WbTopElement } from '../top/define.js';
import type { WbBillingRequestedEvent, WbLayoutChangedEvent, WbMembershipRequestedEvent } from '../shared/events.js';

/** `<wb-top>` in React: The top screen: registered number, payment, billing contents, membership menu, inquiry desk, layout switch. */
export const WbTop = createComponent({
  react: React,
  tagName: 'wb-top',
  elementClass: WbTopElement,
  events: {
    onBillingRequested: 'wb-billing-requested' as EventName<WbBillingRequestedEvent>,
    onMembershipRequested: 'wb-membership-requested' as EventName<WbMembershipRequestedEvent>,
    onLayoutChanged: 'wb-layout-changed' as EventName<WbLayoutChangedEvent>,
  },
});
