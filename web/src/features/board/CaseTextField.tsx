import { type Component, createSignal, Show } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { CaseConflict, CaseWrite } from './caseActions.ts';
import { ConflictDialog } from './ConflictDialog.tsx';
import type { PresenceViewer } from './presence.ts';
import { PresenceAvatars } from './PresenceAvatars.tsx';
import { mergeText } from './textMerge.ts';

interface CaseTextFieldProps {
  field: 'title' | 'description' | 'internalNote';
  label: string;
  /** the value and version in the store: the server's, live */
  value: string;
  version: number;
  multiline?: boolean;
  mayEdit: boolean;
  /** the others editing this field */
  editors: readonly PresenceViewer[];
  /** who last changed it, from the feed (for "changed meanwhile") */
  lastChangedBy: string | null;
  onEditing: (editing: boolean) => void;
  save: (value: string, baseVersion: number) => Promise<CaseWrite>;
}

/**
 * One co-edited text field. Shown as stored until the viewer edits it; while they type, the store may
 * move on (others' saves arrive live) but the draft is theirs: the field says someone changed it, and
 * the save, based on the version the draft started from, meets a conflict that the dialog settles —
 * keep mine (write it again on the version now stored), take theirs, or merge the text three ways.
 */
export const CaseTextField: Component<CaseTextFieldProps> = (props) => {
  const [editing, setEditing] = createSignal(false);
  const [draft, setDraft] = createSignal('');
  const [base, setBase] = createSignal({ value: '', version: 0 });
  const [conflict, setConflict] = createSignal<CaseConflict | null>(null);
  const [note, setNote] = createSignal<string | null>(null);
  const [saving, setSaving] = createSignal(false);
  const changedMeanwhile = () => editing() && props.version !== base().version;

  const stop = () => {
    setEditing(false);
    setConflict(null);
    setNote(null);
    props.onEditing(false);
  };
  const start = () => {
    setBase({ value: props.value, version: props.version });
    setDraft(props.value);
    setNote(null);
    setEditing(true);
    props.onEditing(true);
  };
  const write = async (baseVersion: number) => {
    if (saving()) return;
    setSaving(true);
    try {
      const outcome = await props.save(draft(), baseVersion);
      if (outcome.kind === 'ok') stop();
      else if (outcome.kind === 'conflict') setConflict(outcome.conflict);
      else setNote(t('board.detail.saveFailed', { message: outcome.message }));
    } finally {
      setSaving(false);
    }
  };
  const merge = () => {
    const found = conflict()!;
    const theirs = found.currentValue ?? '';
    const merged = mergeText(base().value, draft(), theirs);
    setDraft(merged.text);
    setBase({ value: theirs, version: found.currentVersion });
    setConflict(null);
    setNote(merged.conflict ? t('board.conflict.mergeConflict') : t('board.conflict.mergedNote'));
  };

  return (
    <section class="case-field" classList={{ 'case-field-multiline': props.multiline }} data-testid={`case-field-${props.field}`}>
      <div class="case-field-head">
        <h2 class="case-field-label">{props.label}</h2>
        <PresenceAvatars viewers={props.editors} doing="editing" testId={`presence-${props.field}`} />
        <Show when={props.mayEdit && !editing()}>
          <button type="button" class="button button-small" onClick={start} data-testid={`case-${props.field}-edit`}>
            {t('board.detail.edit')}
          </button>
        </Show>
      </div>
      <Show
        when={editing()}
        fallback={
          <div class="case-field-value" data-testid={`case-${props.field}-value`} data-version={props.version}>
            {props.value || t('board.detail.empty')}
          </div>
        }
      >
        <form
          class="case-field-form"
          onSubmit={(event) => {
            event.preventDefault();
            void write(base().version);
          }}
        >
          <Show
            when={props.multiline}
            fallback={
              <input class="input" value={draft()} onInput={(event) => setDraft(event.currentTarget.value)} aria-label={props.label} data-testid={`case-${props.field}-input`} />
            }
          >
            <textarea class="input" rows={6} value={draft()} onInput={(event) => setDraft(event.currentTarget.value)} aria-label={props.label} data-testid={`case-${props.field}-input`} />
          </Show>
          <Show when={changedMeanwhile()}>
            <p class="case-field-changed" role="status" data-testid={`case-${props.field}-changed`}>
              {t('board.detail.changedMeanwhile', { name: props.lastChangedBy ?? t('board.detail.someone') })}
            </p>
          </Show>
          <Show when={note()}>
            {(text) => (
              <p class="case-field-note" role="status" data-testid={`case-${props.field}-note`}>
                {text()}
              </p>
            )}
          </Show>
          <div class="case-field-actions">
            <button type="submit" class="button button-primary button-small" disabled={saving()} data-testid={`case-${props.field}-save`}>
              {saving() ? t('board.detail.saving') : t('board.detail.save')}
            </button>
            <button type="button" class="button button-small" onClick={stop} data-testid={`case-${props.field}-cancel`}>
              {t('board.detail.cancel')}
            </button>
          </div>
        </form>
      </Show>
      <Show when={conflict()}>
        {(found) => (
          <ConflictDialog
            field={props.label}
            conflict={found()}
            mine={draft()}
            onKeepMine={() => void write(found().currentVersion)}
            onTakeTheirs={stop}
            onMerge={merge}
          />
        )}
      </Show>
    </section>
  );
};
