import { createMutation } from '@urql/solid';
import { type Component, createSignal, Show } from 'solid-js';
import type { DispatchPartKind, TicketAction } from '../../graphql/enums.ts';
import { type FragmentOf, graphql, readFragment, type Schema } from '../../graphql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { ActionOutcome } from '../../ui/ActionOutcome.tsx';
import { withClientMutationId } from '../../ui/actionForm.ts';
import { TicketActionErrorFields, TicketActionResultFields, useTicketActionFailure } from './ticketAction.ts';
import { ticketOutcomeNames } from './ticketOutcome.ts';

/** What the part actions need of the ticket: the API's word on what the viewer may do, and the version to send. */
export const TicketPartActionsFields = graphql(`
  fragment TicketPartActionsFields on Ticket {
    id
    version
    viewerCan
  }
`);

const TicketPartActionsAcceptMutation = graphql(
  `
    mutation TicketPartActionsAcceptMutation($input: AcceptTicketPartInput!) {
      acceptTicketPart(input: $input) {
        __typename
        ... on AcceptTicketPartResult {
          result {
            ticket {
              ...TicketActionResultFields
            }
          }
        }
        ...TicketActionErrorFields
      }
    }
  `,
  [TicketActionResultFields, TicketActionErrorFields],
);

const TicketPartActionsProgressMutation = graphql(
  `
    mutation TicketPartActionsProgressMutation($input: AddTicketProgressInput!) {
      addTicketProgress(input: $input) {
        __typename
        ... on AddTicketProgressResult {
          result {
            ticket {
              ...TicketActionResultFields
            }
          }
        }
        ...TicketActionErrorFields
      }
    }
  `,
  [TicketActionResultFields, TicketActionErrorFields],
);

const TicketPartActionsResolveMutation = graphql(
  `
    mutation TicketPartActionsResolveMutation($input: ResolveTicketPartInput!) {
      resolveTicketPart(input: $input) {
        __typename
        ... on ResolveTicketPartResult {
          result {
            ticket {
              ...TicketActionResultFields
            }
          }
        }
        ...TicketActionErrorFields
      }
    }
  `,
  [TicketActionResultFields, TicketActionErrorFields],
);

interface TicketPartActionsProps {
  ticket: FragmentOf<typeof TicketPartActionsFields>;
  kind: DispatchPartKind;
  status: Schema<'PartStatus'>;
  onReload: () => void;
}

/**
 * Accept, progress and resolve on one dispatch part. A part offers what its own status allows, and
 * only when the API lists the action in the ticket's `viewerCan`.
 */
export const TicketPartActions: Component<TicketPartActionsProps> = (props) => {
  const [accepting, sendAccept] = createMutation(TicketPartActionsAcceptMutation);
  const [progressing, sendProgress] = createMutation(TicketPartActionsProgressMutation);
  const [resolving, sendResolve] = createMutation(TicketPartActionsResolveMutation);
  const accept = withClientMutationId(sendAccept);
  const progress = withClientMutationId(sendProgress);
  const resolve = withClientMutationId(sendResolve);
  const ticket = () => readFragment(TicketPartActionsFields, props.ticket);
  const { failure, setFailure, settle } = useTicketActionFailure(() => ticket().version);
  const [note, setNote] = createSignal('');
  const busy = () => accepting.fetching || progressing.fetching || resolving.fetching;
  const can = (action: TicketAction) => ticket().viewerCan.includes(action);
  const working = () => props.status === 'ACCEPTED' || props.status === 'IN_PROGRESS';
  const canAccept = () => props.status === 'DISPATCHED' && can('accept');
  const canProgress = () => working() && can('progress');
  const canResolve = () => working() && can('resolve');
  const target = () => ({ id: ticket().id, expectedVersion: ticket().version, part: props.kind });
  const withNote = () => ({ ...target(), ...(note().trim() ? { note: note().trim() } : {}) });
  const finish = (ok: boolean) => {
    if (ok) setNote('');
  };

  const onAccept = async () => {
    const result = await accept(target());
    finish(settle(result, result.data?.acceptTicketPart));
  };
  const onProgress = async () => {
    if (!note().trim()) {
      setFailure({ kind: 'invalid', fields: ['note'] });
      return;
    }
    // progress needs its note (checked above), which the schema makes required
    const result = await progress({ ...target(), note: note().trim() });
    finish(settle(result, result.data?.addTicketProgress));
  };
  const onResolve = async () => {
    const result = await resolve(withNote());
    finish(settle(result, result.data?.resolveTicketPart));
  };

  return (
    <Show when={canAccept() || canProgress() || canResolve() || failure()}>
      <div class="part-actions" data-testid={`part-actions-${props.kind}`}>
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
              data-testid={`part-note-${props.kind}`}
            />
          </label>
        </Show>
        <div class="button-row">
          <Show when={canAccept()}>
            <button type="button" class="button button-primary" disabled={busy()} onClick={() => void onAccept()} data-testid={`part-accept-${props.kind}`}>
              {accepting.fetching ? t('tickets.forms.working') : t('tickets.forms.accept')}
            </button>
          </Show>
          <Show when={canProgress()}>
            <button type="button" class="button" disabled={busy()} onClick={() => void onProgress()} data-testid={`part-progress-${props.kind}`}>
              {progressing.fetching ? t('tickets.forms.working') : t('tickets.forms.progress')}
            </button>
          </Show>
          <Show when={canResolve()}>
            <button type="button" class="button button-primary" disabled={busy()} onClick={() => void onResolve()} data-testid={`part-resolve-${props.kind}`}>
              {resolving.fetching ? t('tickets.forms.working') : t('tickets.forms.resolve')}
            </button>
          </Show>
        </div>
        <ActionOutcome failure={failure()} names={ticketOutcomeNames} onReload={props.onReload} />
      </div>
    </Show>
  );
};
