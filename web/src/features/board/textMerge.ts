// The conflict dialog's "merge": a three-way merge of the text both writers started from (base), the
// local draft (mine) and what the other writer saved (theirs). node-diff3 (the diff3 algorithm, as
// `git merge-file` does it) is used because it is a real three-way merge that says where both sides
// changed the same span; diff-match-patch only patches two ways, fuzzily, and would silently drop or
// misplace one side's change in that case. https://github.com/bhousel/node-diff3
import { diff3Merge } from 'node-diff3';

/**
 * The units the merge compares: a Han character each (Chinese has no spaces between words), a run of
 * other letters and digits, a run of white space, or one other character. Finer than lines, so that
 * two people changing different sentences of one paragraph both keep their change.
 */
export function mergeTokens(text: string): string[] {
  return text.match(/[\u3400-\u9fff\uf900-\ufaff]|[\p{L}\p{N}_]+|\s+|[^\s]/gu) ?? [];
}

/** The merged text and whether both sides changed a span differently (then both are kept, mine first). */
export interface TextMerge {
  text: string;
  conflict: boolean;
}

/** Three-way merge of a text field: changes of both sides kept; where both changed the same span, mine then theirs. */
export function mergeText(base: string, mine: string, theirs: string): TextMerge {
  if (mine === theirs) return { text: mine, conflict: false };
  if (mine === base) return { text: theirs, conflict: false };
  if (theirs === base) return { text: mine, conflict: false };
  const regions = diff3Merge(mergeTokens(mine), mergeTokens(base), mergeTokens(theirs), { excludeFalseConflicts: true });
  let conflict = false;
  const parts: string[] = [];
  for (const region of regions) {
    if (region.ok) parts.push(...region.ok);
    else if (region.conflict) {
      conflict = true;
      parts.push(...region.conflict.a, ...region.conflict.b);
    }
  }
  return { text: parts.join(''), conflict };
}
