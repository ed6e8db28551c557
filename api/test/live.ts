// A graphql-ws client for tests (the graphql-ws library's own client, as integrators use it) that
// records what a subscription delivers, how it ended, and how its socket closed.
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface Recording {
  /** every `next` payload, in order */
  items: any[];
  /** resolves with the first n items once they arrived (rejects if the stream ends first) */
  take(n: number): Promise<any[]>;
  /** resolves once an item matches */
  until(match: (item: any) => boolean): Promise<any>;
  /** resolves when the stream ended: with its error (GraphQL errors or a CloseEvent), or null when completed */
  ended: Promise<unknown>;
  stop(): void;
}

export interface LiveClient {
  client: Client;
  /** resolves once the server acknowledged connection_init */
  connected: Promise<void>;
  /** resolves with the close code of the socket */
  closed: Promise<number>;
  subscribe(query: string, variables?: Record<string, unknown>): Recording;
  dispose(): Promise<void>;
}

export function liveClient(url: string, token?: string): LiveClient {
  let onConnected!: () => void;
  let onClosed!: (code: number) => void;
  const connected = new Promise<void>((r) => (onConnected = r));
  const closed = new Promise<number>((r) => (onClosed = r));
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    on: { connected: () => onConnected(), closed: (event) => onClosed((event as { code: number }).code) },
  });
  return {
    client,
    connected,
    closed,
    subscribe(query, variables) {
      const items: any[] = [];
      const waiters: (() => void)[] = [];
      let end!: (value: unknown) => void;
      const ended = new Promise<unknown>((r) => (end = r));
      let finished = false;
      const notify = () => waiters.splice(0).forEach((w) => w());
      const stop = client.subscribe({ query, variables }, {
        next: (value) => {
          items.push(value);
          notify();
        },
        error: (error) => {
          finished = true;
          end(error);
          notify();
        },
        complete: () => {
          finished = true;
          end(null);
          notify();
        },
      });
      const wait = <T>(ready: () => T | undefined): Promise<T> =>
        new Promise((resolve, reject) => {
          const check = () => {
            const value = ready();
            if (value !== undefined) return resolve(value);
            if (finished) return reject(new Error(`the stream ended after ${items.length} items: ${JSON.stringify(items)}`));
            waiters.push(check);
          };
          check();
        });
      return {
        items,
        take: (n) => wait(() => (items.length >= n ? items.slice(0, n) : undefined)),
        until: (match) => wait(() => items.find(match)),
        ended,
        stop,
      };
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}

