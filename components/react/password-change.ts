/**
 * React wrapper of `<wb-password-change>`: Forced or voluntary change of the login password.
 * Its properties are props. Its events are typed `on…` props: `onCredentialsChanged` gets a {@link WbCredentialsChangedEvent}, `onTopRequested` gets a {@link WbTopRequestedEvent}.
 * Importing this module registers the element.
 *
 * Generated from custom-elements.json by `npm run react` (scripts/gen-react.ts); do not edit.
 *
 * @module
 */
import { createComponent, type EventName } from '@lit/react';
import React from 'react';
import { WbPasswordChange as WbPasswordChangeElement } from '../password-change/define.js';
import type { WbCredentialsChangedEvent, WbTopRequestedEvent } from '../shared/events.js';

/** `<wb-password-change>` in React: Forced or voluntary change of the login password. */
export const WbPasswordChange = createComponent({
  react: React,
  tagName: 'wb-password-change',
  elementClass: WbPasswordChangeElement,
  events: {
    onCredentialsChanged: 'wb-credentials-changed' as EventName<WbCredentialsChangedEvent>,
    onTopRequested: 'wb-top-requested' as EventName<WbTopRequestedEvent>,
  },
});
