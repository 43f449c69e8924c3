import { describe, expect, it } from 'vitest';
import { containsPattern, likeContains, prefixQuery } from './search-query.js';

describe('prefixQuery', () => {
  it('turns words into required prefixes and drops anything that is tsquery syntax', () => {
    expect(prefixQuery('first aid')).toBe('first:* & aid:*');
    expect(prefixQuery("it's | !x & (y)")).toBe('it:* & s:* & x:* & y:*');
    expect(prefixQuery('مُعَلِّم')).toBe('مُعَلِّم:*');
    expect(prefixQuery('  !!! ')).toBeUndefined();
  });

  it('keeps at most eight words', () => {
    expect(prefixQuery('a b c d e f g h i j')?.split(' & ')).toHaveLength(8);
  });
});

describe('LIKE patterns', () => {
  it('take the user’s %, _ and \\ literally', () => {
    expect(likeContains('50%_off\\')).toBe('%50\\%\\_off\\\\%');
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });

  it('fold what was typed only when asked to', () => {
    expect(containsPattern('Meknès')).toBe('%meknes%');
    expect(likeContains('Meknès')).toBe('%Meknès%');
  });
});
