import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import { MeetingWhen } from './meeting-when';
import { RegistrationCard } from './registration-card';
import { meetingDetail } from '../test/meeting-detail-fixture';

const meeting = meetingDetail;

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('RegistrationCard', () => {
  it('sends the chosen answer with the session’s CSRF token', async () => {
    const calls = mockFetch({
      'PUT /api/meetings/00000000-0000-4000-8000-00000000c001/registration': () =>
        json(200, { ...meeting, myRegistration: { answer: 'YES', seat: 'WAITING', delegate: false, waitingPosition: 3 } }),
    });
    renderWithProviders(<RegistrationCard meeting={meeting} />, { session: volunteerSession });
    await userEvent.click(await screen.findByRole('button', { name: 'I will come' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ answer: 'YES' }));
    expect(calls.find((c) => c.method === 'PUT')?.headers.get('x-csrf-token')).toBe('csrf-from-session');
  });

  it('translates the closed-registration error', async () => {
    mockFetch({
      'PUT /api/meetings/00000000-0000-4000-8000-00000000c001/registration': () =>
        json(409, { code: 'MEETING_REGISTRATION_CLOSED', message: 'closed', requestId: 'r' }),
    });
    await i18n.changeLanguage('fr');
    const french = { ...volunteerSession, user: { ...volunteerSession.user, preferredLanguage: 'fr' as const } };
    renderWithProviders(<RegistrationCard meeting={meeting} />, { session: french });
    await userEvent.click(await screen.findByRole('button', { name: 'Peut-être' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Les inscriptions à cette réunion sont closes.');
  });

  it('shows a waiting position', async () => {
    renderWithProviders(
      <RegistrationCard meeting={{ ...meeting, myRegistration: { answer: 'YES', seat: 'WAITING', delegate: false, waitingPosition: 2 } }} />,
      { session: volunteerSession },
    );
    expect(await screen.findByTestId('my-registration')).toHaveTextContent('number 2 on the waiting list');
  });
});

describe('MeetingWhen', () => {
  it('shows the reader’s wall-clock time first and the host’s beside it, without converting zones itself', async () => {
    renderWithProviders(
      <MeetingWhen hostLocal="2027-04-14T10:00" viewerLocal="2027-04-14T09:00" hostZone="Africa/Casablanca" viewerZone="Africa/Bamako" />,
      { session: volunteerSession },
    );
    expect(await screen.findByTestId('meeting-time-mine')).toHaveTextContent(/14 April 2027.*09:00 \(your time, Africa\/Bamako\)/);
    expect(screen.getByTestId('meeting-time-host')).toHaveTextContent(/10:00 \(Africa\/Casablanca\)/);
  });

  it('shows one line when the reader is in the host’s zone', async () => {
    renderWithProviders(
      <MeetingWhen hostLocal="2027-04-14T10:00" viewerLocal="2027-04-14T10:00" hostZone="Africa/Casablanca" viewerZone="Africa/Casablanca" />,
      { session: volunteerSession },
    );
    await screen.findByTestId('meeting-time-mine');
    expect(screen.queryByTestId('meeting-time-host')).toBeNull();
  });
});
