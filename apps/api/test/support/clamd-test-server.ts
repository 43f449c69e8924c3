import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'antivirus');

/** The harmless text the test signature matches (see test/fixtures/antivirus/README.md). */
export const readTestMarker = async () => (await readFile(join(FIXTURES, 'marker.txt'), 'utf8')).trim();

export interface ClamdTestServer {
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.end('zPING\0'));
    let reply = '';
    socket.on('data', (data) => (reply += data.toString()));
    socket.on('close', () => resolve(reply.startsWith('PONG')));
    socket.on('error', () => resolve(false));
  });
}

/**
 * A real clamd (Debian's clamav-daemon) on a free port, with a temporary clamd.conf whose
 * database folder holds only the test signature: it starts in about a second and downloads
 * nothing. Answers null when no clamd binary is installed.
 */
export async function startClamd(options: { streamMaxLength?: string } = {}): Promise<ClamdTestServer | null> {
  const binary = [process.env.CLAMD_PATH, '/usr/sbin/clamd', '/usr/bin/clamd'].find((path) => path && existsSync(path));
  if (!binary) return null;
  const dir = await mkdtemp(join(tmpdir(), 'tadamon-clamd-'));
  await mkdir(join(dir, 'db'));
  await copyFile(join(FIXTURES, 'tadamon-test.ndb'), join(dir, 'db', 'tadamon-test.ndb'));
  const port = await freePort();
  const config = join(dir, 'clamd.conf');
  await writeFile(
    config,
    [
      `DatabaseDirectory ${join(dir, 'db')}`,
      `TCPSocket ${port}`,
      'TCPAddr 127.0.0.1',
      'Foreground yes',
      `PidFile ${join(dir, 'clamd.pid')}`,
      `StreamMaxLength ${options.streamMaxLength ?? '50M'}`,
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(binary, ['--config-file', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (data) => (output += data));
  child.stderr?.on('data', (data) => (output += data));
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) break;
    if (await ping(port)) return { env: { CLAMD_HOST: '127.0.0.1', CLAMD_PORT: String(port) }, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`clamd (${binary}) did not start:\n${output}`);
}
