/**
 * The light-DOM styles `<wb-password-change>` adopts into the document (or
 * shadow root) it renders in: the shared form styles, and those of the
 * credential checklist.
 *
 * @module
 */
import type { CSSResult } from 'lit';
import { credentialStyles } from '../shared/credential-checklist.js';
import { formStyles } from '../shared/styles.js';

export const passwordChangeStyles: readonly CSSResult[] = [formStyles, credentialStyles];
