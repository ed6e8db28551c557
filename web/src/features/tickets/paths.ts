/** Where the tickets section lives. */
export const TICKETS_PATH = '/tickets';

/** The detail page of a ticket, by its number (20261122-000123). */
export const ticketPath = (number: string) => `${TICKETS_PATH}/${encodeURIComponent(number)}`;
