import { type Component, Show } from 'solid-js';
import type { TicketAction } from '../../graphql/schemaTypes.ts';
import { t } from '../../i18n/index.ts';
import type { ActionFormProps } from './actionForm.ts';
import { TicketCallbackForm } from './TicketCallbackForm.tsx';
import { TicketDispatchForm } from './TicketDispatchForm.tsx';
import { TicketMergeForm } from './TicketMergeForm.tsx';
import { TicketReopenForm } from './TicketReopenForm.tsx';

/** Actions taken on one dispatch part; their buttons sit with the parts. */
const PART_ACTIONS: readonly TicketAction[] = ['accept', 'progress', 'resolve'];

/**
 * The ticket-level actions the API says the viewer may take now (`viewerCan`): dispatch, the call-back,
 * reopen and merge. Every form sends the version it was shown, so a ticket changed meanwhile is refused
 * with a conflict instead of being overwritten.
 */
export const TicketActions: Component<ActionFormProps> = (props) => {
  const can = (action: TicketAction) => props.ticket.viewerCan.includes(action);
  const onlyPartActions = () => props.ticket.viewerCan.every((action) => PART_ACTIONS.includes(action));

  return (
    <div class="actions" data-testid="ticket-actions" data-can={props.ticket.viewerCan.join(' ')}>
      <Show when={props.ticket.viewerCan.length === 0}>
        <p class="muted" data-testid="no-actions">
          {t('tickets.detail.noActions')}
        </p>
      </Show>
      <Show when={props.ticket.viewerCan.length > 0 && onlyPartActions()}>
        <p class="hint">{t('tickets.detail.partActionsHint')}</p>
      </Show>
      <Show when={can('dispatch')}>
        <TicketDispatchForm ticket={props.ticket} onReload={props.onReload} />
      </Show>
      <Show when={can('recordCallback')}>
        <TicketCallbackForm ticket={props.ticket} onReload={props.onReload} />
      </Show>
      <Show when={can('close')}>
        <p class="hint">{t('tickets.forms.closeHint')}</p>
      </Show>
      <Show when={can('reopen')}>
        <details class="action-more" data-testid="reopen-section">
          <summary>{t('tickets.forms.reopenHeading')}</summary>
          <TicketReopenForm ticket={props.ticket} onReload={props.onReload} />
        </details>
      </Show>
      <Show when={can('merge')}>
        <details class="action-more" data-testid="merge-section">
          <summary>{t('tickets.forms.mergeHeading')}</summary>
          <TicketMergeForm ticket={props.ticket} onReload={props.onReload} />
        </details>
      </Show>
    </div>
  );
};
