// Meeting mode's choices, as plain functions: which meeting a projector shows when the address names
// none, and which board cases belong to an agenda item (a case links an agenda item by its title).

interface MeetingLike {
  id: string;
  status: string;
  startsAt: string;
}

/** The meeting to show: the one named, else the open one, else the next scheduled, else the latest. */
export function meetingToShow<Meeting extends MeetingLike>(meetings: readonly Meeting[], wanted: string | undefined): Meeting | null {
  const named = wanted ? meetings.find((meeting) => meeting.id === wanted) : undefined;
  if (named) return named;
  const byTime = [...meetings].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return byTime.find((meeting) => meeting.status === 'OPEN') ?? byTime.find((meeting) => meeting.status === 'SCHEDULED') ?? byTime.at(-1) ?? null;
}

/** The agenda position shown (1-based), kept inside the agenda. */
export const agendaIndex = (raw: string | undefined, total: number) => Math.min(Math.max(1, Number.parseInt(raw ?? '1', 10) || 1), Math.max(1, total));

/** The cases that link an agenda item, by its title. */
export const casesOnAgendaItem = <Card extends { links: readonly { agendaItemTitle?: string | null }[] }>(cards: readonly Card[], title: string) =>
  cards.filter((card) => card.links.some((link) => link.agendaItemTitle === title));
