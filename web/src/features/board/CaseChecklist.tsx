import { type Component, createSignal, For, Show } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { CaseWrite } from './caseActions.ts';
import type { CaseDoc } from './caseDetail.ts';

interface CaseChecklistProps {
  items: CaseDoc['checklist'];
  mayEdit: boolean;
  toggle: (itemId: string, done: boolean, baseVersion: number) => Promise<CaseWrite>;
  add: (text: string, afterItemId: string | null) => Promise<CaseWrite>;
}

/** The case's checklist in order (the API sorts it by order key): tick items off, add one at the end. */
export const CaseChecklist: Component<CaseChecklistProps> = (props) => {
  const [text, setText] = createSignal('');
  const [failure, setFailure] = createSignal<string | null>(null);
  const settle = (outcome: CaseWrite) => setFailure(outcome.kind === 'refused' ? t('board.detail.saveFailed', { message: outcome.message }) : null);
  return (
    <section class="case-checklist" data-testid="case-checklist">
      <h2 class="case-field-label">{t('board.detail.checklist')}</h2>
      <Show when={props.items.length > 0} fallback={<p class="empty">{t('board.detail.checklistEmpty')}</p>}>
        <ul class="checklist">
          <For each={props.items}>
            {(item) => (
              <li data-testid={`checklist-item-${item.id}`}>
                <label>
                  <input
                    type="checkbox"
                    checked={item.done}
                    disabled={!props.mayEdit}
                    onChange={(event) => void props.toggle(item.id, event.currentTarget.checked, item.version).then(settle)}
                  />
                  <span classList={{ 'checklist-done': item.done }}>{item.text}</span>
                </label>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.mayEdit}>
        <form
          class="checklist-add"
          onSubmit={(event) => {
            event.preventDefault();
            const value = text().trim();
            if (!value) return;
            void props.add(value, props.items.at(-1)?.id ?? null).then((outcome) => {
              settle(outcome);
              if (outcome.kind === 'ok') setText('');
            });
          }}
        >
          <input class="input" value={text()} onInput={(event) => setText(event.currentTarget.value)} placeholder={t('board.detail.addItemPlaceholder')} aria-label={t('board.detail.addItem')} data-testid="checklist-add-input" />
          <button type="submit" class="button button-small" data-testid="checklist-add">
            {t('board.detail.add')}
          </button>
        </form>
      </Show>
      <Show when={failure()}>{(message) => <p class="form-error" role="alert">{message()}</p>}</Show>
    </section>
  );
};
