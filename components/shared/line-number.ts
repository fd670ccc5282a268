/**
 * Phone and line numbers as people read them. The function lives in the SDK
 * (`src/line-number.ts`), which writes line numbers the same way in its CSV
 * export; elements import it from here (through `src/core.ts`).
 *
 * @module
 */
export { formatLineNumber } from '../../src/core.js';
