/**
 * A small seeded PRNG for deterministic demo data (not for secrets: those use
 * `crypto.getRandomValues`, see `secrets.ts`).
 *
 * @module
 */

/** A source of numbers in [0, 1) with a few helpers. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** A float in [min, max), rounded to `digits` decimals. */
  float(min: number, max: number, digits?: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: a 32-bit state PRNG, good enough for demo data. */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    float(min, max, digits = 2) {
      const f = 10 ** digits;
      return Math.round((min + next() * (max - min)) * f) / f;
    },
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      return items[Math.floor(next() * items.length)] as T;
    },
  };
}

/** A 32-bit FNV-1a hash of a string, to derive per-item seeds. */
export function hashString(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A PRNG seeded from the demo seed and a list of keys. */
export function rngFor(seed: number, ...keys: string[]): Rng {
  return mulberry32(hashString(`${seed}|${keys.join('|')}`));
}
