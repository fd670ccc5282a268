/**
 * The light-DOM styles `<wb-credential-setup>` adopts into the document (or
 * shadow root) it renders in: the shared form styles, and those of the
 * credential checklist, its groups and the availability status.
 *
 * @module
 */
import type { CSSResult } from 'lit';
import { credentialStyles } from '../shared/credential-checklist.js';
import { formStyles } from '../shared/styles.js';

export const credentialSetupStyles: readonly CSSResult[] = [formStyles, credentialStyles];
