import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import { CourseRoute } from './course-route';

const COURSE = '00000000-0000-4000-8000-0000000000c1';
const CERTIFICATE = '00000000-0000-4000-8000-0000000000e9';

const course = (certificateId: string | null) => ({
  id: COURSE,
  title: 'Water safety',
  summary: '',
  language: 'en',
  languages: ['en'],
  standardTopic: null,
  customTopic: null,
  estimatedMinutes: 30,
  organisationName: null,
  enrolmentPolicy: 'NETWORK',
  learner: { state: 'COMPLETED', enrolmentId: '00000000-0000-4000-8000-0000000000e1', source: 'SELF', progressPercent: 100, completedLessons: 1, totalLessons: 1, dueAt: null, overdue: false, completedAt: '2026-12-07T10:00:00.000Z' },
  lockedBy: [],
  versionNumber: 1,
  rules: { requireAllLessons: true, requireQuizzesPassed: true, requirePracticalSignOff: true },
  modules: [],
  resumeLessonId: null,
  cohort: null,
  canSelfEnrol: false,
  certificateId,
  leadsTo: [{ typeId: '00000000-0000-4000-8000-0000000000d1', name: 'Water safety volunteer', kind: 'EARNS', withOthers: false, validityMonths: null }],
});

describe('completing a course that earns a certificate', () => {
  it('tells the learner it is being issued, then offers to open it once it is there', async () => {
    let asked = 0;
    mockFetch({ [`GET /api/learning/courses/${COURSE}`]: () => json(200, course(++asked > 1 ? CERTIFICATE : null)) });
    renderWithProviders(
      <Routes>
        <Route path="/learning/courses/:id" element={<CourseRoute />} />
      </Routes>,
      { session: volunteerSession, route: `/learning/courses/${COURSE}` },
    );
    expect(await screen.findByTestId('certificate-issuing', {}, { timeout: 5000 })).toHaveTextContent('Your certificate is being issued…');
    expect(screen.getByTestId('leads-to')).toHaveTextContent('Completing this course earns the certificate “Water safety volunteer”.');
    const open = await screen.findByRole('link', { name: 'Open my certificate' }, { timeout: 10_000 });
    expect(open).toHaveAttribute('href', '/certificates');
    expect(screen.getByText('Your certificate is ready.')).toBeInTheDocument();
  }, 30_000);
});
