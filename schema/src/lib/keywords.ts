// Keyword search over Chinese text: substring terms and LIKE patterns that match literally.

/** At most this many terms per query: each is one LIKE over the text, and more add cost, not precision. */
export const MAX_KEYWORD_TERMS = 8;

/** Unicode NFKC normalisation, as every text comparison here uses it. */
export function normalizeText(s: string): string {
  // NFKC folds full-width letters, digits and the ideographic space (U+3000) that Chinese IMEs produce
  return s.normalize('NFKC');
}

/**
 * Splits a search query into terms. Chinese has no spaces, so a whitespace- or punctuation-separated
 * chunk is one substring term (房屋漏雨 matches …顶层房屋漏雨严重…); search is substring match — every
 * term must occur (AND), via SQL `LIKE` / PostgreSQL `ILIKE` with `escapeLike` — not word or full-text
 * search, which would need a Chinese segmenter. Terms are lower-cased (compare against lower(column) on
 * SQLite, whose LIKE folds ASCII only), deduplicated, and a term contained in another is dropped since
 * under AND it adds nothing.
 */
export function keywordTerms(query: string): string[] {
  const chunks = normalizeText(query)
    .toLowerCase()
    .split(/[\s,.;:!?，。、；：！？"'“”‘’《》「」()（）]+/u)
    .filter((t) => t.length > 0);
  const unique = [...new Set(chunks)];
  return unique.filter((t) => !unique.some((other) => other !== t && other.includes(t))).slice(0, MAX_KEYWORD_TERMS);
}

/**
 * Escapes LIKE wildcards so a term matches literally; use with `ESCAPE '\'` in the SQL (SQLite has no
 * default escape character, so the clause is required there and harmless on PostgreSQL).
 */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The LIKE pattern for a substring match of one term: `%term%`, escaped. */
export function likePattern(term: string): string {
  return `%${escapeLike(term)}%`;
}
