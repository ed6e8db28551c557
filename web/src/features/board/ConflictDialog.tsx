import { type Component, onMount, Show } from 'solid-js';
import { formatDateTime, t } from '../../i18n/index.ts';
import type { CaseConflict } from './caseActions.ts';

interface ConflictDialogProps {
  /** the field's name as shown */
  field: string;
  conflict: CaseConflict;
  mine: string;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onMerge: () => void;
}

/** A stale save: what I wrote beside what the other saved meanwhile, and the three ways on. */
export const ConflictDialog: Component<ConflictDialogProps> = (props) => {
  let first: HTMLButtonElement | undefined;
  onMount(() => first?.focus());
  return (
    <div class="dialog-backdrop">
      <div class="dialog conflict-dialog" role="alertdialog" aria-modal="true" aria-labelledby="conflict-title" data-testid="conflict-dialog">
        <h2 id="conflict-title">{t('board.conflict.title')}</h2>
        <p>
          {t('board.conflict.intro', {
            name: props.conflict.changedBy ?? t('board.detail.someone'),
            at: props.conflict.changedAt ? formatDateTime(props.conflict.changedAt) : '',
            field: props.field,
          })}
        </p>
        <div class="conflict-versions">
          <section>
            <h3>{t('board.conflict.mine')}</h3>
            <pre data-testid="conflict-mine">{props.mine}</pre>
          </section>
          <section>
            <h3>{t('board.conflict.theirs')}</h3>
            <pre data-testid="conflict-theirs">
              <Show when={props.conflict.currentValue !== null} fallback={t('board.detail.empty')}>
                {props.conflict.currentValue}
              </Show>
            </pre>
          </section>
        </div>
        <div class="dialog-actions">
          <button type="button" class="button button-primary" ref={first} onClick={() => props.onKeepMine()} data-testid="conflict-keep-mine">
            {t('board.conflict.keepMine')}
          </button>
          <button type="button" class="button" onClick={() => props.onTakeTheirs()} data-testid="conflict-take-theirs">
            {t('board.conflict.takeTheirs')}
          </button>
          <button type="button" class="button" onClick={() => props.onMerge()} data-testid="conflict-merge">
            {t('board.conflict.merge')}
          </button>
        </div>
      </div>
    </div>
  );
};
