import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { NetworkAdmin } from '@tadamon/shared';
import { i18n } from '../../../lib/i18n';
import { json, mockFetch, renderWithProviders } from '../../../test/render';
import { adminSession } from '../admin-test-session';
import { NetworksRoute } from './networks-route';

const network: NetworkAdmin = {
  id: '5b0f4a8e-4a57-4c1f-9c3e-2f1f8a0b6c11',
  slug: 'insp-r-demo',
  name: 'INSP!R demo network',
  description: 'Tangier volunteer organisations.',
  languages: ['fr', 'en', 'ar'],
  timeZone: 'Africa/Casablanca',
  organisationCount: 5,
  createdAt: '2026-12-01T10:00:00.000Z',
};

describe('networks, for platform admins', () => {
  it('creates a network with its languages in the chosen fallback order and its time zone', async () => {
    const calls = mockFetch({
      'GET /api/auth/csrf': () => json(200, { csrfToken: 't' }),
      'GET /api/admin/networks': () => json(200, { items: [network] }),
      'POST /api/admin/networks': ({ body }) => json(201, { ...network, ...(body as object), id: 'a0000000-0000-4000-8000-000000000001' }),
    });
    renderWithProviders(<NetworksRoute />, { session: adminSession });
    expect(await screen.findByText('Languages: Français → English → العربية')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'New network' }));
    const form = screen.getByRole('form', { name: 'New network' });
    await userEvent.type(within(form).getByLabelText(/^Name/), 'Réseau Sahel');
    await userEvent.selectOptions(within(form).getByLabelText('Add a language'), 'fr');
    await userEvent.click(within(form).getByRole('button', { name: 'Add' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Move Français up' }));
    await userEvent.selectOptions(within(form).getByLabelText(/^Time zone/), 'Africa/Bamako');
    await userEvent.click(within(form).getByRole('button', { name: 'Create the network' }));

    const sent = calls.find((c) => c.method === 'POST' && c.url.endsWith('/admin/networks'))!.body;
    expect(sent).toEqual({ name: 'Réseau Sahel', description: '', languages: ['fr', 'en'], timeZone: 'Africa/Bamako' });
  });

  it('shows a name another network already has under the name field', async () => {
    mockFetch({
      'GET /api/auth/csrf': () => json(200, { csrfToken: 't' }),
      'GET /api/admin/networks': () => json(200, { items: [network] }),
      [`PATCH /api/admin/networks/${network.id}`]: () => json(409, { code: 'CONFLICT', message: 'taken', requestId: 'r' }),
    });
    renderWithProviders(<NetworksRoute />, { session: adminSession });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit INSP!R demo network' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByLabelText(/^Name/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('reads in Arabic', async () => {
    await i18n.changeLanguage('ar');
    await i18n.loadNamespaces('admin');
    mockFetch({ 'GET /api/admin/networks': () => json(200, { items: [network] }) });
    // The session's own language wins over the one shown before sign-in.
    const arabicAdmin = { ...adminSession, user: { ...adminSession.user, preferredLanguage: 'ar' as const } };
    renderWithProviders(<NetworksRoute />, { session: arabicAdmin });
    expect(await screen.findByRole('heading', { name: 'الشبكات', level: 1 })).toBeInTheDocument();
    expect(await screen.findByText('المنطقة الزمنية: \u2068Africa/Casablanca\u2069')).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
  });
});
