/**
 * Starts the real server for the browser journeys, unless E2E_BASE_URL points at one:
 * a fresh database on the test PostgreSQL server, `node apps/api/dist/main.js` on a free port
 * with the demo data seeded, and everything removed afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startSmsStandIn } from './sms-stand-in';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The server's database, for journeys that need a person the demo data lacks ('' with E2E_BASE_URL). */
    databaseUrl: string;
    /** The stand-in SMS provider the server sends to ('' with E2E_BASE_URL): GET <url>/__sent?to=… */
    smsStandInUrl: string;
  }
}

const repo = fileURLToPath(new URL('..', import.meta.url));
const serverEntry = `${repo}apps/api/dist/main.js`;
const webBuild = `${repo}apps/web/dist/index.html`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function waitUntilReady(url: string, server: ChildProcess, log: () => string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The API stopped (exit ${server.exitCode}) before it was ready:\n${log()}`);
    try {
      const response = await fetch(`${url}/api/health/ready`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The API was not ready within ${timeoutMs / 1000}s:\n${log()}`);
}

export default async function setup(project: TestProject) {
  if (process.env.E2E_BASE_URL) {
    project.provide('baseUrl', process.env.E2E_BASE_URL.replace(/\/$/, ''));
    project.provide('databaseUrl', '');
    project.provide('smsStandInUrl', '');
    return;
  }
  if (!existsSync(serverEntry)) {
    throw new Error('apps/api/dist/main.js is missing: run `pnpm build` first, or set E2E_BASE_URL to a running server.');
  }
  if (!existsSync(webBuild)) {
    throw new Error('apps/web/dist is missing: run `pnpm --filter @tadamon/web build` first (the API serves it).');
  }

  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const database = `tadamon_e2e_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE "${database}"`));
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${database}`;

  const port = await freePort();
  // SMS go to a Twilio-speaking stand-in of this run, so journeys can see what a phone gets.
  const sms = await startSmsStandIn();
  // Uploaded files and rendered PDFs of this run go to a folder of its own, removed afterwards.
  const dataDir = mkdtempSync(join(tmpdir(), 'tadamon-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    DATABASE_URL: databaseUrl.toString(),
    NODE_ENV: 'test',
    SEED_DEMO: 'true',
    // The address the browser uses: links and credential issuers name it.
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    ...sms.env,
  };
  delete env.SMTP_URL;
  delete env.REDIS_URL;

  let output = '';
  const server = spawn(process.execPath, [serverEntry], { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  server.stdout!.on('data', keep);
  server.stderr!.on('data', keep);

  const baseUrl = `http://127.0.0.1:${port}`;
  const teardown = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
    rmSync(dataDir, { recursive: true, force: true });
    await sms.stop();
  };

  try {
    await waitUntilReady(baseUrl, server, () => output);
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide('baseUrl', baseUrl);
  project.provide('databaseUrl', databaseUrl.toString());
  project.provide('smsStandInUrl', sms.url);
  return teardown;
}
