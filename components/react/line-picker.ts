/**
 * React wrapper of `<wb-line-picker>`: Line or company picker for combined bills: type-to-filter, keyboard, direct entry, 10,000 lines.
 * Its properties are props. Its events are typed `on…` props: `onLineSelected` gets a {@link WbLineSelectedEvent}.
 * Importing this module registers the element.
 *
 * Generated from custom-elements.json by `npm run react` (scripts/gen-react.ts); do not edit.
 *
 * @module
 */
import { createComponent, type EventName } from '@lit/react';
import React from 'react';
import { WbLinePicker as WbLinePickerElement } from '../line-picker/define.js';
import type { WbLineSelectedEvent } from '../shared/events.js';

/** `<wb-line-picker>` in React: Line or company picker for combined bills: type-to-filter, keyboard, direct entry, 10,000 lines. */
export const WbLinePicker = createComponent({
  react: React,
  tagName: 'wb-line-picker',
  elementClass: WbLinePickerElement,
  events: {
    onLineSelected: 'wb-line-selected' as EventName<WbLineSelectedEvent>,
  },
});
