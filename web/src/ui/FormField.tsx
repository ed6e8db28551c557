import { type Component, type JSX, Show } from 'solid-js';

interface FormFieldProps {
  /** id of the control; the hint and the error are `<id>-hint` and `<id>-error` (for aria-describedby) */
  for: string;
  label: string;
  /** e.g. "选填" after the label */
  tag?: string;
  hint?: string;
  error?: string | null;
  testId?: string;
  children: JSX.Element;
}

/** A labelled form control with its hint, and its error right under it. */
export const FormField: Component<FormFieldProps> = (props) => (
  <div class="field" classList={{ 'field-invalid': !!props.error }}>
    <label class="field-label" for={props.for}>
      {props.label}
      <Show when={props.tag}>{(tag) => <span class="field-tag">{tag()}</span>}</Show>
    </label>
    {props.children}
    <Show when={props.hint}>
      {(hint) => (
        <span class="field-hint" id={`${props.for}-hint`}>
          {hint()}
        </span>
      )}
    </Show>
    <Show when={props.error}>
      {(error) => (
        <span class="field-error" id={`${props.for}-error`} role="alert" data-testid={props.testId}>
          {error()}
        </span>
      )}
    </Show>
  </div>
);

/** aria-describedby for a control with a hint and maybe an error. */
export const describedBy = (id: string, hint: boolean, error: unknown) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
