import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A short real video for the demo: six seconds of ffmpeg's test pattern with a 440 Hz tone,
 * 640×360 H.264 + AAC, so the player really plays and the media pipeline has something to make
 * its ~240p copy and audio track from. Null when ffmpeg is missing or fails (the demo then
 * keeps a frameless placeholder): seeding never depends on it.
 */
export async function makeDemoVideo(ffmpegPath: string): Promise<Buffer | null> {
  if (!ffmpegPath.trim()) return null;
  const dir = await mkdtemp(join(tmpdir(), 'tadamon-demo-video-'));
  const output = join(dir, 'first-welcome.mp4');
  try {
    await run(
      ffmpegPath,
      [
        '-nostdin', '-hide_banner', '-loglevel', 'error', '-y',
        '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25:duration=6',
        '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=44100:duration=6',
        '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p',
        '-c:a', 'aac', '-b:a', '96k', '-shortest', '-movflags', '+faststart',
        output,
      ],
      { timeout: 60_000 },
    );
    return await readFile(output);
  } catch {
    return null;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
