import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders } from '../../../test/render';
import { PhoneResetRoute } from './phone-reset-route';

describe('resetting a password with a code by SMS', () => {
  it('asks for the number, then the code and a new password', async () => {
    const calls = mockFetch({
      'GET /api/auth/csrf': () => json(200, { csrfToken: 'pre-sign-in-token' }),
      'POST /api/auth/password-reset/sms/request': () => new Response(null, { status: 202 }),
      'POST /api/auth/password-reset/sms/confirm': () => new Response(null, { status: 204 }),
    });
    renderWithProviders(<PhoneResetRoute />, { session: null });
    await userEvent.type(screen.getByLabelText(/Phone number/), '+212 612-345-678');
    await userEvent.click(screen.getByRole('button', { name: 'Send the code' }));
    expect(await screen.findByRole('status')).toHaveTextContent('+212612345678');
    await userEvent.type(screen.getByLabelText(/Code from the SMS/), '482913');
    await userEvent.type(screen.getByLabelText(/New password/), 'Tangier-Harbour-Lights-7');
    await userEvent.click(screen.getByRole('button', { name: 'Save the new password' }));
    expect(await screen.findByText('Your password has been changed. You can now sign in.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST').map((c) => [c.url, c.body])).toEqual([
      ['/api/auth/password-reset/sms/request', { phone: '+212612345678' }],
      ['/api/auth/password-reset/sms/confirm', { phone: '+212612345678', code: '482913', password: 'Tangier-Harbour-Lights-7' }],
    ]);
  });

  it('refuses a number without country code before sending, and explains a wrong code', async () => {
    const calls = mockFetch({
      'GET /api/auth/csrf': () => json(200, { csrfToken: 'pre-sign-in-token' }),
      'POST /api/auth/password-reset/sms/request': () => new Response(null, { status: 202 }),
      'POST /api/auth/password-reset/sms/confirm': () =>
        json(410, { code: 'PHONE_CODE_INVALID', message: 'wrong', requestId: 'r' }),
    });
    renderWithProviders(<PhoneResetRoute />, { session: null });
    await userEvent.type(screen.getByLabelText(/Phone number/), '0612345678');
    await userEvent.click(screen.getByRole('button', { name: 'Send the code' }));
    expect(await screen.findByText(/Enter the number with its country code/)).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await userEvent.clear(screen.getByLabelText(/Phone number/));
    await userEvent.type(screen.getByLabelText(/Phone number/), '+22370123456');
    await userEvent.click(screen.getByRole('button', { name: 'Send the code' }));
    await userEvent.type(await screen.findByLabelText(/Code from the SMS/), '000000');
    await userEvent.type(screen.getByLabelText(/New password/), 'Tangier-Harbour-Lights-7');
    await userEvent.click(screen.getByRole('button', { name: 'Save the new password' }));
    expect(await screen.findByText('This code is wrong or no longer valid. Ask for a new one.')).toBeInTheDocument();
  });
});
