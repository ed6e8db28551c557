// The signed-in user as the shell shows it.
import type { Role } from '../../graphql/schemaTypes.ts';
import { type Named, t, unitName } from '../../i18n/index.ts';

export interface ViewerRole {
  id: string;
  role: Role;
  district: (Named & { id: string }) | null;
  street: (Named & { id: string }) | null;
  community: (Named & { id: string }) | null;
  department: (Named & { id: string }) | null;
  gridCell: { id: string; name: string } | null;
}

export interface Viewer {
  id: string;
  displayName: string;
  roles: ViewerRole[];
}

/** "街道工作人员 · 前门街道": the role, and the unit it is held in when it has one. */
export function describeRole(assignment: ViewerRole): string {
  const role = t(`roles.${assignment.role}`);
  const unit = assignment.street ?? assignment.community ?? assignment.department ?? assignment.district;
  // grid cells have a Chinese name only
  const unitLabel = unit ? unitName(unit) : assignment.gridCell?.name;
  return unitLabel ? t('viewer.roleInUnit', { role, unit: unitLabel }) : role;
}
