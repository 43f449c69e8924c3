// Shared set-up for the material-library benchmarks: a database of their own on the test
// PostgreSQL server, the built API started on a free loopback port, a signed-in session
// written straight into the database, and everything removed afterwards.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('..', import.meta.url));
const requireFromApi = createRequire(join(repo, 'apps/api/package.json'));
export const pg = requireFromApi('pg');

/** The API runs in production mode here, where the session cookie carries the __Host- prefix. */
export const SESSION_COOKIE = '__Host-tadamon_session';

export function arg(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the built API against a new database; `stop()` ends it and drops the database. */
export async function startApi(label, extraEnv = {}) {
  const admin = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  // BENCH_DATABASE=<name> reuses a database kept by BENCH_KEEP_DB (seeding 50,000 materials
  // takes minutes on a loaded machine); it is neither created nor dropped.
  const reused = process.env.BENCH_DATABASE;
  const name = reused ?? `bench_${label}_${randomBytes(4).toString('hex')}`;
  if (!reused) {
    const adminClient = new pg.Client({ connectionString: admin });
    await adminClient.connect();
    await adminClient.query(`CREATE DATABASE "${name}"`);
    await adminClient.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const dataDir = mkdtempSync(join(tmpdir(), `tadamon-bench-${label}-`));
  const port = await freePort();
  let output = '';
  // BENCH_NODE_ARGS: extra node flags for the API process (e.g. --cpu-prof while tuning).
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const server = spawn(process.execPath, [...nodeArgs, join(repo, 'apps/api/dist/main.js')], {
    cwd: repo,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      // As deployed: production mode (CREDENTIAL_KEY_SECRET is then required), warnings logged.
      NODE_ENV: 'production',
      CREDENTIAL_KEY_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      WEB_DIST: '/nonexistent',
      UPLOAD_MAX_BYTES: String(8 * 1024 ** 3),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.on('data', (c) => (output = (output + c).slice(-5000)));
  server.stderr.on('data', (c) => (output = (output + c).slice(-5000)));
  server.once('exit', (code, signal) => {
    if (!stopping) console.error(`The API stopped by itself (${code ?? signal}):\n${output}`);
  });
  let stopping = false;
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    stopping = true;
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await Promise.race([new Promise((r) => server.once('exit', r)), new Promise((r) => setTimeout(r, 10_000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    // BENCH_KEEP_DB=1 keeps the seeded database for EXPLAIN; drop it by hand afterwards.
    if (process.env.BENCH_KEEP_DB || reused) console.log(`kept database ${name}`);
    else {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) {
      await stop();
      throw new Error(`The API stopped:\n${output}`);
    }
    try {
      if ((await fetch(`${baseUrl}/api/health/ready`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The API was not ready in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { baseUrl, databaseUrl, pid: server.pid, stop };
}

/**
 * A network with organisations, a volunteer, a coordinator, and a session cookie for each
 * (written directly: the benchmark measures the library, not argon2).
 */
export async function seedPeople(db) {
  const { rows: [kept] } = await db.query(`SELECT id FROM "Network" WHERE slug = 'bench'`);
  if (kept) return keptPeople(db, kept.id);
  const { rows: [network] } = await db.query(`INSERT INTO "Network" (id, slug, name, "fallbackLanguages") VALUES (gen_random_uuid(), 'bench', 'Bench network', '{en,fr}') RETURNING id`);
  const { rows: [other] } = await db.query(`INSERT INTO "Network" (id, slug, name) VALUES (gen_random_uuid(), 'bench-other', 'Other network') RETURNING id`);
  const { rows: orgs } = await db.query(
    `INSERT INTO "Organisation" (id, "networkId", name, type, country, "updatedAt")
     SELECT gen_random_uuid(), CASE WHEN i <= 16 THEN $1::uuid ELSE $2::uuid END, 'Org ' || i, 'NGO', 'MA', now()
       FROM generate_series(1, 20) i RETURNING id, "networkId"`,
    [network.id, other.id],
  );
  const cookies = {};
  for (const [role, email] of [['VOLUNTEER', 'volunteer@bench.test'], ['COORDINATOR', 'coordinator@bench.test']]) {
    const { rows: [existing] } = await db.query(`SELECT id FROM "User" WHERE email = $1`, [email]);
    if (existing) {
      cookies[role] = await signIn(db, existing.id);
      continue;
    }
    const { rows: [user] } = await db.query(
      `INSERT INTO "User" (id, email, name, "preferredLanguage", "updatedAt") VALUES (gen_random_uuid(), $1, $1, 'fr', now()) RETURNING id`,
      [email],
    );
    if (role === 'VOLUNTEER') {
      await db.query(`INSERT INTO "OrganisationMembership" (id, "userId", "organisationId", role) VALUES (gen_random_uuid(), $1, $2, 'VOLUNTEER')`, [user.id, orgs[0].id]);
    } else {
      await db.query(`INSERT INTO "NetworkMembership" (id, "userId", "networkId", role) VALUES (gen_random_uuid(), $1, $2, 'COORDINATOR')`, [user.id, network.id]);
    }
    cookies[role] = await signIn(db, user.id);
  }
  return { networkId: network.id, otherNetworkId: other.id, organisations: orgs, cookies };
}

/** A session written straight into the database; answers its cookie. */
async function signIn(db, userId) {
  const token = randomBytes(32).toString('base64url');
  const hash = createHash('sha256').update(token).digest('base64url');
  await db.query(
    `INSERT INTO "Session" (id, "tokenHash", "userId", "expiresAt") VALUES (gen_random_uuid(), $1, $2, now() + interval '1 day')`,
    [hash, userId],
  );
  return `${SESSION_COOKIE}=${token}`;
}

/** The people of a database seeded by an earlier run (BENCH_DATABASE), with new sessions. */
async function keptPeople(db, networkId) {
  const { rows: [other] } = await db.query(`SELECT id FROM "Network" WHERE slug = 'bench-other'`);
  const { rows: volunteer } = await db.query(
    `SELECT u.id, m."organisationId" FROM "User" u JOIN "OrganisationMembership" m ON m."userId" = u.id WHERE u.email = 'volunteer@bench.test'`,
  );
  const { rows: coordinator } = await db.query(`SELECT id FROM "User" WHERE email = 'coordinator@bench.test'`);
  const { rows: orgs } = await db.query(
    `SELECT id, "networkId" FROM "Organisation" ORDER BY (id = $1) DESC, name`,
    [volunteer[0].organisationId],
  );
  const cookies = { VOLUNTEER: await signIn(db, volunteer[0].id), COORDINATOR: await signIn(db, coordinator[0].id) };
  return { networkId, otherNetworkId: other.id, organisations: orgs, cookies, kept: true };
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
