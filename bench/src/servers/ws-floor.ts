// The floor for fan-out: a bare `ws` server that sends one prepared message to every open socket.
// IPC in: { kind: 'broadcast', seq, payload } (payload: the text of a real graphql-ws `next`
// message); it stamps the monotonic clock, then sends to each socket `payload` with "seq" and "t"
// spliced in. IPC out: { kind: 'listening', port }, { kind: 'sent', seq, t, sockets, ms }.
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

const monoMs = () => Number(process.hrtime.bigint()) / 1e6;
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
wss.on('listening', () => process.send?.({ kind: 'listening', port: (wss.address() as AddressInfo).port }));
process.on('message', (message: { kind: string; seq: number; payload: string }) => {
  if (message.kind !== 'broadcast') return;
  const t = monoMs();
  // one string for all sockets, as a broadcast; the stamp goes in front so the size stays the same
  const text = `{"seq":${message.seq},"t":${t},${message.payload.slice(1)}`;
  for (const socket of wss.clients) socket.send(text);
  process.send?.({ kind: 'sent', seq: message.seq, t, sockets: wss.clients.size, ms: monoMs() - t });
});
process.on('SIGTERM', () => {
  for (const socket of wss.clients) socket.terminate();
  wss.close(() => process.exit(0));
});
