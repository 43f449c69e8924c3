import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import { PinForm } from './pin-form';
import { TwoFactorCard } from './two-factor-card';

const newCodes = Array.from({ length: 10 }, (_, i) => `abcde-${String(10000 + i)}`);

describe('new recovery codes in the profile', () => {
  it('asks for the password and a code, then shows the new codes once', async () => {
    await i18n.changeLanguage('en');
    let left = 3;
    const calls = mockFetch({
      'GET /api/auth/totp': () => json(200, { enabled: true, required: true, recoveryCodesLeft: left }),
      'POST /api/auth/totp/recovery-codes': ({ body }) => {
        if ((body as { code: string }).code !== '123456') return json(400, { code: 'TOTP_CODE_INVALID', message: 'no', requestId: 'r' });
        left = 10;
        return json(200, { recoveryCodes: newCodes });
      },
    });
    renderWithProviders(<TwoFactorCard />, { session: volunteerSession });
    expect(await screen.findByText('Recovery codes left: 3')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Make new recovery codes' }));
    const form = screen.getByTestId('recovery-codes-form');
    await userEvent.type(within(form).getByLabelText(/Your password/), 'correct horse');
    await userEvent.type(within(form).getByLabelText(/Code from your app/), '999999');
    await userEvent.click(within(form).getByRole('button', { name: 'Make new codes' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(/code/i);

    await userEvent.clear(within(form).getByLabelText(/Code from your app/));
    await userEvent.type(within(form).getByLabelText(/Code from your app/), '123456');
    await userEvent.click(within(form).getByRole('button', { name: 'Make new codes' }));
    const shown = await screen.findByTestId('new-recovery-codes');
    for (const code of newCodes) expect(within(shown).getByText(code)).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST').at(-1)!.body).toEqual({ password: 'correct horse', code: '123456' });
    expect(await screen.findByText('Recovery codes left: 10')).toBeInTheDocument();
    // Once put away, the codes are gone from the screen.
    await userEvent.click(within(shown).getByRole('button', { name: 'I have saved them' }));
    expect(screen.queryByTestId('new-recovery-codes')).toBeNull();
    expect(screen.queryByText(newCodes[0]!)).toBeNull();
  });
});

describe('changing one’s PIN', () => {
  it('checks six digits before calling, shows a weak PIN on its field, in French', async () => {
    await i18n.changeLanguage('fr');
    const calls = mockFetch({
      'POST /api/me/pin': ({ body }) =>
        (body as { newPin: string }).newPin === '123456'
          ? json(400, { code: 'PIN_TOO_WEAK', message: 'weak', requestId: 'r', details: { fields: { newPin: [{ code: 'too_weak', message: 'Too easy' }] } } })
          : new Response(null, { status: 204 }),
    });
    renderWithProviders(<PinForm />, { session: { ...volunteerSession, user: { ...volunteerSession.user, preferredLanguage: 'fr' } } });
    const card = await screen.findByTestId('pin-card');
    await userEvent.type(within(card).getByLabelText(/Code PIN ou mot de passe actuel/), '583920');
    await userEvent.type(within(card).getByLabelText(/Nouveau code PIN/), '12345');
    await userEvent.click(within(card).getByRole('button', { name: 'Changer de code PIN' }));
    expect(await within(card).findByText('Un code PIN compte exactement 6 chiffres.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await userEvent.type(within(card).getByLabelText(/Nouveau code PIN/), '6');
    await userEvent.click(within(card).getByRole('button', { name: 'Changer de code PIN' }));
    expect(await within(card).findByText(/trop facile/i)).toBeInTheDocument();

    await userEvent.clear(within(card).getByLabelText(/Nouveau code PIN/));
    await userEvent.type(within(card).getByLabelText(/Nouveau code PIN/), '740263');
    await userEvent.click(within(card).getByRole('button', { name: 'Changer de code PIN' }));
    expect(await within(card).findByRole('status')).toHaveTextContent('Votre code PIN a été changé.');
    expect(calls.filter((c) => c.method === 'POST').at(-1)!.body).toEqual({ currentPassword: '583920', newPin: '740263' });
    await i18n.changeLanguage('en');
  });
});
