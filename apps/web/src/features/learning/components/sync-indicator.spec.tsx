import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SyncEvent } from '@tadamon/shared';
import { i18n } from '../../../lib/i18n';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import { enqueue } from '../offline/offline-db';
import { SyncIndicator } from './sync-indicator';

const uuid = (n: number) => `20000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('the header sync indicator', () => {
  it('sends the waiting changes in order at start, then shows nothing waiting and the kept attempt with its reason', async () => {
    await i18n.loadNamespaces(['learningOffline', 'learning']);
    const session = { ...volunteerSession, user: { ...volunteerSession.user, id: uuid(99) } };
    const done: SyncEvent = { eventId: uuid(1), type: 'lessonCompleted', occurredAt: '2026-12-07T10:00:00.000Z', enrolmentId: uuid(2), lessonId: uuid(3) };
    const attempt: SyncEvent = {
      eventId: uuid(4), type: 'quizAttemptSubmitted', occurredAt: '2026-12-07T10:05:00.000Z', startedAt: '2026-12-07T10:04:00.000Z',
      enrolmentId: uuid(2), lessonId: uuid(5), questionIds: [uuid(6)], optionOrders: {}, answers: [{ questionId: uuid(6), optionIds: ['a'] }],
    };
    await enqueue(session.user.id, uuid(7), done);
    await enqueue(session.user.id, uuid(7), attempt);
    const calls = mockFetch({
      'GET /api/auth/session': () => json(200, session),
      'POST /api/learning/sync': () =>
        json(200, {
          results: [
            { eventId: done.eventId, outcome: 'APPLIED', firstOutcome: 'APPLIED', reason: null, details: null, quizResult: null, courseCompleted: false },
            { eventId: attempt.eventId, outcome: 'KEPT', firstOutcome: 'KEPT', reason: 'QUIZ_ATTEMPTS_EXHAUSTED', details: { attemptLimit: 3 }, quizResult: null, courseCompleted: false },
          ],
        }),
    });

    renderWithProviders(<SyncIndicator />, { session });
    const indicator = await screen.findByTestId('sync-indicator');
    await waitFor(() => expect(indicator).toHaveAttribute('data-kept', '1'));
    expect(indicator).toHaveAttribute('data-waiting', '0');
    const sent = calls.filter((c) => c.url.endsWith('/learning/sync'));
    expect(sent).toHaveLength(1);
    expect((sent[0]!.body as { events: SyncEvent[] }).events.map((e) => e.eventId)).toEqual([done.eventId, attempt.eventId]);
    expect(sent[0]!.headers.get('x-csrf-token')).toBe(session.csrfToken);

    await userEvent.click(indicator);
    const kept = await screen.findByTestId('sync-kept');
    expect(kept).toHaveTextContent('was kept but not counted');
    expect(kept).toHaveTextContent(i18n.t('errors:QUIZ_ATTEMPTS_EXHAUSTED'));
  });
});
