import { Suspense } from 'react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AppRoutes } from '../../../app/routes';
import type { Session } from '../../../lib/session';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';

const networkId = '00000000-0000-4000-8000-0000000000b1';
const coordinator: Session = {
  ...volunteerSession,
  memberships: [],
  networkRoles: [{ networkId, networkName: 'INSP!R', role: 'COORDINATOR' }],
  primaryRole: 'COORDINATOR',
  permissions: ['profile.manage', 'directory.read', 'network.manage'],
};
const provider = {
  id: '00000000-0000-4000-8000-0000000000c1',
  networkId,
  name: 'Tangier Google',
  issuer: 'https://accounts.example.org',
  clientId: 'tadamon',
  redirectUri: 'https://tadamon.example/api/auth/oidc/callback',
  updatedAt: '2026-12-07T10:00:00.000Z',
};

function renderApp(route: string, session: Session | null) {
  return renderWithProviders(
    <Suspense fallback={null}>
      <AppRoutes />
    </Suspense>,
    { route, session },
  );
}

describe('single sign-on screens', () => {
  it('the sign-in page offers "Sign in with <name>" for each provider, as a link to the API', async () => {
    mockFetch({
      'GET /api/auth/session': () => json(401, { code: 'UNAUTHENTICATED', message: 'no', requestId: 'r' }),
      'GET /api/auth/oidc/providers': () => json(200, { items: [{ id: provider.id, name: 'Tangier Google' }] }),
    });
    renderApp('/sign-in', null);
    const link = await screen.findByRole('link', { name: 'Sign in with Tangier Google' });
    expect(link).toHaveAttribute('href', `/api/auth/oidc/${provider.id}/start`);
  });

  it('a coordinator adds a provider; a provider that cannot be reached is said so, in French', async () => {
    let saved = false;
    const calls = mockFetch({
      'GET /api/auth/session': () => json(200, coordinator),
      [`GET /api/networks/${networkId}/oidc-providers`]: () => json(200, { items: saved ? [provider] : [] }),
      [`POST /api/networks/${networkId}/oidc-providers`]: ({ body }) => {
        if ((body as { issuer: string }).issuer.includes('wrong')) {
          return json(422, { code: 'OIDC_PROVIDER_UNREACHABLE', message: 'no', requestId: 'r' });
        }
        saved = true;
        return json(201, provider);
      },
    });
    renderApp('/network/sign-in-providers', { ...coordinator, user: { ...coordinator.user, preferredLanguage: 'fr' } });
    expect(await screen.findByRole('heading', { name: 'Fournisseurs de connexion', level: 1 })).toBeInTheDocument();
    expect(await screen.findByText('Aucun fournisseur pour l’instant.')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('oidc-provider-add'));
    const form = screen.getByTestId('oidc-provider-form');
    await userEvent.type(within(form).getByLabelText(/Nom affiché/), 'Tangier Google');
    await userEvent.type(within(form).getByLabelText(/URL de l’émetteur/), 'https://wrong.example.org');
    await userEvent.type(within(form).getByLabelText(/Identifiant client/), 'tadamon');
    await userEvent.type(within(form).getByLabelText(/Secret client/), 's3cret');
    await userEvent.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('Le fournisseur est injoignable à cette URL d’émetteur.');

    await userEvent.clear(within(form).getByLabelText(/URL de l’émetteur/));
    await userEvent.type(within(form).getByLabelText(/URL de l’émetteur/), 'https://accounts.example.org');
    await userEvent.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByTestId('oidc-provider')).toHaveTextContent('Tangier Google');
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts.at(-1)!.body).toEqual({ name: 'Tangier Google', issuer: 'https://accounts.example.org', clientId: 'tadamon', clientSecret: 's3cret' });
  });
});
