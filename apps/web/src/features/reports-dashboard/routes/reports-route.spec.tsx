import { Suspense } from 'react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AppRoutes } from '../../../app/routes';
import type { Dashboard, Language } from '@tadamon/shared';
import type { Session } from '../../../lib/session';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';

const networkId = '00000000-0000-4000-8000-0000000000b1';
const coordinator: Session = {
  ...volunteerSession,
  memberships: [],
  networkRoles: [{ networkId, networkName: 'INSP!R', role: 'COORDINATOR' }],
  primaryRole: 'COORDINATOR',
  permissions: ['profile.manage', 'directory.read', 'reports.read', 'reports.manageTargets'],
};
const shown = (value: number) => ({ value, suppressed: false });
const withheld = { value: null, suppressed: true };
const dashboard: Dashboard = {
  scope: { kind: 'network', networkId, organisationId: null, name: 'INSP!R' },
  period: { from: '2026-01', to: '2026-03' },
  threshold: 5,
  figures: { peopleTrained: shown(29), coursesCompleted: shown(31) },
  months: [
    { key: '2026-01', values: { coursesCompleted: shown(7) } },
    { key: '2026-02', values: { coursesCompleted: withheld } },
    { key: '2026-03', values: { coursesCompleted: withheld } },
  ],
  quarters: [{ key: '2026-Q1', values: { coursesCompleted: shown(31) } }],
  breakdowns: [{ dimension: 'country', metrics: ['peopleTrained'], rows: [{ key: 'MA', label: null, values: { peopleTrained: shown(21) } }] }],
  targets: [],
};

function renderAt(language: Language) {
  mockFetch({
    'GET /api/auth/session': () => json(200, coordinator),
    [`GET /api/networks/${networkId}/dashboard`]: () => json(200, dashboard),
  });
  return renderWithProviders(
    <Suspense fallback={null}>
      <AppRoutes />
    </Suspense>,
    { route: '/reports', session: { ...coordinator, user: { ...coordinator.user, preferredLanguage: language } } },
  );
}

describe('the Reports screen', () => {
  it('shows the figures, withheld counts as words, and the chart as a table on request', async () => {
    renderAt('en');
    const view = within(await screen.findByTestId('reports-dashboard'));
    expect(view.getByTestId('figure-peopleTrained')).toHaveTextContent('29');
    const bars = view.getAllByTestId('chart-bar');
    expect(bars.map((b) => b.getAttribute('aria-label'))).toEqual(['Jan 2026: 7', 'Feb 2026: fewer than 5', 'Mar 2026: fewer than 5']);
    expect(bars.every((b) => b.getAttribute('tabindex') === '0')).toBe(true);
    await userEvent.click(view.getByRole('button', { name: 'Show as table' }));
    const table = within(view.getByTestId('chart-table'));
    expect(table.getAllByRole('row')).toHaveLength(4);
    expect(table.getByRole('rowheader', { name: 'Feb 2026' }).nextElementSibling).toHaveTextContent('fewer than 5');
    expect(within(view.getByTestId('breakdown-table')).getByRole('rowheader', { name: 'Morocco' })).toBeInTheDocument();
    expect(screen.getByTestId('download-csv')).toHaveAttribute('href', `/api/networks/${networkId}/dashboard.csv?language=en`);
  });

  it('runs the time axis right to left in Arabic', async () => {
    renderAt('ar');
    const view = within(await screen.findByTestId('reports-dashboard'));
    // The session's language arrives after the first paint: wait until the screen speaks Arabic.
    expect(await view.findByRole('button', { name: 'عرض كجدول' })).toBeInTheDocument();
    const x = (bar: HTMLElement) => Number(bar.querySelector('rect')!.getAttribute('x'));
    const [first, , last] = view.getAllByTestId('chart-bar');
    expect(x(first!)).toBeGreaterThan(x(last!));
  });
});
