import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders } from '../../../test/render';
import { adminSession } from '../admin-test-session';
import { FailedJobsRoute } from './failed-jobs-route';

const job = { id: 'mail:42', name: 'mail.send', reason: 'connect ECONNREFUSED 10.0.0.5:25', attempts: 5, failedAt: '2026-12-07T08:00:00.000Z' };

describe('failed background jobs', () => {
  it('lists the dead letters with their reason and sends one through again', async () => {
    let failed = [job];
    const calls = mockFetch({
      'GET /api/auth/csrf': () => json(200, { csrfToken: 't' }),
      'GET /api/admin/jobs/failed': () => json(200, { items: failed }),
      'POST /api/admin/jobs/mail%3A42/retry': () => {
        failed = [];
        return json(204, null);
      },
    });
    renderWithProviders(<FailedJobsRoute />, { session: adminSession });
    expect(await screen.findByText('connect ECONNREFUSED 10.0.0.5:25')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try mail.send again' }));
    expect(await screen.findByRole('status')).toHaveTextContent('mail.send has been queued again.');
    expect(await screen.findByText('No failed jobs: everything went through.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST' && c.url.includes('/retry'))).toHaveLength(1);
  });

  it('says so when the job is no longer there', async () => {
    mockFetch({
      'GET /api/auth/csrf': () => json(200, { csrfToken: 't' }),
      'GET /api/admin/jobs/failed': () => json(200, { items: [job] }),
      'POST /api/admin/jobs/mail%3A42/retry': () => json(404, { code: 'NOT_FOUND', message: 'gone', requestId: 'r' }),
    });
    renderWithProviders(<FailedJobsRoute />, { session: adminSession });
    await userEvent.click(await screen.findByRole('button', { name: 'Try mail.send again' }));
    expect(await screen.findByTestId('error-alert')).toBeInTheDocument();
  });
});
