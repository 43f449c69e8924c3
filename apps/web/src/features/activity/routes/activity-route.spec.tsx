import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import { ActivityRoute } from './activity-route';

const event = (id: number, action: string, actorName: string | null, subjectName: string | null) => ({
  id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
  at: '2026-11-26T10:00:00.000Z',
  action,
  actorName,
  subjectName,
  ip: '127.0.0.1',
  details: {},
});

describe('activity log', () => {
  it('tells what happened in sentences, and pages to older events', async () => {
    mockFetch({
      'GET /api/audit': ({ url }) =>
        url.includes('cursor=')
          ? json(200, { items: [event(3, 'membership.removed', 'Karim Leader', 'Salma Volunteer')], nextCursor: null })
          : json(200, {
              items: [
                event(1, 'membership.role_changed', 'Karim Leader', 'Salma Volunteer'),
                event(2, 'auth.sign_in_failed', null, 'Salma Volunteer'),
                event(4, 'meeting.future_action', 'Karim Leader', null),
              ],
              nextCursor: 'next-page',
            }),
    });
    renderWithProviders(<ActivityRoute />, { session: volunteerSession });
    expect(await screen.findByText('Karim Leader changed the role of Salma Volunteer')).toBeInTheDocument();
    expect(screen.getByText('A sign-in failed for Salma Volunteer')).toBeInTheDocument();
    // An action this screen does not know yet is still shown, by its code.
    expect(screen.getByText('meeting.future_action')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show older activity' }));
    expect(await screen.findByText('Karim Leader removed Salma Volunteer')).toBeInTheDocument();
  });
});
