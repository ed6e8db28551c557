import { createMutation, gql } from '@urql/solid';
import { type Component, createSignal, Show } from 'solid-js';
import type { DispatchPartKind, TicketAction } from '../../graphql/schemaTypes.ts';
import { t } from '../../i18n/index.ts';
import { ActionOutcome } from './ActionOutcome.tsx';
import { useActionFailure } from './actionForm.ts';
import type { TicketActionPayload } from './outcome.ts';
import { TicketActionErrorFields, TicketChangeableFields } from './ticketFragments.ts';
import type { TicketDetailData, TicketPartDetail } from './ticketTypes.ts';

interface PartInput {
  input: { id: string; expectedVersion: number; part: DispatchPartKind; note?: string };
}

const TicketPartActionsAcceptMutation = gql<{ acceptTicketPart: TicketActionPayload }, PartInput>`
  mutation TicketPartActionsAcceptMutation($input: AcceptTicketPartInput!) {
    acceptTicketPart(input: $input) {
      __typename
      ... on AcceptTicketPartResult {
        result {
          ticket {
            ...TicketChangeableFields
          }
        }
      }
      ...TicketActionErrorFields
    }
  }
  ${TicketChangeableFields}
  ${TicketActionErrorFields}
`;

const TicketPartActionsProgressMutation = gql<{ addTicketProgress: TicketActionPayload }, PartInput>`
  mutation TicketPartActionsProgressMutation($input: AddTicketProgressInput!) {
    addTicketProgress(input: $input) {
      __typename
      ... on AddTicketProgressResult {
        result {
          ticket {
            ...TicketChangeableFields
          }
        }
      }
      ...TicketActionErrorFields
    }
  }
  ${TicketChangeableFields}
  ${TicketActionErrorFields}
`;

const TicketPartActionsResolveMutation = gql<{ resolveTicketPart: TicketActionPayload }, PartInput>`
  mutation TicketPartActionsResolveMutation($input: ResolveTicketPartInput!) {
    resolveTicketPart(input: $input) {
      __typename
      ... on ResolveTicketPartResult {
        result {
          ticket {
            ...TicketChangeableFields
          }
        }
      }
      ...TicketActionErrorFields
    }
  }
  ${TicketChangeableFields}
  ${TicketActionErrorFields}
`;

interface TicketPartActionsProps {
  ticket: TicketDetailData;
  part: TicketPartDetail;
  onReload: () => void;
}

/**
 * Accept, progress and resolve on one dispatch part. A part offers what its own status allows, and
 * only when the API lists the action in the ticket's `viewerCan`.
 */
export const TicketPartActions: Component<TicketPartActionsProps> = (props) => {
  const [accepting, accept] = createMutation(TicketPartActionsAcceptMutation);
  const [progressing, progress] = createMutation(TicketPartActionsProgressMutation);
  const [resolving, resolve] = createMutation(TicketPartActionsResolveMutation);
  const { failure, setFailure, settle } = useActionFailure(() => props.ticket.version);
  const [note, setNote] = createSignal('');
  const busy = () => accepting.fetching || progressing.fetching || resolving.fetching;
  const can = (action: TicketAction) => props.ticket.viewerCan.includes(action);
  const working = () => props.part.status === 'ACCEPTED' || props.part.status === 'IN_PROGRESS';
  const canAccept = () => props.part.status === 'DISPATCHED' && can('accept');
  const canProgress = () => working() && can('progress');
  const canResolve = () => working() && can('resolve');
  const input = (withNote: boolean) => ({
    input: {
      id: props.ticket.id,
      expectedVersion: props.ticket.version,
      part: props.part.kind,
      ...(withNote && note().trim() ? { note: note().trim() } : {}),
    },
  });
  const finish = (ok: boolean) => {
    if (ok) setNote('');
  };

  const onAccept = async () => {
    const result = await accept(input(false));
    finish(settle(result, result.data?.acceptTicketPart));
  };
  const onProgress = async () => {
    if (!note().trim()) {
      setFailure({ kind: 'invalid', fields: ['note'] });
      return;
    }
    const result = await progress(input(true));
    finish(settle(result, result.data?.addTicketProgress));
  };
  const onResolve = async () => {
    const result = await resolve(input(true));
    finish(settle(result, result.data?.resolveTicketPart));
  };

  return (
    <Show when={canAccept() || canProgress() || canResolve() || failure()}>
      <div class="part-actions" data-testid={`part-actions-${props.part.kind}`}>
        <Show when={canProgress() || canResolve()}>
          <label class="field">
            <span class="field-sublabel">{canProgress() ? t('tickets.forms.progressNote') : t('tickets.forms.noteOptional')}</span>
            <textarea
              rows={2}
              maxLength={2000}
              lang="zh-CN"
              value={note()}
              placeholder={t('tickets.forms.progressPlaceholder')}
              onInput={(event) => setNote(event.currentTarget.value)}
              data-testid={`part-note-${props.part.kind}`}
            />
          </label>
        </Show>
        <div class="button-row">
          <Show when={canAccept()}>
            <button type="button" class="button button-primary" disabled={busy()} onClick={() => void onAccept()} data-testid={`part-accept-${props.part.kind}`}>
              {accepting.fetching ? t('tickets.forms.working') : t('tickets.forms.accept')}
            </button>
          </Show>
          <Show when={canProgress()}>
            <button type="button" class="button" disabled={busy()} onClick={() => void onProgress()} data-testid={`part-progress-${props.part.kind}`}>
              {progressing.fetching ? t('tickets.forms.working') : t('tickets.forms.progress')}
            </button>
          </Show>
          <Show when={canResolve()}>
            <button type="button" class="button button-primary" disabled={busy()} onClick={() => void onResolve()} data-testid={`part-resolve-${props.part.kind}`}>
              {resolving.fetching ? t('tickets.forms.working') : t('tickets.forms.resolve')}
            </button>
          </Show>
        </div>
        <ActionOutcome failure={failure()} onReload={props.onReload} />
      </div>
    </Show>
  );
};
