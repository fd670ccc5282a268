/**
 * What every handler module gets from the backend.
 *
 * @module
 */
import type { CredentialPolicy } from '../src/contract/rules.js';
import type { LocalizedText } from '../src/contract/types.js';
import type { Clock } from './clock.js';
import type { Outbox } from './outbox.js';
import type { Route } from './route.js';
import type { MemoryStore } from './store.js';

/** The parts of a backend that handlers use. */
export interface BackendContext {
  store: MemoryStore;
  clock: Clock;
  outbox: Outbox;
  /** The credential policy the backend publishes and enforces. */
  policy: CredentialPolicy;
  /** The sender's name the mail bodies name and sign with (the `senderName` option, or its default). */
  sender: LocalizedText;
  /** Where mailed confirmation links point (`?purpose=…&token=…` is appended). */
  linkBase: string;
  /** The route helper (see `route.ts`). */
  route: Route;
  /** Restores the seeded state: accounts, empty outbox, clock at its start. */
  reset(): void;
}
