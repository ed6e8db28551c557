// One load for every subscriber of an event. A feed event reaches all its subscribers at once, and
// most of them ask the same selection: each notice field loads its row through `sharedLoad`, keyed by
// the event (aggregate id and log position) and the selection, so 1,000 subscribers cost one query
// instead of 1,000. The row is shared for a moment only, and never across databases; each subscriber
// still checks its own visibility on what was loaded (the predicate twin of the `…WhereVisibleTo`
// clause). A selection that differs per viewer has its own key, so it is never shared across viewers.
// Names that entries of a list repeat (an actor's display name, a department's name) go through it too,
// so a history or a board loads each once (spine/lastChange.ts displayNameOf).
const SHARE_MS = 2_000;
const PRUNE_ABOVE = 500;
const loads = new WeakMap<object, Map<string, { at: number; value: Promise<unknown> }>>();

/** The key of an event's row for one selection. */
export const eventRowKey = (model: string, id: string, position: number | string | null, query: unknown) =>
  `${model}:${id}@${position ?? '-'}:${JSON.stringify(query)}`;

/** `load()` once per `key` and database client for SHARE_MS; a failed load is not shared. */
export function sharedLoad<T>(client: object, key: string, load: () => Promise<T>): Promise<T> {
  let byKey = loads.get(client);
  if (!byKey) loads.set(client, (byKey = new Map()));
  const now = Date.now();
  const hit = byKey.get(key);
  if (hit && now - hit.at <= SHARE_MS) return hit.value as Promise<T>;
  if (byKey.size > PRUNE_ABOVE) for (const [k, v] of byKey) if (now - v.at > SHARE_MS) byKey.delete(k);
  const value = load();
  byKey.set(key, { at: now, value });
  value.catch(() => byKey.delete(key));
  return value;
}
