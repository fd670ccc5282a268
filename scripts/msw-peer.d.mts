/** Declarations of scripts/msw-peer.mjs, for the tests that import it. */
export function mswMissingError(entry: string, error: unknown): unknown;
export function mswGuardModule(entry: string, implPath: string, exports: readonly string[]): string;
export function mswPeerGuard(entries: Record<string, string>): { name: string };
export function implFileName(name: string): string;
