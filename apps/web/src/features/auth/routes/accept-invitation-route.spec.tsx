import { Route, Routes } from 'react-router';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import { AcceptInvitationRoute } from './accept-invitation-route';

const token = 'a'.repeat(32);

function renderInvite(search: string) {
  return renderWithProviders(
    <Routes>
      <Route path="/invite" element={<AcceptInvitationRoute />} />
      <Route path="/" element={<p>home</p>} />
    </Routes>,
    { route: `/invite${search}`, session: null },
  );
}

describe('accept an invitation', () => {
  it('previews the invitation, opens in its language, and accepts with name, password and language', async () => {
    const calls = mockFetch({
      'GET /api/auth/csrf': () => json(200, { csrfToken: 't' }),
      'POST /api/invitations/preview': () =>
        json(200, {
          email: 'new@example.org',
          role: 'VOLUNTEER',
          organisationName: 'Association Tanja Solidaire',
          networkName: 'INSP!R',
          language: 'fr',
          existingAccount: false,
        }),
      'POST /api/invitations/accept': () => json(200, volunteerSession),
    });
    renderInvite(`?token=${token}`);

    // No language chosen on this device yet: the inviter's choice (French) applies.
    expect(
      await screen.findByText('Vous êtes invité·e à rejoindre Association Tanja Solidaire (INSP!R) en tant que Bénévole.'),
    ).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText(/Votre nom/), 'Amina');
    await userEvent.type(screen.getByLabelText(/Choisissez un mot de passe/, { selector: 'input' }), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Accepter et continuer' }));
    expect(await screen.findByText('Saisissez au moins 8 caractères.')).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText(/Choisissez un mot de passe/, { selector: 'input' }), '-but-now-long');
    await userEvent.click(screen.getByRole('button', { name: 'Accepter et continuer' }));
    expect(await screen.findByText('home')).toBeInTheDocument();
    const accept = calls.find((c) => c.url === '/api/invitations/accept')!;
    expect(accept.body).toMatchObject({ token, name: 'Amina', password: 'short-but-now-long', preferredLanguage: 'fr' });
    expect(calls.find((c) => c.url === '/api/invitations/preview')!.body).toEqual({ token });
  });

  it('says when the invitation is no longer valid', async () => {
    mockFetch({
      'GET /api/auth/csrf': () => json(200, { csrfToken: 't' }),
      'POST /api/invitations/preview': () => json(410, { code: 'INVITATION_INVALID', message: 'gone', requestId: 'r' }),
    });
    renderInvite(`?token=${token}`);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('This invitation is no longer valid.'));
  });

  it('asks an existing account to sign in first, and accepts with the token alone once signed in', async () => {
    const preview = () =>
      json(200, {
        email: 'volunteer@example.org',
        role: 'ORG_LEADER',
        organisationName: 'Kondo Jigima',
        networkName: 'INSP!R',
        language: 'en',
        existingAccount: true,
      });
    mockFetch({ 'GET /api/auth/csrf': () => json(200, { csrfToken: 't' }), 'POST /api/invitations/preview': preview });
    renderInvite(`?token=${token}`);
    const signIn = await screen.findByRole('link', { name: 'Sign in to accept' });
    expect(signIn).toHaveAttribute('href', `/sign-in?next=${encodeURIComponent(`/invite?token=${token}`)}`);
    expect(screen.queryByLabelText(/password/i)).not.toBeInTheDocument();
  });

  it('accepts for the signed-in owner of the address without asking for a password', async () => {
    const calls = mockFetch({
      'POST /api/invitations/preview': () =>
        json(200, {
          email: 'volunteer@example.org',
          role: 'ORG_LEADER',
          organisationName: 'Kondo Jigima',
          networkName: 'INSP!R',
          language: 'en',
          existingAccount: true,
        }),
      'POST /api/invitations/accept': () => json(200, volunteerSession),
    });
    renderWithProviders(
      <Routes>
        <Route path="/invite" element={<AcceptInvitationRoute />} />
        <Route path="/" element={<p>home</p>} />
      </Routes>,
      { route: `/invite?token=${token}`, session: volunteerSession },
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Accept and continue' }));
    expect(await screen.findByText('home')).toBeInTheDocument();
    expect(calls.find((c) => c.url === '/api/invitations/accept')!.body).toEqual({ token });
  });
});
