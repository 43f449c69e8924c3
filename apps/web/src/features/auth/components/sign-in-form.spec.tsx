import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import { SignInForm } from './sign-in-form';

async function fillAndSubmit(email: string, password: string) {
  await userEvent.type(await screen.findByLabelText(/^(e-mail address|adresse e-mail)/i), email);
  await userEvent.type(screen.getByLabelText(/password|mot de passe/i, { selector: 'input' }), password);
  await userEvent.click(screen.getByRole('button', { name: /sign in|se connecter/i }));
}

describe('SignInForm', () => {
  it('shows the translated INVALID_CREDENTIALS message the API answers, after fetching a CSRF token', async () => {
    const calls = mockFetch({
      'GET /api/auth/csrf': () => json(200, { csrfToken: 'pre-sign-in-token' }),
      'POST /api/auth/sign-in': () =>
        json(401, { code: 'INVALID_CREDENTIALS', message: 'Invalid credentials', requestId: 'r1' }),
    });
    renderWithProviders(<SignInForm />, { session: null });
    await fillAndSubmit('Volunteer@Example.org', 'wrong-password');

    expect(await screen.findByRole('alert')).toHaveTextContent('The e-mail address, phone number, username or password is not correct.');
    const signIn = calls.find((c) => c.url === '/api/auth/sign-in')!;
    expect(signIn.method).toBe('POST');
    expect(signIn.headers.get('x-csrf-token')).toBe('pre-sign-in-token');
    // Sent as typed (the server folds case): it may be a phone number or a username.
    expect(signIn.body).toEqual({ identifier: 'Volunteer@Example.org', password: 'wrong-password', sharedDevice: false });
  });

  it('shows the same error in French when the interface is French', async () => {
    await i18n.changeLanguage('fr');
    mockFetch({
      'GET /api/auth/csrf': () => json(200, { csrfToken: 't' }),
      'POST /api/auth/sign-in': () => json(429, { code: 'TOO_MANY_ATTEMPTS', message: 'Too many', requestId: 'r2' }),
    });
    renderWithProviders(<SignInForm />, { session: null });
    await fillAndSubmit('volunteer@example.org', 'x');
    expect(await screen.findByRole('alert')).toHaveTextContent('Trop de tentatives.');
  });

  it('validates with the shared schema before calling the API', async () => {
    const calls = mockFetch({});
    renderWithProviders(<SignInForm />, { session: null });
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
    // Neither the identifier nor the password was given.
    expect(await screen.findAllByText('This field is required.')).toHaveLength(2);
    expect(calls).toHaveLength(0);
  });

  it('puts server field errors (details.fields) on the field', async () => {
    mockFetch({
      'GET /api/auth/csrf': () => json(200, { csrfToken: 't' }),
      'POST /api/auth/sign-in': () =>
        json(400, {
          code: 'VALIDATION_FAILED',
          message: 'Validation failed',
          details: { fields: { identifier: [{ code: 'invalid_format', message: 'Invalid email' }] } },
          requestId: 'r3',
        }),
    });
    renderWithProviders(<SignInForm />, { session: null });
    await fillAndSubmit('volunteer@example.org', 'secret');
    expect(await screen.findByText('This value is not in the right format.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says so when the device is offline', async () => {
    globalThis.fetch = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    renderWithProviders(<SignInForm />, { session: null });
    await fillAndSubmit('volunteer@example.org', 'secret');
    expect(await screen.findByRole('alert')).toHaveTextContent('No connection to the server.');
  });

  it('stores the session on success', async () => {
    mockFetch({
      'GET /api/auth/csrf': () => json(200, { csrfToken: 't' }),
      'POST /api/auth/sign-in': () => json(200, volunteerSession),
    });
    const { queryClient } = renderWithProviders(<SignInForm />, { session: null });
    await fillAndSubmit('volunteer@example.org', 'tadamon-demo');
    await waitFor(() => expect(queryClient.getQueryData(['session'])).toEqual(volunteerSession));
  });

  it('signs in by phone number on a shared phone', async () => {
    const calls = mockFetch({
      'GET /api/auth/csrf': () => json(200, { csrfToken: 't' }),
      'POST /api/auth/sign-in': () => json(200, { ...volunteerSession, sharedDevice: true }),
    });
    renderWithProviders(<SignInForm />, { session: null });
    await userEvent.type(await screen.findByLabelText(/^E-mail address, phone number or username/), '06 12 34 56 78');
    await userEvent.type(screen.getByLabelText(/password/i, { selector: 'input' }), '583920');
    await userEvent.click(screen.getByRole('checkbox', { name: /This is a shared phone/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(calls.find((c) => c.url === '/api/auth/sign-in')).toBeDefined());
    expect(calls.find((c) => c.url === '/api/auth/sign-in')!.body).toEqual({
      identifier: '06 12 34 56 78',
      password: '583920',
      sharedDevice: true,
    });
  });

  it('offers the way in with a setup code', async () => {
    renderWithProviders(<SignInForm />, { session: null });
    expect(await screen.findByRole('link', { name: 'I have a setup code' })).toHaveAttribute('href', '/setup-code');
  });
});
