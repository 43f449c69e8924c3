import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { MaterialDetail } from '@tadamon/shared';
import { i18n } from '../../../lib/i18n';
import { json, mockFetch, renderWithProviders, volunteerSession } from '../../../test/render';
import { MaterialRoute } from './material-route';

const version = (n: number, language: string, title: string) => ({
  id: `00000000-0000-4000-8000-00000000d0${n}0`,
  language,
  title,
  summary: '',
  tags: [],
  externalUrl: 'https://example.org/guide',
  currentFile: null,
});
const material: MaterialDetail = {
  id: '00000000-0000-4000-8000-00000000d001',
  networkId: '00000000-0000-4000-8000-0000000000b1',
  organisationId: null,
  organisationName: null,
  standardTopic: 'LEADERSHIP',
  customTopic: null,
  kind: 'LINK',
  audience: 'VOLUNTEERS',
  visibility: 'NETWORK',
  language: 'en',
  title: 'Leading a volunteer team',
  summary: '',
  tags: [],
  languages: ['en', 'fr', 'ar'],
  status: null,
  updatedAt: '2026-12-01T10:00:00.000Z',
  partner: '',
  licence: '',
  canEdit: false,
  courses: [],
  translations: [version(1, 'en', 'Leading a volunteer team'), version(2, 'fr', 'Animer une équipe de bénévoles'), version(3, 'ar', 'قيادة فريق من المتطوعين')],
};

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('the language versions of a library item', () => {
  it('offers each version as a radio, and follows a change of interface language to that version', async () => {
    mockFetch({ [`GET /api/materials/${material.id}`]: () => json(200, material) });
    renderWithProviders(
      <Routes>
        <Route path="/library/:id" element={<MaterialRoute />} />
      </Routes>,
      { route: `/library/${material.id}`, session: volunteerSession },
    );
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Leading a volunteer team');
    const versions = screen.getByRole('radiogroup', { name: /language/i });
    expect(versions).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'French' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Animer une équipe de bénévoles');
    expect(screen.getByRole('heading', { level: 1 }).closest('[lang]')).toHaveAttribute('lang', 'fr');

    await i18n.changeLanguage('ar');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('قيادة فريق من المتطوعين'));
    expect(screen.getByRole('radio', { name: 'العربية' })).toBeChecked();

    // Dutch has no version here: the first the API offers.
    await i18n.changeLanguage('nl');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Leading a volunteer team'));
  });
});

describe('whether a material is published, for its editors', () => {
  const networks = () => json(200, { items: [{ id: material.networkId, slug: 'tangier', name: 'Tangier', description: '', organisationCount: 5, timeZone: 'Africa/Casablanca' }] });
  const renderAs = (detail: MaterialDetail, session = volunteerSession) => {
    mockFetch({ [`GET /api/materials/${detail.id}`]: () => json(200, detail), 'GET /api/networks': networks });
    renderWithProviders(
      <Routes>
        <Route path="/library/:id" element={<MaterialRoute />} />
      </Routes>,
      { route: `/library/${detail.id}`, session },
    );
  };

  it('says who can now see a published version', async () => {
    renderAs({ ...material, canEdit: true });
    const status = await screen.findByTestId('publication-status');
    await waitFor(() => expect(status).toHaveTextContent('PublishedEveryone in the network Tangier can now see it.'));
    expect(status).toHaveAttribute('data-published', 'true');
  });

  it('says a version without its file is not published yet, and who will see it', async () => {
    renderAs({ ...material, canEdit: true, visibility: 'ORGANISATION', organisationName: 'Association Al Amal Tanger', translations: [{ ...material.translations[0]!, externalUrl: null }] });
    const status = await screen.findByTestId('publication-status');
    expect(status).toHaveAttribute('data-published', 'false');
    expect(status).toHaveTextContent('Not published yet');
    expect(status).toHaveTextContent('Once published, the members of Association Al Amal Tanger will see it.');
  });

  it('isolates the network’s name in the Arabic sentence', async () => {
    await i18n.changeLanguage('ar');
    renderAs({ ...material, canEdit: true }, { ...volunteerSession, user: { ...volunteerSession.user, preferredLanguage: 'ar' } });
    const status = await screen.findByTestId('publication-status');
    await waitFor(() => expect(status.textContent).toContain('يمكن لكل من في شبكة \u2068Tangier\u2069 رؤيته الآن.'));
  });

  it('is not shown to readers', async () => {
    renderAs(material);
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByTestId('publication-status')).toBeNull();
  });
});
