// A server process's memory, read in that process (process.memoryUsage) and asked for over IPC.
import type { Child } from './processes.ts';

export interface Memory {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

/** In a server process: answers { kind: 'memory' } with { kind: 'memory', ...process.memoryUsage() }. */
export function reportMemoryOnRequest() {
  process.on('message', (message: { kind?: string }) => {
    if (message?.kind === 'memory') process.send?.({ kind: 'memory', ...process.memoryUsage() });
  });
}

/** In the bench: the memory of `child` now (it must call reportMemoryOnRequest). */
export async function memoryOf(child: Child): Promise<Memory> {
  const answer = child.message<Memory>((m) => m?.kind === 'memory', 10_000);
  child.send({ kind: 'memory' });
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = await answer;
  return { rss, heapUsed, heapTotal, external, arrayBuffers };
}

/** "RSS 123.4 MB, heap 56.7 MB used of 80.0 MB" */
export const formatMemory = (m: Memory) => `RSS ${(m.rss / 2 ** 20).toFixed(1)} MB, heap ${(m.heapUsed / 2 ** 20).toFixed(1)} MB used of ${(m.heapTotal / 2 ** 20).toFixed(1)} MB`;
