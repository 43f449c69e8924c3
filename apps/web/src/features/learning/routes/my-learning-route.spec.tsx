import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PROGRESS_STATE_LABELS } from '@tadamon/shared';
import { i18n } from '../../../lib/i18n';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import { MyLearningRoute } from './my-learning-route';

const LESSON_ONE = '00000000-0000-4000-8000-0000000000b1';
const LESSON_THREE = '00000000-0000-4000-8000-0000000000b3';

const item = (n: string, title: string, state: 'NOT_STARTED' | 'IN_PROGRESS', percent: number, resumeLessonId: string, source = 'ASSIGNED') => ({
  enrolmentId: `00000000-0000-4000-8000-00000000000${n}`,
  courseId: `00000000-0000-4000-8000-0000000000c${n}`,
  title,
  learner: { state, enrolmentId: `00000000-0000-4000-8000-00000000000${n}`, source, progressPercent: percent, completedLessons: percent / 25, totalLessons: 4, dueAt: null, overdue: false, completedAt: null },
  resumeLessonId,
  cohort: null,
  certificateId: null,
  leadsTo: n === '1' ? [{ typeId: '00000000-0000-4000-8000-0000000000d1', name: 'Safeguarding lead', kind: 'EARNS', withOthers: false, validityMonths: 24 }] : [],
});

function serve() {
  mockFetch({
    'GET /api/me/learning': () =>
      json(200, {
        assigned: [item('1', 'Safeguarding', 'NOT_STARTED', 0, LESSON_ONE)],
        inProgress: [item('2', 'First aid basics', 'IN_PROGRESS', 50, LESSON_THREE, 'SELF')],
        completed: [],
      }),
    'GET /api/learning/paths': () => json(200, { items: [] }),
  });
}

describe('"My learning" names each course’s state as the leader’s table does', () => {
  it('an assigned course not opened yet reads "Not started" with "Start"; a started one "In progress", how far, and "Continue" to the next lesson', async () => {
    serve();
    renderWithProviders(<MyLearningRoute />, { session: volunteerSession });
    const cards = await screen.findAllByTestId('my-learning-item', {}, { timeout: 5000 });
    const [safeguarding, firstAid] = cards;
    expect(within(safeguarding!).getByText('Not started')).toBeInTheDocument();
    expect(within(safeguarding!).queryByText(/In progress/)).not.toBeInTheDocument();
    expect(within(safeguarding!).getByRole('link', { name: 'Start' })).toHaveAttribute('href', expect.stringContaining(`/lessons/${LESSON_ONE}`));
    expect(within(firstAid!).getByText('In progress')).toBeInTheDocument();
    expect(within(firstAid!).getByText('50 % done')).toBeInTheDocument();
    expect(within(firstAid!).getByRole('link', { name: 'Continue' })).toHaveAttribute('href', expect.stringContaining(`/lessons/${LESSON_THREE}`));
    // The second section groups courses by who chose them, so it never contradicts a card's state.
    expect(screen.getByRole('heading', { name: 'Chosen by me' })).toBeInTheDocument();
    expect(screen.queryByText('No course in progress.')).not.toBeInTheDocument();
    // What each course leads to.
    expect(within(safeguarding!).getByTestId('leads-to')).toHaveTextContent('Completing this course earns the certificate “Safeguarding lead”. Valid for 24 months.');
    expect(within(firstAid!).getByTestId('leads-to-none')).toHaveTextContent('This course earns no certificate.');
  }, 30_000);

  it('uses the shared names of the states, in Arabic too', async () => {
    await i18n.changeLanguage('ar');
    serve();
    renderWithProviders(<MyLearningRoute />, { session: { ...volunteerSession, user: { ...volunteerSession.user, preferredLanguage: 'ar' } } });
    await screen.findByRole('heading', { level: 1, name: 'تعلّمي' }, { timeout: 5000 });
    const cards = await screen.findAllByTestId('my-learning-item', {}, { timeout: 5000 });
    expect(within(cards[0]!).getByText(PROGRESS_STATE_LABELS.ar.NOT_STARTED)).toBeInTheDocument();
    expect(within(cards[1]!).getByText(PROGRESS_STATE_LABELS.ar.IN_PROGRESS)).toBeInTheDocument();
    expect(within(cards[0]!).getByRole('link', { name: 'ابدأ' })).toBeInTheDocument();
    // A Latin certificate name inside an Arabic sentence is isolated, so punctuation stays in place.
    const sentence = within(cards[0]!).getByTestId('leads-to');
    expect(sentence.querySelector('bdi')).toHaveTextContent('Safeguarding lead');
    expect(sentence).toHaveTextContent('صالحة لمدة 24 شهرًا.');
  }, 30_000);
});
