import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MaterialFile, MaterialTranslation } from '@tadamon/shared';
import { MaterialViewer } from '../features/materials/components/material-viewer';
import { i18n } from '../lib/i18n';
import { renderWithProviders } from './render';
import { DataSaverSetting } from '../components/data-saver-setting';

/** What Chrome on Android reports (Network Information API); undefined: a browser without it. */
function connection(value: { effectiveType?: string; saveData?: boolean } | undefined) {
  Object.defineProperty(navigator, 'connection', { configurable: true, get: () => (value ? { ...value, addEventListener() {}, removeEventListener() {} } : undefined) });
}

const file = (over: Partial<MaterialFile> = {}): MaterialFile => ({
  id: '30000000-0000-4000-8000-000000000001', version: 1, originalName: 'lecture.mp4', mimeType: 'video/mp4', sizeBytes: 48_000_000,
  status: 'READY', failureReason: null, pageCount: null, createdAt: '2026-12-01T10:00:00Z', uploadedByName: null, durationMs: 600_000,
  width: 1280, height: 720,
  derivatives: [
    { kind: 'THUMBNAIL', status: 'READY', failureReason: null, sizeBytes: 12_000, width: 320, height: 180 },
    { kind: 'VIDEO_LOW', status: 'READY', failureReason: null, sizeBytes: 6_200_000, width: 426, height: 240 },
    { kind: 'AUDIO', status: 'READY', failureReason: null, sizeBytes: 4_000_000, width: null, height: null },
  ],
  ...over,
});
const translation = (f: MaterialFile): MaterialTranslation => ({ id: '30000000-0000-4000-8000-000000000002', language: 'en', title: 'Recovery position', summary: '', tags: [], externalUrl: null, currentFile: f });
const heavyElements = () => document.querySelectorAll('video, audio, img');

beforeEach(() => localStorage.clear());
afterEach(async () => {
  connection(undefined);
  await i18n.changeLanguage('en');
});

describe('data saver', () => {
  it('is on by default on a 2G line: a lesson or library video loads nothing until asked, then plays the 240p copy', async () => {
    connection({ effectiveType: '2g' });
    renderWithProviders(<MaterialViewer kind="VIDEO" translation={translation(file())} />);
    const load = await screen.findByRole('button', { name: /Load the video \(6\.2 MB\)/ });
    // No player, no poster: nothing that would download.
    expect(heavyElements()).toHaveLength(0);
    await userEvent.click(load);
    const player = await screen.findByTestId('video-player');
    expect(player).toHaveAttribute('data-quality', 'data-saver');
    expect(player).toHaveAttribute('preload', 'none');
  });

  it('is on by default when the phone asks to save data (Save-Data), also on a fast line; audio and large pictures wait too', async () => {
    connection({ effectiveType: '4g', saveData: true });
    const audio = file({ originalName: 'talk.mp3', mimeType: 'audio/mpeg', sizeBytes: 3_000_000, derivatives: [] });
    const { unmount } = renderWithProviders(<MaterialViewer kind="AUDIO" translation={translation(audio)} />);
    expect(await screen.findByRole('button', { name: /Load the sound \(3 MB\)/ })).toBeInTheDocument();
    expect(heavyElements()).toHaveLength(0);
    unmount();

    const picture = file({ originalName: 'map.png', mimeType: 'image/png', sizeBytes: 2_500_000, derivatives: [] });
    renderWithProviders(<MaterialViewer kind="IMAGE" translation={translation(picture)} />);
    await userEvent.click(await screen.findByRole('button', { name: /Load the picture/ }));
    expect(screen.getByRole('img', { name: 'Recovery position' })).toHaveAttribute('src', expect.stringContaining('/content'));
  });

  it('shows a large picture as its small thumbnail (which may load), the full picture one tap away', async () => {
    connection({ effectiveType: '3g' });
    const picture = file({ originalName: 'map.png', mimeType: 'image/png', sizeBytes: 2_500_000, derivatives: [{ kind: 'THUMBNAIL', status: 'READY', failureReason: null, sizeBytes: 9_000, width: 320, height: 240 }] });
    renderWithProviders(<MaterialViewer kind="IMAGE" translation={translation(picture)} />);
    const image = await screen.findByRole('img', { name: 'Recovery position' });
    expect(image).toHaveAttribute('src', expect.stringContaining('/thumbnail'));
  });

  it('is off by default on a fast line or where the browser says nothing: the player shows at once', async () => {
    connection(undefined);
    renderWithProviders(<MaterialViewer kind="VIDEO" translation={translation(file())} />);
    expect(await screen.findByTestId('video-player')).toBeInTheDocument();
    expect(screen.queryByTestId('load-media')).toBeNull();
  });

  it('is one setting for the whole app: switched on in the profile, every player waits; the choice outlives the page', async () => {
    connection({ effectiveType: '4g' });
    renderWithProviders(
      <>
        <DataSaverSetting />
        <MaterialViewer kind="VIDEO" translation={translation(file())} />
      </>,
    );
    expect(await screen.findByTestId('video-player')).toBeInTheDocument();
    const setting = screen.getByTestId('data-saver-setting');
    await userEvent.click(within(setting).getByRole('switch', { name: /^Save data/ }));
    expect(await screen.findByRole('button', { name: /Load the video/ })).toBeInTheDocument();
    expect(screen.queryByTestId('video-player')).toBeNull();
    expect(localStorage.getItem('tadamon.dataSaver')).toBe('on');
  });

  it('the person’s own choice wins over a slow line, and the setting says why it was on (in Arabic)', async () => {
    connection({ effectiveType: 'slow-2g' });
    await i18n.changeLanguage('ar');
    renderWithProviders(<DataSaverSetting />);
    const toggle = await screen.findByRole('switch', { name: /^توفير البيانات/ });
    expect(toggle).toBeChecked();
    expect(screen.getByTestId('data-saver-automatic')).toHaveTextContent('اتصالك يبدو بطيئًا');
    await userEvent.click(toggle);
    expect(toggle).not.toBeChecked();
    expect(screen.queryByTestId('data-saver-automatic')).toBeNull();
    expect(localStorage.getItem('tadamon.dataSaver')).toBe('off');
  });
});
