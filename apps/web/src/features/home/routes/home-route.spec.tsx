import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ActionItem } from '@tadamon/shared';
import { i18n } from '../../../lib/i18n';
import type { Session } from '../../../lib/session';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import { HomeRoute } from './home-route';

const organisationId = '00000000-0000-4000-8000-0000000000a1';
const meetingId = '00000000-0000-4000-8000-00000000c001';

const item = (overrides: Partial<ActionItem>): ActionItem => ({
  id: crypto.randomUUID(),
  meetingId,
  meetingTitle: 'Tanger–Bamako',
  title: 'Partager le modèle de statuts',
  description: '',
  assigneeOrganisation: { id: organisationId, name: 'Association Tanja Solidaire' },
  dueDate: '2027-07-01',
  status: 'OPEN',
  canEdit: false,
  canUpdateStatus: true,
  ...overrides,
});

const organisation = {
  id: organisationId,
  networkId: '00000000-0000-4000-8000-0000000000b1',
  name: 'Association Tanja Solidaire',
  type: 'ASSOCIATION',
  country: 'MA',
  city: 'Tangier',
  languages: ['ar', 'fr'],
  networkName: 'INSP!R',
  description: '',
  website: null,
  contactEmail: null,
  phone: null,
  logoUrl: null,
  memberCount: 12,
  leaders: [],
};

const leaderSession: Session = {
  ...volunteerSession,
  memberships: [{ ...volunteerSession.memberships[0]!, role: 'ORG_LEADER' }],
  primaryRole: 'ORG_LEADER',
};

function serve(items: ActionItem[]) {
  return mockFetch({
    [`GET /api/organisations/${organisationId}`]: () => json(200, organisation),
    [`GET /api/organisations/${organisationId}/invitations`]: () => json(200, { items: [] }),
    [`GET /api/organisations/${organisationId}/meeting-action-items`]: () => json(200, { items }),
  });
}

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('home page: what the organisation agreed to do at meetings', () => {
  it('shows a leader their organisation’s open action items with meeting, due date, status and a link', async () => {
    const calls = serve([item({}), item({ title: 'Organiser la formation', dueDate: null, status: 'IN_PROGRESS', meetingTitle: 'Bilan' })]);
    renderWithProviders(<HomeRoute />, { session: leaderSession });
    const card = await screen.findByRole('region', { name: 'Open action items of Association Tanja Solidaire' });
    const rows = await within(card).findAllByTestId('open-action-item');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByRole('link', { name: 'Partager le modèle de statuts' })).toHaveAttribute('href', `/meetings/${meetingId}`);
    expect(rows[0]).toHaveTextContent('From the meeting “Tanger–Bamako”, due 1 Jul 2027');
    expect(rows[0]).toHaveTextContent('Open');
    expect(rows[1]).toHaveTextContent('From the meeting “Bilan”');
    expect(rows[1]).toHaveTextContent('In progress');
    expect(calls.some((c) => c.url === `/api/organisations/${organisationId}/meeting-action-items`)).toBe(true);
  });

  it('shows a volunteer the items of their organisation, in their language', async () => {
    serve([item({ status: 'IN_PROGRESS' })]);
    await i18n.changeLanguage('fr');
    renderWithProviders(<HomeRoute />, { session: { ...volunteerSession, user: { ...volunteerSession.user, preferredLanguage: 'fr' } } });
    const row = await screen.findByTestId('open-action-item');
    expect(row).toHaveTextContent('Partager le modèle de statuts');
    expect(row).toHaveTextContent('1 juil. 2027');
    expect(row).toHaveTextContent('En cours');
  });

  it('says so when nothing is open', async () => {
    serve([]);
    renderWithProviders(<HomeRoute />, { session: leaderSession });
    const card = await screen.findByTestId('open-action-items');
    expect(await within(card).findByText('No open action items.')).toBeInTheDocument();
  });
});
