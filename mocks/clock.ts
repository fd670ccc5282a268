/**
 * The backend's clock. It stands still unless moved, so that tests and demos
 * are deterministic: sessions idle out, links expire and monthly mails go out
 * only when someone calls {@link Clock.advance} or {@link Clock.set}
 * (or `POST /_dev/clock`).
 *
 * @module
 */

/** Called after the clock moved, with the old and the new time. */
export type ClockListener = (from: Date, to: Date) => void;

/** A controllable clock. */
export interface Clock {
  /** The backend's current time (a fresh `Date` each call). */
  now(): Date;
  /** Moves the clock forward by `ms` milliseconds (backward if negative) and returns the new time. */
  advance(ms: number): Date;
  /** Sets the clock to `date` and returns it. */
  set(date: Date | string): Date;
  /** Puts the clock back to its start time, without notifying listeners. */
  reset(): void;
  /** Calls `listener` after every move; returns a function that unsubscribes. */
  onChange(listener: ClockListener): () => void;
}

/** A clock's whole state, in epoch milliseconds (part of a backend snapshot). */
export interface ClockState {
  /** Where {@link Clock.reset} puts the clock back to. */
  start: number;
  /** The current time. */
  now: number;
}

/** A clock whose state its backend can save and load (the backend's own view; users get a {@link Clock}). */
export interface StatefulClock extends Clock {
  /** The start and current time. */
  state(): ClockState;
  /** Takes a saved state without notifying listeners, so no mail goes out for the time in between. */
  load(state: ClockState): void;
}

function toDate(value: Date | string): Date {
  const date = typeof value === 'string' ? new Date(value) : new Date(value.getTime());
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a valid date: ${String(value)}`);
  return date;
}

/**
 * Creates a clock.
 *
 * @param start - the start time; defaults to the real time now
 */
export function createClock(start?: Date | string): StatefulClock {
  let startMs = toDate(start ?? new Date()).getTime();
  let current = startMs;
  const listeners = new Set<ClockListener>();

  function moveTo(ms: number): Date {
    const from = new Date(current);
    current = ms;
    const to = new Date(current);
    for (const listener of listeners) listener(from, new Date(to.getTime()));
    return to;
  }

  return {
    now: () => new Date(current),
    advance(ms) {
      if (!Number.isFinite(ms) || Number.isNaN(new Date(current + ms).getTime())) throw new RangeError(`Not a duration the clock can move by: ${ms}`);
      return moveTo(current + ms);
    },
    set: (date) => moveTo(toDate(date).getTime()),
    reset() {
      current = startMs;
    },
    state: () => ({ start: startMs, now: current }),
    load(state) {
      startMs = state.start;
      current = state.now;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
