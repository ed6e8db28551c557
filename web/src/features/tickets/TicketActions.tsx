import { type Component, Show } from 'solid-js';
import type { TicketAction } from '../../graphql/enums.ts';
import { type FragmentOf, graphql, readFragment } from '../../graphql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { TicketCallbackForm, TicketCallbackFormFields } from './TicketCallbackForm.tsx';
import { TicketDispatchForm, TicketDispatchFormFields } from './TicketDispatchForm.tsx';
import { TicketMergeForm, TicketMergeFormFields } from './TicketMergeForm.tsx';
import { TicketReopenForm, TicketReopenFormFields } from './TicketReopenForm.tsx';

/** What the viewer may do to the ticket now, and what each of the forms needs. */
export const TicketActionsFields = graphql(
  `
    fragment TicketActionsFields on Ticket {
      viewerCan
      ...TicketDispatchFormFields
      ...TicketCallbackFormFields
      ...TicketReopenFormFields
      ...TicketMergeFormFields
    }
  `,
  [TicketDispatchFormFields, TicketCallbackFormFields, TicketReopenFormFields, TicketMergeFormFields],
);

interface TicketActionsProps {
  ticket: FragmentOf<typeof TicketActionsFields>;
  /** reloads the ticket from the API (after a conflict) */
  onReload: () => void;
}

/** Actions taken on one dispatch part; their buttons sit with the parts. */
const PART_ACTIONS: readonly TicketAction[] = ['accept', 'progress', 'resolve'];

/**
 * The ticket-level actions the API says the viewer may take now (`viewerCan`): dispatch, the call-back,
 * reopen and merge. Every form sends the version it was shown, so a ticket changed meanwhile is refused
 * with a conflict instead of being overwritten.
 */
export const TicketActions: Component<TicketActionsProps> = (props) => {
  const ticket = () => readFragment(TicketActionsFields, props.ticket);
  const can = (action: TicketAction) => ticket().viewerCan.includes(action);
  const onlyPartActions = () => ticket().viewerCan.every((action) => PART_ACTIONS.includes(action));

  return (
    <div class="actions" data-testid="ticket-actions" data-can={ticket().viewerCan.join(' ')}>
      <Show when={ticket().viewerCan.length === 0}>
        <p class="muted" data-testid="no-actions">
          {t('tickets.detail.noActions')}
        </p>
      </Show>
      <Show when={ticket().viewerCan.length > 0 && onlyPartActions()}>
        <p class="hint">{t('tickets.detail.partActionsHint')}</p>
      </Show>
      <Show when={can('dispatch')}>
        <TicketDispatchForm ticket={ticket()} onReload={props.onReload} />
      </Show>
      <Show when={can('recordCallback')}>
        <TicketCallbackForm ticket={ticket()} onReload={props.onReload} />
      </Show>
      <Show when={can('close')}>
        <p class="hint">{t('tickets.forms.closeHint')}</p>
      </Show>
      <Show when={can('reopen')}>
        <details class="action-more" data-testid="reopen-section">
          <summary>{t('tickets.forms.reopenHeading')}</summary>
          <TicketReopenForm ticket={ticket()} onReload={props.onReload} />
        </details>
      </Show>
      <Show when={can('merge')}>
        <details class="action-more" data-testid="merge-section">
          <summary>{t('tickets.forms.mergeHeading')}</summary>
          <TicketMergeForm ticket={ticket()} onReload={props.onReload} />
        </details>
      </Show>
    </div>
  );
};
