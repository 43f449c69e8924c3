import { describe, expect, it } from 'vitest';
import { wordDiff } from './document-diff.js';

describe('wordDiff', () => {
  it('marks changed words, not whole lines', () => {
    expect(wordDiff('We call on the minister to act.', 'We call on the government to act now.')).toEqual([
      { kind: 'same', text: 'We call on the ' },
      { kind: 'removed', text: 'minister' },
      { kind: 'added', text: 'government' },
      { kind: 'same', text: ' to act' },
      { kind: 'added', text: ' now' },
      { kind: 'same', text: '.' },
    ]);
  });

  it('handles Arabic words', () => {
    const parts = wordDiff('نطالب الحكومة', 'نطالب البرلمان');
    expect(parts.filter((p) => p.kind !== 'same').map((p) => p.text)).toEqual(['الحكومة', 'البرلمان']);
  });

  it('rebuilds both texts from the parts', () => {
    const before = 'one two\n\nthree';
    const after = 'one 2\n\nthree four';
    const parts = wordDiff(before, after);
    expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe(before);
    expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe(after);
  });
});
