import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../../lib/session';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import { HomeOverview } from './home-overview';

const DAY = 24 * 3600 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const wallClock = (days: number) => inDays(days).slice(0, 16);

const session: Session = { ...volunteerSession, permissions: [...volunteerSession.permissions, 'courses.learn', 'meetings.read'] };

const learning = (id: string, title: string, state: 'IN_PROGRESS' | 'NOT_STARTED', dueAt: string | null, overdue = false) => ({
  enrolmentId: `00000000-0000-4000-8000-00000000000${id}`,
  courseId: `00000000-0000-4000-8000-0000000000c${id}`,
  title,
  learner: { state, enrolmentId: null, source: 'ASSIGNED', progressPercent: 25, completedLessons: 1, totalLessons: 4, dueAt, overdue, completedAt: null },
  resumeLessonId: state === 'IN_PROGRESS' ? '00000000-0000-4000-8000-0000000000b1' : null,
  cohort: null,
  certificateId: null,
});

const certificate = (id: string, name: string, status: string, expiresAt: string | null) => ({
  id: `00000000-0000-4000-8000-0000000000e${id}`,
  code: 'x',
  status,
  certificateTypeId: '00000000-0000-4000-8000-0000000000d1',
  names: { en: name },
  holderUserId: volunteerSession.user.id,
  holderName: 'Amina',
  organisationId: '00000000-0000-4000-8000-0000000000a1',
  organisationName: 'Association Tanja Solidaire',
  networkId: '00000000-0000-4000-8000-0000000000a2',
  networkName: 'INSP!R',
  reason: 'course-completed',
  issuedAt: inDays(-300),
  expiresAt,
  revokedAt: null,
  revokedReason: null,
  pdfReady: true,
});

const meeting = (id: string, title: string, days: number) => ({
  id: `00000000-0000-4000-8000-0000000000f${id}`,
  title,
  hostOrganisationName: 'Réseau Bamako',
  format: 'ONLINE',
  status: 'SCHEDULED',
  timeZone: 'Africa/Bamako',
  startsAt: inDays(days),
  endsAt: inDays(days),
  startHostLocal: wallClock(days),
  startViewerLocal: wallClock(days),
  viewerTimeZone: 'Africa/Casablanca',
});

describe('the home overview', () => {
  it('shows the next lesson, due dates, certificates about to expire and the meetings of this week', async () => {
    mockFetch({
      'GET /api/me/learning': () =>
        json(200, {
          assigned: [learning('1', 'Safeguarding', 'NOT_STARTED', inDays(-2), true), learning('2', 'First aid basics', 'IN_PROGRESS', inDays(10))],
          inProgress: [],
          completed: [],
        }),
      'GET /api/me/certificates': () =>
        json(200, {
          items: [
            certificate('1', 'First aider', 'valid', inDays(30)),
            certificate('2', 'Volunteer foundation', 'valid', inDays(400)),
            certificate('3', 'Old badge', 'expired', inDays(-10)),
          ],
        }),
      'GET /api/meetings': () => json(200, { items: [meeting('1', 'Tanger–Bamako', 2), meeting('2', 'Annual assembly', 12)] }),
    });
    renderWithProviders(<HomeOverview session={session} />, { session });

    const learningCard = await screen.findByRole('region', { name: 'My learning' });
    expect(await within(learningCard).findByText('First aid basics')).toBeInTheDocument();
    expect(within(learningCard).getByRole('link', { name: 'Continue' })).toHaveAttribute(
      'href',
      '/learning/enrolments/00000000-0000-4000-8000-000000000002/lessons/00000000-0000-4000-8000-0000000000b1',
    );
    const dueDates = within(learningCard).getByRole('list', { name: 'Due dates' });
    expect(within(dueDates).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Safeguarding: overdue since /),
      expect.stringMatching(/^First aid basics: due /),
    ]);

    const certificatesCard = screen.getByRole('region', { name: 'My certificates' });
    expect(await within(certificatesCard).findByText('You hold 2 valid certificates.')).toBeInTheDocument();
    expect(within(certificatesCard).getByText(/“First aider” expires on .*: take the refresher course\./)).toBeInTheDocument();
    expect(within(certificatesCard).queryByText(/Volunteer foundation|Old badge/)).not.toBeInTheDocument();

    const meetingsCard = screen.getByRole('region', { name: 'Meetings this week' });
    expect(await within(meetingsCard).findByRole('link', { name: 'Tanger–Bamako' })).toHaveAttribute('href', '/meetings/00000000-0000-4000-8000-0000000000f1');
    expect(within(meetingsCard).getByText(/at \d\d:\d\d, hosted by Réseau Bamako/)).toBeInTheDocument();
    expect(within(meetingsCard).queryByText('Annual assembly')).not.toBeInTheDocument();
    expect(screen.queryByText('Coming soon')).not.toBeInTheDocument();
  }, 30_000);

  it('says when nothing is open, and leaves out what the role does not use', async () => {
    mockFetch({
      'GET /api/me/learning': () => json(200, { assigned: [], inProgress: [], completed: [] }),
      'GET /api/me/certificates': () => json(200, { items: [] }),
    });
    renderWithProviders(<HomeOverview session={{ ...session, permissions: [...volunteerSession.permissions, 'courses.learn'] }} />, { session });
    expect(await screen.findByText('No course in progress. Browse the catalogue to start one.')).toBeInTheDocument();
    expect(await screen.findByText('You hold 0 valid certificates.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Meetings this week' })).not.toBeInTheDocument();
  }, 30_000);
});
