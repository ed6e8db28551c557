// The shared write path (spine/writes.ts, aggregate.ts, log.ts) through real ticket mutations:
// idempotent retries under a clientMutationId, and the event log's numbering under concurrent writes.
import { decodeGlobalID } from '@pothos/plugin-relay';
import { testProviders } from '@whistlehub/prisma/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type SchemaHarness } from './helpers.ts';
import { eventsAfter, ticketFiler, write } from './ticketHelpers.ts';

describe.each(await testProviders())('the write path on %s', (provider) => {
  let h: SchemaHarness;
  let file: Awaited<ReturnType<typeof ticketFiler>>['file'];
  beforeAll(async () => {
    h = await createHarness(provider);
    ({ file } = await ticketFiler(h));
  });
  afterAll(() => h?.close());

  /** What a write may have changed: the ticket's row version, its events, the log head, the receipts. */
  const written = async (ticketGlobalId: string) => {
    const ticket = await h.db.prisma.ticket.findUniqueOrThrow({ where: { id: decodeGlobalID(ticketGlobalId).id }, select: { id: true, version: true } });
    return {
      version: ticket.version,
      events: await h.db.prisma.ticketEvent.count({ where: { ticketId: ticket.id } }),
      logHead: await h.logHead(),
      receipts: await h.db.prisma.mutationReceipt.count(),
    };
  };

  describe('idempotent retries under a clientMutationId', () => {
    it('answers a retry with the stored result, marked replayed, and writes nothing', async () => {
      const { ticket } = await file('qianmen');
      const input = { id: ticket.id, expectedVersion: 1, clientMutationId: 'dispatch-retry-0001' };
      const first = await write(h, 'dispatchTicket', input, 'dispatcher.dongcheng');
      expect(first.result).toMatchObject({ version: 2, seq: 2, replayed: false });
      const before = await written(ticket.id);
      expect(before).toMatchObject({ version: 2, events: 2 });

      const retry = await write(h, 'dispatchTicket', input, 'dispatcher.dongcheng');
      expect(retry.__typename).toBe('DispatchTicketResult');
      expect(retry.result).toEqual({ ...first.result, replayed: true });
      expect(await written(ticket.id)).toEqual(before);
    });

    it('files a ticket once, however often its intake is retried', async () => {
      const input = { channel: 'HOTLINE_12345', categoryCode: 'NOISE', description: '重复提交的噪音投诉', address: '石景山区鲁谷街道某小区', clientMutationId: 'intake:2026-12-03:42' };
      const tickets = await h.db.prisma.ticket.count();
      const first = await write(h, 'createTicket', input, 'hotline.12345');
      const again = await write(h, 'createTicket', input, 'hotline.12345');
      expect(first.result!.replayed).toBe(false);
      expect(again.result).toEqual({ ...first.result, replayed: true });
      expect(await h.db.prisma.ticket.count()).toBe(tickets + 1);
    });

    it('refuses the same id with another input (or another mutation) and writes nothing', async () => {
      const { ticket } = await file('qianmen');
      const key = 'dispatch-reuse-0001';
      expect((await write(h, 'dispatchTicket', { id: ticket.id, clientMutationId: key }, 'dispatcher.dongcheng')).__typename).toBe('DispatchTicketResult');
      const before = await written(ticket.id);
      const other = await write(h, 'dispatchTicket', { id: ticket.id, dual: true, clientMutationId: key }, 'dispatcher.dongcheng');
      expect(other).toMatchObject({ __typename: 'IdempotencyKeyReusedError', clientMutationId: key, firstMutation: 'dispatchTicket' });
      const merge = await write(h, 'mergeTicket', { id: ticket.id, intoId: ticket.id, clientMutationId: key }, 'dispatcher.dongcheng');
      expect(merge).toMatchObject({ __typename: 'IdempotencyKeyReusedError', firstMutation: 'dispatchTicket' });
      expect(await written(ticket.id)).toEqual(before);
    });

    it('stores a typed refusal and answers a retry with the same refusal, even once the action would succeed', async () => {
      const { ticket } = await file('qianmen');
      const early = { id: ticket.id, clientMutationId: 'accept-too-early-01' };
      const refused = await write(h, 'acceptTicketPart', early, 'street.qianmen');
      expect(refused).toMatchObject({ __typename: 'IllegalTransitionError', current: 'RECEIVED', action: 'accept' });
      expect((await write(h, 'dispatchTicket', { id: ticket.id }, 'street.qianmen')).__typename).toBe('DispatchTicketResult');
      const before = await written(ticket.id);
      // accepting now would work; the retry of the refused request still answers what it answered
      expect(await write(h, 'acceptTicketPart', early, 'street.qianmen')).toEqual(refused);
      expect(await written(ticket.id)).toEqual(before);

      const stale = { id: ticket.id, expectedVersion: 1, clientMutationId: 'accept-stale-0001' };
      const conflict = await write(h, 'acceptTicketPart', stale, 'street.qianmen');
      expect(conflict).toMatchObject({ __typename: 'TicketConflictError', currentVersion: 2, currentStatus: 'DISPATCHED', changedBy: '前门街道工作人员', changedAt: expect.any(String) });
      expect(await write(h, 'acceptTicketPart', stale, 'street.qianmen')).toEqual(conflict);
      // a fresh request (a new id) is decided afresh
      expect((await write(h, 'acceptTicketPart', { ...stale, expectedVersion: 2, clientMutationId: 'accept-fresh-0001' }, 'street.qianmen')).__typename).toBe('AcceptTicketPartResult');
    });

    it('lets exactly one of several concurrent requests with one id write; all answer the same', async () => {
      const { ticket } = await file('qianmen');
      const input = { id: ticket.id, clientMutationId: 'dispatch-concurrent-01' };
      const answers = await Promise.all([1, 2, 3, 4].map(() => write(h, 'dispatchTicket', input, 'dispatcher.dongcheng')));
      expect(answers.map((a) => a.__typename)).toEqual(Array(4).fill('DispatchTicketResult'));
      expect(answers.filter((a) => !a.result!.replayed)).toHaveLength(1);
      const { replayed: _, ...stored } = answers.find((a) => !a.result!.replayed)!.result!;
      for (const a of answers) expect(a.result).toEqual({ ...stored, replayed: a.result!.replayed });
      expect(await written(ticket.id)).toMatchObject({ version: 2, events: 2 });
      expect(await h.db.prisma.mutationReceipt.count({ where: { clientMutationId: input.clientMutationId } })).toBe(1);
    });

    it('keeps each user’s ids apart: two users may send the same id for their own requests', async () => {
      const [a, b] = [await file('qianmen'), await file('qianmen')];
      const key = 'shared-client-id-01';
      const byDispatcher = await write(h, 'dispatchTicket', { id: a.ticket.id, clientMutationId: key }, 'dispatcher.dongcheng');
      const byOfficer = await write(h, 'dispatchTicket', { id: b.ticket.id, dual: true, clientMutationId: key }, 'street.qianmen');
      expect([byDispatcher.result?.replayed, byOfficer.result?.replayed]).toEqual([false, false]);
      expect(byOfficer.result!.ticket.id).toBe(b.ticket.id);
      expect(await h.db.prisma.mutationReceipt.count({ where: { clientMutationId: key } })).toBe(2);
    });

    it('refuses a malformed id before writing', async () => {
      const { ticket } = await file('qianmen');
      const before = await written(ticket.id);
      const bad = await write(h, 'dispatchTicket', { id: ticket.id, clientMutationId: 'x' }, 'dispatcher.dongcheng');
      expect(bad.__typename).toBe('InputValidationError');
      expect(bad.issues[0].path).toEqual(['input', 'clientMutationId']);
      expect(await written(ticket.id)).toEqual(before);
    });
  });

  describe('the event log', () => {
    it('numbers concurrent writes on many tickets without a gap: positions contiguous, the head at the last, each ticket’s seq 1..n', async () => {
      const filed = await Promise.all(Array.from({ length: 12 }, (_, i) => file(i % 3 === 0 ? 'lugu' : i % 3 === 1 ? 'qianmen' : 'pool')));
      const head = await h.logHead();
      // a reader watching the log while the writes commit: positions become visible in order, so
      // what it sees is always head+1 … max with nothing missing in between
      let writing = true;
      const snapshots: number[][] = [];
      const reader = (async () => {
        while (writing) {
          snapshots.push((await eventsAfter(h, head)).map((e) => e.position));
          // SQLite's driver answers synchronously: let the writes run between two looks
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      const writes = filed.map((f) => write(h, 'dispatchTicket', { id: f.ticket.id, ...(f.ticket.street ? {} : { streetCode: '110101011' }) }, 'admin'));
      const answers = await Promise.all(writes).finally(() => (writing = false));
      await reader;
      expect(answers.map((a) => a.__typename)).toEqual(Array(12).fill('DispatchTicketResult'));

      const events = await eventsAfter(h, head);
      expect(events.map((e) => e.position)).toEqual(events.map((_, i) => head + 1 + i));
      expect(events).toHaveLength(12);
      expect(await h.logHead()).toBe(head + 12);
      expect(answers.map((a) => a.result!.logSeq).sort((x, y) => x - y)).toEqual(events.map((e) => e.position));
      expect(snapshots.length).toBeGreaterThan(0);
      for (const seen of snapshots) expect(seen).toEqual(seen.map((_, i) => head + 1 + i));
      for (const f of filed) {
        const seqs = (await h.db.prisma.ticketEvent.findMany({ where: { ticketId: decodeGlobalID(f.ticket.id).id }, orderBy: { position: 'asc' }, select: { seq: true } })).map((e) => e.seq);
        expect(seqs).toEqual([1, 2]);
      }
    });

    it('lets one of several writers with the same expectedVersion win; the others get a conflict and take no position', async () => {
      const { ticket } = await file('qianmen');
      const head = await h.logHead();
      const answers = await Promise.all(
        ['dispatcher.dongcheng', 'street.qianmen', 'admin', 'dispatcher.dongcheng'].map((as) => write(h, 'dispatchTicket', { id: ticket.id, expectedVersion: 1 }, as)),
      );
      const winners = answers.filter((a) => a.__typename === 'DispatchTicketResult');
      expect(winners).toHaveLength(1);
      const losers = answers.filter((a) => a !== winners[0]);
      expect(losers.map((a) => a.__typename)).toEqual(Array(3).fill('TicketConflictError'));
      for (const l of losers) expect(l).toMatchObject({ currentVersion: 2, currentStatus: 'DISPATCHED' });
      expect(await written(ticket.id)).toMatchObject({ version: 2, events: 2 });
      expect(await h.logHead()).toBe(head + 1);
      expect((await eventsAfter(h, head)).map((e) => e.position)).toEqual([winners[0]!.result!.logSeq]);
    });
  });
});
