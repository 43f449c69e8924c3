import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import { MembersRoute } from './members-route';

const orgId = '00000000-0000-4000-8000-0000000000a1';
const leaderSession = {
  ...volunteerSession,
  user: { ...volunteerSession.user, name: 'Karim Leader' },
  memberships: [{ ...volunteerSession.memberships[0]!, role: 'ORG_LEADER' as const }],
  primaryRole: 'ORG_LEADER' as const,
  permissions: [...volunteerSession.permissions, 'members.read', 'members.inviteVolunteer', 'members.changeRole', 'members.remove'] as typeof volunteerSession.permissions,
};
const organisation = {
  id: orgId, networkId: '00000000-0000-4000-8000-0000000000b1', name: 'Association Tanja Solidaire', type: 'NGO', country: 'MA',
  city: 'Tangier', languages: ['ar'], accreditedUntil: null, networkName: 'INSP!R', description: '', website: null,
  contactEmail: null, phone: null, logoUrl: null, memberCount: 2, leaders: [{ name: 'Karim Leader' }],
};
const member = (over: Record<string, unknown>) => ({
  membershipId: '00000000-0000-4000-8000-000000000c01', userId: '00000000-0000-4000-8000-000000000d01', name: 'Someone',
  email: null, phone: null, username: null, role: 'VOLUNTEER', joinedAt: '2026-11-01T10:00:00.000Z', disabled: false, ...over,
});
const phoneOnly = member({ name: 'Fatima Zahra', phone: '+212661234567' });
const withEmail = member({ membershipId: '00000000-0000-4000-8000-000000000c02', userId: '00000000-0000-4000-8000-000000000d02', name: 'Salma', email: 'salma@example.org' });
const slip = (code: string, name: string) => ({
  code, expiresAt: '2026-12-14T10:00:00.000Z', userId: '00000000-0000-4000-8000-000000000d09', name, phone: null,
  username: 'moussa.k', organisationName: 'Association Tanja Solidaire', preferredLanguage: 'fr',
});

function renderMembers(session = leaderSession) {
  return renderWithProviders(
    <Routes>
      <Route path="/organisations/:id/members" element={<MembersRoute />} />
    </Routes>,
    { route: `/organisations/${orgId}/members`, session },
  );
}

const baseRoutes = {
  'GET /api/auth/csrf': () => json(200, { csrfToken: 't' }),
  [`GET /api/organisations/${orgId}`]: () => json(200, organisation),
  [`GET /api/organisations/${orgId}/members`]: () => json(200, { items: [phoneOnly, withEmail] }),
  [`GET /api/organisations/${orgId}/invitations`]: () => json(200, { items: [] }),
};

describe('members of an organisation, with people without e-mail', () => {
  it('shows the phone number where there is no e-mail, and a new setup code only for them', async () => {
    mockFetch(baseRoutes);
    renderMembers();
    const table = await screen.findByTestId('members-table');
    expect(within(table).getByText('+212661234567')).toBeInTheDocument();
    expect(within(table).getByText('salma@example.org')).toBeInTheDocument();
    expect(within(table).getAllByRole('button', { name: /^New setup code for/ })).toHaveLength(1);
    expect(within(table).getByRole('button', { name: 'New setup code for Fatima Zahra' })).toBeInTheDocument();
  });

  it('creates a volunteer with a username and shows the code once, as a printable slip', async () => {
    const calls = mockFetch({
      ...baseRoutes,
      [`POST /api/organisations/${orgId}/volunteer-accounts`]: () =>
        json(201, { member: member({ name: 'Moussa', username: 'moussa.k' }), setupCode: slip('ABCD-EFGH-JKMN', 'Moussa') }),
    });
    renderMembers();
    await userEvent.click(await screen.findByTestId('add-without-email'));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/^Name/), 'Moussa');
    await userEvent.type(within(dialog).getByLabelText(/^Username/), 'Moussa.K');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create the account' }));

    const slips = await screen.findByTestId('setup-slips');
    expect(within(slips).getByTestId('setup-slip-code')).toHaveTextContent('ABCD-EFGH-JKMN');
    expect(within(slips).getByText('moussa.k')).toBeInTheDocument();
    expect(within(slips).getByRole('button', { name: 'Print the slips' })).toBeInTheDocument();
    const body = calls.find((c) => c.url.endsWith('/volunteer-accounts'))!.body;
    expect(body).toEqual({ name: 'Moussa', username: 'moussa.k', preferredLanguage: 'en' });

    await userEvent.click(within(slips).getByRole('button', { name: 'Done, hide the codes' }));
    expect(screen.queryByTestId('setup-slips')).not.toBeInTheDocument();
  });

  it('puts PHONE_INVALID on the phone field, in French', async () => {
    await i18n.changeLanguage('fr');
    const french = { ...leaderSession, user: { ...leaderSession.user, preferredLanguage: 'fr' as const } };
    mockFetch({
      ...baseRoutes,
      [`POST /api/organisations/${orgId}/volunteer-accounts`]: () =>
        json(400, { code: 'PHONE_INVALID', message: 'x', requestId: 'r', details: { fields: { phone: [{ code: 'invalid_phone', message: 'x' }] } } }),
    });
    renderMembers(french);
    await userEvent.click(await screen.findByTestId('add-without-email'));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/^Nom$|^Nom \*/), 'Awa');
    await userEvent.type(within(dialog).getByLabelText(/^Numéro de téléphone/), '12');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Créer le compte' }));
    await waitFor(() => expect(within(dialog).getByLabelText(/^Numéro de téléphone/)).toHaveAttribute('aria-invalid', 'true'));
  });

  it('issues a new code after confirmation and adds it to the slips', async () => {
    mockFetch({
      ...baseRoutes,
      [`POST /api/organisations/${orgId}/members/${phoneOnly.membershipId}/setup-code`]: () => json(201, slip('PQRS-TUVW-XYZ2', 'Fatima Zahra')),
    });
    renderMembers();
    await userEvent.click(await screen.findByRole('button', { name: 'New setup code for Fatima Zahra' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Any earlier code stops working');
    await userEvent.click(within(dialog).getByRole('button', { name: 'New setup code' }));
    expect(await screen.findByTestId('setup-slip-code')).toHaveTextContent('PQRS-TUVW-XYZ2');
  });
});
