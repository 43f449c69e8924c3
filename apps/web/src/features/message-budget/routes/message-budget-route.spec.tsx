import { Suspense } from 'react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AppRoutes } from '../../../app/routes';
import type { Language, MessageBudget } from '@tadamon/shared';
import type { Session } from '../../../lib/session';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';

const networkId = '00000000-0000-4000-8000-0000000000b1';
const coordinator: Session = {
  ...volunteerSession,
  memberships: [],
  networkRoles: [{ networkId, networkName: 'INSP!R', role: 'COORDINATOR' }],
  primaryRole: 'COORDINATOR',
  permissions: ['profile.manage', 'directory.read', 'network.manage'],
};
const budget: MessageBudget = {
  networkId,
  month: '2026-12',
  used: 1900,
  monthlyLimit: 2000,
  platformDefault: 2000,
  custom: false,
  alertPercent: 90,
  updatedAt: null,
};

function renderAt(language: Language) {
  return renderWithProviders(
    <Suspense fallback={null}>
      <AppRoutes />
    </Suspense>,
    { route: '/network/message-budget', session: { ...coordinator, user: { ...coordinator.user, preferredLanguage: language } } },
  );
}

describe('the message budget screen', () => {
  it('shows this month’s use with the alert, and saves the network’s own limit', async () => {
    let current = budget;
    const calls = mockFetch({
      'GET /api/auth/session': () => json(200, coordinator),
      [`GET /api/networks/${networkId}/message-budget`]: () => json(200, current),
      [`PUT /api/networks/${networkId}/message-budget`]: ({ body }) => {
        const monthlyLimit = (body as { monthlyLimit: number | null }).monthlyLimit;
        current = { ...budget, monthlyLimit: monthlyLimit ?? 2000, custom: monthlyLimit !== null, updatedAt: monthlyLimit === null ? null : '2026-12-07T10:00:00.000Z' };
        return json(200, current);
      },
    });
    renderAt('en');
    expect(await screen.findByRole('heading', { name: 'Message budget', level: 1 })).toBeInTheDocument();
    const card = await screen.findByTestId('message-budget');
    expect(await within(card).findByTestId('message-budget-usage')).toHaveTextContent('1,900 of 2,000 messages used this month (95 %)');
    expect(within(card).getByText(/coordinators have been alerted/)).toBeInTheDocument();
    expect(within(card).getByTestId('message-budget-source')).toHaveTextContent('platform’s default limit (2,000 a month)');

    const input = within(card).getByLabelText(/Monthly limit/);
    await userEvent.clear(input);
    await userEvent.type(input, '5000');
    await userEvent.click(within(card).getByRole('button', { name: 'Save the limit' }));
    expect(await within(card).findByRole('status')).toHaveTextContent('The limit has been saved.');
    expect(within(card).getByTestId('message-budget-usage')).toHaveTextContent('1,900 of 5,000 messages used this month (38 %)');
    expect(calls.filter((c) => c.method === 'PUT').at(-1)!.body).toEqual({ monthlyLimit: 5000 });

    await userEvent.click(within(card).getByRole('button', { name: 'Use the platform’s default' }));
    expect(await within(card).findByTestId('message-budget-source')).toHaveTextContent('platform’s default limit');
    expect(calls.filter((c) => c.method === 'PUT').at(-1)!.body).toEqual({ monthlyLimit: null });
  });

  it('speaks Arabic, right to left, and shows a refused request translated', async () => {
    mockFetch({
      'GET /api/auth/session': () => json(200, coordinator),
      [`GET /api/networks/${networkId}/message-budget`]: () => json(200, { ...budget, used: 10 }),
      [`PUT /api/networks/${networkId}/message-budget`]: () => json(404, { code: 'NOT_FOUND', message: 'No such network.', requestId: 'r' }),
    });
    renderAt('ar');
    expect(await screen.findByRole('heading', { name: 'ميزانية الرسائل', level: 1 })).toBeInTheDocument();
    expect(document.documentElement.dir).toBe('rtl');
    const card = await screen.findByTestId('message-budget');
    await within(card).findByTestId('message-budget-usage');
    await userEvent.click(within(card).getByRole('button', { name: 'حفظ الحد' }));
    expect(await within(card).findByRole('alert')).toBeInTheDocument();
  });
});
