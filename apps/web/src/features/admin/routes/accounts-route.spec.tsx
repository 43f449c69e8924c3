import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '@tadamon/shared';
import { json, mockFetch, renderWithProviders } from '../../../test/render';
import { adminSession } from '../admin-test-session';
import { AccountsRoute } from './accounts-route';

const salma: AccountSummary = {
  id: '00000000-0000-4000-8000-0000000000c1',
  name: 'Salma Volunteer',
  email: 'volunteer@example.org',
  phone: null,
  username: null,
  isPlatformAdmin: false,
  disabled: false,
  createdAt: '2026-12-01T10:00:00.000Z',
  memberships: [{ organisationName: 'Association Al Amal Tanger', role: 'VOLUNTEER' }],
  coordinatorOf: [],
};
const fatima: AccountSummary = { ...salma, id: '00000000-0000-4000-8000-0000000000c2', name: 'Fatima Zahra', email: null, phone: '+212661000777', disabled: true };

describe('accounts, for platform admins', () => {
  it('searches, asks before disabling, then disables; a disabled account can be enabled in one click', async () => {
    let salmaDisabled = false;
    const calls = mockFetch({
      'GET /api/auth/csrf': () => json(200, { csrfToken: 't' }),
      'GET /api/admin/accounts': () => json(200, { items: [{ ...salma, disabled: salmaDisabled }, fatima], more: false }),
      [`POST /api/accounts/${salma.id}/disable`]: () => {
        salmaDisabled = true;
        return json(204, null);
      },
      [`POST /api/accounts/${fatima.id}/enable`]: () => json(204, null),
    });
    renderWithProviders(<AccountsRoute />, { session: adminSession });
    await userEvent.type(await screen.findByRole('textbox', { name: /Find an account/ }), 'tanger');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(calls.some((c) => c.url.includes('/api/admin/accounts?q=tanger'))).toBe(true);
    expect(await screen.findAllByText('Volunteer, Association Al Amal Tanger')).toHaveLength(2);
    expect(screen.getByText('+212661000777')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Disable the account of Salma Volunteer' }));
    const dialog = await screen.findByRole('dialog', { name: 'Disable the account of Salma Volunteer?' });
    expect(calls.some((c) => c.url.endsWith('/disable'))).toBe(false);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Disable' }));
    expect(await screen.findByRole('button', { name: 'Enable the account of Salma Volunteer' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Enable the account of Fatima Zahra' }));
    expect(calls.some((c) => c.method === 'POST' && c.url.endsWith(`/accounts/${fatima.id}/enable`))).toBe(true);
  });

  it('offers no button to disable one’s own account', async () => {
    const me = { ...salma, id: adminSession.user.id, name: 'Youssef Administrateur', isPlatformAdmin: true, memberships: [] };
    mockFetch({ 'GET /api/admin/accounts': () => json(200, { items: [me], more: true }) });
    renderWithProviders(<AccountsRoute />, { session: adminSession });
    expect(await screen.findByText('Youssef Administrateur')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Disable the account/ })).toBeNull();
    expect(screen.getByText(/Only the 50 most recent matches/)).toBeInTheDocument();
  });
});
