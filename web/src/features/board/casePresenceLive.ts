// The case page's presence: the list of who is on the case (casePresence: the list first, then every
// change), and the viewer's own heartbeat, every 10 s and at once when the field they edit changes,
// with a leave when the page closes, so the others see them gone at once instead of after 30 s.
import { createSubscription, useClient } from '@urql/solid';
import { type Accessor, createEffect, on, onCleanup } from 'solid-js';
import { graphql } from '../../graphql/graphql.ts';
import type { PresenceViewer } from './presence.ts';

/** How often the page beats (the API drops an entry 30 s after its last beat). */
export const HEARTBEAT_MS = 10_000;

const CasePresenceLiveSubscription = graphql(`
  subscription CasePresenceLiveSubscription($caseId: ID!) {
    casePresence(caseId: $caseId) {
      caseId
      viewers {
        userId
        name
        field
        since
        lastSeenAt
      }
    }
  }
`);

const CasePresenceLiveHeartbeatMutation = graphql(`
  mutation CasePresenceLiveHeartbeatMutation($caseId: ID!, $field: String) {
    heartbeatCasePresence(caseId: $caseId, field: $field) {
      caseId
    }
  }
`);

const CasePresenceLiveLeaveMutation = graphql(`
  mutation CasePresenceLiveLeaveMutation($caseId: ID!) {
    leaveCasePresence(caseId: $caseId)
  }
`);

/** Who is on the case (a signal of the latest list), while the viewer beats with the field they edit. */
export function useCasePresence(caseId: Accessor<string | undefined>, editing: Accessor<string | null>): Accessor<PresenceViewer[]> {
  const client = useClient();
  const [presence] = createSubscription({ query: CasePresenceLiveSubscription, variables: () => ({ caseId: caseId() ?? '' }), pause: () => !caseId() });
  const beat = (id: string, field: string | null) => void client.mutation(CasePresenceLiveHeartbeatMutation, { caseId: id, field }).toPromise();
  createEffect(
    on([caseId, editing], ([id, field]) => {
      if (!id) return;
      beat(id, field);
      const timer = setInterval(() => beat(id, editing()), HEARTBEAT_MS);
      onCleanup(() => clearInterval(timer));
    }),
  );
  createEffect(
    on(caseId, (id) => {
      if (id) onCleanup(() => void client.mutation(CasePresenceLiveLeaveMutation, { caseId: id }).toPromise());
    }),
  );
  return () => (presence.data?.casePresence.viewers ?? []) as PresenceViewer[];
}
