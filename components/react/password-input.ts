/**
 * React wrapper of `<wb-password-input>`: Password field with the last typed character visible and a show/hide toggle.
 * Its properties are props. It has no `wb-*` event.
 * Importing this module registers the element.
 *
 * Generated from custom-elements.json by `npm run react` (scripts/gen-react.ts); do not edit.
 *
 * @module
 */
import { createComponent } from '@lit/react';
import React from 'react';
import { WbPasswordInput as WbPasswordInputElement } from '../password-input/define.js';

/** `<wb-password-input>` in React: Password field with the last typed character visible and a show/hide toggle. */
export const WbPasswordInput = createComponent({
  react: React,
  tagName: 'wb-password-input',
  elementClass: WbPasswordInputElement,
});
