import { Suspense } from 'react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AppRoutes } from '../../../app/routes';
import type { Language, ReportTarget } from '@tadamon/shared';
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
const certified: ReportTarget = {
  id: '00000000-0000-4000-8000-0000000000c1',
  networkId,
  country: null,
  metric: 'CERTIFIED_VOLUNTEERS',
  kind: 'count',
  targetValue: 1000,
  periodStart: '2025-01-01',
  periodEnd: '2027-12-31',
  note: 'Partnership 2025–2027',
  createdBy: { id: volunteerSession.user.id, name: 'Nadia' },
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
};

function renderAt(language: Language) {
  return renderWithProviders(
    <Suspense fallback={null}>
      <AppRoutes />
    </Suspense>,
    { route: '/network/targets', session: { ...coordinator, user: { ...coordinator.user, preferredLanguage: language } } },
  );
}

describe('the targets screen', () => {
  it('lists the network’s targets and adds a percentage for one country', async () => {
    let items = [certified];
    const calls = mockFetch({
      'GET /api/auth/session': () => json(200, coordinator),
      [`GET /api/networks/${networkId}/report-targets`]: () => json(200, { items }),
      [`POST /api/networks/${networkId}/report-targets`]: ({ body }) => {
        const b = body as ReportTarget;
        const created = { ...certified, ...b, id: '00000000-0000-4000-8000-0000000000c2', kind: 'percentage' as const };
        items = [...items, created];
        return json(201, created);
      },
    });
    renderAt('en');
    expect(await screen.findByRole('heading', { name: 'Targets', level: 1 })).toBeInTheDocument();
    const section = within(await screen.findByTestId('report-targets'));
    const row = within(await section.findByTestId('report-target-row'));
    expect(row.getByText('Certified volunteers')).toBeInTheDocument();
    expect(row.getByText('Whole network')).toBeInTheDocument();
    expect(row.getByText('1,000')).toBeInTheDocument();

    await userEvent.click(section.getByRole('button', { name: 'Add a target' }));
    const form = within(await section.findByTestId('target-form'));
    await userEvent.selectOptions(form.getByRole('combobox', { name: /What to measure/ }), 'SHARE_WOMEN');
    await userEvent.selectOptions(form.getByRole('combobox', { name: /Where/ }), 'MA');
    await userEvent.type(form.getByRole('textbox', { name: /Target \(%\)/ }), '50');
    await userEvent.type(form.getByLabelText(/From/), '2025-01-01');
    await userEvent.type(form.getByLabelText(/To/), '2027-12-31');
    await userEvent.click(form.getByRole('button', { name: 'Add the target' }));
    expect(await section.findAllByTestId('report-target-row')).toHaveLength(2);
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      metric: 'SHARE_WOMEN',
      country: 'MA',
      targetValue: 50,
      periodStart: '2025-01-01',
      periodEnd: '2027-12-31',
      note: '',
    });
  });

  it('checks the form before sending: a percentage over 100, a period ending before it starts', async () => {
    const calls = mockFetch({
      'GET /api/auth/session': () => json(200, coordinator),
      [`GET /api/networks/${networkId}/report-targets`]: () => json(200, { items: [] }),
    });
    renderAt('en');
    const section = within(await screen.findByTestId('report-targets'));
    expect(await section.findByText('No targets yet.')).toBeInTheDocument();
    await userEvent.click(section.getByRole('button', { name: 'Add a target' }));
    const form = within(await section.findByTestId('target-form'));
    await userEvent.selectOptions(form.getByRole('combobox', { name: /What to measure/ }), 'SHARE_UNDER_35');
    await userEvent.type(form.getByRole('textbox', { name: /Target \(%\)/ }), '120');
    await userEvent.type(form.getByLabelText(/From/), '2027-01-01');
    await userEvent.type(form.getByLabelText(/To/), '2026-01-01');
    await userEvent.click(form.getByRole('button', { name: 'Add the target' }));
    expect(await form.findByText('The period must end after it starts.')).toBeInTheDocument();
    expect(form.getByText('A percentage cannot be more than 100.')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('shows a refusal of the API on its field (a period the server finds wrong)', async () => {
    mockFetch({
      'GET /api/auth/session': () => json(200, coordinator),
      [`GET /api/networks/${networkId}/report-targets`]: () => json(200, { items: [certified] }),
      [`PATCH /api/report-targets/${certified.id}`]: () =>
        json(400, { code: 'VALIDATION_FAILED', message: 'bad', requestId: 'r', details: { fields: { periodEnd: [{ code: 'custom', message: 'periodEndBeforeStart' }] } } }),
    });
    renderAt('en');
    const section = within(await screen.findByTestId('report-targets'));
    await userEvent.click(await section.findByRole('button', { name: 'Edit the target: Certified volunteers' }));
    const form = within(await section.findByTestId('target-form'));
    expect(form.getByRole('textbox', { name: /Target \(number\)/ })).toHaveValue('1 000');
    await userEvent.click(form.getByRole('button', { name: 'Save the target' }));
    expect(await form.findByText('The period must end after it starts.')).toBeInTheDocument();
  });

  it('speaks Arabic, right to left, and deletes a target after confirmation', async () => {
    let items = [certified];
    const calls = mockFetch({
      'GET /api/auth/session': () => json(200, coordinator),
      [`GET /api/networks/${networkId}/report-targets`]: () => json(200, { items }),
      [`DELETE /api/report-targets/${certified.id}`]: () => {
        items = [];
        return json(204, null);
      },
    });
    renderAt('ar');
    expect(await screen.findByRole('heading', { name: 'الأهداف', level: 1 })).toBeInTheDocument();
    expect(document.documentElement.dir).toBe('rtl');
    const section = within(await screen.findByTestId('report-targets'));
    await userEvent.click(await section.findByRole('button', { name: 'حذف الهدف: \u2068متطوعون حاصلون على شهادة\u2069' }));
    const dialog = within(await screen.findByRole('dialog'));
    await userEvent.click(dialog.getByRole('button', { name: 'حذف' }));
    expect(await section.findByText('لا أهداف بعد.')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'DELETE')).toBe(true);
  });
});
