import { afterEach, describe, expect, it } from 'vitest';
import { initialQuality, isSlowConnection, rememberQuality, rememberedQuality } from './video-quality';

const withConnection = (connection: object | undefined) => ({ connection }) as unknown as Navigator;

describe('isSlowConnection', () => {
  it('is slow on 2G, 3G and when the person asked to save data', () => {
    expect(isSlowConnection(withConnection({ effectiveType: 'slow-2g' }))).toBe(true);
    expect(isSlowConnection(withConnection({ effectiveType: '2g' }))).toBe(true);
    expect(isSlowConnection(withConnection({ effectiveType: '3g' }))).toBe(true);
    expect(isSlowConnection(withConnection({ effectiveType: '4g', saveData: true }))).toBe(true);
  });

  it('is not slow on 4G, nor where the browser does not say', () => {
    expect(isSlowConnection(withConnection({ effectiveType: '4g', saveData: false }))).toBe(false);
    expect(isSlowConnection(withConnection(undefined))).toBe(false);
  });
});

describe('initialQuality', () => {
  const all = ['original', 'data-saver', 'audio'] as const;

  it('starts with the data saver on a slow line, and says so', () => {
    expect(initialQuality(all, true, null)).toEqual({ quality: 'data-saver', becauseSlow: true });
  });

  it('keeps the person’s own choice over the connection’s hint', () => {
    expect(initialQuality(all, true, 'original')).toEqual({ quality: 'original', becauseSlow: false });
    expect(initialQuality(all, false, 'audio')).toEqual({ quality: 'audio', becauseSlow: false });
  });

  it('falls back to the original when the video has no such copy (yet)', () => {
    expect(initialQuality(['original'], true, 'data-saver')).toEqual({ quality: 'original', becauseSlow: false });
  });
});

describe('remembering the choice', () => {
  afterEach(() => localStorage.clear());

  it('remembers the last choice, and ignores anything else stored under its name', () => {
    expect(rememberedQuality()).toBeNull();
    rememberQuality('audio');
    expect(rememberedQuality()).toBe('audio');
    localStorage.setItem('tadamon.videoQuality', '8k');
    expect(rememberedQuality()).toBeNull();
  });
});
