import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import { IssueForm } from './issue-form';

const ORG = { id: '00000000-0000-4000-8000-0000000000a1', name: 'Association Tanja Solidaire', networkId: '00000000-0000-4000-8000-0000000000b1' };
const SALMA = '00000000-0000-4000-8000-000000000005';
const TYPE = '00000000-0000-4000-8000-0000000000d1';

/** Issue 20: the type's description and validity are shown; after issuing, the form clears and says what was issued. */
describe('issuing a certificate', () => {
  it('starts with the member chosen from the team table, shows the type’s description and validity, then clears and names what was issued', async () => {
    const calls = mockFetch({
      [`GET /api/organisations/${ORG.id}/members`]: () => json(200, { items: [{ userId: SALMA, name: 'Salma Volunteer', disabled: false }] }),
      [`GET /api/networks/${ORG.networkId}/certificate-types`]: () =>
        json(200, { items: [{ id: TYPE, names: { en: 'First aider' }, descriptions: { en: 'Gives first aid at events.' }, validityMonths: 24 }] }),
      'POST /api/certificates': () => json(201, { id: '00000000-0000-4000-8000-0000000000e1', code: 'K7Q2-XY', holderUserId: SALMA }),
    });
    renderWithProviders(<IssueForm organisation={ORG} initialHolder={SALMA} />, { session: volunteerSession });
    const member = await screen.findByTestId('issue-member', {}, { timeout: 5000 });
    await screen.findByRole('option', { name: 'Salma Volunteer' });
    expect(member).toHaveValue(SALMA);
    await userEvent.selectOptions(await screen.findByTestId('issue-type'), TYPE);
    expect(screen.getByTestId('issue-type-facts')).toHaveTextContent('Gives first aid at events. Valid for 24 months.');
    await userEvent.click(screen.getByRole('button', { name: 'Issue certificate' }));
    expect(await screen.findByTestId('issued')).toHaveTextContent('Issued “First aider” to Salma Volunteer. Verification code: K7Q2-XY');
    expect(member).toHaveValue('');
    expect(screen.getByTestId('issue-type')).toHaveValue('');
    expect(screen.getByRole('button', { name: 'Issue certificate' })).toBeDisabled();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  }, 30_000);
});
