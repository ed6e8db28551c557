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

/** A new request id: a UUID (crypto.randomUUID exists only in secure contexts, so plain http gets one from getRandomValues). */
function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Sends a form's mutation with a `clientMutationId`: a fresh one for every submit, except that the same
 * input sent again after its answer was lost (a network error) is the same request and keeps its id,
 * so the API answers a retry that did reach it the first time from its receipt instead of writing twice.
 */
export function withClientMutationId<Input extends { clientMutationId?: string | null }, Result extends OperationResult>(
  execute: (variables: { input: Input }) => Promise<Result>,
): (input: Omit<Input, 'clientMutationId'>) => Promise<Result> {
  let pending: { input: string; id: string } | null = null;
  return async (input) => {
    const key = JSON.stringify(input);
    if (pending?.input !== key) pending = { input: key, id: newRequestId() };
    const sent = pending;
    const result = await execute({ input: { ...input, clientMutationId: sent.id } as Input });
    // the API answered (a result, a typed error, a refusal): the next submit is a new request
    if (!result.error?.networkError && pending === sent) pending = null;
    return result;
  };
}
