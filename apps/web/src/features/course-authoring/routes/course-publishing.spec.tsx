import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { CourseVersionTree } from '@tadamon/shared';
import { i18n } from '../../../lib/i18n';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import { CourseEditorRoute } from './course-editor-route';
import { CoursePreviewRoute } from './course-preview-route';

const courseId = '00000000-0000-4000-8000-00000000e001';
const versionId = '00000000-0000-4000-8000-00000000e002';
const tree: CourseVersionTree = {
  course: {
    id: courseId,
    networkId: '00000000-0000-4000-8000-0000000000b1',
    organisationId: null,
    organisationName: null,
    status: 'DRAFT',
    standardTopic: 'LEADERSHIP',
    customTopic: null,
    audience: 'VOLUNTEERS',
    enrolmentPolicy: 'NETWORK',
    revision: 3,
    publishedVersionId: null,
    draftVersionId: versionId,
    versions: [{ id: versionId, number: 1, state: 'DRAFT', publishedAt: null }],
    prerequisites: [],
  },
  version: {
    id: versionId,
    number: 1,
    state: 'DRAFT',
    titles: { en: 'Welcoming new volunteers', ar: 'استقبال المتطوعين الجدد' },
    summaries: { en: 'The first hour with a newcomer.', ar: 'الساعة الأولى مع القادم الجديد.' },
    languages: ['en', 'ar'],
    estimatedMinutes: 20,
    requireAllLessons: true,
    requireQuizzesPassed: false,
    requirePracticalSignOff: false,
    publishedAt: null,
    editable: true,
  },
  modules: [
    {
      id: '00000000-0000-4000-8000-00000000e003',
      position: 0,
      titles: { en: 'Before they arrive', ar: 'قبل وصولهم' },
      lessons: [
        {
          id: '00000000-0000-4000-8000-00000000e004',
          moduleId: '00000000-0000-4000-8000-00000000e003',
          position: 0,
          titles: { en: 'A named contact', ar: 'شخص مرجعي' },
          bodies: { en: 'Give each newcomer **one** named contact.', ar: 'أعطِ كل قادم جديد شخصًا مرجعيًا **واحدًا**.' },
          material: null,
          estimatedMinutes: 5,
          hasQuiz: true,
          quizPool: '',
          quizQuestionCount: null,
          quizPassPercent: 80,
          quizAttemptLimit: null,
          quizRetryWaitMinutes: 0,
          requiresPractical: false,
          practicalInstructions: {},
        },
      ],
    },
  ],
  questions: [],
};

const coordinator = { ...volunteerSession, primaryRole: 'COORDINATOR' as const };

function renderEditor(route: string, session = coordinator) {
  const calls = mockFetch({
    [`GET /api/course-authoring/courses/${courseId}`]: () => json(200, tree),
    'POST /api/course-authoring/markdown-preview': ({ body }) =>
      json(200, { html: `<p>${String((body as { markdown: string }).markdown).replace(/\*\*(.+?)\*\*/, '<strong>$1</strong>')}</p>` }),
    [`POST /api/course-authoring/versions/${versionId}/publish`]: () =>
      json(200, { ...tree, course: { ...tree.course, status: 'PUBLISHED', publishedVersionId: versionId, draftVersionId: null } }),
  });
  renderWithProviders(
    <Routes>
      <Route path="/course-authoring/courses/:id" element={<CourseEditorRoute />} />
      <Route path="/course-authoring/courses/:id/preview" element={<CoursePreviewRoute />} />
    </Routes>,
    { route, session },
  );
  return calls;
}

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('publishing a course', { timeout: 60_000 }, () => {
  it('asks first, offering the learner preview, and publishes only once confirmed', async () => {
    const calls = renderEditor(`/course-authoring/courses/${courseId}`);
    await userEvent.click(await screen.findByTestId('publish'));
    const dialog = await screen.findByRole('dialog', { name: 'Publish version 1?' });
    expect(dialog).toHaveTextContent('can no longer be changed');
    expect(within(dialog).getByRole('link', { name: 'Preview as a learner' })).toHaveAttribute('href', `/course-authoring/courses/${courseId}/preview`);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(calls.some((c) => c.url.endsWith('/publish'))).toBe(false);

    await userEvent.click(screen.getByTestId('publish'));
    await userEvent.click(await screen.findByTestId('confirm-publish'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST' && c.url.endsWith(`/versions/${versionId}/publish`))).toHaveLength(1));
  });

  it('previews the draft as a learner reads it, enrolling nobody', async () => {
    const calls = renderEditor(`/course-authoring/courses/${courseId}`);
    await userEvent.click(await screen.findByTestId('publish'));
    await userEvent.click(await screen.findByRole('link', { name: 'Preview as a learner' }));
    expect(await screen.findByTestId('learner-preview-notice')).toHaveTextContent('draft version 1 as learners will see it once published');
    expect(screen.getByTestId('preview-course-title')).toHaveTextContent('Welcoming new volunteers');
    const lesson = screen.getByTestId('preview-lesson');
    expect(lesson).toHaveTextContent('A named contact');
    expect(lesson).toHaveTextContent('About 5 minutes');
    expect(lesson).toHaveTextContent('Ends with a quiz (pass mark 80 %).');
    await waitFor(() => expect(lesson.querySelector('strong')).toHaveTextContent('one'));
    // Only reads: the tree and the rendering of lesson text; no enrolment, no progress.
    expect(calls.filter((c) => c.method !== 'GET').map((c) => c.url)).toEqual(['/api/course-authoring/markdown-preview']);
  });

  it('reads in Arabic, with the Arabic version chosen and the language switch offered', async () => {
    await i18n.changeLanguage('ar');
    renderEditor(`/course-authoring/courses/${courseId}/preview`, { ...coordinator, user: { ...coordinator.user, preferredLanguage: 'ar' } });
    expect(await screen.findByTestId('preview-course-title')).toHaveTextContent('استقبال المتطوعين الجدد');
    expect(screen.getByTestId('preview-course-title').closest('[lang]')).toHaveAttribute('lang', 'ar');
    expect(screen.getByRole('radio', { name: 'العربية' })).toBeChecked();
    expect(screen.getByTestId('learner-preview-notice')).toHaveTextContent('هذه المسودة (النسخة 1)');
    await userEvent.click(screen.getByRole('radio', { name: 'الإنجليزية' }));
    expect(screen.getByTestId('preview-course-title')).toHaveTextContent('Welcoming new volunteers');
  });
});
