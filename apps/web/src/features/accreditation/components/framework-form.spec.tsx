import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../lib/i18n';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import { FrameworkForm, type FrameworkDraft } from './framework-form';

const networkId = '00000000-0000-4000-8000-0000000000b1';
const initial: FrameworkDraft = {
  titles: { en: 'Quality of volunteer support' },
  descriptions: {},
  validityMonths: 36,
  sections: [
    {
      titles: { en: 'Welcome' },
      criteria: [{ titles: { en: 'Each newcomer has a named contact' }, guidance: {}, evidenceDescriptions: {}, evidenceRequired: false, requiredCertificateTypeId: null }],
    },
  ],
};

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('writing a framework in another language', { timeout: 60_000 }, () => {
  it('keeps the interface and the profile in their language and shows the source beside each text', async () => {
    const calls = mockFetch({ [`GET /api/networks/${networkId}/certificate-types`]: () => json(200, { items: [] }) });
    const onSave = vi.fn();
    renderWithProviders(<FrameworkForm networkId={networkId} initial={initial} saving={false} onSave={onSave} />, { session: volunteerSession });
    await i18n.loadNamespaces('accreditation');

    await userEvent.selectOptions(await screen.findByLabelText(/^Writing in/), 'ar');
    const title = screen.getByLabelText(/^Title/);
    expect(title).toHaveValue('');
    expect(title).toHaveAttribute('lang', 'ar');
    expect(title.closest('[dir]')).toHaveAttribute('dir', 'rtl'); // Mantine puts dir on the field's wrapper
    // The English source sits beside the Arabic field, tagged as English.
    const sources = screen.getAllByTestId('source-text');
    expect(sources.map((s) => within(s).getByText(/./, { selector: '[lang]' }).textContent)).toEqual([
      'Quality of volunteer support',
      'Welcome',
      'Each newcomer has a named contact',
    ]);
    expect(sources[0]!.querySelector('[lang]')).toHaveAttribute('lang', 'en');

    await userEvent.type(title, 'جودة دعم المتطوعين');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave.mock.calls[0]![0].titles).toEqual({ en: 'Quality of volunteer support', ar: 'جودة دعم المتطوعين' });
    // Nothing changed the interface language nor asked to change the profile.
    expect(i18n.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });
});
