/** The player's choice between the original, the ~240p data-saver copy and the sound alone. */
export type VideoQuality = 'original' | 'data-saver' | 'audio';

const STORAGE_KEY = 'tadamon.videoQuality';
const QUALITIES: readonly VideoQuality[] = ['original', 'data-saver', 'audio'];
// One rule for "the line is slow" across the app (the data saver's default too).
export { isSlowConnection } from '../../../lib/data-saver';

export function rememberedQuality(): VideoQuality | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return QUALITIES.includes(value as VideoQuality) ? (value as VideoQuality) : null;
  } catch {
    return null; // storage blocked (private mode): nothing remembered
  }
}

export function rememberQuality(quality: VideoQuality): void {
  try {
    localStorage.setItem(STORAGE_KEY, quality);
  } catch {
    // Not remembered; the choice still holds on this page.
  }
}

/**
 * What plays first: the person's own earlier choice if this video has it, else the data saver
 * on a slow line, else the original. `becauseSlow` lets the player say why.
 */
export function initialQuality(
  available: readonly VideoQuality[],
  slow: boolean,
  remembered: VideoQuality | null,
): { quality: VideoQuality; becauseSlow: boolean } {
  if (remembered && available.includes(remembered)) return { quality: remembered, becauseSlow: false };
  if (slow && available.includes('data-saver')) return { quality: 'data-saver', becauseSlow: true };
  return { quality: 'original', becauseSlow: false };
}
