// Mainland phone numbers: normalisation for storage and comparison.

/** A valid mainland number in canonical digits: 13812345678, or 01012345678 for a Beijing landline. */
export type PhoneResult = { ok: true; phone: string; kind: 'MOBILE' | 'LANDLINE' } | { ok: false; reason: 'INVALID_PHONE' };

/**
 * Normalises a complainant's phone: an 11-digit mobile (1[3-9]…) or a Beijing landline (010 + 8 digits,
 * first not 0 or 1), with an optional +86 / 86 prefix (then the landline's trunk 0 is dropped: +86 10 …),
 * spaces, dashes and brackets. Full-width digits (１３８…, typed with a Chinese IME) are accepted.
 * Output is digits only so equal numbers compare equal; `maskPhone` (lib/personalData.ts) hides it for display.
 */
export function normalizeMainlandPhone(text: string): PhoneResult {
  const compact = text.normalize('NFKC').replace(/[\s\-()]/g, '');
  if (!/^\+?\d+$/.test(compact)) return { ok: false, reason: 'INVALID_PHONE' };
  const hasPlus = compact.startsWith('+');
  let digits = hasPlus ? compact.slice(1) : compact;
  let international = false;
  if (digits.startsWith('86') && (hasPlus || digits.length > 11)) {
    digits = digits.slice(2);
    international = true;
  } else if (hasPlus) {
    return { ok: false, reason: 'INVALID_PHONE' };
  }
  if (/^1[3-9]\d{9}$/.test(digits)) return { ok: true, phone: digits, kind: 'MOBILE' };
  const landline = international ? /^10([2-9]\d{7})$/.exec(digits) : /^010([2-9]\d{7})$/.exec(digits);
  if (landline) return { ok: true, phone: `010${landline[1]}`, kind: 'LANDLINE' };
  return { ok: false, reason: 'INVALID_PHONE' };
}
