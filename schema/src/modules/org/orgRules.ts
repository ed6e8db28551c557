// Rules about org units and the personal data attached to them. Plain functions, no database.
import type { Grant } from '../../auth/viewer.ts';

/** Masks a phone number for viewers not entitled to it: 13812345678 → 138****5678. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** Where a person works or lives, as org-unit ids, for deciding who may see their contact data. */
export interface Jurisdiction {
  gridCellIds: string[];
  communityIds: string[];
  streetIds: string[];
  districtIds: string[];
}

/**
 * Who may see a person's full contact data: admins, the person themself, and the staff of the units
 * the person belongs to — the grid worker of the cell, the street officer of its street, the dispatcher
 * of its district. Everyone else sees it masked.
 */
export function canSeeContact(grants: Grant[], where: Jurisdiction, isSelf = false): boolean {
  if (isSelf) return true;
  return grants.some((g) => {
    switch (g.role) {
      case 'ADMIN':
        return true;
      case 'DISTRICT_DISPATCHER':
        return g.districtId != null && where.districtIds.includes(g.districtId);
      case 'STREET_OFFICER':
        return g.streetId != null && where.streetIds.includes(g.streetId);
      case 'GRID_WORKER':
        return g.gridCellId != null && where.gridCellIds.includes(g.gridCellId);
      default:
        return false;
    }
  });
}

/** Masks a person's name for viewers not entitled to it: 张伟 → 张*, 欧阳娜娜 → 欧***. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
}
