// Load test of the public verification endpoint: GET /api/verify/:code with 100 concurrent
// connections for 10 seconds, against the built API (apps/api/dist/main.js) on a loopback
// port, with Redis as deployed (the per-address limit is counted there) and a fresh database
// of its own holding 200,000 certificates. Two runs, p50/p95/p99 each:
//  - QR bursts: 1,000 codes checked over and over (after its first check a code is answered
//    from the API's one-minute cache);
//  - every check a code not seen before (each one read from the database).
// Usage: node bench/certificates-verify.mjs   (after `pnpm build`; PostgreSQL on 127.0.0.1:5432)
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
const require = createRequire(new URL('../apps/api/package.json', import.meta.url));
const autocannon = require('autocannon');
const pg = require('pg');

const CONNECTIONS = 100;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CERTIFICATES = 200_000;
const HOT_CODES = 1000;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const admin = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const database = `tadamon_bench_verify_${randomBytes(4).toString('hex')}`;
const databaseUrl = Object.assign(new URL(admin), { pathname: `/${database}` }).toString();

const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});

async function sql(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

await sql(admin, (c) => c.query(`CREATE DATABASE "${database}"`));
const server = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), new URL('../apps/api/dist/main.js', import.meta.url).pathname], {
  env: {
    ...process.env,
    NODE_ENV: 'production',
    CREDENTIAL_KEY_SECRET: randomBytes(32).toString('hex'),
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    MIGRATE_ON_START: 'true',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'fatal', // requests cut off when the run ends would only add noise
    VERIFY_RATE_LIMIT_PER_MINUTE: '100000000',
    REDIS_URL,
    RUN_WORKER_IN_API: 'false',
    SMTP_URL: '',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});

try {
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (i > 240) throw new Error('API did not start');
    try {
      if ((await fetch(`${base}/api/health/ready`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  const codes = await sql(databaseUrl, async (c) => {
    const network = randomUUID(), org = randomUUID(), type = randomUUID();
    await c.query(`INSERT INTO "Network"(id, slug, name) VALUES ($1, 'bench', 'Bench network')`, [network]);
    await c.query(`INSERT INTO "Organisation"(id, "networkId", name, type, country, "updatedAt") VALUES ($1, $2, 'Bench org', 'NGO', 'MA', now())`, [org, network]);
    await c.query(`INSERT INTO "CertificateType"(id, "networkId", names, "updatedAt") VALUES ($1, $2, '{"en":"First aid","ar":"الإسعافات الأولية"}', now())`, [type, network]);
    await c.query(`INSERT INTO "User"(id, email, name, "updatedAt") SELECT gen_random_uuid(), 'p' || i || '@bench.test', 'Person ' || i, now() FROM generate_series(1, $1) i`, [CERTIFICATES]);
    // Codes shaped as the API makes them (26 characters of base32: a-z, 2-7), random.
    await c.query(
      `INSERT INTO "Certificate"(id, code, "certificateTypeId", "holderUserId", "organisationId", "networkId", reason, "holderName", language, "statusListIndex", "expiresAt")
       SELECT gen_random_uuid(), translate(substr(md5(random()::text || u.id::text), 1, 26), '0189', 'abcd'), $1, u.id, $2, $3, 'assessor', u.name, 'en',
              row_number() OVER (), now() + interval '1 year'
         FROM "User" u WHERE u.email LIKE '%@bench.test'`,
      [type, org, network],
    );
    await c.query('VACUUM ANALYZE');
    return (await c.query(`SELECT code FROM "Certificate" ORDER BY random()`)).rows.map((r) => r.code);
  });

  /** `CONNECTIONS` clients for DURATION_S, each request the next code from `pick`. */
  async function measure(label, pick) {
    const latencies = [];
    const instance = autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests: [{ setupRequest: (req) => ({ ...req, path: `/api/verify/${pick()}` }) }],
    });
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    const result = await instance;
    latencies.sort((a, b) => a - b);
    const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
    console.log(`  ${label}: ${result.requests.total} requests (${result.requests.average}/s), non-2xx: ${result.non2xx}, errors: ${result.errors}`);
    console.log(`    latency ms: p50 ${pct(50).toFixed(2)}  p95 ${pct(95).toFixed(2)}  p99 ${pct(99).toFixed(2)}  max ${latencies.at(-1).toFixed(2)}`);
    return pct(95);
  }
  console.log(`certificates-verify: GET /api/verify/:code, ${CONNECTIONS} concurrent, ${DURATION_S} s each, loopback, ${codes.length} certificates`);
  let hot = 0;
  await autocannon({ url: `${base}/api/verify/${codes[0]}`, connections: 10, amount: 500 });
  const burstP95 = await measure(`QR bursts (${HOT_CODES} codes, cached after their first check)`, () => codes[hot++ % HOT_CODES]);
  let cold = HOT_CODES;
  const coldP95 = await measure('every check a new code (read from the database)', () => codes[cold++ % codes.length]);
  if (cold > codes.length) console.log(`    (the run went past ${codes.length} codes: some were checked twice)`);
  // The floor under the same load: a route that touches neither the database nor the limiter.
  const floor = await autocannon({ url: `${base}/api/health/live`, connections: CONNECTIONS, duration: 3 });
  console.log(`  for comparison, GET /api/health/live: ${floor.requests.average}/s, p97.5 ${floor.latency.p97_5} ms`);
  console.log(`  machine load average during the run: ${loadavg()[0].toFixed(2)} (2 cores shared; the client runs here too)`);
  const verdict = (p95) => (p95 < 20 ? 'met' : 'NOT met');
  console.log(`  goal: p95 < 20 ms — QR bursts: ${verdict(burstP95)}; new codes: ${verdict(coldP95)}`);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  await sql(admin, (c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
}
