/** Declarations of scripts/entries.mjs, for the TypeScript that imports it. */
export interface Entry {
  name: string;
  input: string;
  shipped: boolean;
  label?: string;
  budget?: number;
  ceiling?: number;
  mswPeer?: string;
}
export const ENTRIES: readonly Entry[];
export const WHOLE_KIT: { label: string; budget: number; ceiling: number };
