import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ChannelPreferences } from '@tadamon/shared';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import { ChannelsCard } from './channels-card';

const defaults: ChannelPreferences = {
  preferences: [
    { kind: 'INVITATION', channels: ['EMAIL', 'SMS'] },
    { kind: 'PASSWORD_CODE', channels: ['EMAIL', 'SMS'] },
    { kind: 'MEETING', channels: ['EMAIL', 'SMS'] },
    { kind: 'CERTIFICATE_EXPIRY', channels: ['EMAIL', 'SMS'] },
    { kind: 'COURSE_DUE', channels: ['EMAIL', 'SMS'] },
  ],
  reachable: { EMAIL: true, SMS: true, WHATSAPP: true },
};

describe('choosing channels per kind of message', () => {
  it('sends the chosen order for each kind and says it is saved', async () => {
    const calls = mockFetch({
      'GET /api/me/channels': () => json(200, defaults),
      'PUT /api/me/channels': ({ body }) => json(200, { ...defaults, preferences: (body as ChannelPreferences).preferences }),
    });
    renderWithProviders(<ChannelsCard />, { session: volunteerSession });
    const meetings = within((await screen.findByText('Meeting invitations and reminders')).closest('fieldset')!);
    await userEvent.selectOptions(meetings.getByRole('combobox', { name: 'First' }), 'WHATSAPP');
    await userEvent.selectOptions(meetings.getByRole('combobox', { name: 'If that fails' }), 'SMS');
    await userEvent.selectOptions(meetings.getByRole('combobox', { name: 'Then' }), 'EMAIL');
    const courses = within(screen.getByText('Course due dates').closest('fieldset')!);
    await userEvent.selectOptions(courses.getByRole('combobox', { name: 'First' }), '');
    await userEvent.selectOptions(courses.getByRole('combobox', { name: 'If that fails' }), '');
    await userEvent.click(screen.getByRole('button', { name: 'Save choices' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Your choices have been saved.');
    const sent = calls.find((c) => c.method === 'PUT')!.body as ChannelPreferences;
    expect(sent.preferences.find((p) => p.kind === 'MEETING')!.channels).toEqual(['WHATSAPP', 'SMS', 'EMAIL']);
    expect(sent.preferences.find((p) => p.kind === 'COURSE_DUE')!.channels).toEqual([]);
    expect(sent.preferences.find((p) => p.kind === 'INVITATION')!.channels).toEqual(['EMAIL', 'SMS']);
  });

  it('offers no phone channel to someone without a phone number, and says why', async () => {
    mockFetch({
      'GET /api/me/channels': () =>
        json(200, {
          preferences: defaults.preferences.map((p) => ({ ...p, channels: ['EMAIL'] })),
          reachable: { EMAIL: true, SMS: false, WHATSAPP: false },
        }),
    });
    renderWithProviders(<ChannelsCard />, { session: volunteerSession });
    expect(await screen.findByRole('note')).toHaveTextContent('Your account has no phone number');
    const first = within(screen.getByText('Password codes').closest('fieldset')!).getByRole('combobox', { name: 'First' });
    expect(within(first).getByRole('option', { name: 'SMS' })).toBeDisabled();
    expect(within(first).getByRole('option', { name: 'WhatsApp' })).toBeDisabled();
    expect(within(first).getByRole('option', { name: 'E-mail' })).not.toBeDisabled();
  });

  it('reads right to left in Arabic and explains a refusal in Arabic', async () => {
    mockFetch({
      'GET /api/me/channels': () => json(200, defaults),
      'PUT /api/me/channels': () =>
        json(422, { code: 'CHANNEL_REQUIRED', message: 'Password codes need at least one channel.', requestId: 'r1' }),
    });
    renderWithProviders(<ChannelsCard />, { session: { ...volunteerSession, user: { ...volunteerSession.user, preferredLanguage: 'ar' } } });
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(await screen.findByRole('heading', { name: 'كيف نتواصل معك' })).toBeInTheDocument();
    const codes = within(screen.getByText('رموز كلمة المرور').closest('fieldset')!);
    await userEvent.selectOptions(codes.getByRole('combobox', { name: 'أولًا' }), '');
    await userEvent.selectOptions(codes.getByRole('combobox', { name: 'إذا فشل ذلك' }), '');
    await userEvent.click(screen.getByRole('button', { name: 'حفظ الاختيارات' }));
    expect(await screen.findByText(/تحتاج رموز كلمة المرور إلى قناة واحدة على الأقل/)).toBeInTheDocument();
  });
});
