/**
 * React wrapper of `<wb-password-reissue>`: Reissue a forgotten login password by email.
 * Its properties are props. Its events are typed `on…` props: `onPasswordReissueRequested` gets a {@link WbPasswordReissueRequestedEvent}, `onLoginRequested` gets a {@link WbLoginRequestedEvent}.
 * Importing this module registers the element.
 *
 * Generated from custom-elements.json by `npm run react` (scripts/gen-react.ts); do not edit.
 *
 * @module
 */
import { createComponent, type EventName } from '@lit/react';
import React from 'react';
import { WbPasswordReissue as WbPasswordReissueElement } from '../password-reissue/define.js';
import type { WbLoginRequestedEvent, WbPasswordReissueRequestedEvent } from '../shared/events.js';

/** `<wb-password-reissue>` in React: Reissue a forgotten login password by email. */
export const WbPasswordReissue = createComponent({
  react: React,
  tagName: 'wb-password-reissue',
  elementClass: WbPasswordReissueElement,
  events: {
    onPasswordReissueRequested: 'wb-password-reissue-requested' as EventName<WbPasswordReissueRequestedEvent>,
    onLoginRequested: 'wb-login-requested' as EventName<WbLoginRequestedEvent>,
  },
});
