/**
 * Turns what a person types into a PostgreSQL tsquery with every word as a prefix, so
 * "safeguard adu" finds "Safeguarding Adults": to_tsquery stems each word and `:*` matches
 * longer forms. Only letters and digits reach the query, so its syntax cannot be injected.
 */
export function prefixTsQuery(text: string): string | null {
  const words = text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const unique = [...new Set(words)].slice(0, 12);
  return unique.length ? unique.map((word) => `${word}:*`).join(' & ') : null;
}
