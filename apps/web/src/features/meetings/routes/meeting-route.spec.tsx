import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import { meetingDetail } from '../test/meeting-detail-fixture';
import { MeetingRoute } from './meeting-route';

const otherId = '00000000-0000-4000-8000-00000000c002';

function renderMeeting(meeting: typeof meetingDetail) {
  mockFetch({ [`GET /api/meetings/${meeting.id}`]: () => json(200, meeting) });
  return renderWithProviders(
    <Routes>
      <Route path="/meetings/:id" element={<MeetingRoute />} />
    </Routes>,
    { route: `/meetings/${meeting.id}`, session: volunteerSession },
  );
}

describe('MeetingRoute', () => {
  it('warns of the reader’s other meeting at the same time, with a link and its time in the reader’s zone', async () => {
    renderMeeting({
      ...meetingDetail,
      conflicts: [
        { id: otherId, title: 'Morning in Tangier', startsAt: '2027-04-14T08:30:00.000Z', endsAt: '2027-04-14T10:00:00.000Z', viewerLocal: '2027-04-14T08:30' },
      ],
    });
    const alert = await screen.findByTestId('meeting-conflicts');
    expect(alert).toHaveTextContent('You have another meeting at the same time');
    expect(within(alert).getByRole('link', { name: 'Morning in Tangier' })).toHaveAttribute('href', `/meetings/${otherId}`);
    expect(within(alert).getByTestId('meeting-conflict')).toHaveTextContent(/14 April 2027.*08:30 \(your time, Africa\/Bamako\)/);
  });

  it('shows no warning when nothing clashes', async () => {
    renderMeeting(meetingDetail);
    await screen.findByTestId('meeting-title');
    expect(screen.queryByTestId('meeting-conflicts')).toBeNull();
  });
});
