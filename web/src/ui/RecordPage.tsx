import type { CombinedError } from '@urql/core';
import { A } from '@solidjs/router';
import { type Accessor, type JSX, Show } from 'solid-js';
import { QueryState } from './QueryState.tsx';

/** A record's number as the address has it (percent-encoded); a malformed escape typed in is looked up as written (and finds nothing). */
export function routeNumber(raw: string | undefined): string {
  try {
    return decodeURIComponent(raw ?? '');
  } catch {
    return raw ?? '';
  }
}

interface RecordPageProps<Record> {
  /** the list the record was opened from */
  back: { href: string; label: string; testId: string };
  state: { fetching: boolean; data?: unknown; error?: CombinedError };
  onRetry: () => void;
  /** the record, null when the API has none (or none the viewer may see) */
  record: Record | null | undefined;
  notFound: { text: string; testId: string };
  children: (record: Accessor<Record>) => JSX.Element;
}

/** One record's page (a ticket, a whistle): the way back to its list, loading and errors, "not found", then the record. */
export function RecordPage<Record>(props: RecordPageProps<Record>): JSX.Element {
  return (
    <>
      <p class="back-link">
        <A href={props.back.href} data-testid={props.back.testId}>
          ← {props.back.label}
        </A>
      </p>
      <QueryState state={props.state} onRetry={props.onRetry}>
        <Show
          when={props.record}
          fallback={
            <p class="empty" data-testid={props.notFound.testId}>
              {props.notFound.text}
            </p>
          }
        >
          {(record) => props.children(record as Accessor<Record>)}
        </Show>
      </QueryState>
    </>
  );
}
