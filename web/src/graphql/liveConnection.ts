// Whether the WebSocket that carries the subscriptions is up (connected and acknowledged). The client
// (client.ts) sets it; views read it, so a "live" mark is not shown while the socket is down or
// reconnecting, only because a subscription was asked for.
import { createSignal } from 'solid-js';

const [connected, setConnected] = createSignal(false);

/** Whether the live connection is up. */
export const isLiveConnected = connected;

/** Records the live connection's state (client.ts, on graphql-ws `connected` and `closed`). */
export const setLiveConnected = setConnected;
