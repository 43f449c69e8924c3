import { Suspense } from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../test/render';
import { AppRoutes } from './routes';

function renderApp(route: string) {
  return renderWithProviders(
    <Suspense fallback={null}>
      <AppRoutes />
    </Suspense>,
    { route },
  );
}

const organisation = {
  id: volunteerSession.memberships[0]!.organisationId,
  networkId: volunteerSession.memberships[0]!.networkId,
  name: 'Association Tanja Solidaire',
  type: 'NGO',
  country: 'MA',
  city: 'Tangier',
  languages: ['ar', 'fr'],
  networkName: 'INSP!R',
  description: '',
  website: null,
  contactEmail: null,
  phone: null,
  logoUrl: null,
  memberCount: 12,
  leaders: [{ name: 'Youssef' }],
};

describe('routes', () => {
  it('sends a signed-out visitor to the sign-in page (401 on /auth/session means signed out)', async () => {
    mockFetch({
      'GET /api/auth/session': () => json(401, { code: 'UNAUTHENTICATED', message: 'no', requestId: 'r' }),
    });
    renderApp('/profile');
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Language' })).toBeInTheDocument();
  });

  it('shows the volunteer home with their certificates, then signs out', async () => {
    const calls = mockFetch({
      'GET /api/auth/session': () => json(200, volunteerSession),
      [`GET /api/organisations/${organisation.id}`]: () => json(200, organisation),
      'GET /api/me/certificates': () => json(200, { items: [] }),
      'POST /api/auth/sign-out': () => json(204, null),
    });
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'Welcome, Amina Volunteer' })).toBeInTheDocument();
    expect(screen.getByRole('banner')).toHaveTextContent('Tadamon');
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toBeInTheDocument();

    const certificates = screen.getByRole('region', { name: 'My certificates' });
    expect(await within(certificates).findByText('You hold 0 valid certificates.')).toBeInTheDocument();
    expect(screen.queryByText('Coming soon')).not.toBeInTheDocument();
    expect(await screen.findByText('Tangier, Morocco')).toBeInTheDocument();

    await userEvent.click(screen.getByTestId('user-menu'));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    const signOut = calls.find((c) => c.url === '/api/auth/sign-out')!;
    expect(signOut.headers.get('x-csrf-token')).toBe('csrf-from-session');
  });

  it("opens in the profile's language after sign-in", async () => {
    mockFetch({
      'GET /api/auth/session': () => json(200, { ...volunteerSession, user: { ...volunteerSession.user, preferredLanguage: 'ar' } }),
      [`GET /api/organisations/${organisation.id}`]: () => json(200, organisation),
    });
    renderApp('/');
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(await screen.findByRole('heading', { name: 'مرحبًا، \u2068Amina Volunteer\u2069' })).toBeInTheDocument();
    expect(await screen.findByText(/طنجة|Tangier/)).toBeInTheDocument();
  });

  it('keeps a language picked on the sign-in page and saves it to the profile', async () => {
    const calls = mockFetch({
      'GET /api/auth/session': () => json(401, { code: 'UNAUTHENTICATED', message: 'no', requestId: 'r' }),
      'GET /api/auth/csrf': () => json(200, { csrfToken: 'pre' }),
      'POST /api/auth/sign-in': () => json(200, volunteerSession),
      'PATCH /api/me/profile': () => json(200, { ...volunteerSession.user, preferredLanguage: 'ar' }),
      [`GET /api/organisations/${organisation.id}`]: () => json(200, organisation),
    });
    renderApp('/sign-in');
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Language' }), 'ar');
    await userEvent.type(await screen.findByLabelText(/البريد الإلكتروني/), 'volunteer@example.org');
    await userEvent.type(screen.getByLabelText(/كلمة المرور/, { selector: 'input' }), 'tadamon-demo');
    await userEvent.click(screen.getByRole('button', { name: 'تسجيل الدخول' }));

    expect(await screen.findByRole('heading', { name: 'مرحبًا، \u2068Amina Volunteer\u2069' })).toBeInTheDocument();
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ preferredLanguage: 'ar' }));
    expect(document.documentElement.dir).toBe('rtl');
  });
});
