export interface Sample {
  at: number;
  bytes: number;
}

const WINDOW_MS = 8000;

/**
 * Speed over the last few seconds (not since the start, which would hide a line that just got
 * slow) and the time left at that speed. Old samples are dropped from the array in place.
 */
export function transferRate(samples: Sample[], total: number): { bytesPerSecond: number | null; secondsLeft: number | null } {
  const last = samples[samples.length - 1];
  if (!last) return { bytesPerSecond: null, secondsLeft: null };
  while (samples.length > 2 && last.at - samples[0]!.at > WINDOW_MS) samples.shift();
  const first = samples[0]!;
  const elapsed = (last.at - first.at) / 1000;
  if (elapsed < 0.5 || last.bytes <= first.bytes) return { bytesPerSecond: null, secondsLeft: null };
  const bytesPerSecond = (last.bytes - first.bytes) / elapsed;
  return { bytesPerSecond, secondsLeft: Math.ceil((total - last.bytes) / bytesPerSecond) };
}
