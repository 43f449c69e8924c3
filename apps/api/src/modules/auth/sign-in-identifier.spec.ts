import { describe, expect, it } from 'vitest';
import { classifyIdentifier } from './sign-in-identifier.js';

describe('what the sign-in box holds', () => {
  it('an e-mail address, lower-cased', () => {
    expect(classifyIdentifier(' Salma@Example.ORG ', ['MA'])).toEqual({ kind: 'email', keys: ['salma@example.org'] });
  });
  it('an international number, in E.164 whatever the spacing', () => {
    for (const typed of ['+212 6 61 23 45 67', '+212661234567', '00212 661 23 45 67']) {
      expect(classifyIdentifier(typed, ['MA']).keys, typed).toEqual(['+212661234567']);
    }
  });
  it('a national number, read in each country with organisations', () => {
    expect(classifyIdentifier('06 61 23 45 67', ['MA', 'FR'])).toEqual({ kind: 'phone', keys: ['+212661234567', '+33661234567'] });
    expect(classifyIdentifier('76 12 34 56', ['MA', 'ML'])).toEqual({ kind: 'phone', keys: ['+22376123456'] });
  });
  it('a username otherwise, lower-cased', () => {
    expect(classifyIdentifier('Moussa.K', ['MA'])).toEqual({ kind: 'username', keys: ['moussa.k'] });
  });
});
