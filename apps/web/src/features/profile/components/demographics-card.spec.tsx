import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEMOGRAPHICS_CONSENT_VERSION, type MyDemographics } from '@tadamon/shared';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import { DemographicsCard } from './demographics-card';

const none: MyDemographics = { demographics: null, currentConsentVersion: DEMOGRAPHICS_CONSENT_VERSION };
const arabic = { ...volunteerSession, user: { ...volunteerSession.user, preferredLanguage: 'ar' as const } };

/** A fake API that, like the real one, refuses a save without consent and deletes on withdrawal. */
function fakeApi(start: MyDemographics = none) {
  let current = start;
  const calls = mockFetch({
    'GET /api/me/demographics': () => json(200, current),
    'PUT /api/me/demographics': ({ body }) => {
      const b = body as { gender: never; ageBand: never; consent?: boolean; consentVersion?: string };
      if (b.consent !== true) return json(400, { code: 'DEMOGRAPHICS_CONSENT_REQUIRED', message: 'consent', requestId: 'r' });
      current = { ...current, demographics: { gender: b.gender, ageBand: b.ageBand, consentedAt: '2026-12-07T10:00:00.000Z', consentVersion: b.consentVersion! } };
      return json(200, current);
    },
    'DELETE /api/me/demographics': () => {
      current = none;
      return json(204, null);
    },
  });
  return calls;
}

describe('About you (optional)', () => {
  it('explains who sees what, refuses to save without the consent box, then saves with it', async () => {
    const calls = fakeApi();
    renderWithProviders(<DemographicsCard />, { session: volunteerSession });
    const card = within(await screen.findByTestId('demographics-card'));
    expect(card.getByRole('heading', { name: 'About you (optional)' })).toBeInTheDocument();
    expect(card.getByText(/any group of fewer than 5 people is hidden/)).toBeInTheDocument();
    expect(card.getByText(/there is no screen that shows one person’s answer/)).toBeInTheDocument();

    await userEvent.click(await card.findByRole('radio', { name: 'Woman' }));
    await userEvent.click(card.getByRole('radio', { name: '25 to 34' }));
    await userEvent.click(card.getByRole('button', { name: 'Save my answers' }));
    expect(await card.findByText('Tick the box to agree before saving your answers. Answering is optional.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')!.body).toMatchObject({ consent: false });

    await userEvent.click(card.getByRole('checkbox', { name: /I agree that my answers are kept/ }));
    await userEvent.click(card.getByRole('button', { name: 'Save my answers' }));
    expect(await card.findByRole('status')).toHaveTextContent('Your answers have been saved.');
    expect(calls.filter((c) => c.method === 'PUT').at(-1)!.body).toEqual({
      gender: 'WOMAN',
      ageBand: 'AGE_25_34',
      consent: true,
      consentVersion: DEMOGRAPHICS_CONSENT_VERSION,
    });
    expect(await card.findByTestId('demographics-consented')).toBeInTheDocument();
  });

  it('asks for both answers before sending anything', async () => {
    const calls = fakeApi();
    renderWithProviders(<DemographicsCard />, { session: volunteerSession });
    const card = within(await screen.findByTestId('demographics-card'));
    await userEvent.click(await card.findByRole('button', { name: 'Save my answers' }));
    expect(card.getAllByText('This field is required.')).toHaveLength(2);
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it('withdraws consent after confirmation, which deletes the answers and empties the form', async () => {
    const calls = fakeApi({ ...none, demographics: { gender: 'MAN', ageBand: 'AGE_55_PLUS', consentedAt: '2026-11-01T09:00:00.000Z', consentVersion: DEMOGRAPHICS_CONSENT_VERSION } });
    renderWithProviders(<DemographicsCard />, { session: volunteerSession });
    const card = within(await screen.findByTestId('demographics-card'));
    expect(await card.findByRole('radio', { name: 'Man' })).toBeChecked();
    await userEvent.click(card.getByRole('button', { name: 'Withdraw consent and delete my answers' }));
    const dialog = within(await screen.findByRole('dialog'));
    await userEvent.click(dialog.getByRole('button', { name: 'Withdraw consent and delete my answers' }));
    expect(await card.findByRole('status')).toHaveTextContent('Your answers have been deleted.');
    expect(calls.some((c) => c.method === 'DELETE' && c.url.endsWith('/api/me/demographics'))).toBe(true);
    expect(await card.findByRole('radio', { name: 'Man' })).not.toBeChecked();
    expect(card.queryByRole('button', { name: 'Withdraw consent and delete my answers' })).toBeNull();
  });

  it('speaks Arabic, right to left', async () => {
    fakeApi();
    renderWithProviders(<DemographicsCard />, { session: arabic });
    const card = within(await screen.findByTestId('demographics-card'));
    expect(await card.findByRole('heading', { name: 'معلومات عنك (اختياري)' })).toBeInTheDocument();
    expect(document.documentElement.dir).toBe('rtl');
    expect(await card.findByRole('radio', { name: 'امرأة' })).toBeInTheDocument();
  });
});
