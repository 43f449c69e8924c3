import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import { AccreditationRoute } from './accreditation-route';

const networkId = '00000000-0000-4000-8000-0000000000b1';
const framework = (n: number, status: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED', title: string) => ({
  id: `00000000-0000-4000-8000-00000000f00${n}`,
  networkId,
  status,
  titles: { en: title },
  descriptions: {},
  validityMonths: 36,
  criteriaCount: 4,
  publishedAt: status === 'DRAFT' ? null : '2026-10-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
});
const coordinator = {
  ...volunteerSession,
  memberships: [],
  networkRoles: [{ networkId, networkName: 'INSP!R', role: 'COORDINATOR' as const }],
  primaryRole: 'COORDINATOR' as const,
};

describe('the coordinator’s accreditation area', () => {
  it('keeps draft frameworks apart from published ones', async () => {
    mockFetch({
      [`GET /api/networks/${networkId}/accreditation-frameworks`]: () =>
        json(200, { items: [framework(1, 'DRAFT', 'Youth work 2027'), framework(2, 'PUBLISHED', 'Volunteer support'), framework(3, 'PUBLISHED', 'Financial care')] }),
      [`GET /api/networks/${networkId}/accreditation-assessments`]: () => json(200, { items: [] }),
    });
    renderWithProviders(<AccreditationRoute />, { session: coordinator as never });
    const published = await screen.findByTestId('frameworks-PUBLISHED');
    expect(within(published).getByRole('heading')).toHaveTextContent('Published (2)');
    expect(within(published).getAllByRole('link').map((a) => a.textContent)).toEqual(['Volunteer support', 'Financial care']);
    const drafts = screen.getByTestId('frameworks-DRAFT');
    expect(within(drafts).getByRole('heading')).toHaveTextContent('Drafts, not yet used (1)');
    expect(within(drafts).getByRole('link')).toHaveTextContent('Youth work 2027');
    expect(screen.queryByTestId('frameworks-ARCHIVED')).toBeNull();
  });
});
