import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useDirection } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../test/render';
import { LanguageSwitcher } from './language-switcher';

function MantineDirection() {
  return <output data-testid="mantine-dir">{useDirection().dir}</output>;
}

describe('LanguageSwitcher', () => {
  it('names each language in itself', async () => {
    renderWithProviders(<LanguageSwitcher />, { session: null });
    const select = await screen.findByRole('combobox', { name: 'Language' });
    const options = [...(select as HTMLSelectElement).options].map((o) => o.textContent);
    expect(options).toEqual(['English', 'Français', 'العربية', 'Español', 'Nederlands']);
  });

  it('switches to Arabic: html dir=rtl and lang=ar, Mantine right-to-left, translated, remembered', async () => {
    renderWithProviders(
      <>
        <LanguageSwitcher />
        <MantineDirection />
      </>,
      { session: null },
    );
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Language' }), 'ar');

    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(document.documentElement.lang).toBe('ar');
    expect(screen.getByTestId('mantine-dir')).toHaveTextContent('rtl');
    expect(await screen.findByRole('combobox', { name: 'اللغة' })).toBeInTheDocument();
    expect(localStorage.getItem('tadamon.language')).toBe('ar');

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'اللغة' }), 'fr');
    await waitFor(() => expect(document.documentElement.dir).toBe('ltr'));
    expect(document.documentElement.lang).toBe('fr');
    expect(screen.getByTestId('mantine-dir')).toHaveTextContent('ltr');
  });

  it('saves the choice to the profile when signed in', async () => {
    const calls = mockFetch({
      'PATCH /api/me/profile': ({ body }) =>
        json(200, { ...volunteerSession.user, preferredLanguage: (body as { preferredLanguage: string }).preferredLanguage }),
    });
    renderWithProviders(<LanguageSwitcher />, { session: volunteerSession });
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Language' }), 'nl');

    await waitFor(() => expect(calls.map((c) => c.method + ' ' + c.url)).toContain('PATCH /api/me/profile'));
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.url).toBe('/api/me/profile');
    expect(patch.body).toEqual({ preferredLanguage: 'nl' });
    expect(patch.headers.get('x-csrf-token')).toBe('csrf-from-session');
    await waitFor(() => expect(document.documentElement.lang).toBe('nl'));
  });
});
