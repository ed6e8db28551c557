import { type Component, Show } from 'solid-js';
import { t } from '../i18n/index.ts';
import { type ActionFailure, failureText, type OutcomeNames } from './outcome.ts';

interface ActionOutcomeProps {
  failure: ActionFailure | null;
  /** how the domain names the states, actions and fields a failure mentions */
  names?: OutcomeNames;
  /** reloads the record; offered when somebody else changed it meanwhile */
  onReload: () => void;
}

/** Why the last action failed, translated, with a reload button after a conflict. */
export const ActionOutcome: Component<ActionOutcomeProps> = (props) => (
  <Show when={props.failure}>
    {(failure) => (
      <div class="action-error" role="alert" data-testid="action-error" data-kind={failure().kind}>
        <p>{failureText(failure(), props.names)}</p>
        <Show when={failure().kind === 'conflict'}>
          <button type="button" class="button" onClick={() => props.onReload()} data-testid="action-reload">
            {t('ui.outcome.reload')}
          </button>
        </Show>
      </div>
    )}
  </Show>
);
