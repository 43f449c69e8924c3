import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LearnerCourse } from '@tadamon/shared';
import { renderWithProviders, volunteerSession } from '../../../test/render';
import { CourseOutline } from './course-outline';

const lesson = (n: number, done: boolean, locked: boolean) => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  title: `Lesson ${n}`,
  estimatedMinutes: 5,
  hasQuiz: false,
  hasMaterial: false,
  requiresPractical: false,
  done,
  locked,
});

describe('the course outline marks lessons with SVG icons, not emoji', () => {
  it('done, open and locked lessons each get a drawn icon; no emoji or dingbat is left for phones without the font', async () => {
    const course = {
      learner: { enrolmentId: '00000000-0000-4000-8000-0000000000e1' },
      modules: [{ id: '00000000-0000-4000-8000-0000000000f1', title: 'Basics', lessons: [lesson(1, true, false), lesson(2, false, false), lesson(3, false, true)] }],
    } as unknown as LearnerCourse;
    const { container } = renderWithProviders(<CourseOutline course={course} />, { session: volunteerSession });
    await screen.findByText('Lesson 3', {}, { timeout: 5000 });
    const icons = [...container.querySelectorAll('svg[data-icon]')].map((svg) => svg.getAttribute('data-icon'));
    expect(icons).toEqual(['check', 'circle', 'lock']);
    expect(container.textContent).not.toMatch(/[\u2600-\u27BF\u{1F300}-\u{1FAFF}]/u);
  }, 30_000);
});
