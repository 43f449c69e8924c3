import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MaterialTranslation } from '@tadamon/shared';
import { i18n } from '../../../lib/i18n';
import { renderWithProviders, volunteerSession } from '../../../test/render';
import { MaterialViewer } from './material-viewer';

const FILE = '00000000-0000-4000-8000-0000000000f1';
const translation = (mimeType: string, derivatives: { kind: string; status: string }[]): MaterialTranslation =>
  ({
    id: '00000000-0000-4000-8000-0000000000a1',
    language: 'en',
    title: 'Welcoming a family',
    summary: '',
    tags: [],
    externalUrl: null,
    currentFile: {
      id: FILE,
      version: 1,
      originalName: 'welcome.mkv',
      mimeType,
      sizeBytes: 4_000_000,
      status: 'READY',
      failureReason: null,
      pageCount: null,
      createdAt: '2026-12-01T10:00:00.000Z',
      uploadedByName: null,
      durationMs: 60_000,
      width: 640,
      height: 360,
      derivatives,
    },
  }) as unknown as MaterialTranslation;

/** Issue 20: media that cannot play says so and offers the download and the sound alone. */
describe('a video or recording this device cannot play', () => {
  it('a video whose player fails says so and offers the download and the audio-only copy', async () => {
    renderWithProviders(<MaterialViewer kind="VIDEO" translation={translation('video/x-matroska', [{ kind: 'AUDIO', status: 'READY' }])} />, { session: volunteerSession });
    fireEvent.error(await screen.findByTestId('video-player', {}, { timeout: 5000 }));
    const alert = await screen.findByTestId('media-fallback');
    expect(alert).toHaveTextContent('This video cannot play on this device.');
    expect(screen.getAllByRole('link', { name: 'Download the file' })[0]).toHaveAttribute('href', `/api/material-files/${FILE}/content?download=1`);
    expect(screen.getByRole('link', { name: 'Listen to the sound only' })).toHaveAttribute('href', `/api/material-files/${FILE}/renditions/audio`);
    expect(screen.queryByTestId('video-player')).not.toBeInTheDocument();
  }, 30_000);

  it('a recording that cannot play says so in Arabic, with the download', async () => {
    await i18n.changeLanguage('ar');
    await i18n.loadNamespaces('materials');
    renderWithProviders(<MaterialViewer kind="AUDIO" translation={translation('audio/amr', [])} />, { session: { ...volunteerSession, user: { ...volunteerSession.user, preferredLanguage: 'ar' } } });
    fireEvent.error(await screen.findByTestId('audio-player', {}, { timeout: 5000 }));
    expect(await screen.findByTestId('media-fallback')).toHaveTextContent('لا يمكن تشغيل هذا التسجيل على هذا الجهاز.');
    expect(screen.getAllByRole('link', { name: 'تنزيل الملف' })).not.toHaveLength(0);
    expect(screen.queryByRole('link', { name: 'الاستماع إلى الصوت فقط' })).not.toBeInTheDocument();
  }, 30_000);
});
