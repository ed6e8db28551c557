import type { Component } from 'solid-js';

interface WhistleNoteFieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  testId: string;
  maxLength?: number;
  rows?: number;
  required?: boolean;
}

/** The free text of a whistle step (a report, a reason, a note), written in Chinese by the people involved. */
export const WhistleNoteField: Component<WhistleNoteFieldProps> = (props) => (
  <label class="field">
    <span class="field-sublabel">{props.label}</span>
    <textarea
      rows={props.rows ?? 3}
      maxLength={props.maxLength ?? 2000}
      required={props.required}
      lang="zh-CN"
      value={props.value}
      onInput={(event) => props.onInput(event.currentTarget.value)}
      data-testid={props.testId}
    />
  </label>
);
