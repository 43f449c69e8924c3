import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { NetworkAdmin } from '@tadamon/shared';
import { json, mockFetch, renderWithProviders } from '../../../test/render';
import { adminSession } from '../admin-test-session';
import { NewOrganisationRoute } from './new-organisation-route';

const network: NetworkAdmin = {
  id: '5b0f4a8e-4a57-4c1f-9c3e-2f1f8a0b6c11',
  slug: 'insp-r-demo',
  name: 'INSP!R demo network',
  description: '',
  languages: ['fr'],
  timeZone: 'Africa/Casablanca',
  organisationCount: 5,
  createdAt: '2026-12-01T10:00:00.000Z',
};
const organisationId = '0b7c2a1e-5d7a-4a51-a0f0-6a3c9d2e8f10';

async function fillIn() {
  await userEvent.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Coopérative Tissage Chefchaouen');
  await userEvent.selectOptions(screen.getByRole('combobox', { name: /^Type/ }), 'COOPERATIVE');
  await userEvent.selectOptions(screen.getByRole('combobox', { name: /^Country/ }), 'MA');
  await userEvent.type(screen.getByRole('textbox', { name: /Leader's e-mail address/ }), 'Leader@Chefchaouen.example.org');
}

describe('a new organisation and its first leader', () => {
  it('creates the organisation in the chosen network, then invites the leader to lead it', async () => {
    const calls = mockFetch({
      'GET /api/auth/csrf': () => json(200, { csrfToken: 't' }),
      'GET /api/admin/networks': () => json(200, { items: [network] }),
      'POST /api/organisations': ({ body }) => json(201, { ...(body as object), id: organisationId, name: 'Coopérative Tissage Chefchaouen' }),
      'POST /api/invitations': () => json(201, {}),
    });
    renderWithProviders(<NewOrganisationRoute />, { session: adminSession, route: `/admin/organisations/new?network=${network.id}` });
    await fillIn();
    await userEvent.click(screen.getByRole('button', { name: 'Create and invite' }));

    expect(await screen.findByText('An invitation has been sent to leader@chefchaouen.example.org.')).toBeInTheDocument();
    const created = calls.find((c) => c.url.endsWith('/api/organisations'))!.body;
    expect(created).toMatchObject({ networkId: network.id, name: 'Coopérative Tissage Chefchaouen', type: 'COOPERATIVE', country: 'MA' });
    expect(created).not.toHaveProperty('leaderEmail');
    const invitation = calls.find((c) => c.url.endsWith('/api/invitations'))!.body;
    expect(invitation).toEqual({ organisationId, email: 'leader@chefchaouen.example.org', language: 'en', role: 'ORG_LEADER' });
  });

  it('keeps the organisation when the invitation fails, and sends only the invitation again', async () => {
    let attempts = 0;
    const calls = mockFetch({
      'GET /api/auth/csrf': () => json(200, { csrfToken: 't' }),
      'GET /api/admin/networks': () => json(200, { items: [network] }),
      'POST /api/organisations': ({ body }) => json(201, { ...(body as object), id: organisationId, name: 'Coopérative Tissage Chefchaouen' }),
      'POST /api/invitations': () => (++attempts === 1 ? json(409, { code: 'ALREADY_MEMBER', message: 'x', requestId: 'r' }) : json(201, {})),
    });
    renderWithProviders(<NewOrganisationRoute />, { session: adminSession, route: '/admin/organisations/new' });
    await fillIn();
    await userEvent.click(screen.getByRole('button', { name: 'Create and invite' }));
    expect(await screen.findByText(/has been created, but the invitation was not sent/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Leader's e-mail address/ })).toHaveAttribute('aria-invalid', 'true');

    await userEvent.click(screen.getByRole('button', { name: 'Send the invitation' }));
    expect(await screen.findByText(/An invitation has been sent/)).toBeInTheDocument();
    expect(calls.filter((c) => c.url.endsWith('/api/organisations'))).toHaveLength(1);
    expect(calls.filter((c) => c.url.endsWith('/api/invitations'))).toHaveLength(2);
  });
});
