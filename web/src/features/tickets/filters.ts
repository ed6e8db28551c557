// The inbox filters live in the address bar (?status=DISPATCHED,ACCEPTED&category=ROOF_LEAK&q=漏雨),
// so a filtered inbox can be bookmarked, shared, reloaded and walked with the back button.
import { TICKET_CHANNELS, TICKET_STATUSES, type TicketChannel, type TicketStatus } from '../../graphql/enums.ts';
import type { Schema } from '../../graphql/graphql.ts';
import { beijingMidnight, nextDay } from './months.ts';

/** The inbox filters as the form edits them. */
export interface InboxFilters {
  status: TicketStatus[];
  category: string | null;
  channel: TicketChannel | null;
  overdue: boolean;
  /** first day received, YYYY-MM-DD (Beijing time) */
  from: string | null;
  /** last day received, inclusive, YYYY-MM-DD (Beijing time) */
  to: string | null;
  keyword: string;
}

/** The TicketFilter input of the API. */
export type TicketFilterInput = Schema<'TicketFilter'>;

/** The search parameters as @solidjs/router hands them over. */
export type SearchParams = Partial<Record<string, string | string[] | undefined>>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CATEGORY = /^[A-Z][A-Z0-9_]{0,39}$/;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** A YYYY-MM-DD day that exists, or null. */
export const validDay = (value: string | undefined) => (value && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00+08:00`)) ? value : null);

/** Reads the filters from the address; anything malformed is ignored rather than sent to the API. */
export function filtersFromSearch(params: SearchParams): InboxFilters {
  const status = (single(params.status) ?? '')
    .split(',')
    .filter((value): value is TicketStatus => (TICKET_STATUSES as readonly string[]).includes(value));
  const category = single(params.category);
  const channel = single(params.channel);
  return {
    status: TICKET_STATUSES.filter((value) => status.includes(value)),
    category: category && CATEGORY.test(category) ? category : null,
    channel: (TICKET_CHANNELS as readonly string[]).includes(channel ?? '') ? (channel as TicketChannel) : null,
    overdue: single(params.overdue) === '1',
    from: validDay(single(params.from)),
    to: validDay(single(params.to)),
    keyword: (single(params.q) ?? '').trim().slice(0, 100),
  };
}

/** The search parameters for the filters; undefined removes a parameter (router semantics). */
export function filtersToSearch(filters: InboxFilters): Record<string, string | undefined> {
  return {
    status: filters.status.length > 0 ? TICKET_STATUSES.filter((value) => filters.status.includes(value)).join(',') : undefined,
    category: filters.category ?? undefined,
    channel: filters.channel ?? undefined,
    overdue: filters.overdue ? '1' : undefined,
    from: filters.from ?? undefined,
    to: filters.to ?? undefined,
    q: filters.keyword.trim() || undefined,
  };
}

/** The API's TicketFilter for the filters; null when nothing narrows the list. */
export function ticketFilterInput(filters: InboxFilters): TicketFilterInput | null {
  const input: TicketFilterInput = {};
  if (filters.status.length > 0) input.status = filters.status;
  if (filters.category) input.categoryCode = filters.category;
  if (filters.channel) input.channel = filters.channel;
  if (filters.overdue) input.overdue = true;
  // a day means a Beijing day, whatever time zone the laptop is set to
  if (filters.from) input.receivedFrom = beijingMidnight(filters.from);
  // the last day counts whole: received before the following midnight
  if (filters.to) input.receivedTo = beijingMidnight(nextDay(filters.to));
  if (filters.keyword.trim()) input.keyword = filters.keyword.trim();
  return Object.keys(input).length > 0 ? input : null;
}

/** Whether any filter is set. */
export const hasFilters = (filters: InboxFilters) => ticketFilterInput(filters) !== null;
