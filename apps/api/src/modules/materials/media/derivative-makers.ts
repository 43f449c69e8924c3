import { rm } from 'node:fs/promises';
import type { MaterialDerivativeKind } from '@tadamon/shared';
import type { MediaProbe, MediaTools } from './media-tools.js';

/** Thumbnails are this wide at most: sharp enough on a phone list, a few kB on a slow line. */
export const THUMBNAIL_WIDTH = 320;
/** The data-saver video's height: about 240p, baseline H.264 that every old phone decodes. */
export const LOW_VIDEO_HEIGHT = 240;

export interface Made {
  mimeType: string;
  extension: string;
  width?: number | null;
  height?: number | null;
}

/** A derived file that cannot exist for this input (e.g. the audio of a silent video). */
export class NotApplicable extends Error {
  constructor(readonly reason: 'NO_AUDIO_TRACK' | 'NO_VIDEO_TRACK') {
    super(reason);
  }
}

const minutes = (n: number) => n * 60_000;
/** Long enough for a two-hour lecture on a slow core, short enough that a hung ffmpeg ends. */
const encodeTimeout = (probe: MediaProbe) => Math.max(minutes(10), (probe.durationMs ?? minutes(60)) * 4);

/**
 * JPEG, not WebP: the phones of 2014 that many volunteers still use (iOS before 14, old
 * Android browsers) show JPEG everywhere, and at 320 px the difference is a few kB.
 */
async function toThumbnail(input: string | Buffer, output: string): Promise<Made> {
  const { default: sharp } = await import('sharp');
  const info = await sharp(input, { failOn: 'none', animated: false })
    .rotate()
    .resize({ width: THUMBNAIL_WIDTH, height: THUMBNAIL_WIDTH * 2, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 70, progressive: true, mozjpeg: true })
    .toFile(output);
  return { mimeType: 'image/jpeg', extension: 'jpg', width: info.width, height: info.height };
}

export const imageThumbnail = (input: string, output: string) => toThumbnail(input, output);

/** A frame a little way in (the first is often black), scaled by sharp like any image. */
export async function videoPoster(tools: MediaTools, input: string, output: string, probe: MediaProbe): Promise<Made> {
  if (!probe.hasVideo) throw new NotApplicable('NO_VIDEO_TRACK');
  const at = probe.durationMs ? Math.min(probe.durationMs * 0.1, 5000) / 1000 : 0;
  const frame = await tools.ffmpeg(
    ['-ss', at.toFixed(2), '-i', input, '-frames:v', '1', '-vf', `scale=${THUMBNAIL_WIDTH * 2}:-2`, '-f', 'image2pipe', '-c:v', 'png', '-'],
    minutes(2),
  );
  return toThumbnail(frame, output);
}

/** The first page, rendered by poppler at twice the thumbnail width, then scaled down. */
export async function pdfThumbnail(tools: MediaTools, input: string, output: string): Promise<Made> {
  const prefix = `${output}-page`;
  try {
    await tools.pdftoppm(['-f', '1', '-l', '1', '-singlefile', '-png', '-scale-to', String(THUMBNAIL_WIDTH * 2), input, prefix], minutes(2));
    return await toThumbnail(`${prefix}.png`, output);
  } finally {
    await rm(`${prefix}.png`, { force: true });
  }
}

/** ~240p H.264 baseline + mono AAC at about 300 kbit/s in all, moov first so it plays while it loads. */
export async function lowVideo(tools: MediaTools, input: string, output: string, probe: MediaProbe): Promise<Made> {
  if (!probe.hasVideo) throw new NotApplicable('NO_VIDEO_TRACK');
  await tools.ffmpeg(
    [
      '-i', input,
      '-map', '0:v:0', '-map', '0:a:0?',
      // Never taller than the source; both sides even, as H.264 needs.
      '-vf', `scale=-2:'trunc(min(${LOW_VIDEO_HEIGHT},ih)/2)*2'`,
      '-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'baseline', '-level', '3.0', '-pix_fmt', 'yuv420p',
      '-crf', '30', '-maxrate', '250k', '-bufsize', '500k', '-r', '25',
      '-c:a', 'aac', '-b:a', '48k', '-ac', '1',
      '-movflags', '+faststart', '-f', 'mp4', output,
    ],
    encodeTimeout(probe),
  );
  const height = Math.min(LOW_VIDEO_HEIGHT, probe.height ?? LOW_VIDEO_HEIGHT);
  const width = probe.width && probe.height ? Math.round((probe.width * height) / probe.height / 2) * 2 : null;
  return { mimeType: 'video/mp4', extension: 'mp4', width, height: height - (height % 2) };
}

/** The sound alone (AAC in M4A, 48 kbit/s mono): a lecture to listen to on a 2G line. */
export async function audioTrack(tools: MediaTools, input: string, output: string, probe: MediaProbe): Promise<Made> {
  if (!probe.hasAudio) throw new NotApplicable('NO_AUDIO_TRACK');
  await tools.ffmpeg(
    ['-i', input, '-map', '0:a:0', '-vn', '-c:a', 'aac', '-b:a', '48k', '-ac', '1', '-movflags', '+faststart', '-f', 'mp4', output],
    encodeTimeout(probe),
  );
  return { mimeType: 'audio/mp4', extension: 'm4a' };
}

/** Which derived files a file version gets, by its type. */
export function plannedDerivatives(mimeType: string): MaterialDerivativeKind[] {
  if (mimeType.startsWith('video/')) return ['THUMBNAIL', 'VIDEO_LOW', 'AUDIO'];
  if (mimeType.startsWith('image/') || mimeType === 'application/pdf') return ['THUMBNAIL'];
  return [];
}

