// A ticket's history in the interface language: event types, and the notes the API writes itself.
import { type Dictionary, t } from '../../i18n/index.ts';

type EventType = keyof Dictionary['tickets']['event'];
type RoutedBy = keyof Dictionary['tickets']['systemNote']['routedBy'];

const isKnown = <T extends string>(value: string, keys: Record<T, unknown>): value is T => Object.hasOwn(keys, value);

// the key sets, to test membership without depending on the language
const dictionaryKeys = {
  event: { RECEIVED: 1, DISPATCHED: 1, ACCEPTED: 1, PROGRESS: 1, RESOLVED: 1, CALLED_BACK: 1, CLOSED: 1, REOPENED: 1, MERGED: 1 } satisfies Record<EventType, 1>,
  routedBy: { GRID_CELL_CODE: 1, COORDINATES: 1, ASSET_CODE: 1, ADDRESS_MATCH: 1, DISTRICT_DISPATCHER: 1 } satisfies Record<RoutedBy, 1>,
};

/** The event type in the interface language; an unknown type (a newer API) is shown as sent. */
export const eventName = (type: string) => (isKnown<EventType>(type, dictionaryKeys.event) ? t(`tickets.event.${type}`) : type);

/**
 * An event's note. The notes the API writes itself are English machine text ("routed by COORDINATES",
 * "dual dispatch"); they are translated here. Notes people wrote are shown as written.
 */
export function eventNote(note: string): { text: string; system: boolean } {
  const via = /^routed by (\w+)$/.exec(note)?.[1];
  if (via && isKnown<RoutedBy>(via, dictionaryKeys.routedBy)) return { text: t(`tickets.systemNote.routedBy.${via}`), system: true };
  if (note === 'dual dispatch') return { text: t('tickets.systemNote.dualDispatch'), system: true };
  if (note === 'unsatisfied call-back') return { text: t('tickets.systemNote.unsatisfiedCallback'), system: true };
  const merged = /^merged into (\S+)$/.exec(note);
  if (merged) return { text: t('tickets.systemNote.mergedInto', { number: merged[1]! }), system: true };
  return { text: note, system: false };
}
