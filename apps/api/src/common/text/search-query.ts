/** Search-query helpers shared by the library and the course catalogue (PostgreSQL full-text search). */

/**
 * Each word the person typed, as a prefix ("organis" finds "organising"), all required.
 * Letters, digits and combining marks only, so nothing can break the tsquery syntax.
 */
export function prefixQuery(text: string): string | undefined {
  const words = text.normalize('NFC').match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  if (words.length === 0) return undefined;
  return words.slice(0, 8).map((word) => `${word}:*`).join(' & ');
}
