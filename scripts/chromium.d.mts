/** Declarations of scripts/chromium.mjs, for the TypeScript that imports it. */
export const CHROMIUM_PATH: string;
export const CHROMIUM_ARGS: readonly string[];
