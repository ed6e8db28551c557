// What every action form shares, whatever it acts on (a ticket, a whistle, a council motion): the
// failure of its last attempt, and the rule that a failure is forgotten once the record changes (a
// reload, or somebody else's action bumps its version).
import type { OperationResult } from '@urql/core';
import { type Accessor, createEffect, createSignal, on } from 'solid-js';
import type { ActionFailure } from './outcome.ts';

/**
 * The failure signal of a form, cleared whenever `version` changes. `read` is the domain's reading of
 * a mutation's outcome (its typed errors); `settle` records it and answers whether the action succeeded.
 */
export function useActionFailure<Payload>(version: Accessor<number>, read: (result: OperationResult, payload: Payload | null | undefined) => ActionFailure | null) {
  const [failure, setFailure] = createSignal<ActionFailure | null>(null);
  createEffect(on(version, () => setFailure(null), { defer: true }));
  const settle = (result: OperationResult, payload: Payload | null | undefined) => {
    const found = read(result, payload);
    setFailure(found);
    return found === null;
  };
  return { failure, setFailure, settle };
}
