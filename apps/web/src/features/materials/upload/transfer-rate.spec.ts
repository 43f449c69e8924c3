import { describe, expect, it } from 'vitest';
import { transferRate } from './transfer-rate';

describe('transferRate', () => {
  it('knows nothing before half a second of progress', () => {
    expect(transferRate([{ at: 0, bytes: 0 }], 100)).toEqual({ bytesPerSecond: null, secondsLeft: null });
  });

  it('measures the recent speed and the time left at it', () => {
    const samples = [
      { at: 0, bytes: 0 },
      { at: 1000, bytes: 1000 },
      { at: 2000, bytes: 2000 },
    ];
    expect(transferRate(samples, 10_000)).toEqual({ bytesPerSecond: 1000, secondsLeft: 8 });
  });

  it('forgets fast seconds from long ago when the line slows down', () => {
    const samples = [
      { at: 0, bytes: 0 },
      { at: 1000, bytes: 100_000 },
      { at: 10_000, bytes: 101_000 },
      { at: 12_000, bytes: 103_000 },
    ];
    const { bytesPerSecond } = transferRate(samples, 200_000);
    // Since the start it averaged 8.6 kB/s; the last two seconds ran at 1 kB/s.
    expect(bytesPerSecond).toBe(1000);
  });
});
