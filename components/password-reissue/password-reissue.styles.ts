/**
 * The light-DOM styles `<wb-password-reissue>` adopts into the document (or
 * shadow root) it renders in: the shared form styles; it has none of its own.
 *
 * @module
 */
import type { CSSResult } from 'lit';
import { formStyles } from '../shared/styles.js';

export const passwordReissueStyles: readonly CSSResult[] = [formStyles];
