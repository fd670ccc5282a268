/**
 * The SDK's internal entry for the kit's own elements (`components/`): what
 * an element may import from the SDK, and nothing that carries the client,
 * its transport or its zod schemas.
 *
 * Why an entry of its own: an element that renders without a provider (or
 * before one is defined) must not bundle the client, ky and the schemas.
 * Importing `src/index.ts` for values would pull all of them in; importing
 * `src/errors.ts`, `src/contract/rules.ts` and the rest one by one works but
 * leaves the boundary unnamed. This module names it: the error classes and
 * guards, the domain rules and the contract's types, line-number formatting.
 * The client itself reaches an element through `<wb-provider>` (context),
 * never through an import.
 *
 * Not a public entry: `package.json` does not export it. Partners import
 * `web-billing-kit` (the SDK) and `web-billing-kit/elements`. `npm run size`
 * checks that an element page stays as small as with the separate imports.
 *
 * @module
 * @internal
 */
export * from './errors.js';
export * from './contract/rules.js';
export type * from './contract/types.js';
export type { ErrorCode, FieldIssueCode } from './contract/errors.js';
export { formatLineNumber } from './line-number.js';
export type { BreakdownScope } from './resources/billing.js';
export type { SessionEndReason, SessionInfo } from './session.js';
export type { WebBillingClient } from './client.js';
