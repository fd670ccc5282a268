/**
 * The wire contract of the Web Billing service: schemas, endpoints, error
 * codes and domain rules. Single source of truth for the SDK, the elements,
 * the reference backend and the docs.
 *
 * @module
 */
export * from './rules.js';
export * from './errors.js';
export * as schemas from './schemas.js';
export * from './endpoints.js';
export * from './endpoint-docs.js';
export { DEV_ENDPOINTS, type OutboxMail, type ClockRequest } from './dev.js';
export type * from './types.js';
