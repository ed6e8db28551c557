import { A } from '@solidjs/router';
import { type Component, For, Show } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { Countdown } from '../../ui/Countdown.tsx';
import type { BoardCard, CaseStatus } from './boardCard.ts';

interface CaseCardProps {
  card: BoardCard;
  /** the soonest running deadline of its linked whistles (ISO), when the board knows them */
  due: string | null;
  now: number;
  onDragStart: (card: BoardCard) => void;
  onDragEnd: () => void;
  onMove: (card: BoardCard, status: CaseStatus) => void;
}

/**
 * A case on the board: number, title, priority, and its live counts — linked tickets, linked whistles
 * with the soonest running deadline counting down, checklist progress. Dragged to a neighbouring column
 * to move it; the "move to" menu does the same from the keyboard.
 */
export const CaseCard: Component<CaseCardProps> = (props) => {
  const tickets = () => props.card.links.filter((link) => link.ticket).length;
  const whistles = () => props.card.links.filter((link) => link.whistle).length;
  const due = () => props.due;
  return (
    <li
      class="case-card"
      draggable={props.card.viewerMayEdit}
      onDragStart={(event) => {
        event.dataTransfer?.setData('text/plain', props.card.id);
        if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
        props.onDragStart(props.card);
      }}
      onDragEnd={() => props.onDragEnd()}
      data-testid={`case-card-${props.card.number}`}
      data-status={props.card.status}
    >
      <div class="case-card-head">
        <span class="case-number">{props.card.number}</span>
        <span class="badge" data-priority={props.card.priority}>
          {t(`board.priority.${props.card.priority}`)}
        </span>
      </div>
      <A href={`/board/${encodeURIComponent(props.card.number)}`} class="case-card-title" data-testid="case-card-title">
        {props.card.title.value}
      </A>
      <div class="case-card-counts">
        <Show when={tickets() > 0}>
          <span data-testid="case-card-tickets">{t('board.card.tickets', { count: tickets() })}</span>
        </Show>
        <Show when={whistles() > 0}>
          <span data-testid="case-card-whistles">{t('board.card.whistles', { count: whistles() })}</span>
        </Show>
        <Show when={props.card.checklistProgress.total > 0}>
          <span data-testid="case-card-checklist">{t('board.card.checklist', props.card.checklistProgress)}</span>
        </Show>
      </div>
      <Show when={due()}>
        {(by) => (
          <div class="case-card-deadline">
            <Countdown by={by()} now={props.now} testId="case-card-deadline" />
          </div>
        )}
      </Show>
      <Show when={props.card.viewerMayEdit && props.card.allowedMoves.length > 0}>
        <select
          class="case-card-move"
          aria-label={t('board.card.moveLabel', { number: props.card.number })}
          onChange={(event) => {
            const status = event.currentTarget.value as CaseStatus;
            event.currentTarget.value = '';
            if (status) props.onMove(props.card, status);
          }}
          data-testid="case-card-move"
        >
          <option value="">{t('board.card.moveTo')}</option>
          <For each={props.card.allowedMoves}>{(status) => <option value={status}>{t(`board.columns.${status}`)}</option>}</For>
        </select>
      </Show>
    </li>
  );
};
