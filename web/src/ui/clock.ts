// A live clock for countdowns: deadlines (tickets), whistle report-by times, council meeting times,
// the live board. The countdowns recompute from the signal; no request involved.
import { type Accessor, createSignal, onCleanup } from 'solid-js';

/** How often the clocks move: often enough for "还剩 3 小时", cheap enough for 50 rows. */
export const CLOCK_TICK_MS = 30_000;

/** The current time (epoch ms) as a signal that ticks every `intervalMs` while the calling component lives. */
export function useNow(intervalMs = CLOCK_TICK_MS): Accessor<number> {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), intervalMs);
  onCleanup(() => clearInterval(timer));
  return now;
}

/** A span as people say it: whole minutes under an hour, whole hours under two days, else whole days. */
export function roundedDuration(ms: number): { unit: 'minutes' | 'hours' | 'days'; count: number } {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 60) return { unit: 'minutes', count: Math.max(1, minutes) };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { unit: 'hours', count: hours };
  return { unit: 'days', count: Math.floor(hours / 24) };
}
