import { type Component, createEffect, createSignal, on, onCleanup, Show } from 'solid-js';
import { isLiveConnected } from '../../graphql/liveConnection.ts';
import { t } from '../../i18n/index.ts';

/** How long the page waits without the server before it says the connection is lost. */
export const CONNECTION_LOST_AFTER_MS = 5_000;

/**
 * The live connection's state on a live page: "reconnecting" as soon as the socket is down after it
 * was up, and a "connection lost" banner once it has been down for 5 s (also when it never came up).
 * graphql-ws reconnects by itself; the feeds then resume after their last position (graphql/feeds.ts).
 */
export const ConnectionState: Component = () => {
  const [lost, setLost] = createSignal(false);
  const [wasUp, setWasUp] = createSignal(false);
  createEffect(
    on(isLiveConnected, (up) => {
      if (up) {
        setWasUp(true);
        setLost(false);
        return;
      }
      const timer = setTimeout(() => setLost(true), CONNECTION_LOST_AFTER_MS);
      onCleanup(() => clearTimeout(timer));
    }),
  );
  return (
    <>
      <Show when={!isLiveConnected() && wasUp() && !lost()}>
        <span class="live-mark live-reconnecting" role="status" data-testid="board-reconnecting">
          {t('board.connection.reconnecting')}
        </span>
      </Show>
      <Show when={lost()}>
        <div class="connection-lost" role="alert" data-testid="board-connection-lost">
          {t('board.connection.lost')}
        </div>
      </Show>
    </>
  );
};
