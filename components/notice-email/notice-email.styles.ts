/**
 * The light-DOM styles `<wb-notice-email>` adopts into the document (or
 * shadow root) it renders in: the shared form styles, the review step's,
 * and its own (the type radio group, the notes), wrapped in `:where()` so
 * any partner rule wins.
 *
 * @module
 */
import { css, type CSSResult } from 'lit';
import { reviewStyles } from '../shared/registration-flow.styles.js';
import { formStyles } from '../shared/styles.js';

const noticeStyles = css`
  :where(.wb-radio-group) { border: 0; margin: 0; padding: 0; min-width: 0; }
  :where(.wb-radio-group legend) { padding: 0; margin-bottom: 0.25rem; }
  :where(.wb-radio) { display: flex; align-items: center; gap: 0.5rem; min-height: 44px; cursor: pointer; }
  :where(.wb-radio input) { width: 1.25rem; height: 1.25rem; margin: 0; flex: none; }
  :where(.wb-notes) { margin: 0; padding-left: 1.25rem; overflow-wrap: anywhere; }
  :where(wb-notice-email p) { overflow-wrap: anywhere; }
`;

export const noticeEmailStyles: readonly CSSResult[] = [formStyles, reviewStyles, noticeStyles];
