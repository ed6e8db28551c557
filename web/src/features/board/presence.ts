// Who else is on the case, per field: the presence list (casePresence) grouped by the field each
// viewer is editing, without the viewer themself, for the avatars beside each field.

/** One entry of CasePresence.viewers. */
export interface PresenceViewer {
  userId: string;
  name: string;
  field: string | null;
  since: string;
}

/** The others on the case by the field they edit ('' for those only viewing), longest present first. */
export function viewersByField(viewers: readonly PresenceViewer[], selfUserId: string | null): Map<string, PresenceViewer[]> {
  const byField = new Map<string, PresenceViewer[]>();
  const others = viewers.filter((viewer) => viewer.userId !== selfUserId).sort((a, b) => Date.parse(a.since) - Date.parse(b.since));
  for (const viewer of others) {
    const key = viewer.field ?? '';
    byField.set(key, [...(byField.get(key) ?? []), viewer]);
  }
  return byField;
}

/** What an avatar shows: the last character of a Chinese name (as 小王 would be called), else the initials. */
export function avatarText(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return '?';
  if (/[\u3400-\u9fff]/.test(trimmed)) return [...trimmed.replace(/[（(].*$/, '').trim()].slice(-2).join('') || trimmed[0]!;
  return trimmed
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join('');
}

/** The raw id inside a Relay global id (base64 of "Type:id"), which presence lists carry. */
export function rawIdOf(globalId: string): string {
  try {
    const decoded = atob(globalId);
    const colon = decoded.indexOf(':');
    return colon > 0 ? decoded.slice(colon + 1) : globalId;
  } catch {
    return globalId;
  }
}
