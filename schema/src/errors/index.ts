// Expected failures are types in the schema (errors plugin); anything else stays masked by yoga.
// https://pothos-graphql.dev/docs/plugins/errors
import { InputValidationError } from '@pothos/plugin-validation';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { builder } from '../builder.ts';

/** Base of every expected, typed failure. */
export class DomainError extends Error {
  override name = 'DomainError';
}

type DomainErrorClass = abstract new (...args: never[]) => DomainError;
const replayable = new Map<string, DomainErrorClass>();

/**
 * Registers typed errors whose outcome may be stored in a mutation receipt and replayed on a retry
 * (spine/receipts.ts). Register every DomainError a write can throw; the class name must equal the
 * error's `name` and its GraphQL type name.
 */
export function registerDomainErrors(...classes: DomainErrorClass[]): void {
  for (const cls of classes) replayable.set(cls.name, cls);
}

/** Rebuilds a stored typed error from its name and own properties; null for a name never registered. */
export function reviveDomainError(name: string, props: Record<string, unknown>, message: string): DomainError | null {
  const cls = replayable.get(name);
  if (!cls) return null;
  return Object.assign(Object.create(cls.prototype) as DomainError, props, { message, name });
}

/** The same client mutation id was sent before with another mutation or another input: nothing was written. */
export class IdempotencyKeyReusedError extends DomainError {
  override name = 'IdempotencyKeyReusedError';
  constructor(readonly clientMutationId: string, readonly firstMutation: string) {
    super(`clientMutationId ${clientMutationId} was already used for another request (${firstMutation}); use a new id for a new request`);
  }
}

/** Wrong login or password: deliberately does not say which. */
export class InvalidCredentialsError extends DomainError {
  override name = 'InvalidCredentialsError';
  constructor() {
    super('Login or password is wrong');
  }
}

/** Too many failed sign-ins for this login or address: try again later. */
export class TooManyAttemptsError extends DomainError {
  override name = 'TooManyAttemptsError';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed attempts; try again in ${retryAfterSeconds} s`);
  }
}

/** The thing named by id does not exist, or the viewer may not see it. */
export class NotFoundError extends DomainError {
  override name = 'NotFoundError';
  constructor(readonly entity: string, readonly id: string) {
    super(`${entity} ${id} not found`);
  }
}

export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'An expected failure of a mutation; the concrete type says which.',
  fields: (t) => ({ message: t.exposeString('message', { description: 'Human-readable explanation (English).' }) }),
});

builder.objectType(InvalidCredentialsError, {
  name: 'InvalidCredentialsError',
  description: 'The login or the password is wrong. It does not say which, so logins cannot be probed.',
  interfaces: [ErrorInterface],
});

builder.objectType(TooManyAttemptsError, {
  name: 'TooManyAttemptsError',
  description: 'Too many failed sign-ins for this login or client; retry after the given delay.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    retryAfterSeconds: t.exposeInt('retryAfterSeconds', { description: 'Seconds to wait before the next attempt.' }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'The entity does not exist or is not visible to the viewer.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    entity: t.exposeString('entity', { description: 'Type name of the missing entity.' }),
    id: t.exposeString('id', { description: 'The id that was asked for.' }),
  }),
});

builder.objectType(IdempotencyKeyReusedError, {
  name: 'IdempotencyKeyReusedError',
  description: 'The clientMutationId was used before for a different mutation or input. A retry must repeat the request exactly; a new request needs a new id. Nothing was written.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    clientMutationId: t.exposeString('clientMutationId', { description: 'The id that was reused.' }),
    firstMutation: t.exposeString('firstMutation', { description: 'The mutation the id was first used with.' }),
  }),
});

registerDomainErrors(InvalidCredentialsError, TooManyAttemptsError, NotFoundError, IdempotencyKeyReusedError);

const ValidationIssue = builder.simpleObject('ValidationIssue', {
  description: 'One problem with one input field.',
  fields: (t) => ({
    path: t.stringList({ description: 'Path of the input field, e.g. ["input", "login"].' }),
    message: t.string({ description: 'What is wrong with it.' }),
  }),
});

builder.objectType(InputValidationError, {
  name: 'InputValidationError',
  description: 'The input failed validation; `issues` lists each field and why.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    issues: t.field({
      type: [ValidationIssue],
      description: 'Every problem found.',
      resolve: (error) =>
        error.issues.map((issue) => ({
          path: (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)),
          message: issue.message,
        })),
    }),
  }),
});

/**
 * Validates a mutation's input inside its resolver, throwing InputValidationError (typed in the
 * payload union). The validation plugin's own `validate` runs in an arg mapper, outside the errors
 * plugin's reach, so its failures would be untyped GraphQL errors:
 * https://github.com/hayes/pothos/issues/1523 — queries and subscriptions keep using `validate`.
 */
export async function validateInput<S extends StandardSchemaV1>(schema: S, input: unknown, path = ['input']): Promise<StandardSchemaV1.InferOutput<S>> {
  const result = await schema['~standard'].validate(input);
  if (result.issues) {
    throw new InputValidationError({ issues: result.issues.map((issue) => ({ ...issue, path: [...path, ...(issue.path ?? [])] })) });
  }
  return result.value;
}
