// Media processing cost on this machine: makes a lecture-like test video with ffmpeg (default
// 60 s, 1280×720, 25 fps, moving test card + tone at about 2.5 Mbit/s), then runs the API's own
// makers (apps/api/dist) for the poster, the ~240p data-saver copy and the audio track, one
// at a time as the worker does (MEDIA_CONCURRENCY 1), and prints time and size of each.
//
//   pnpm run build && node bench/materials-media.mjs [--seconds 60]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arg } from './materials-common.mjs';

const api = new URL('../apps/api/dist/modules/materials/media/', import.meta.url);
const { MediaTools } = await import(new URL('media-tools.js', api));
const { videoPoster, lowVideo, audioTrack } = await import(new URL('derivative-makers.js', api));

const seconds = Math.min(arg('seconds', 60), 600);
const dir = mkdtempSync(join(tmpdir(), 'tadamon-bench-media-'));
const kb = (path) => Math.round(statSync(path).size / 1024);
try {
  const input = join(dir, 'lecture.mp4');
  execFileSync('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=1280x720:rate=25:duration=${seconds}`,
    '-f', 'lavfi', '-i', `sine=frequency=300:duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '2500k', '-c:a', 'aac', '-b:a', '128k', '-shortest', input,
  ]);
  const tools = new MediaTools({ FFMPEG_PATH: 'ffmpeg', PDFTOPPM_PATH: 'pdftoppm', MEDIA_CONCURRENCY: 1 });
  const probe = await tools.probe(input);
  console.log(JSON.stringify({ what: 'original', seconds, kB: kb(input), kbitPerSecond: Math.round((kb(input) * 8.192) / seconds) }));
  for (const [what, make, out] of [
    ['poster', (o) => videoPoster(tools, input, o, probe), 'poster.jpg'],
    ['data-saver 240p', (o) => lowVideo(tools, input, o, probe), 'low.mp4'],
    ['audio only', (o) => audioTrack(tools, input, o, probe), 'audio.m4a'],
  ]) {
    const started = performance.now();
    await make(join(dir, out));
    const ms = Math.round(performance.now() - started);
    const size = kb(join(dir, out));
    console.log(JSON.stringify({ what, ms, realtimeFactor: +((seconds * 1000) / ms).toFixed(1), kB: size, kbitPerSecond: Math.round((size * 8.192) / seconds) }));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
