import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import type { OrganisationDetail } from '../../../lib/types';
import { OrganisationForm } from './organisation-form';

const organisation: OrganisationDetail = {
  id: '0b7c2a1e-5d7a-4a51-a0f0-6a3c9d2e8f10',
  networkId: '5b0f4a8e-4a57-4c1f-9c3e-2f1f8a0b6c11',
  networkName: 'INSP!R demo network',
  accreditedUntil: null,
  name: 'Association Al Amal Tanger',
  type: 'NGO',
  country: 'MA',
  city: 'Tangier',
  timeZone: 'Africa/Casablanca',
  languages: ['ar', 'fr', 'ber'],
  description: 'Counselling for families.',
  website: 'https://alamal.example.org/',
  contactEmail: 'contact@alamal.example.org',
  phone: null,
  logoUrl: null,
  memberCount: 3,
  leaders: [{ name: 'Karim Leader' }],
};
const url = `/api/organisations/${organisation.id}`;

describe('editing an organisation’s contact page', () => {
  it('sends the changes, clears an emptied website, and keeps languages it does not list', async () => {
    const calls = mockFetch({ [`PATCH ${url}`]: ({ body }) => json(200, { ...organisation, ...(body as object) }) });
    const onSaved = vi.fn();
    renderWithProviders(<OrganisationForm organisation={organisation} onSaved={onSaved} />, { session: volunteerSession });

    await userEvent.clear(screen.getByLabelText('Website'));
    await userEvent.type(screen.getByLabelText('City'), ' (medina)');
    await userEvent.click(screen.getByLabelText('Español'));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(onSaved).toHaveBeenCalled();
    const sent = calls.find((c) => c.method === 'PATCH')!.body as Record<string, unknown>;
    expect(sent).toMatchObject({ website: null, city: 'Tangier (medina)', phone: null });
    expect(sent.languages).toEqual(['ar', 'fr', 'es', 'ber']);
  });

  it('shows a name already used in the network under the name field', async () => {
    mockFetch({
      [`PATCH ${url}`]: () => json(409, { code: 'CONFLICT', message: 'taken', requestId: 'r' }),
    });
    renderWithProviders(<OrganisationForm organisation={organisation} onSaved={() => {}} />, { session: volunteerSession });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const name = screen.getByLabelText(/Name/);
    expect(name).toHaveAttribute('aria-invalid', 'true');
  });

  it('refuses a website that is not a web address before sending anything', async () => {
    const calls = mockFetch({});
    renderWithProviders(<OrganisationForm organisation={organisation} onSaved={() => {}} />, { session: volunteerSession });
    await userEvent.clear(screen.getByLabelText('Website'));
    await userEvent.type(screen.getByLabelText('Website'), 'javascript:alert(1)');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByLabelText('Website')).toHaveAttribute('aria-invalid', 'true');
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);
  });
});
