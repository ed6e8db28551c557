// What every ticket action form shares: the ticket it acts on, the failure of its last attempt, and
// the rule that a failure is forgotten once the ticket changes (a reload, or somebody else's action).
import type { OperationResult } from '@urql/core';
import { type Accessor, createEffect, createSignal, on } from 'solid-js';
import { type ActionFailure, failureOf, type TicketActionPayload } from './outcome.ts';
import type { TicketDetailData } from './ticketTypes.ts';

/** The props of an action form. */
export interface ActionFormProps {
  ticket: TicketDetailData;
  /** reloads the ticket from the API (after a conflict) */
  onReload: () => void;
}

/** The failure signal of a form, cleared whenever the ticket's version changes. */
export function useActionFailure(version: Accessor<number>) {
  const [failure, setFailure] = createSignal<ActionFailure | null>(null);
  createEffect(on(version, () => setFailure(null), { defer: true }));
  /** Records the outcome of a mutation; true when it succeeded. */
  const settle = (result: OperationResult, payload: TicketActionPayload | null | undefined) => {
    const found = failureOf(result, payload);
    setFailure(found);
    return found === null;
  };
  return { failure, setFailure, settle };
}
