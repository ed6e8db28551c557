// What a form whose errors belong to its fields shares (the ticket intake form, the whistle form):
// the errors by field and the form's own message, both as thunks so that they follow a language
// switch; the focus moved to the first invalid control; and one submit's course: the input built (or
// the errors that stop it before it is sent), sent, the request's own failure, and the domain's reading
// of its typed errors.
import type { OperationResult } from '@urql/core';
import { createSignal } from 'solid-js';
import { t } from '../i18n/index.ts';
import { errorMessage } from './outcome.ts';

/** Errors by field, as thunks so that they follow a language switch. */
export type FieldErrors<Field extends string> = Partial<Record<Field, () => string>>;

/** One submit of a field form. */
export interface FieldFormSubmit<Field extends string, Input, Payload extends { __typename: string }> {
  /** the mutation input, or the errors that stop it before it is sent */
  build: () => { input: Input } | { errors: FieldErrors<Field> };
  /** sends it: the result and the mutation's payload in it */
  send: (input: Input) => Promise<{ result: OperationResult; payload: Payload | null | undefined }>;
  /** the field errors of a typed error; null for the success (the form moves on) */
  read: (payload: Exclude<Payload, { __typename: 'IdempotencyKeyReusedError' }>) => FieldErrors<Field> | null;
  /** the form's message over the field errors of a typed error */
  summary: () => string;
}

/** The errors of a field form and the course of its submit; `bind` takes the form element (`ref`). */
export function useFieldForm<Field extends string>() {
  const [errors, setErrors] = createSignal<FieldErrors<Field>>({});
  const [failure, setFailure] = createSignal<(() => string) | null>(null);
  const [sending, setSending] = createSignal(false);
  let element: HTMLFormElement | undefined;
  const focusFirstError = () => queueMicrotask(() => element?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  const stop = (found: FieldErrors<Field>, message: (() => string) | null) => {
    setErrors(() => found);
    setFailure(() => message);
    focusFirstError();
  };

  const submit = async <Input, Payload extends { __typename: string }>(steps: FieldFormSubmit<Field, Input, Payload>) => {
    if (sending()) return;
    setFailure(null);
    const built = steps.build();
    if ('errors' in built) return stop(built.errors, null);
    setErrors({});
    setSending(true);
    const { result, payload } = await steps.send(built.input).finally(() => setSending(false));
    if (result.error || !payload) {
      const requestError = result.error;
      setFailure(() => () => (requestError ? errorMessage(requestError) : t('errors.server')));
      return;
    }
    // about no field: the next submit is a new request with a new id
    if (payload.__typename === 'IdempotencyKeyReusedError') return setFailure(() => () => t('ui.outcome.reused'));
    const found = steps.read(payload as Exclude<Payload, { __typename: 'IdempotencyKeyReusedError' }>);
    if (found) stop(found, steps.summary);
  };

  return {
    errors,
    setErrors,
    /** the error of a field in the interface language, or null */
    error: (field: Field) => errors()[field]?.() ?? null,
    failure,
    submit,
    bind: (form: HTMLFormElement) => {
      element = form;
    },
  };
}

/** The field errors of an InputValidationError: each issue's field (by its path) with that field's message, once. */
export function issueErrors<Field extends string>(
  issues: readonly { path: readonly string[] }[],
  fieldOf: (path: readonly string[]) => Field,
  message: (field: Field) => string,
): FieldErrors<Field> {
  const found: FieldErrors<Field> = {};
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    found[field] ??= () => message(field);
  }
  return found;
}
