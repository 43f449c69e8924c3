import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import type { Session } from '../../../lib/session';
import { TeamLearningRoute } from './team-learning-route';

const ORG = '00000000-0000-4000-8000-0000000000a1';
const COURSE = '00000000-0000-4000-8000-0000000000c1';
const SALMA = '00000000-0000-4000-8000-000000000005';
const leaderSession: Session = {
  ...volunteerSession,
  memberships: [{ ...volunteerSession.memberships[0]!, role: 'ORG_LEADER' }],
  primaryRole: 'ORG_LEADER',
  permissions: [...volunteerSession.permissions, 'courses.assign', 'courses.progress', 'certificates.issue'],
};

const row = (name: string, status: string, percent: number, extra: object = {}) => ({
  enrolmentId: `00000000-0000-4000-8000-${String(percent).padStart(12, '0')}`,
  userId: SALMA,
  name,
  courseId: COURSE,
  courseTitle: 'Volunteer foundation',
  status,
  source: 'ASSIGNED',
  progressPercent: percent,
  completedLessons: percent / 25,
  totalLessons: 4,
  dueAt: null,
  overdue: false,
  completedAt: null,
  lastActivityAt: null,
  ...extra,
});

describe('team learning for a leader', () => {
  it('shows an accessible progress table, a CSV link in the reader’s language, and assigns a course', async () => {
    const calls = mockFetch({
      [`GET /api/organisations/${ORG}/course-progress`]: () =>
        json(200, {
          organisation: { id: ORG, name: 'Association Tanja Solidaire', country: 'MA' },
          counts: { enrolled: 2, notStarted: 0, inProgress: 1, completed: 1, overdue: 1 },
          total: 2,
          page: 1,
          pageSize: 50,
          items: [
            row('فاطمة الزهراء', 'COMPLETED', 100, { completedAt: '2026-11-20T10:00:00.000Z' }),
            row('Salma Volunteer', 'IN_PROGRESS', 50, { dueAt: '2026-11-01T10:00:00.000Z', overdue: true }),
          ],
          courses: [{ id: COURSE, title: 'Volunteer foundation' }],
        }),
      [`GET /api/organisations/${ORG}/course-completions`]: () =>
        json(200, { interval: 'week', items: [{ start: '2026-11-16', completions: 1 }, { start: '2026-11-23', completions: 0 }] }),
      'GET /api/course-assignments/assignable': () =>
        json(200, { courses: [{ id: COURSE, title: 'Volunteer foundation', organisationId: null }], paths: [], members: [{ userId: SALMA, name: 'Salma Volunteer' }] }),
      'POST /api/course-assignments': () => json(201, { items: [{ enrolmentId: SALMA, courseId: COURSE, userId: SALMA, status: 'ACTIVE', dueAt: null }], waiting: [] }),
    });
    renderWithProviders(<TeamLearningRoute />, { session: leaderSession });

    const table = await screen.findByRole('table', { name: 'Course progress of the members of Association Tanja Solidaire' }, { timeout: 5000 });
    const salma = within(table).getByRole('row', { name: /Salma Volunteer/ });
    expect(within(salma).getByRole('rowheader')).toHaveTextContent('Salma Volunteer');
    expect(within(salma).getByText('In progress')).toBeInTheDocument();
    expect(within(salma).getByText('50 %')).toBeInTheDocument();
    expect(within(salma).getByText('Overdue')).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: 'Completed on' })).toBeInTheDocument();
    // Issuing a certificate starts from the completed row, with the member chosen.
    const fatima = within(table).getByRole('row', { name: /فاطمة الزهراء/ });
    expect(within(fatima).getByRole('link', { name: 'Issue a certificate to فاطمة الزهراء' })).toHaveAttribute(
      'href',
      `/certificates/issue?organisation=${ORG}&holder=${SALMA}`,
    );
    expect(within(salma).queryByTestId('issue-from-table')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Download CSV' })).toHaveAttribute('href', `/api/organisations/${ORG}/course-progress.csv?language=en`);
    // The chart's figures for screen readers.
    expect(await screen.findByRole('table', { name: 'Completions per period' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Assign a course' }));
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: /Course or learning path/ }), `course:${COURSE}`);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Salma Volunteer' }));
    await userEvent.click(screen.getByRole('button', { name: 'Assign' }));
    expect(await screen.findByText('Assigned: 1 course enrolment.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ organisationId: ORG, userIds: [SALMA], courseId: COURSE, dueAt: null });
  }, 30_000);
});
