import { diffArrays } from 'diff';
import type { DiffPart } from '@tadamon/shared';

// Words as the Unicode word-break rules see them (spaces and punctuation are tokens of their
// own). The default tokenizer of `diff` knows only Latin letters and would cut Arabic words
// into pieces, and its whitespace folding would not give back the exact texts.
const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
const tokens = (text: string) => Array.from(segmenter.segment(text), (s) => s.segment);

/**
 * A readable word-level diff between two texts, in every language, Arabic included. Joining
 * the parts that are not `added` gives back `before` exactly; not `removed`, `after`.
 * Neighbouring parts of the same kind are merged to keep the answer small.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const change of diffArrays(tokens(before), tokens(after))) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const text = change.value.join('');
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  }
  return parts;
}
