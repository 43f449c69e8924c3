/**
 * A title as an ASCII file name stem for Content-Disposition and downloads: accents dropped,
 * anything else between words a hyphen, at most 60 characters; `fallback` when nothing is left
 * (an Arabic title, say).
 */
export function fileNameStem(title: string, fallback: string): string {
  // NFKD splits "é" into "e" and a combining accent; the accent goes, not into a hyphen.
  return title.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || fallback;
}
