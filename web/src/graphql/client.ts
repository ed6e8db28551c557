// The one urql client of the app: Graphcache, HTTP for queries and mutations, graphql-ws for
// subscriptions. Authentication is the HTTP-only session cookie the API sets on signIn; the browser
// sends it with every same-origin fetch and with the WebSocket upgrade, so no token is handled here.
import { Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient } from 'graphql-ws';
import schema from 'virtual:whistlehub-schema';
import { createCacheExchange } from './cache.ts';

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
    },
    closed: () => {
      liveSocket = null;
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
  return new Client({
    url: GRAPHQL_PATH,
    fetchOptions: { credentials: 'same-origin' },
    exchanges: [
      createCacheExchange({ schema, onIdentityChange: restartLiveConnection }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe: (sink) => ({ unsubscribe: wsClient.subscribe(input, sink) }),
          };
        },
      }),
    ],
  });
}
