// A whistle's history in the interface language: event types, and the notes the API writes itself
// (a missed deadline's kind, a new stage, a check-in's distance, a 退单 decision). Notes people wrote
// (the reason, a report, a closing note) are shown as written.
import { t } from '../../i18n/index.ts';
import { nameOf } from '../../ui/outcome.ts';

/** Every event type of a whistle's history (WhistleEvent.type). */
export const WHISTLE_EVENTS = [
  'BLOWN',
  'ACKNOWLEDGED',
  'CHECKED_IN',
  'STAGE_CHANGED',
  'REPORTED',
  'ESCALATED',
  'RETURN_REQUESTED',
  'RETURN_DECIDED',
  'CLOSED',
  'SUPERVISED',
  'RATED',
] as const;

const STAGES = ['PREPARE', 'ASSEMBLE', 'ACT', 'CLOSE', 'SUPERVISE'] as const;
const KINDS = ['ACK', 'ON_SITE', 'RETURN_DECISION'] as const;
const DECISIONS = ['ACCEPTED', 'REJECTED'] as const;

/** The event type in the interface language; an unknown type (a newer API) is shown as sent. */
export const whistleEventName = nameOf(WHISTLE_EVENTS, (type) => t(`whistles.event.${type}`));

const stageName = nameOf(STAGES, (stage) => t(`whistles.stage.${stage}`));

/** An event's note, translated where the API wrote it. */
export function whistleEventNote(type: string, note: string): { text: string; system: boolean } {
  if (type === 'ESCALATED' && (KINDS as readonly string[]).includes(note)) {
    return { text: t('whistles.systemNote.missed', { deadline: t(`whistles.deadlineKind.${note as (typeof KINDS)[number]}`) }), system: true };
  }
  if (type === 'STAGE_CHANGED' && (STAGES as readonly string[]).includes(note)) return { text: t('whistles.systemNote.stage', { stage: stageName(note) }), system: true };
  const distance = type === 'CHECKED_IN' ? /^(\d+(?:\.\d+)?) m( \(flagged: too far\))?$/.exec(note) : null;
  if (distance) {
    const metres = Math.round(Number(distance[1]));
    return { text: distance[2] ? t('whistles.systemNote.distanceFlagged', { metres }) : t('whistles.systemNote.distance', { metres }), system: true };
  }
  const decided = type === 'RETURN_DECIDED' ? /^(ACCEPTED|REJECTED)(?:: ([\s\S]*))?$/.exec(note) : null;
  if (decided && (DECISIONS as readonly string[]).includes(decided[1]!)) {
    const decision = t(`whistles.returnDecision.${decided[1] as (typeof DECISIONS)[number]}`);
    return { text: decided[2] ? t('whistles.systemNote.decidedWith', { decision, note: decided[2] }) : decision, system: !decided[2] };
  }
  return { text: note, system: false };
}
