// The one urql client of the app: Graphcache, HTTP for queries and mutations, graphql-ws for
// subscriptions. Authentication is the HTTP-only session cookie the API sets on signIn; the browser
// sends it with every same-origin fetch and with the WebSocket upgrade, so no token is handled here.
import { Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient } from 'graphql-ws';
import schema from 'virtual:whistlehub-schema';
import { createCacheExchange } from './cache.ts';
import { createFeedCursors, isResumableFeed } from './feeds.ts';
import { setLiveConnected } from './liveConnection.ts';

const GRAPHQL_PATH = '/graphql';

/** ws(s)://<this host>/graphql */
const webSocketUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${GRAPHQL_PATH}`;

let liveSocket: WebSocket | null = null;

// lazy: the socket opens with the first subscription and closes after the last one
const wsClient = createWsClient({
  url: webSocketUrl,
  lazy: true,
  on: {
    connected: (socket) => {
      liveSocket = socket as WebSocket;
      setLiveConnected(true);
    },
    closed: () => {
      liveSocket = null;
      setLiveConnected(false);
    },
  },
});

/**
 * The API authenticates a WebSocket once, when it connects. After a sign-in or sign-out an open
 * socket is closed with a non-fatal code, so graphql-ws reconnects (sending the new cookie) and
 * resubscribes. https://the-guild.dev/graphql/ws/recipes#client-usage-with-graceful-restart
 */
function restartLiveConnection() {
  if (liveSocket?.readyState === WebSocket.OPEN) liveSocket.close(4205, 'Client Restart');
}

/** Creates the app's urql client. */
export function createGraphqlClient() {
  const feeds = createFeedCursors();
  return new Client({
    url: GRAPHQL_PATH,
    fetchOptions: { credentials: 'same-origin' },
    exchanges: [
      createCacheExchange({ schema, onIdentityChange: restartLiveConnection }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request, operation) {
          const input = { ...request, query: request.query ?? '' };
          if (!isResumableFeed(operation.query)) {
            return { subscribe: (sink) => ({ unsubscribe: wsClient.subscribe(input, sink) }) };
          }
          // a feed resumes after the last logSeq it delivered, on a reconnect and on the next subscription
          return {
            subscribe(sink) {
              const feed = feeds.open(input);
              const observer: typeof sink = {
                next(result) {
                  feed.received(result);
                  sink.next(result);
                },
                error: (error) => sink.error(error),
                complete: () => sink.complete(),
              };
              return { unsubscribe: wsClient.subscribe(feed.payload, observer) };
            },
          };
        },
      }),
    ],
  });
}
