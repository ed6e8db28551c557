import { createQuery } from '@urql/solid';
import { type Component, createSignal, For, Show } from 'solid-js';
import { graphql, type Schema } from '../../graphql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { ActionOutcome } from '../../ui/ActionOutcome.tsx';
import { FormField } from '../../ui/FormField.tsx';
import { CouncilActionErrorFields, councilOutcomeNames, useCouncilStep } from './councilAction.ts';
import { type MeetingModeData, MeetingModeFields } from './meetingMode.ts';
import { parseFraction } from './motionFigures.ts';

const MeetingManagePanelViewerQuery = graphql(`
  query MeetingManagePanelViewerQuery {
    viewer {
      id
      person {
        id
      }
    }
  }
`);

const MeetingManagePanelOpenMutation = graphql(
  `
    mutation MeetingManagePanelOpenMutation($input: OpenMeetingInput!) {
      openMeeting(input: $input) {
        __typename
        ... on OpenMeetingResult {
          result {
            meeting {
              ...MeetingModeFields
            }
          }
        }
        ...CouncilActionErrorFields
      }
    }
  `,
  [MeetingModeFields, CouncilActionErrorFields],
);

const MeetingManagePanelProposeMutation = graphql(
  `
    mutation MeetingManagePanelProposeMutation($input: ProposeMotionInput!) {
      proposeMotion(input: $input) {
        __typename
        ... on ProposeMotionResult {
          result {
            meeting {
              ...MeetingModeFields
            }
          }
        }
        ...CouncilActionErrorFields
      }
    }
  `,
  [MeetingModeFields, CouncilActionErrorFields],
);

const MeetingManagePanelActionItemMutation = graphql(
  `
    mutation MeetingManagePanelActionItemMutation($input: AddActionItemInput!) {
      addActionItem(input: $input) {
        __typename
        ... on AddActionItemResult {
          result {
            meeting {
              ...MeetingModeFields
            }
          }
        }
        ...CouncilActionErrorFields
      }
    }
  `,
  [MeetingModeFields, CouncilActionErrorFields],
);

const MeetingManagePanelCloseMutation = graphql(
  `
    mutation MeetingManagePanelCloseMutation($input: CloseMeetingInput!) {
      closeMeeting(input: $input) {
        __typename
        ... on CloseMeetingResult {
          result {
            meeting {
              ...MeetingModeFields
            }
          }
        }
        ...CouncilActionErrorFields
      }
    }
  `,
  [MeetingModeFields, CouncilActionErrorFields],
);

const RULES = ['SIMPLE_MAJORITY', 'TWO_THIRDS', 'FRACTION'] as const satisfies readonly Schema<'VoteRule'>[];
const BASES = ['ELIGIBLE', 'CAST'] as const satisfies readonly Schema<'ThresholdBase'>[];
const ELECTORATES = ['PRESENT', 'ALL_MEMBERS', 'HOUSEHOLDS'] as const satisfies readonly Schema<'Electorate'>[];
const POLICIES = ['NAMED', 'SECRET'] as const satisfies readonly Schema<'VotePolicy'>[];

interface ChoiceProps<T extends string> {
  id: string;
  label: string;
  values: readonly T[];
  value: T;
  name: (value: T) => string;
  onChange: (value: T) => void;
}

/** A labelled select over an enum's values. */
function Choice<T extends string>(props: ChoiceProps<T>) {
  return (
    <FormField for={props.id} label={props.label}>
      <select id={props.id} value={props.value} onChange={(event) => props.onChange(event.currentTarget.value as T)} data-testid={props.id}>
        <For each={props.values}>{(value) => <option value={value}>{props.name(value)}</option>}</For>
      </select>
    </FormField>
  );
}

interface MeetingManagePanelProps {
  meeting: MeetingModeData;
  onReload: () => void;
}

/** For whoever runs the meeting: open it, propose motions, add action items, close it with its minutes. */
export const MeetingManagePanel: Component<MeetingManagePanelProps> = (props) => {
  const version = () => props.meeting.version;
  const [viewer] = createQuery({ query: MeetingManagePanelViewerQuery });
  const open = useCouncilStep(MeetingManagePanelOpenMutation, version, (data) => data.openMeeting);
  const propose = useCouncilStep(MeetingManagePanelProposeMutation, version, (data) => data.proposeMotion);
  const addItem = useCouncilStep(MeetingManagePanelActionItemMutation, version, (data) => data.addActionItem);
  const close = useCouncilStep(MeetingManagePanelCloseMutation, version, (data) => data.closeMeeting);

  const [text, setText] = createSignal('');
  const [rule, setRule] = createSignal<(typeof RULES)[number]>('SIMPLE_MAJORITY');
  const [fraction, setFraction] = createSignal('3/5');
  const [base, setBase] = createSignal<(typeof BASES)[number]>('CAST');
  const [electorate, setElectorate] = createSignal<(typeof ELECTORATES)[number]>('PRESENT');
  const [quorum, setQuorum] = createSignal('1/2');
  const [policy, setPolicy] = createSignal<(typeof POLICIES)[number]>('NAMED');
  const [itemText, setItemText] = createSignal('');
  const [itemMotion, setItemMotion] = createSignal('');
  const [itemDepartment, setItemDepartment] = createSignal('');
  const [itemDue, setItemDue] = createSignal('');
  const [minutes, setMinutes] = createSignal('');
  const [formError, setFormError] = createSignal<string | null>(null);

  const submitMotion = async (event: SubmitEvent) => {
    event.preventDefault();
    const quorumFraction = parseFraction(quorum());
    const ruleFraction = rule() === 'FRACTION' ? parseFraction(fraction()) : null;
    if (!quorumFraction || (rule() === 'FRACTION' && !ruleFraction)) return setFormError(t('councils.fields.fraction'));
    setFormError(null);
    const ok = await propose.send({
      meetingId: props.meeting.id,
      text: text().trim(),
      rule: rule(),
      fraction: ruleFraction,
      base: base(),
      electorate: electorate(),
      quorum: quorumFraction,
      policy: policy(),
    });
    if (ok) setText('');
  };

  const submitItem = async (event: SubmitEvent) => {
    event.preventDefault();
    const department = itemDepartment().trim();
    const ok = await addItem.send({
      meetingId: props.meeting.id,
      text: itemText().trim(),
      dueOn: itemDue(),
      motionId: itemMotion() || null,
      // exactly one owner: the department named, or whoever adds it
      ownerDepartmentCode: department || null,
      ownerPersonId: department ? null : (viewer.data?.viewer?.person?.id ?? null),
    });
    if (ok) setItemText('');
  };

  const submitClose = async (event: SubmitEvent) => {
    event.preventDefault();
    await close.send({ meetingId: props.meeting.id, minutes: minutes().trim() });
  };

  return (
    <section class="panel meeting-manage" data-testid="meeting-manage">
      <Show when={props.meeting.status === 'SCHEDULED'}>
        <button type="button" class="button button-primary button-large" disabled={open.state.fetching} onClick={() => void open.send({ meetingId: props.meeting.id })} data-testid="meeting-open">
          {t('councils.meeting.open')}
        </button>
        <ActionOutcome failure={open.failure()} names={councilOutcomeNames} onReload={props.onReload} />
      </Show>

      <Show when={props.meeting.status !== 'CLOSED'}>
        <form class="action-form" onSubmit={submitMotion} data-testid="propose-form">
          <h2>{t('councils.propose.title')}</h2>
          <FormField for="motion-text" label={t('councils.propose.text')}>
            <textarea id="motion-text" rows="2" value={text()} onInput={(event) => setText(event.currentTarget.value)} required data-testid="motion-text" />
          </FormField>
          <div class="form-columns">
            <Choice id="motion-rule" label={t('councils.propose.rule')} values={RULES} value={rule()} name={(value) => t(`councils.rule.${value}`)} onChange={setRule} />
            <Show when={rule() === 'FRACTION'}>
              <FormField for="motion-fraction" label={t('councils.propose.fraction')}>
                <input id="motion-fraction" value={fraction()} onInput={(event) => setFraction(event.currentTarget.value)} data-testid="motion-fraction" />
              </FormField>
            </Show>
            <Choice id="motion-base" label={t('councils.propose.base')} values={BASES} value={base()} name={(value) => t(`councils.base.${value}`)} onChange={setBase} />
            <Choice id="motion-electorate" label={t('councils.propose.electorate')} values={ELECTORATES} value={electorate()} name={(value) => t(`councils.electorate.${value}`)} onChange={setElectorate} />
            <FormField for="motion-quorum" label={t('councils.propose.quorum')}>
              <input id="motion-quorum" value={quorum()} onInput={(event) => setQuorum(event.currentTarget.value)} data-testid="motion-quorum-input" />
            </FormField>
            <Choice id="motion-policy" label={t('councils.propose.policy')} values={POLICIES} value={policy()} name={(value) => t(`councils.policy.${value}`)} onChange={setPolicy} />
          </div>
          <Show when={formError()}>{(field) => <p class="inline-error" role="alert">{t('ui.outcome.invalid', { fields: field() })}</p>}</Show>
          <ActionOutcome failure={propose.failure()} names={councilOutcomeNames} onReload={props.onReload} />
          <div class="form-actions">
            <button type="submit" class="button button-primary" disabled={propose.state.fetching} data-testid="propose-submit">
              {t('councils.propose.submit')}
            </button>
          </div>
        </form>
      </Show>

      <form class="action-form" onSubmit={submitItem} data-testid="action-item-form">
        <h2>{t('councils.action.title')}</h2>
        <FormField for="item-text" label={t('councils.action.text')}>
          <input id="item-text" value={itemText()} onInput={(event) => setItemText(event.currentTarget.value)} required />
        </FormField>
        <div class="form-columns">
          <FormField for="item-motion" label={t('councils.action.motion')}>
            <select id="item-motion" value={itemMotion()} onChange={(event) => setItemMotion(event.currentTarget.value)}>
              <option value="">{t('councils.action.noMotion')}</option>
              <For each={props.meeting.motions}>{(motion) => <option value={motion.id}>{motion.text}</option>}</For>
            </select>
          </FormField>
          <FormField for="item-department" label={t('councils.action.ownerDepartment')} hint={t('councils.action.ownerDepartmentHint')}>
            <input id="item-department" class="input-code" value={itemDepartment()} onInput={(event) => setItemDepartment(event.currentTarget.value)} />
          </FormField>
          <FormField for="item-due" label={t('councils.action.dueOn')}>
            <input id="item-due" type="date" value={itemDue()} onInput={(event) => setItemDue(event.currentTarget.value)} required />
          </FormField>
        </div>
        <ActionOutcome failure={addItem.failure()} names={councilOutcomeNames} onReload={props.onReload} />
        <div class="form-actions">
          <button type="submit" class="button" disabled={addItem.state.fetching}>
            {t('councils.action.submit')}
          </button>
        </div>
      </form>

      <Show when={props.meeting.status === 'OPEN'}>
        <form class="action-form" onSubmit={submitClose} data-testid="close-form">
          <h2>{t('councils.close.title')}</h2>
          <FormField for="meeting-minutes" label={t('councils.close.minutes')}>
            <textarea id="meeting-minutes" rows="3" value={minutes()} onInput={(event) => setMinutes(event.currentTarget.value)} required />
          </FormField>
          <ActionOutcome failure={close.failure()} names={councilOutcomeNames} onReload={props.onReload} />
          <div class="form-actions">
            <button type="submit" class="button" disabled={close.state.fetching} data-testid="meeting-close">
              {t('councils.close.submit')}
            </button>
          </div>
        </form>
      </Show>
    </section>
  );
};
