// The whistle form's summons list without a browser: the departments picked (from the power list's
// suggestions or by code), each with its role, kept to the API's rule of exactly one lead.
import type { Schema } from '../../graphql/graphql.ts';

/** Lead or assist. */
export type SummonsRole = Schema<'SummonsRole'>;

/** A department on the list, as the form shows it. */
export interface SummonsDraft {
  code: string;
  name: string;
  nameEn: string;
  role: SummonsRole;
}

/** What the API's SummonsListError can say; the form checks the first four before sending. */
export const SUMMONS_LIST_PROBLEMS = ['NO_DEPARTMENT', 'NO_LEAD', 'SEVERAL_LEADS', 'DUPLICATE_DEPARTMENT', 'UNKNOWN_DEPARTMENT', 'OWN_STREET'] as const;
export type SummonsListProblem = (typeof SUMMONS_LIST_PROBLEMS)[number];

/** Adds a department once: the first one on the list leads, later ones assist. */
export function addSummons(list: readonly SummonsDraft[], department: Omit<SummonsDraft, 'role'>): SummonsDraft[] {
  if (list.some((entry) => entry.code === department.code)) return [...list];
  return [...list, { ...department, role: list.some((entry) => entry.role === 'LEAD') ? 'ASSIST' : 'LEAD' }];
}

/** Makes one department the lead; whoever led before assists (exactly one lead). */
export const setLead = (list: readonly SummonsDraft[], code: string): SummonsDraft[] =>
  list.some((entry) => entry.code === code) ? list.map((entry) => ({ ...entry, role: entry.code === code ? 'LEAD' : 'ASSIST' })) : [...list];

/** Removes a department; when it led, the next one on the list takes the lead. */
export function removeSummons(list: readonly SummonsDraft[], code: string): SummonsDraft[] {
  const rest = list.filter((entry) => entry.code !== code);
  if (rest.length > 0 && !rest.some((entry) => entry.role === 'LEAD')) rest[0] = { ...rest[0]!, role: 'LEAD' };
  return rest;
}

/** What is wrong with the list (the API's own rule, checked before sending), or null. */
export function summonsListProblem(list: readonly Pick<SummonsDraft, 'code' | 'role'>[]): SummonsListProblem | null {
  if (list.length === 0) return 'NO_DEPARTMENT';
  if (new Set(list.map((entry) => entry.code)).size !== list.length) return 'DUPLICATE_DEPARTMENT';
  const leads = list.filter((entry) => entry.role === 'LEAD').length;
  if (leads === 0) return 'NO_LEAD';
  if (leads > 1) return 'SEVERAL_LEADS';
  return null;
}

/** The list as blowWhistle's `summons` input, lead first. */
export const summonsInput = (list: readonly SummonsDraft[]) =>
  [...list].sort((a, b) => Number(b.role === 'LEAD') - Number(a.role === 'LEAD')).map((entry) => ({ departmentCode: entry.code, role: entry.role }));

/** The fields of the whistle form an error can belong to. */
export type WhistleFormField = 'street' | 'ticket' | 'category' | 'tier' | 'mode' | 'reason' | 'location' | 'summons' | 'form';

/** The form field of a validation issue, from its path (["input", "location", "lng"]). */
export function whistleFormFieldOf(path: readonly string[]): WhistleFormField {
  const [first] = path[0] === 'input' ? path.slice(1) : path;
  switch (first) {
    case 'streetCode':
      return 'street';
    case 'ticketId':
      return 'ticket';
    case 'categoryCode':
      return 'category';
    case 'tier':
    case 'mode':
    case 'reason':
    case 'location':
    case 'summons':
      return first;
    default:
      return 'form';
  }
}

/** The field a NotFoundError of blowWhistle is about, by the entity it names. */
export function whistleFormFieldOfEntity(entity: string): WhistleFormField {
  switch (entity) {
    case 'Street':
      return 'street';
    case 'TicketCategory':
      return 'category';
    case 'Ticket':
      return 'ticket';
    default:
      return 'form';
  }
}
