// What the live fan-out benches share: graphql-ws subscribers connected in batches (each proven
// registered by a first, replayed item), the arrival times of each event at every subscriber, and the
// figures a fan-out run prints and writes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Provider } from '@whistlehub/prisma';
import { checkPostgres } from '@whistlehub/prisma/testing';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { type Child, spawnTs } from './processes.ts';
import { monoMs, round, type Summary, summarize } from './stats.ts';

/** The flags of the fan-out benches (bench/README.md), parsed, with the provider chosen; the defaults of two differ. */
export async function fanoutSettings(defaults: { subscribers: string; selection: string }) {
  const { values } = parseArgs({
    options: {
      subscribers: { type: 'string', default: defaults.subscribers },
      writes: { type: 'string', default: '20' },
      /** ms after an event reached every subscriber before the next write */
      gap: { type: 'string', default: '50' },
      /** writes before the measured ones (delivered to everyone, not counted): the first events after subscribing are slower */
      'warmup-writes': { type: 'string', default: '2' },
      selection: { type: 'string', default: defaults.selection },
      provider: { type: 'string' },
      redis: { type: 'boolean', default: false },
      'redis-url': { type: 'string', default: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' },
      'skip-floor': { type: 'boolean', default: false },
      /** clients connecting (and subscribing) at once */
      'connect-batch': { type: 'string', default: '50' },
      /** seconds to wait for one event to reach every subscriber */
      timeout: { type: 'string', default: '60' },
      out: { type: 'string' },
    },
  });
  const postgres = (await checkPostgres()).ok;
  const provider = (values.provider ?? (values.redis && postgres ? 'postgresql' : 'sqlite')) as Provider;
  if (provider === 'postgresql' && !postgres) throw new Error('postgresql: no server at TEST_POSTGRES_URL');
  return {
    values,
    sizes: values.subscribers.split(',').map(Number),
    writes: Number(values.writes),
    gap: Number(values.gap),
    warmupWrites: Number(values['warmup-writes']),
    batch: Number(values['connect-batch']),
    timeoutMs: Number(values.timeout) * 1000,
    provider,
    mode: values.redis ? 'redis' : 'single',
  };
}

/**
 * The hub processes (src/servers/hub.ts) on a database: one, or with `redisUrl` two sharing live events
 * through Redis, A to write to and B to subscribe on. Resolves their ports once they listen.
 */
export function startHubs(databaseUrl: string, redisUrl?: string) {
  const script = fileURLToPath(new URL('../servers/hub.ts', import.meta.url));
  const args = (name: string) => ['--name', name, ...(redisUrl ? ['--redis', redisUrl] : [])];
  const writer = spawnTs('hub-a', script, { args: args('A'), env: { DATABASE_URL: databaseUrl } });
  const reader: Child = redisUrl ? spawnTs('hub-b', script, { args: args('B'), env: { DATABASE_URL: databaseUrl } }) : writer;
  const port = (c: Child) => c.message<{ port: number }>((m) => m?.kind === 'listening').then((m) => m.port);
  return {
    writer,
    reader,
    ports: Promise.all([port(writer), port(reader)]),
    stop: () => Promise.all([writer.stop(), reader === writer ? null : reader.stop()]),
  };
}

/** Arrival times by event number (a log position, or the floor's seq), and who waits for N of them. */
export class Arrivals {
  private readonly times = new Map<number, number[]>();
  private readonly waiters = new Map<number, { count: number; resolve: () => void }>();
  add(key: number, t: number) {
    let list = this.times.get(key);
    if (!list) this.times.set(key, (list = []));
    list.push(t);
    const waiter = this.waiters.get(key);
    if (waiter && list.length >= waiter.count) {
      this.waiters.delete(key);
      waiter.resolve();
    }
  }
  /** resolves with the arrivals once `count` came, or with those that came within `ms` */
  async wait(key: number, count: number, ms: number): Promise<number[]> {
    if ((this.times.get(key)?.length ?? 0) < count) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => this.waiters.set(key, { count, resolve })),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))),
      ]);
      clearTimeout(timer);
      this.waiters.delete(key);
    }
    return [...(this.times.get(key) ?? [])];
  }
  clear() {
    this.times.clear();
  }
}

export interface Subscribers {
  clients: Client[];
  /** error payloads and stream errors, as text */
  problems: string[];
  /** sockets that closed while `counting` was on */
  closedEarly: number;
  /** counts sockets that close from now on (the measurement started) */
  counting: boolean;
  connectSeconds: number;
  dispose(): Promise<void>;
}

/**
 * Connects N graphql-ws clients (the `graphql-ws` library over `ws`, as a browser app's client) in
 * batches, each subscribing to `query`; each is registered once its first item arrived, so the query
 * must make the server send one at once (a replayed event, a hello). `onNext` gets every payload with
 * its arrival time on the monotonic clock.
 */
export async function connectSubscribers(options: {
  n: number;
  batch: number;
  url: string;
  token?: string;
  query: string;
  variables?: Record<string, unknown>;
  onNext(value: any, t: number): void;
}): Promise<Subscribers> {
  const subscribers: Subscribers = {
    clients: [],
    problems: [],
    closedEarly: 0,
    counting: false,
    connectSeconds: 0,
    dispose: () => Promise.all(subscribers.clients.map((c) => c.dispose())).then(() => {}),
  };
  const t0 = performance.now();
  for (let i = 0; i < options.n; i += options.batch) {
    const registered: Promise<void>[] = [];
    for (let j = i; j < Math.min(options.n, i + options.batch); j++) {
      const client = createClient({
        url: options.url,
        webSocketImpl: WebSocket,
        connectionParams: options.token ? { authorization: `Bearer ${options.token}` } : {},
        lazy: false,
        retryAttempts: 0,
        on: { closed: () => subscribers.counting && (subscribers.closedEarly += 1) },
      });
      subscribers.clients.push(client);
      registered.push(
        new Promise<void>((resolve, reject) => {
          client.subscribe({ query: options.query, variables: options.variables ?? {} }, {
            next: (value: any) => {
              const t = monoMs();
              if (value.errors) subscribers.problems.push(JSON.stringify(value).slice(0, 300));
              options.onNext(value, t);
              resolve();
            },
            error: (error) => {
              subscribers.problems.push(String((error as { reason?: string }).reason ?? (error as Error).message ?? JSON.stringify(error)));
              reject(new Error(`subscriber ${j}: ${subscribers.problems.at(-1)}`));
            },
            complete: () => {},
          });
        }),
      );
    }
    await Promise.all(registered);
  }
  subscribers.connectSeconds = (performance.now() - t0) / 1000;
  return subscribers;
}

/** The figures of one fan-out run: N subscribers, K events. */
export interface Outcome {
  target: string;
  subscribers: number;
  events: number;
  payloadBytes: number;
  latency: Summary;
  /** per event: to the first subscriber */
  firstDelivery: Summary;
  /** per event: to the last subscriber */
  lastDelivery: Summary;
  deliveriesPerSec: number;
  missing: number;
  extra?: Record<string, number>;
}

/** An Outcome from each event's start time and arrival times (`timeoutMs` counts for an event nobody got). */
export function fanOutcome(
  head: Pick<Outcome, 'target' | 'subscribers' | 'payloadBytes'> & { extra?: Record<string, number> },
  events: { start: number; arrivals: number[] }[],
  timeoutMs: number,
): Outcome {
  const latencies: number[] = [];
  const first: number[] = [];
  const last: number[] = [];
  let fanoutMs = 0;
  let missing = 0;
  for (const { start, arrivals } of events) {
    missing += head.subscribers - arrivals.length;
    for (const t of arrivals) latencies.push(t - start);
    first.push((arrivals.length ? Math.min(...arrivals) : start + timeoutMs) - start);
    const end = arrivals.length ? Math.max(...arrivals) : start + timeoutMs;
    last.push(end - start);
    fanoutMs += end - start;
  }
  return {
    ...head,
    events: events.length,
    latency: summarize(latencies),
    firstDelivery: summarize(first),
    lastDelivery: summarize(last),
    deliveriesPerSec: latencies.length / (fanoutMs / 1000),
    missing,
  };
}

/** One line of figures for a run. */
export function report(o: Outcome) {
  const l = o.latency;
  console.log(
    `  ${o.target}: ${o.subscribers} × ${o.events} events (${o.payloadBytes} B): p50 ${round(l.p50)} ms, p95 ${round(l.p95)}, p99 ${round(l.p99)}, max ${round(l.max)}; ` +
      `first/last subscriber p50 ${round(o.firstDelivery.p50)}/${round(o.lastDelivery.p50)} ms; ${round(o.deliveriesPerSec)} deliveries/s${o.missing ? `; ${o.missing} deliveries MISSING` : ''}`,
  );
}

/** The table of all runs. */
export function reportTable(outcomes: Outcome[]) {
  console.table(outcomes.map((o) => ({
    target: o.target, subscribers: o.subscribers, events: o.events, 'payload B': o.payloadBytes,
    'p50 ms': round(o.latency.p50), 'p95 ms': round(o.latency.p95), 'p99 ms': round(o.latency.p99), 'max ms': round(o.latency.max),
    'first p50 ms': round(o.firstDelivery.p50), 'last p50 ms': round(o.lastDelivery.p50), 'deliveries/s': round(o.deliveriesPerSec), missing: o.missing,
  })));
}

const roundAll = (x: unknown): unknown => (typeof x === 'number' ? round(x) : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, roundAll(v)])) : x);

/** Writes a bench's figures (numbers rounded) to `out` under bench/results/, with the time and the Node version. */
export function writeResults(out: string, figures: Record<string, unknown>) {
  mkdirSync(new URL('../../results', import.meta.url), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ ...(roundAll(figures) as object), at: new Date().toISOString(), node: process.version }, null, 2)}\n`);
  console.log(`wrote ${out}`);
}
