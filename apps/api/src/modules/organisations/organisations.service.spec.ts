import { describe, expect, it } from 'vitest';
import { changedFields } from './organisations.service.js';

describe('changedFields', () => {
  const current = {
    name: 'Org A',
    city: 'Tangier',
    languages: ['fr', 'ar'],
    description: 'Old text',
    website: null,
  };

  it('keeps only what actually changes, so the audit log shows real edits', () => {
    const { data, changes } = changedFields(current, {
      name: 'Org A',
      city: 'Tétouan',
      languages: ['fr', 'ar'],
      website: 'https://example.org',
    });
    expect(data).toEqual({ city: 'Tétouan', website: 'https://example.org' });
    expect(changes).toEqual({
      city: { from: 'Tangier', to: 'Tétouan' },
      website: { from: null, to: 'https://example.org' },
    });
  });

  it('records that a long description changed without copying it', () => {
    expect(changedFields(current, { description: 'New text' }).changes).toEqual({ description: { changed: true } });
  });

  it('treats clearing a field (null) as a change', () => {
    expect(changedFields({ phone: '+212 5' }, { phone: null }).data).toEqual({ phone: null });
  });
});
