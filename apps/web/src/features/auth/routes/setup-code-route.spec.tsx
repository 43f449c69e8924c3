import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import { SetupCodeRoute } from './setup-code-route';

const preview = { name: 'Fatima Zahra', organisationName: 'Al Amal', signInName: '+212661234567', preferredLanguage: 'fr' };

async function enterCode(code = 'abcd efgh jkmn') {
  await userEvent.type(await screen.findByLabelText(/^Setup code/), code);
  await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
}

describe('SetupCodeRoute', () => {
  it('shows whose code it is, then sets a PIN on a shared phone and signs in', async () => {
    const calls = mockFetch({
      'GET /api/auth/csrf': () => json(200, { csrfToken: 't' }),
      'POST /api/auth/setup-code/preview': () => json(200, preview),
      'POST /api/auth/setup-code/redeem': () => json(200, { ...volunteerSession, sharedDevice: true }),
    });
    const { queryClient } = renderWithProviders(<SetupCodeRoute />, { session: null, route: '/setup-code' });
    await enterCode();
    expect(await screen.findByTestId('setup-welcome')).toHaveTextContent('Welcome, Fatima Zahra (Al Amal).');
    expect(screen.getByText('+212661234567')).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText(/^Choose a 6-digit PIN/, { selector: 'input' }), '583920');
    await userEvent.type(screen.getByLabelText(/^The same PIN again/, { selector: 'input' }), '583920');
    await userEvent.click(screen.getByRole('checkbox', { name: /This is a shared phone/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Save and sign in' }));

    await waitFor(() => expect(queryClient.getQueryData(['session'])).toMatchObject({ sharedDevice: true }));
    expect(calls.find((c) => c.url === '/api/auth/setup-code/redeem')!.body).toEqual({
      code: 'abcd efgh jkmn',
      pin: '583920',
      sharedDevice: true,
    });
  });

  it('checks the PIN before sending it, and shows the server refusing a weak one', async () => {
    const calls = mockFetch({
      'GET /api/auth/csrf': () => json(200, { csrfToken: 't' }),
      'POST /api/auth/setup-code/preview': () => json(200, preview),
      'POST /api/auth/setup-code/redeem': () => json(400, { code: 'PIN_TOO_WEAK', message: 'weak', requestId: 'r' }),
    });
    renderWithProviders(<SetupCodeRoute />, { session: null, route: '/setup-code' });
    await enterCode();
    const pin = await screen.findByLabelText(/^Choose a 6-digit PIN/, { selector: 'input' });
    await userEvent.type(pin, '12345');
    await userEvent.type(screen.getByLabelText(/^The same PIN again/, { selector: 'input' }), '12345');
    await userEvent.click(screen.getByRole('button', { name: 'Save and sign in' }));
    expect(await screen.findByText('A PIN is exactly 6 digits.')).toBeInTheDocument();
    expect(calls.some((c) => c.url === '/api/auth/setup-code/redeem')).toBe(false);

    await userEvent.clear(pin);
    await userEvent.type(pin, '123456');
    await userEvent.clear(screen.getByLabelText(/^The same PIN again/, { selector: 'input' }));
    await userEvent.type(screen.getByLabelText(/^The same PIN again/, { selector: 'input' }), '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Save and sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/too easy to guess/);
  });

  it('explains an expired or used code, in Arabic', async () => {
    await i18n.changeLanguage('ar');
    mockFetch({
      'GET /api/auth/csrf': () => json(200, { csrfToken: 't' }),
      'POST /api/auth/setup-code/preview': () => json(410, { code: 'SETUP_CODE_INVALID', message: 'x', requestId: 'r' }),
    });
    renderWithProviders(<SetupCodeRoute />, { session: null, route: '/setup-code' });
    await userEvent.type(await screen.findByLabelText(/^رمز التفعيل/), 'ABCD-EFGH-JKMN');
    await userEvent.click(screen.getByRole('button', { name: 'متابعة' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('رمز التفعيل هذا غير صالح');
  });
});
