// Presence: who is looking at something several people edit (a board case) and which field each is
// editing. Clients beat about every 10 s; an entry is gone 30 s after its last beat (a closed laptop
// leaves the list within seconds of the TTL), or at once when the client says it leaves. Beats travel
// over the pub/sub — in-process, or Redis across api instances — and every process keeps the entries
// it has heard in memory, so a subscriber on any instance sees everyone. Presence is transient by
// design: nothing is written to the database, and an instance that starts fresh knows everyone
// within one heartbeat interval.
import { Repeater } from 'graphql-yoga';
import type { PubSub } from '../pubsub.ts';

/** A heartbeat (or a departure) of one viewer on one key. */
export interface PresenceBeat {
  key: string;
  userId: string;
  name: string;
  /** the field being edited, null when only viewing */
  field: string | null;
  /** epoch ms of the beat */
  at: number;
  gone?: boolean;
}

/** One viewer on the list. */
export interface PresenceEntry {
  userId: string;
  name: string;
  field: string | null;
  since: number;
  lastSeen: number;
}

export const DEFAULT_PRESENCE_TTL_MS = 30_000;

/** The presence of every key this process has heard of, kept from the pub/sub's `presence` topic. */
export class PresenceHub {
  private readonly entries = new Map<string, Map<string, PresenceEntry>>();
  private readonly watchers = new Map<string, Set<(list: PresenceEntry[]) => void>>();
  private readonly stopListening: () => void;
  private readonly sweeper: ReturnType<typeof setInterval>;

  constructor(private readonly pubsub: PubSub, private readonly ttlMs = DEFAULT_PRESENCE_TTL_MS, private readonly clock = () => Date.now()) {
    const beats = pubsub.subscribe('presence');
    void (async () => {
      for await (const beat of beats) this.apply(beat);
    })().catch(() => {});
    this.stopListening = () => void beats.return?.();
    this.sweeper = setInterval(() => this.sweep(), Math.min(2_000, ttlMs / 4));
    this.sweeper.unref?.();
  }

  /**
   * Announces a beat to every instance. It is applied here at once too — a hub made on first use may
   * not yet be subscribed to Redis when its first beat goes out — and its echo changes nothing.
   */
  beat(beat: Omit<PresenceBeat, 'at'>): void {
    const stamped = { ...beat, at: this.clock() };
    this.apply(stamped);
    this.pubsub.publish('presence', stamped);
  }

  /** Who is on `key` now, longest present first. */
  list(key: string): PresenceEntry[] {
    return [...(this.entries.get(key)?.values() ?? [])].sort((a, b) => a.since - b.since || (a.userId < b.userId ? -1 : 1));
  }

  /** The list of `key` now, then again on every change (join, field change, leave, expiry). */
  watch(key: string): AsyncIterableIterator<PresenceEntry[]> {
    return new Repeater<PresenceEntry[]>(async (push, stop) => {
      const watcher = (list: PresenceEntry[]) => void push(list);
      let set = this.watchers.get(key);
      if (!set) this.watchers.set(key, (set = new Set()));
      set.add(watcher);
      await push(this.list(key));
      await stop;
      set.delete(watcher);
      if (set.size === 0) this.watchers.delete(key);
    });
  }

  /** Drops entries past their TTL, telling watchers. */
  sweep(now = this.clock()): void {
    for (const [key, byUser] of this.entries) {
      let changed = false;
      for (const [userId, e] of byUser) {
        if (now - e.lastSeen >= this.ttlMs) {
          byUser.delete(userId);
          changed = true;
        }
      }
      if (byUser.size === 0) this.entries.delete(key);
      if (changed) this.emit(key);
    }
  }

  close(): void {
    clearInterval(this.sweeper);
    this.stopListening();
  }

  private apply(beat: PresenceBeat) {
    let byUser = this.entries.get(beat.key);
    const before = byUser?.get(beat.userId);
    if (beat.gone) {
      if (!before) return;
      byUser!.delete(beat.userId);
      if (byUser!.size === 0) this.entries.delete(beat.key);
      return this.emit(beat.key);
    }
    if (this.clock() - beat.at >= this.ttlMs) return; // a stale beat (delayed through an outage) adds no one
    if (!byUser) this.entries.set(beat.key, (byUser = new Map()));
    byUser.set(beat.userId, { userId: beat.userId, name: beat.name, field: beat.field, since: before?.since ?? beat.at, lastSeen: Math.max(beat.at, before?.lastSeen ?? 0) });
    // a beat that only refreshes the time changes nothing a screen shows
    if (!before || before.field !== beat.field || before.name !== beat.name) this.emit(beat.key);
  }

  private emit(key: string) {
    const list = this.list(key);
    for (const w of this.watchers.get(key) ?? []) w(list);
  }
}

const hubs = new WeakMap<PubSub, PresenceHub>();

/** The presence hub of a pub/sub: one per api process, created on first use. */
export function presenceHubFor(pubsub: PubSub): PresenceHub {
  let hub = hubs.get(pubsub);
  if (!hub) hubs.set(pubsub, (hub = new PresenceHub(pubsub)));
  return hub;
}
