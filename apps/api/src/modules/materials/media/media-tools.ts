import { spawn } from 'node:child_process';
import { basename, dirname, join } from 'node:path';
import type { AppConfig } from '../../../common/config/config.js';

/** A tool ran and said no; `stderr` is its last words, for the log only. */
export class ToolFailed extends Error {
  constructor(
    readonly tool: string,
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`${tool} failed (exit ${exitCode ?? 'killed'}): ${stderr.slice(-500)}`);
  }
}

export interface MediaProbe {
  durationMs: number | null;
  width: number | null;
  height: number | null;
  hasVideo: boolean;
  hasAudio: boolean;
}

export type MediaTool = 'ffmpeg' | 'ffprobe' | 'pdftoppm';

const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;
/** Applies to the input that follows: files and our own output pipe, nothing from the network. */
const ONLY_LOCAL = ['-protocol_whitelist', 'file,pipe'];

/** Runs a program without a shell (arguments are never parsed); answers its standard output. */
export function runTool(command: string, args: string[], timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let outBytes = 0;
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > MAX_OUTPUT_BYTES) child.kill('SIGKILL');
      else out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err = (err + chunk.toString()).slice(-4000);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new ToolFailed(basename(command), code, err));
    });
  });
}

/** At most `limit` encodes at once in this process; the rest wait their turn. */
class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

/**
 * The Debian tools media processing uses: ffmpeg/ffprobe (posters, renditions, durations) and
 * pdftoppm (PDF first pages). Each is optional: where one is missing, or configured empty, the
 * work it would do is recorded as unavailable and the original file still serves.
 */
export class MediaTools {
  private readonly paths: Record<MediaTool, string | null>;
  private readonly present = new Map<MediaTool, Promise<boolean>>();
  private readonly gate: Gate;

  constructor(config: Pick<AppConfig, 'FFMPEG_PATH' | 'FFPROBE_PATH' | 'PDFTOPPM_PATH' | 'MEDIA_CONCURRENCY'>) {
    const ffmpeg = config.FFMPEG_PATH.trim() || null;
    const besideFfmpeg = ffmpeg?.includes('/') ? join(dirname(ffmpeg), 'ffprobe') : 'ffprobe';
    this.paths = {
      ffmpeg,
      // Turning ffmpeg off turns its sibling off too, unless ffprobe is named on its own.
      ffprobe: config.FFPROBE_PATH?.trim() || (ffmpeg ? besideFfmpeg : null),
      pdftoppm: config.PDFTOPPM_PATH.trim() || null,
    };
    this.gate = new Gate(config.MEDIA_CONCURRENCY);
  }

  /** Whether the tool runs here (checked once per process). */
  has(tool: MediaTool): Promise<boolean> {
    let answer = this.present.get(tool);
    if (!answer) {
      const path = this.paths[tool];
      answer = path
        ? runTool(path, [tool === 'pdftoppm' ? '-v' : '-version'], 10_000).then(
            () => true,
            () => false,
          )
        : Promise.resolve(false);
      this.present.set(tool, answer);
    }
    return answer;
  }

  /**
   * Runs ffmpeg (quietly, never asking questions) through the per-process gate. Inputs are
   * uploads: only local files are allowed as sources, so a crafted file cannot make ffmpeg
   * fetch URLs or read other files (playlists, references).
   */
  ffmpeg(args: string[], timeoutMs: number): Promise<Buffer> {
    return this.gate.run(() =>
      runTool(this.require('ffmpeg'), ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', ...ONLY_LOCAL, ...args], timeoutMs),
    );
  }

  pdftoppm(args: string[], timeoutMs: number): Promise<Buffer> {
    return this.gate.run(() => runTool(this.require('pdftoppm'), args, timeoutMs));
  }

  /** Length, picture size and which streams a file has. Throws ToolFailed for a file ffprobe cannot read. */
  async probe(path: string): Promise<MediaProbe> {
    const out = await runTool(
      this.require('ffprobe'),
      ['-v', 'error', ...ONLY_LOCAL, '-print_format', 'json', '-show_format', '-show_streams', path],
      60_000,
    );
    const info = JSON.parse(out.toString()) as {
      format?: { duration?: string };
      streams?: { codec_type?: string; width?: number; height?: number; disposition?: { attached_pic?: number }; tags?: { rotate?: string }; side_data_list?: { rotation?: number }[] }[];
    };
    const streams = info.streams ?? [];
    // Cover art in an audio file is a "video" stream too; it is not a picture that moves.
    const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
    const seconds = Number(info.format?.duration);
    const rotation = Math.abs(Number(video?.tags?.rotate ?? video?.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? 0));
    const turned = rotation === 90 || rotation === 270;
    return {
      durationMs: Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : null,
      width: (turned ? video?.height : video?.width) ?? null,
      height: (turned ? video?.width : video?.height) ?? null,
      hasVideo: !!video,
      hasAudio: streams.some((s) => s.codec_type === 'audio'),
    };
  }

  private require(tool: MediaTool): string {
    const path = this.paths[tool];
    if (!path) throw new Error(`${tool} is turned off`);
    return path;
  }
}
