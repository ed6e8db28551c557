import { type Accessor, createSignal, onCleanup } from 'solid-js';

/** How often the deadline clocks move: often enough for "还剩 3 小时", cheap enough for 50 rows. */
export const CLOCK_TICK_MS = 30_000;

/**
 * The current time as a signal that ticks every `intervalMs` for as long as the calling component
 * lives; the countdowns recompute from it, no request involved.
 */
export function useNow(intervalMs = CLOCK_TICK_MS): Accessor<number> {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), intervalMs);
  onCleanup(() => clearInterval(timer));
  return now;
}
