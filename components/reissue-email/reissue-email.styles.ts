/**
 * The light-DOM styles `<wb-reissue-email>` adopts into the document (or
 * shadow root) it renders in: the shared form styles and the review step's.
 *
 * @module
 */
import type { CSSResult } from 'lit';
import { reviewStyles } from '../shared/registration-flow.styles.js';
import { formStyles } from '../shared/styles.js';

export const reissueEmailStyles: readonly CSSResult[] = [formStyles, reviewStyles];
