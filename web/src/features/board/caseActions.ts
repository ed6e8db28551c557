// The case page's and the board's writes. Each carries the version it was based on and a
// clientMutationId, one per intent, kept on a retry after a lost answer (withClientMutationId), so the
// API answers a retry from its receipt. Every answer is read into one shape: the case as it is now
// (which the page puts into its store, like an event), a conflict with what is stored now, or a
// refusal in the interface language.
import type { Client, OperationResult } from '@urql/core';
import { graphql, type VariablesOf } from '../../graphql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { withClientMutationId } from '../../ui/actionForm.ts';
import { errorMessage } from '../../ui/outcome.ts';
import { CaseDetailFields, type CaseDoc } from './caseDetail.ts';

/** What the API answered with a CaseConflictError: the value now stored, its version, who and when. */
export interface CaseConflict {
  target: string;
  currentValue: string | null;
  currentVersion: number;
  changedBy: string | null;
  changedAt: string | null;
}

/** A write's outcome. */
export type CaseWrite = { kind: 'ok'; doc: CaseDoc } | { kind: 'conflict'; conflict: CaseConflict } | { kind: 'refused'; problem: string | null; message: string };

/** What every case write answers on success: the case as it is now. */
const CaseActionsSuccessFields = graphql(
  `
    fragment CaseActionsSuccessFields on CaseMutationSuccess @_unmask {
      seq
      case {
        ...CaseDetailFields
      }
    }
  `,
  [CaseDetailFields],
);

/** What every case write answers on a stale base (the value now stored, who, when) or a refused step. */
const CaseActionsRefusalFields = graphql(`
  fragment CaseActionsRefusalFields on Error @_unmask {
    ... on CaseConflictError {
      target
      currentValue
      currentVersion
      changedBy
      changedAt
    }
    ... on CaseStepError {
      problem
    }
  }
`);

const CaseActionsUpdateFieldMutation = graphql(
  `
    mutation CaseActionsUpdateFieldMutation($input: UpdateCaseFieldInput!) {
      updateCaseField(input: $input) {
        __typename
        ... on UpdateCaseFieldResult {
          result {
            ...CaseActionsSuccessFields
          }
        }
        ...CaseActionsRefusalFields
      }
    }
  `,
  [CaseActionsSuccessFields, CaseActionsRefusalFields],
);

const CaseActionsMoveMutation = graphql(
  `
    mutation CaseActionsMoveMutation($input: MoveCaseInput!) {
      moveCase(input: $input) {
        __typename
        ... on MoveCaseResult {
          result {
            ...CaseActionsSuccessFields
          }
        }
        ...CaseActionsRefusalFields
      }
    }
  `,
  [CaseActionsSuccessFields, CaseActionsRefusalFields],
);

const CaseActionsToggleItemMutation = graphql(
  `
    mutation CaseActionsToggleItemMutation($input: ToggleChecklistItemInput!) {
      toggleChecklistItem(input: $input) {
        __typename
        ... on ToggleChecklistItemResult {
          result {
            ...CaseActionsSuccessFields
          }
        }
        ...CaseActionsRefusalFields
      }
    }
  `,
  [CaseActionsSuccessFields, CaseActionsRefusalFields],
);

const CaseActionsAddItemMutation = graphql(
  `
    mutation CaseActionsAddItemMutation($input: AddChecklistItemInput!) {
      addChecklistItem(input: $input) {
        __typename
        ... on AddChecklistItemResult {
          result {
            ...CaseActionsSuccessFields
          }
        }
        ...CaseActionsRefusalFields
      }
    }
  `,
  [CaseActionsSuccessFields, CaseActionsRefusalFields],
);

type Payload = {
  __typename: string;
  result?: { case: CaseDoc };
  target?: string;
  currentValue?: string | null;
  currentVersion?: number;
  changedBy?: string | null;
  changedAt?: string | null;
  problem?: string;
};

/** Reads any case mutation's answer (the payload under its root field) into a {@link CaseWrite}. */
export function readCaseWrite(result: OperationResult, payload: Payload | null | undefined): CaseWrite {
  if (result.error || !payload) return { kind: 'refused', problem: null, message: result.error ? errorMessage(result.error) : t('errors.server') };
  if (payload.result) return { kind: 'ok', doc: payload.result.case };
  if (payload.__typename === 'CaseConflictError') {
    return {
      kind: 'conflict',
      conflict: { target: payload.target!, currentValue: payload.currentValue ?? null, currentVersion: payload.currentVersion!, changedBy: payload.changedBy ?? null, changedAt: payload.changedAt ?? null },
    };
  }
  return { kind: 'refused', problem: payload.problem ?? payload.__typename, message: payload.problem === 'NOT_ALLOWED' ? t('board.move.notAllowed') : t('errors.server') };
}

/** The case writes, bound to a client: each a function of its input, one clientMutationId per intent. */
export function caseActions(client: Client) {
  const updateField = withClientMutationId((variables: VariablesOf<typeof CaseActionsUpdateFieldMutation>) =>
    client.mutation(CaseActionsUpdateFieldMutation, variables).toPromise(),
  );
  const move = withClientMutationId((variables: VariablesOf<typeof CaseActionsMoveMutation>) =>
    client.mutation(CaseActionsMoveMutation, variables).toPromise(),
  );
  const toggle = withClientMutationId((variables: VariablesOf<typeof CaseActionsToggleItemMutation>) =>
    client.mutation(CaseActionsToggleItemMutation, variables).toPromise(),
  );
  const add = withClientMutationId((variables: VariablesOf<typeof CaseActionsAddItemMutation>) =>
    client.mutation(CaseActionsAddItemMutation, variables).toPromise(),
  );
  return {
    async updateField(input: Parameters<typeof updateField>[0]): Promise<CaseWrite> {
      const result = await updateField(input);
      return readCaseWrite(result, result.data?.updateCaseField as Payload | undefined);
    },
    async move(input: Parameters<typeof move>[0]): Promise<CaseWrite> {
      const result = await move(input);
      return readCaseWrite(result, result.data?.moveCase as Payload | undefined);
    },
    async toggleItem(input: Parameters<typeof toggle>[0]): Promise<CaseWrite> {
      const result = await toggle(input);
      return readCaseWrite(result, result.data?.toggleChecklistItem as Payload | undefined);
    },
    async addItem(input: Parameters<typeof add>[0]): Promise<CaseWrite> {
      const result = await add(input);
      return readCaseWrite(result, result.data?.addChecklistItem as Payload | undefined);
    },
  };
}
