import { locale, t } from '../../i18n/index.ts';

/**
 * A grid cell's label. Grid cells have a Chinese name only (草厂社区第1网格); in English the label is
 * made from the two-digit number that ends the cell code.
 */
export function gridCellName(cell: { code: string; name: string }): string {
  if (locale() !== 'en') return cell.name;
  return t('org.gridCellNumber', { number: Number(cell.code.slice(-2)) });
}

/** Coordinates in the interface language, to 5 decimals (about a metre). */
export const formatLngLat = (point: { lng: number; lat: number }) =>
  t('org.coordinates', { lng: point.lng.toFixed(5), lat: point.lat.toFixed(5) });

/** Whether the API masked a phone number (138****5678) for this viewer. */
export const isMasked = (phone: string) => phone.includes('*');
