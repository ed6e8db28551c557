// The floor for the board's fan-out: graphql-ws (`useServer` over a `ws` server, as api/src/server.ts
// mounts it) with a one-field schema whose subscription broadcasts a constant payload: no context, no
// auth, no database, no feed. Each subscription is sent { seq: 0 } at once (so a client knows it is
// registered), then { seq, body } on every broadcast.
// IPC in: { kind: 'broadcast', seq } and { kind: 'memory' }; IPC out: { kind: 'listening', port },
// { kind: 'memory', ... }. BODY (environment): the constant payload, default a 600-character string.
import type { AddressInfo } from 'node:net';
import { useServer } from 'graphql-ws/use/ws';
import { createSchema, Repeater } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import { reportMemoryOnRequest } from '../lib/memory.ts';

const body = process.env.BODY ?? 'x'.repeat(600);
type Item = { seq: number; body: string };
const listeners = new Set<(item: Item) => void>();

const schema = createSchema({
  typeDefs: 'type Query { hello: String } type Broadcast { seq: Int! body: String! } type Subscription { broadcast: Broadcast! }',
  resolvers: {
    Subscription: {
      broadcast: {
        subscribe: () =>
          new Repeater<{ broadcast: Item }>(async (push, stop) => {
            const listener = (item: Item) => void push({ broadcast: item });
            listeners.add(listener);
            await push({ broadcast: { seq: 0, body: '' } });
            await stop;
            listeners.delete(listener);
          }),
      },
    },
  },
});

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/graphql' });
useServer({ schema }, wss);
wss.on('listening', () => process.send?.({ kind: 'listening', port: (wss.address() as AddressInfo).port }));
process.on('message', (message: { kind: string; seq: number }) => {
  if (message.kind !== 'broadcast') return;
  const item = { seq: message.seq, body };
  for (const listener of listeners) listener(item);
});
reportMemoryOnRequest();
process.on('SIGTERM', () => {
  for (const socket of wss.clients) socket.terminate();
  wss.close(() => process.exit(0));
});
