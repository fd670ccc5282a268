/**
 * Runs a callback in the browser's idle time, or within `timeout`
 * milliseconds if there is none (`requestIdleCallback`; a 16 ms timer where
 * it is missing). Elements use it to render what the first frame can do
 * without in a later task, so that no first render is one long task on a
 * slow phone.
 *
 * @module
 */
export function whenIdle(callback: () => void, timeout = 50): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout });
  else setTimeout(callback, 16);
}
