import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { resolve } from 'node:path';

/**
 * Real processes for the fault tests: the built API and worker (`apps/api/dist`, made by
 * `pnpm run build`, which `npm test` runs first) and a redis-server of the test's own, so an
 * outage never touches the Redis other tests share.
 */
const DIST = resolve(import.meta.dirname, '../../dist');

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

function run(command: string, args: string[], env: Record<string, string> = {}): RunningProcess {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return {
    child,
    output: () => output,
    exited,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** A redis-server with no persistence on `port`; SIGKILL it to simulate Redis going away. */
export async function startRedis(port: number): Promise<RunningProcess> {
  const redis = run('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
  await waitFor(async () => redis.output().includes('Ready to accept connections'), 10_000, () => redis.output());
  return redis;
}

export function startNodeEntry(entry: 'main.js' | 'worker.js', env: Record<string, string>): RunningProcess {
  const path = resolve(DIST, entry);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`pnpm run build\` first.`);
  return run(process.execPath, [path], env);
}

/** Settings for an API or worker process under test (merge in PORT, REDIS_URL…). */
export function processEnv(databaseUrl: string, smtpUrl: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    SMTP_URL: smtpUrl,
    PUBLIC_URL: 'http://tadamon.test',
    MIGRATE_ON_START: 'false',
    WEB_DIST: '/nonexistent',
    LOG_LEVEL: 'warn',
    JOB_BACKOFF_MS: '200',
    OUTBOX_POLL_MS: '200',
    OUTBOX_MAX_BACKOFF_MS: '1000',
  };
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, explain: () => string = () => '') {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > until) throw new Error(`Timed out after ${timeoutMs} ms. ${explain()}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** Waits until `GET /api/health/ready` answers 200. */
export async function waitReady(baseUrl: string, process: RunningProcess, timeoutMs = 90_000) {
  await waitFor(async () => (await fetch(`${baseUrl}/api/health/ready`)).status === 200, timeoutMs, () => process.output());
}
