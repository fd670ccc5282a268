/**
 * React wrapper of `<wb-provider>`: Gives the elements inside it one SDK client and the session.
 * Its properties are props. Its events are typed `on…` props: `onLoggedOut` gets a {@link WbLoggedOutEvent}, `onSessionExtended` gets a {@link WbSessionExtendedEvent}, `onSessionRestored` gets a {@link WbSessionRestoredEvent}.
 * Importing this module registers the element.
 *
 * Generated from custom-elements.json by `npm run react` (scripts/gen-react.ts); do not edit.
 *
 * @module
 */
import { createComponent, type EventName } from '@lit/react';
import React from 'react';
import { WbProvider as WbProviderElement } from '../provider/define.js';
import type { WbSessionExtendedEvent } from '../provider/idle-warning.js';
import type { WbLoggedOutEvent, WbSessionRestoredEvent } from '../shared/events.js';

/** `<wb-provider>` in React: Gives the elements inside it one SDK client and the session. */
export const WbProvider = createComponent({
  react: React,
  tagName: 'wb-provider',
  elementClass: WbProviderElement,
  events: {
    onLoggedOut: 'wb-logged-out' as EventName<WbLoggedOutEvent>,
    onSessionExtended: 'wb-session-extended' as EventName<WbSessionExtendedEvent>,
    onSessionRestored: 'wb-session-restored' as EventName<WbSessionRestoredEvent>,
  },
});
