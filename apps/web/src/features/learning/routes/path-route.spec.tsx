import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import { MyLearningRoute } from './my-learning-route';
import { PathRoute } from './path-route';

const PATH = '00000000-0000-4000-8000-0000000000f1';
const OTHER_PATH = '00000000-0000-4000-8000-0000000000f2';
const WELCOME = '00000000-0000-4000-8000-0000000000c1';
const FIRST_AID = '00000000-0000-4000-8000-0000000000c2';
const CERTIFICATE_TYPE = '00000000-0000-4000-8000-0000000000d1';

const learner = (state: 'NOT_ENROLLED' | 'IN_PROGRESS' | 'COMPLETED', percent = 0) => ({
  state,
  enrolmentId: state === 'NOT_ENROLLED' ? null : WELCOME,
  source: state === 'NOT_ENROLLED' ? null : 'SELF',
  progressPercent: percent,
  completedLessons: 0,
  totalLessons: 4,
  dueAt: null,
  overdue: false,
  completedAt: null,
});

const path = (overrides: object = {}) => ({
  id: PATH,
  title: 'Foundation',
  summary: 'The first steps of every volunteer.',
  organisationName: null,
  state: 'IN_PROGRESS',
  completedCourses: 1,
  totalCourses: 2,
  progressPercent: 50,
  nextCourseId: FIRST_AID,
  courses: [
    { id: WELCOME, title: 'Welcome to the network', estimatedMinutes: 20, learner: learner('COMPLETED', 100), next: false },
    { id: FIRST_AID, title: 'First aid basics', estimatedMinutes: 60, learner: learner('NOT_ENROLLED'), next: true },
  ],
  certificate: { typeId: CERTIFICATE_TYPE, name: 'Foundation volunteer', certificateId: null },
  ...overrides,
});

function renderPath() {
  return renderWithProviders(
    <Routes>
      <Route path="/learning/paths/:id" element={<PathRoute />} />
    </Routes>,
    { session: volunteerSession, route: `/learning/paths/${PATH}` },
  );
}

describe('a learning path for a learner', () => {
  it('lists the courses in order with what is done and what is next, and the certificate it leads to', async () => {
    mockFetch({ [`GET /api/learning/paths/${PATH}`]: () => json(200, path()) });
    renderPath();

    expect(await screen.findByRole('heading', { level: 1, name: 'Foundation' }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('1 of 2 courses done')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Path progress: 50 %' })).toBeInTheDocument();
    expect(screen.getByText('Completing this path earns the certificate “Foundation volunteer”.')).toBeInTheDocument();

    const steps = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(steps.map((s) => within(s).getAllByRole('link')[0]!.textContent)).toEqual(['Welcome to the network', 'First aid basics']);
    expect(within(steps[0]!).getByText('Completed')).toBeInTheDocument();
    expect(within(steps[0]!).queryByText('Next up')).not.toBeInTheDocument();
    expect(steps[1]).toHaveAttribute('aria-current', 'step');
    expect(within(steps[1]!).getByText('Next up')).toBeInTheDocument();
    expect(within(steps[1]!).getByRole('link', { name: 'Start this course' })).toHaveAttribute('href', `/learning/courses/${FIRST_AID}`);
  }, 30_000);

  it('shows a completed path with the certificate held', async () => {
    mockFetch({
      [`GET /api/learning/paths/${PATH}`]: () =>
        json(
          200,
          path({
            state: 'COMPLETED',
            completedCourses: 2,
            progressPercent: 100,
            nextCourseId: null,
            courses: path().courses.map((c) => ({ ...c, learner: learner('COMPLETED', 100), next: false })),
            certificate: { typeId: CERTIFICATE_TYPE, name: 'Foundation volunteer', certificateId: '00000000-0000-4000-8000-0000000000e1' },
          }),
        ),
    });
    renderPath();
    expect(await screen.findByText('2 of 2 courses done', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getAllByText('Completed').length).toBeGreaterThanOrEqual(3);
    expect(screen.queryByText('Next up')).not.toBeInTheDocument();
    expect(screen.getByText('You hold the certificate “Foundation volunteer”.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See my certificate' })).toHaveAttribute('href', '/certificates');
  }, 30_000);

  it('answers an unknown or foreign path with the not-found message', async () => {
    mockFetch({});
    renderPath();
    expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent('This item does not exist or you cannot see it.');
    expect(screen.queryByRole('heading', { level: 1 })).not.toBeInTheDocument();
  }, 30_000);

  it('appears in "My learning" once started; paths not started stay in the catalogue only', async () => {
    mockFetch({
      'GET /api/me/learning': () => json(200, { assigned: [], inProgress: [], completed: [] }),
      'GET /api/learning/paths': () =>
        json(200, { items: [path(), path({ id: OTHER_PATH, title: 'Coordinator track', state: 'NOT_STARTED', completedCourses: 0, progressPercent: 0 })] }),
    });
    renderWithProviders(<MyLearningRoute />, { session: volunteerSession });
    const section = await screen.findByRole('region', { name: 'My learning paths' }, { timeout: 5000 });
    expect(within(section).getByRole('link', { name: 'Foundation' })).toHaveAttribute('href', `/learning/paths/${PATH}`);
    expect(within(section).getByText('In progress')).toBeInTheDocument();
    expect(within(section).queryByText('Coordinator track')).not.toBeInTheDocument();
  }, 30_000);
});
