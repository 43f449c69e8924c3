import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import { CoordinatorHome } from './coordinator-home';

const networkId = '5b0f4a8e-4a57-4c1f-9c3e-2f1f8a0b6c11';
const coordinatorSession = { ...volunteerSession, primaryRole: 'COORDINATOR' as const, memberships: [] };

describe('coordinator home', () => {
  it('shows the network’s organisations by country from the stats, and loads the invite picker on demand', async () => {
    const calls = mockFetch({
      'GET /api/networks': () =>
        json(200, { items: [{ id: networkId, slug: 'n', name: 'INSP!R demo network', description: '', organisationCount: 5 }] }),
      [`GET /api/networks/${networkId}/stats`]: () =>
        json(200, {
          networkId,
          organisationCount: 5,
          memberCount: 12,
          byCountry: [
            { country: 'BE', organisations: 1 },
            { country: 'MA', organisations: 2 },
            { country: 'ML', organisations: 2 },
          ],
          byType: [],
        }),
      'GET /api/directory': () =>
        json(200, { items: [{ id: crypto.randomUUID(), networkId, name: 'Kondo Jigima', type: 'COOPERATIVE', country: 'ML', city: 'Bamako', languages: [] }], nextCursor: null }),
    });
    renderWithProviders(<CoordinatorHome />, { session: coordinatorSession });

    expect(await screen.findByText('12 active members')).toBeInTheDocument();
    const table = screen.getByRole('table');
    expect(within(table).getByRole('link', { name: 'Morocco' })).toHaveAttribute('href', `/directory?networkId=${networkId}&country=MA`);
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(calls.some((c) => c.url.startsWith('/api/directory'))).toBe(false);

    await userEvent.click(screen.getByRole('button', { name: 'Invite a leader' }));
    expect(await screen.findByRole('option', { name: 'Kondo Jigima' })).toBeInTheDocument();
  });
});
