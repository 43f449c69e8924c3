import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import type { Session } from '../../../lib/session';
import { navigationFor } from '../../../app/layout/navigation-entries';
import { SignOffsRoute } from './sign-offs-route';

const ENROLMENT_1 = '00000000-0000-4000-8000-0000000000e1';
const ENROLMENT_2 = '00000000-0000-4000-8000-0000000000e2';
const LESSON = '00000000-0000-4000-8000-0000000000b1';
const leaderSession: Session = {
  ...volunteerSession,
  memberships: [{ ...volunteerSession.memberships[0]!, role: 'ORG_LEADER' }],
  primaryRole: 'ORG_LEADER',
  permissions: [...volunteerSession.permissions, 'courses.progress', 'courses.assess'],
};

const task = (enrolmentId: string, name: string, extra: object = {}) => ({
  enrolmentId,
  lessonId: LESSON,
  learner: { id: enrolmentId, name },
  organisationName: 'Association Tanja Solidaire',
  courseId: '00000000-0000-4000-8000-0000000000c1',
  courseTitle: 'First aid',
  lessonTitle: 'CPR on a dummy',
  instructionsHtml: '<ul><li>30 compressions</li><li>2 breaths</li></ul>',
  waitingSince: '2026-11-20T10:00:00.000Z',
  lastDecision: null,
  ...extra,
});

function serve(items: ReturnType<typeof task>[]) {
  let queue = items;
  const calls = mockFetch({
    'GET /api/learning/sign-off-queue': () => json(200, { items: queue }),
    [`POST /api/learning/enrolments/${ENROLMENT_1}/lessons/${LESSON}/sign-offs`]: () => {
      queue = queue.filter((i) => i.enrolmentId !== ENROLMENT_1);
      return json(201, { items: [] });
    },
  });
  return calls;
}

describe('practical sign-offs', () => {
  it('shows each waiting task with its learner, course and checklist, and signs one off', async () => {
    const calls = serve([
      task(ENROLMENT_1, 'Salma Volunteer'),
      task(ENROLMENT_2, 'فاطمة الزهراء', {
        lastDecision: { id: ENROLMENT_2, result: 'NOT_YET', comment: 'Hands higher on the chest.', assessorName: 'Karim Leader', recordedAt: '2026-11-21T10:00:00.000Z' },
      }),
    ]);
    renderWithProviders(<SignOffsRoute />, { session: leaderSession });

    const salma = await screen.findByRole('article', { name: 'Salma Volunteer' }, { timeout: 5000 });
    expect(within(salma).getByText('First aid — CPR on a dummy')).toBeInTheDocument();
    expect(within(salma).getByText('Association Tanja Solidaire')).toBeInTheDocument();
    const checklist = within(salma).getByRole('region', { name: 'Checklist' });
    expect(within(checklist).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['30 compressions', '2 breaths']);
    const fatima = screen.getByRole('article', { name: 'فاطمة الزهراء' });
    expect(within(fatima).getByText(/Sent back by Karim Leader on .* — Hands higher on the chest\./)).toBeInTheDocument();

    await userEvent.type(within(salma).getByRole('textbox', { name: /Comment for the learner/ }), 'Good compressions.');
    await userEvent.click(within(salma).getByRole('button', { name: 'Sign off' }));
    expect(await screen.findByText('Signed off for Salma Volunteer.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ result: 'PASSED', comment: 'Good compressions.' });
    // The queue is read again: the signed-off task leaves the list, the other one stays.
    await screen.findByRole('article', { name: 'فاطمة الزهراء' });
    expect(screen.queryByRole('article', { name: 'Salma Volunteer' })).not.toBeInTheDocument();
  }, 30_000);

  it('sends a task back only with a comment', async () => {
    const calls = serve([task(ENROLMENT_1, 'Salma Volunteer')]);
    renderWithProviders(<SignOffsRoute />, { session: leaderSession });
    const salma = await screen.findByRole('article', { name: 'Salma Volunteer' }, { timeout: 5000 });

    await userEvent.click(within(salma).getByRole('button', { name: 'Send back' }));
    expect(within(salma).getByText('Write what the learner should redo before sending the task back.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await userEvent.type(within(salma).getByRole('textbox', { name: /Comment for the learner/ }), 'Keep the arms straight.');
    await userEvent.click(within(salma).getByRole('button', { name: 'Send back' }));
    expect(await screen.findByText('Sent back to Salma Volunteer with your comment.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ result: 'NOT_YET', comment: 'Keep the arms straight.' });
    expect(await screen.findByText('No practical task is waiting for you.')).toBeInTheDocument();
  }, 30_000);

  it('is in the navigation of assessors only', () => {
    const entries = (session: Session) => navigationFor(session).flatMap((g) => g.entries.map((e) => e.to));
    expect(entries(leaderSession)).toContain('/sign-offs');
    expect(entries(volunteerSession)).not.toContain('/sign-offs');
  });
});
