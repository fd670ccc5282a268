/**
 * React wrapper of `<wb-login>`: Login form for postcard and chosen credentials.
 * Its properties are props. Its events are typed `on…` props: `onLoggedIn` gets a {@link WbLoggedInEvent}, `onForgotPassword` gets a {@link WbForgotPasswordEvent}, `onTopRequested` gets a {@link WbTopRequestedEvent}.
 * Importing this module registers the element.
 *
 * Generated from custom-elements.json by `npm run react` (scripts/gen-react.ts); do not edit.
 *
 * @module
 */
import { createComponent, type EventName } from '@lit/react';
import React from 'react';
import { WbLogin as WbLoginElement } from '../login/define.js';
import type { WbForgotPasswordEvent, WbLoggedInEvent, WbTopRequestedEvent } from '../shared/events.js';

/** `<wb-login>` in React: Login form for postcard and chosen credentials. */
export const WbLogin = createComponent({
  react: React,
  tagName: 'wb-login',
  elementClass: WbLoginElement,
  events: {
    onLoggedIn: 'wb-logged-in' as EventName<WbLoggedInEvent>,
    onForgotPassword: 'wb-forgot-password' as EventName<WbForgotPasswordEvent>,
    onTopRequested: 'wb-top-requested' as EventName<WbTopRequestedEvent>,
  },
});
