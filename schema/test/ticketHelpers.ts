// Ticket writes for the spine, feed and hole tests: typed-error payloads, and tickets filed at a
// known place (a 前门 grid cell, 鲁谷 by address, or nowhere: the city-level pool).
import { expect } from 'vitest';
import type { SchemaHarness } from './helpers.ts';

// the fields of every typed error a ticket write can answer (each payload spreads the ones it has)
const ERROR_FIELDS: Record<string, string> = {
  IdempotencyKeyReusedError: 'clientMutationId firstMutation',
  IllegalTransitionError: 'current action',
  TicketConflictError: 'currentVersion currentStatus changedAt changedBy',
  NotFoundError: 'entity id',
  DispatchTargetError: 'reason',
  InputValidationError: 'issues { path message }',
  UnknownCategoryError: '',
  InvalidPhoneError: '',
  OutsideGridError: 'unmatched',
};
const COMMON = ['IdempotencyKeyReusedError', 'InputValidationError'];
const ERRORS: Record<string, string[]> = {
  createTicket: ['UnknownCategoryError', 'InvalidPhoneError', 'OutsideGridError'],
  dispatchTicket: ['NotFoundError', 'IllegalTransitionError', 'TicketConflictError', 'DispatchTargetError'],
  mergeTicket: ['NotFoundError', 'IllegalTransitionError', 'TicketConflictError'],
  acceptTicketPart: ['NotFoundError', 'IllegalTransitionError', 'TicketConflictError'],
  resolveTicketPart: ['NotFoundError', 'IllegalTransitionError', 'TicketConflictError'],
};

/** The mutation document of a ticket write: every typed error with its fields, or the result with the ticket after it. */
export function ticketWrite(field: keyof typeof ERRORS): string {
  const name = `${field[0]!.toUpperCase()}${field.slice(1)}`;
  const errors = [...ERRORS[field]!, ...COMMON].map((e) => (ERROR_FIELDS[e] ? `... on ${e} { ${ERROR_FIELDS[e]} }` : '')).join(' ');
  return `mutation ($input: ${name}Input!) { ${field}(input: $input) { __typename ... on Error { message } ${errors}
    ... on ${name}Result { result { version seq logSeq replayed ticket { id number status version receivedAt street { code } district { code } } } } } }`;
}

/** A ticket write's payload: the result, or a typed error's fields. */
export type WritePayload = { __typename: string; result?: { version: number; seq: number; logSeq: number; replayed: boolean; ticket: any } } & Record<string, any>;

/** Runs a ticket write as `as` and returns its payload (a GraphQL error fails the test). */
export async function write(h: SchemaHarness, field: keyof typeof ERRORS, input: Record<string, unknown>, as: string): Promise<WritePayload> {
  return (await h.runOk(ticketWrite(field), { input }, { as }))[field];
}

/** Where a test ticket is filed. */
export type Place = 'qianmen' | 'lugu' | 'pool';

/** A filer of tickets at a place: 前门 (street 110101011, through a 草厂 grid cell), 鲁谷 (110107011, by address) or the pool (no location). */
export async function ticketFiler(h: SchemaHarness) {
  const cell = await h.db.prisma.gridCell.findFirstOrThrow({ where: { community: { name: '草厂社区' } }, orderBy: { code: 'asc' } });
  const where: Record<Place, Record<string, unknown>> = {
    qianmen: { gridCellCode: cell.code },
    lugu: { address: '石景山区鲁谷街道某小区' },
    pool: {},
  };
  const file = async (place: Place, description = '楼道里堆放杂物堵塞通道', extra: Record<string, unknown> = {}) => {
    const payload = await write(h, 'createTicket', { channel: 'HOTLINE_12345', categoryCode: 'GARBAGE', description, ...where[place], ...extra }, 'hotline.12345');
    expect(payload.__typename, JSON.stringify(payload)).toBe('CreateTicketResult');
    return payload.result!;
  };
  return { cell, file };
}

/** Ticket events after a log position, by position (what the log holds, to compare feeds and writes with). */
export function eventsAfter(h: SchemaHarness, position: number, where: Record<string, unknown> = {}) {
  return h.db.prisma.ticketEvent.findMany({ where: { position: { gt: position }, ...where }, orderBy: { position: 'asc' }, select: { ticketId: true, seq: true, position: true, type: true } });
}
