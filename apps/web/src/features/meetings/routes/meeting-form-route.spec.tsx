import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import { NewMeetingRoute } from './meeting-form-route';

const networkId = '00000000-0000-4000-8000-0000000000b1';
const hostId = '00000000-0000-4000-8000-0000000000a1';
const org = (n: number, name: string, country: string, city: string, timeZone: string) => ({
  id: `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`,
  networkId,
  name,
  type: 'NGO',
  country,
  city,
  languages: [],
  timeZone,
  accreditedUntil: null,
});
const organisations = [
  org(0, 'Association Tanja Solidaire', 'MA', 'Tangier', 'Africa/Casablanca'),
  org(1, 'Kondo Jigima', 'ML', 'Bamako', 'Africa/Bamako'),
  org(2, 'Jèkafo Mutuelle', 'ML', 'Ségou', 'Africa/Bamako'),
  org(3, 'Association Al Amal Tanger', 'MA', 'Tangier', 'Africa/Casablanca'),
  org(4, 'Femmes du Rif', 'MA', 'Al Hoceïma', 'Africa/Casablanca'),
  org(5, 'Solidarité Liège', 'BE', 'Liège', 'Europe/Brussels'),
].map((o, i) => (i === 0 ? { ...o, id: hostId } : o));

// A leader of Tanja Solidaire who is travelling: her own zone is Brussels, her network's Casablanca.
const leader = {
  ...volunteerSession,
  user: { ...volunteerSession.user, timeZone: 'Europe/Brussels' },
  memberships: [{ ...volunteerSession.memberships[0]!, role: 'ORG_LEADER' as const }],
  primaryRole: 'ORG_LEADER' as const,
  permissions: [...volunteerSession.permissions, 'meetings.read', 'meetings.manage'] as typeof volunteerSession.permissions,
};

function renderForm() {
  return mockFetch({
    'GET /api/networks': () =>
      json(200, { items: [{ id: networkId, slug: 'inspr', name: 'INSP!R', description: '', organisationCount: 6, timeZone: 'Africa/Casablanca' }] }),
    'GET /api/directory': () => json(200, { items: organisations, nextCursor: null }),
    'POST /api/meetings/time-in-zones': ({ body }) => {
      const { zones } = body as { zones: string[] };
      const hours: Record<string, [string, string]> = {
        'Africa/Bamako': ['09:00', '11:00'],
        'Europe/Brussels': ['11:00', '13:00'],
        'Africa/Casablanca': ['10:00', '12:00'],
      };
      return json(200, {
        items: zones.map((zone) => ({ timeZone: zone, startLocal: `2027-06-10T${hours[zone]![0]}`, endLocal: `2027-06-10T${hours[zone]![1]}` })),
      });
    },
  });
}

afterEach(async () => {
  await i18n.changeLanguage('en');
});

// A whole form per test: slow on a loaded machine, hence the longer limit.
describe('inviting organisations to a new meeting', { timeout: 60_000 }, () => {
  it('starts in the network’s time zone, not the host’s own', async () => {
    renderForm();
    renderWithProviders(<NewMeetingRoute />, { session: leader });
    expect(await screen.findByTestId('time-zone')).toHaveValue('Africa/Casablanca');
  });

  it('groups organisations by country, leaves the host out, and narrows them as one types', async () => {
    renderForm();
    renderWithProviders(<NewMeetingRoute />, { session: leader });
    const picker = await screen.findByTestId('invite-picker');
    const countries = await within(picker).findAllByRole('group');
    expect(countries.map((group) => group.querySelector('legend')?.textContent)).toEqual([
      'Belgium: its 1 organisation',
      'Mali: all 2 organisations',
      'Morocco: all 2 organisations',
    ]);
    expect(within(picker).queryByLabelText('Association Tanja Solidaire')).toBeNull();

    await userEvent.type(within(picker).getByRole('searchbox', { name: 'Find an organisation' }), 'segou');
    expect(within(picker).getAllByRole('checkbox').map((box) => box.closest('label, .mantine-Checkbox-root')?.textContent)).toEqual([
      'Mali: its 1 organisation',
      'Jèkafo MutuelleSégou',
    ]);
    await userEvent.clear(within(picker).getByRole('searchbox'));
    await userEvent.type(within(picker).getByRole('searchbox'), 'maroc');
    expect(within(picker).getByText('No organisation matches this search.')).toBeInTheDocument();
  });

  it('is used with the keyboard alone, and a country’s box chooses all its organisations', async () => {
    renderForm();
    renderWithProviders(<NewMeetingRoute />, { session: leader });
    const picker = await screen.findByTestId('invite-picker');
    await within(picker).findByLabelText('Kondo Jigima');
    within(picker).getByRole('searchbox').focus();
    await userEvent.tab(); // Belgium's box
    await userEvent.tab(); // Solidarité Liège
    await userEvent.keyboard(' ');
    expect(within(picker).getByLabelText('Solidarité Liège')).toBeChecked();
    await userEvent.tab(); // Mali's box
    expect(within(picker).getByLabelText('Mali: all 2 organisations')).toHaveFocus();
    await userEvent.keyboard(' ');
    expect(within(picker).getByLabelText('Kondo Jigima')).toBeChecked();
    expect(within(picker).getByLabelText('Jèkafo Mutuelle')).toBeChecked();
    expect(within(picker).getByTestId('invite-chosen-count')).toHaveTextContent('3 organisations chosen');
  });

  it('shows the chosen time in each invited organisation’s zone before sending', async () => {
    const calls = renderForm();
    renderWithProviders(<NewMeetingRoute />, { session: leader });
    const picker = await screen.findByTestId('invite-picker');
    await userEvent.click(await within(picker).findByLabelText('Kondo Jigima'));
    await userEvent.click(within(picker).getByLabelText('Solidarité Liège'));

    const bamako = await screen.findByTestId('invited-time-Africa/Bamako');
    await waitFor(() => expect(bamako).toHaveTextContent(/Africa\/Bamako: .*10 June 2027.*09:00 to 11:00/));
    expect(bamako).toHaveTextContent('Kondo Jigima');
    expect(screen.getByTestId('invited-time-Europe/Brussels')).toHaveTextContent(/11:00 to 13:00.*Solidarité Liège/);
    const last = calls.filter((c) => c.method === 'POST').at(-1);
    // The form's own times (tomorrow 10:00 to 12:00) in the meeting's zone, one entry per zone.
    expect(last?.body).toMatchObject({ startLocal: expect.stringMatching(/T10:00$/), endLocal: expect.stringMatching(/T12:00$/), timeZone: 'Africa/Casablanca', zones: ['Africa/Bamako', 'Europe/Brussels'] });
  });

  it('speaks Arabic: country names, counts with Arabic plural forms, zone names isolated', async () => {
    renderForm();
    await i18n.changeLanguage('ar');
    renderWithProviders(<NewMeetingRoute />, { session: { ...leader, user: { ...leader.user, preferredLanguage: 'ar' } } });
    const picker = await screen.findByTestId('invite-picker');
    await userEvent.click(await within(picker).findByLabelText('Kondo Jigima'));
    await userEvent.click(within(picker).getByLabelText('Jèkafo Mutuelle'));
    expect(within(picker).getByTestId('invite-chosen-count')).toHaveTextContent('منظمتان مختارتان (2)');
    expect(within(picker).getByRole('searchbox', { name: 'ابحث عن منظمة' })).toBeInTheDocument();
    // The country's name is an interpolated value: isolated (FSI … PDI) in the Arabic sentence.
    expect(within(picker).getByTestId('invite-country-ML').querySelector('legend')?.textContent).toBe('\u2068مالي\u2069: منظمتاها (2)');
    const bamako = await screen.findByTestId('invited-time-Africa/Bamako');
    expect(bamako.querySelector('bdi')).toHaveTextContent('Africa/Bamako');
  });
});
