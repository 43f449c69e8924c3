// Load test of the public verification endpoint: GET /api/verify/:code with 100 concurrent
// connections for 10 seconds, against the built API (apps/api/dist/main.js) on a loopback
// port, with a fresh database of its own holding 1,000 certificates. Prints p50/p95/p99.
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
const CERTIFICATES = 1000;
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
    REDIS_URL: '',
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
    const codes = [];
    for (let i = 0; i < CERTIFICATES; i++) {
      const user = randomUUID();
      const code = randomBytes(16).toString('hex').slice(0, 26).replace(/[0189]/g, 'a');
      await c.query(`INSERT INTO "User"(id, email, name, "updatedAt") VALUES ($1, $2, $3, now())`, [user, `p${i}@bench.test`, `Person ${i}`]);
      await c.query(
        `INSERT INTO "Certificate"(id, code, "certificateTypeId", "holderUserId", "organisationId", "networkId", reason, "holderName", language, "statusListIndex", "expiresAt")
         VALUES ($1, $2, $3, $4, $5, $6, 'assessor', $7, 'en', $8, now() + interval '1 year')`,
        [randomUUID(), code, type, user, org, network, `Person ${i}`, i],
      );
      codes.push(code);
    }
    return codes;
  });

  // Warm-up, then the measured run; latencies are collected per response to compute p95.
  await autocannon({ url: `${base}/api/verify/${codes[0]}`, connections: 10, amount: 500 });
  const latencies = [];
  let n = 0;
  const instance = autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [{ setupRequest: (req) => ({ ...req, path: `/api/verify/${codes[n++ % codes.length]}` }) }],
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(2);
  console.log(`certificates-verify: GET /api/verify/:code, ${CONNECTIONS} concurrent, ${DURATION_S} s, loopback`);
  console.log(`  requests: ${result.requests.total} (${result.requests.average}/s), non-2xx: ${result.non2xx}, errors: ${result.errors}`);
  console.log(`  latency ms: p50 ${pct(50)}  p95 ${pct(95)}  p99 ${pct(99)}  max ${latencies.at(-1).toFixed(2)}`);
  // The floor under the same load: a route that touches neither the database nor the limiter.
  const floor = await autocannon({ url: `${base}/api/health/live`, connections: CONNECTIONS, duration: 3 });
  console.log(`  for comparison, GET /api/health/live: ${floor.requests.average}/s, p97.5 ${floor.latency.p97_5} ms`);
  console.log(`  machine load average during the run: ${loadavg()[0].toFixed(2)} (2 cores shared; the client runs here too)`);
  console.log(`  goal: p95 < 20 ms — ${Number(pct(95)) < 20 ? 'met' : 'NOT met'}`);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  await sql(admin, (c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
}
