// The shape every write mutation's payload shares: a union named <Mutation>Payload of its result and
// its typed errors, every write refusable with a reused client mutation id (writes.ts).
import { IdempotencyKeyReusedError } from '../errors/index.ts';

/** The errors plugin options of a write mutation named `name` (union <Name>Payload, result <Name>Result, data field `result`). */
export const writePayload = <T extends (new (...args: never[]) => Error)[]>(name: string, types: T, resultDescription: string) => ({
  types: [...types, IdempotencyKeyReusedError] as [...T, typeof IdempotencyKeyReusedError],
  union: { name: `${name}Payload` },
  dataField: { name: 'result', description: resultDescription },
  result: { name: `${name}Result` },
});

/** Description of the clientMutationId input field of every write. */
export const CLIENT_MUTATION_ID =
  'Your id for this request (8–128 letters, digits, . _ : -), unique per request: a retry with the same id and input returns the stored answer and writes nothing.';
