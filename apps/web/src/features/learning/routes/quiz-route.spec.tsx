import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import { LessonQuizPanel } from '../components/lesson-quiz-panel';
import { QuizRoute } from './quiz-route';

const ENROLMENT = '00000000-0000-4000-8000-0000000000e1';
const LESSON = '00000000-0000-4000-8000-0000000000b1';
const ATTEMPT = '00000000-0000-4000-8000-0000000000a9';
const lessonPath = `/learning/enrolments/${ENROLMENT}/lessons/${LESSON}`;

const quiz = {
  passPercent: 80,
  questionCount: 1,
  attemptLimit: null,
  attemptsUsed: 0,
  attemptsLeft: null,
  retryWaitMinutes: 0,
  nextAttemptAt: null,
  passed: false,
  bestScorePercent: null,
  openAttemptId: null,
  lastAttemptId: null,
};

const lesson = { id: LESSON, enrolmentId: ENROLMENT, courseId: '00000000-0000-4000-8000-0000000000c1', courseTitle: 'Welcome', moduleTitle: 'M', title: 'Quiz: welcoming well', language: 'en', bodyHtml: '', materialId: null, estimatedMinutes: 5, quiz, practical: null, status: 'STARTED', positionSeconds: 0, previousLessonId: null, nextLessonId: null, nextUnlocked: false, enrolmentStatus: 'ACTIVE', progressPercent: 0 };
const attempt = {
  id: ATTEMPT,
  number: 1,
  startedAt: '2026-12-07T10:00:00.000Z',
  questions: [{ id: '11111111-1111-4111-8111-111111111111', type: 'SINGLE_CHOICE', prompt: 'Who speaks first?', points: 1, options: [{ id: 'a', text: 'The visitor' }, { id: 'b', text: 'The volunteer' }] }],
};

describe('"Start the quiz" starts it with one press', () => {
  it('the lesson’s button leads to the quiz with its questions drawn, one attempt started', async () => {
    const calls = mockFetch({
      [`GET /api/learning/enrolments/${ENROLMENT}/lessons/${LESSON}`]: () => json(200, lesson),
      [`POST /api/learning/enrolments/${ENROLMENT}/lessons/${LESSON}/attempts`]: () => json(201, attempt),
      [`GET /api/learning/enrolments/${ENROLMENT}/attempts/${ATTEMPT}`]: () => json(200, attempt),
    });
    renderWithProviders(
      <Routes>
        <Route path="/learning/enrolments/:enrolmentId/lessons/:lessonId" element={<LessonQuizPanel quiz={quiz} quizUrl={`${lessonPath}/quiz`} />} />
        <Route path="/learning/enrolments/:enrolmentId/lessons/:lessonId/quiz" element={<QuizRoute />} />
      </Routes>,
      { session: volunteerSession, route: lessonPath },
    );
    await userEvent.click(await screen.findByRole('link', { name: 'Start the quiz' }, { timeout: 5000 }));
    expect(await screen.findByText(/Who speaks first\?/, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByTestId('start-quiz')).not.toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  }, 30_000);

  it('resumes an attempt already open instead of starting another', async () => {
    const open = { ...quiz, openAttemptId: ATTEMPT };
    renderWithProviders(<LessonQuizPanel quiz={open} quizUrl={`${lessonPath}/quiz`} />, { session: volunteerSession });
    expect(await screen.findByTestId('open-quiz', {}, { timeout: 5000 })).toHaveAttribute('href', `${lessonPath}/quiz`);
  }, 30_000);
});
