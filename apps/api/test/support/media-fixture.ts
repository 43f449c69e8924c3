import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Test media made at test time with ffmpeg's built-in sources (a test card and a tone), so the
 * repository holds no binary fixtures.
 */
export function makeVideo(path: string, options: { seconds?: number; width?: number; height?: number; audio?: boolean } = {}): Buffer {
  const { seconds = 3, width = 640, height = 360, audio = true } = options;
  const args = ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `testsrc=size=${width}x${height}:rate=25:duration=${seconds}`];
  if (audio) args.push('-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`);
  // A high bitrate on purpose: the data-saver copy must come out much smaller.
  args.push('-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '2M', '-pix_fmt', 'yuv420p');
  if (audio) args.push('-c:a', 'aac', '-b:a', '128k', '-shortest');
  args.push('-movflags', '+faststart', path);
  execFileSync('ffmpeg', args);
  return readFileSync(path);
}

export interface Probed {
  durationSeconds: number;
  streams: { codec_type: string; codec_name: string; width?: number; height?: number }[];
}

/** What ffprobe sees in a file: the tests check renditions the way a player would. */
export function probe(path: string): Probed {
  const out = execFileSync('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path]);
  const info = JSON.parse(out.toString()) as { format: { duration: string }; streams: Probed['streams'] };
  return { durationSeconds: Number(info.format.duration), streams: info.streams };
}
