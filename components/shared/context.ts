/**
 * What `<wb-provider>` gives its descendants.
 *
 * @module
 */
import { createContext } from '@lit/context';
import type { SessionEndReason, SessionInfo, WebBillingClient } from '../../src/core.js';

/** The SDK client shared by every element under one provider. */
export const clientContext = createContext<WebBillingClient | undefined>(Symbol('wb-client'));

/** The session as the provider last saw it (never the token). */
export const sessionContext = createContext<SessionInfo | undefined>(Symbol('wb-session'));

/** Why the page's last session ended (`undefined` while logged in, or if there was none on this page). */
export const sessionEndContext = createContext<SessionEndReason | undefined>(Symbol('wb-session-end'));
