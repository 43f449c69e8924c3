// One load run over the main journeys, with its bare baseline (issue 18).
//
// Fills a new database at network scale (bench/load-mix/fill.mjs), starts the built API on it
// and, beside it, a bare server (Fastify + pg, no framework, no ORM: bench/load-mix/bare-server.mjs)
// that answers each endpoint with the session lookup plus the endpoint's primary SQL. Then, with
// signed-in sessions of many different people:
//
//  1. the weighted mix of all endpoints, app then bare;
//  2. each endpoint alone, app then bare;
//
// printing per endpoint requests/s, p50/p95/p99 and errors, and every figure as a ratio to the
// baseline. Goals (issue 18): reads at least 0.40 of the baseline's requests/s, p95 at most
// twice the baseline's, zero errors.
//
//   pnpm run build && node bench/load-mix.mjs [--scale 1] [--connections 100] [--seconds 10] [--mix-seconds 20] [--people 1000]
//   BENCH_KEEP_DB=1 keeps the filled database; BENCH_DATABASE=<name> reuses it (no new fill).
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ENDPOINTS } from './load-mix/endpoints.mjs';
import { fillNetworkScale } from './load-mix/fill.mjs';
import { signInPeople } from './load-mix/people.mjs';
import { arg, percentile, pg, startApi } from './materials-common.mjs';

const SCALE = arg('scale', 1);
const CONNECTIONS = arg('connections', 100);
const SECONDS = arg('seconds', 10);
const MIX_SECONDS = arg('mix-seconds', 20);
const PEOPLE = arg('people', 1000);
// --fill-only: fill (or reuse) the database and stop, e.g. with BENCH_KEEP_DB=1 for EXPLAIN.
const FILL_ONLY = process.argv.includes('--fill-only');

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

function send(agent, baseUrl, person, { method, path, body }) {
  return new Promise((resolve, reject) => {
    // Reads ask for compression as a browser does; writes' answers are read here, so plain.
    const headers = { accept: 'application/json', ...(method === 'GET' ? { 'accept-encoding': 'gzip, br' } : {}) };
    if (person) headers.cookie = person.cookie;
    if (method !== 'GET') {
      headers['content-type'] = 'application/json';
      headers['x-csrf-token'] = person.csrf;
    }
    const req = request(`${baseUrl}${path}`, { agent, method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks), encoding: res.headers['content-encoding'] }));
    });
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(method === 'GET' ? undefined : JSON.stringify(body ?? {}));
  });
}

/** One operation of an endpoint for one person (two requests for quiz submit). */
async function operate(agent, baseUrl, endpoint, person, n, codes) {
  const first = endpoint.request(person, n, codes);
  const answer = await send(agent, baseUrl, endpoint.public ? null : person, first);
  if (answer.status >= 400) return `${answer.status} ${first.method} ${first.path.replace(/[0-9a-f-]{36}/g, ':id')} ${answer.encoding ? '' : answer.body.toString().slice(0, 120)}`;
  if (!endpoint.then) return null;
  const attempt = JSON.parse(answer.body.toString() || '{}');
  const second = endpoint.then(person, attempt);
  const done = await send(agent, baseUrl, person, second);
  return done.status >= 400 ? `${done.status} ${second.method} submission ${done.body.toString().slice(0, 120)}` : null;
}

/**
 * `CONNECTIONS` loops for `seconds`, each one request after another; `choose(slot, n)` names the
 * endpoint. Answers per endpoint: sorted latencies, errors, and a sample error.
 */
async function load(baseUrl, seconds, choose, people, codes) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const stats = new Map();
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, slot) => {
      for (let n = 0; performance.now() < deadline; n++) {
        const endpoint = choose(slot, n);
        const person = people[(slot * 7919 + n * 104729) % people.length];
        const s = stats.get(endpoint.name) ?? stats.set(endpoint.name, { latencies: [], errors: 0, sample: null }).get(endpoint.name);
        const started = performance.now();
        try {
          const failure = await operate(agent, baseUrl, endpoint, person, n, codes);
          if (failure) {
            s.errors++;
            s.sample ??= failure;
          } else s.latencies.push(performance.now() - started);
        } catch (error) {
          s.errors++;
          s.sample ??= String(error.message ?? error);
        }
      }
    }),
  );
  agent.destroy();
  for (const s of stats.values()) s.latencies.sort((a, b) => a - b);
  return { stats, seconds };
}

const figures = ({ latencies, errors }, seconds) => ({
  rps: latencies.length / seconds,
  p50: percentile(latencies, 50),
  p95: percentile(latencies, 95),
  p99: percentile(latencies, 99),
  errors,
});

function table(title, app, bare) {
  console.log(`\n${title}`);
  const rows = [];
  for (const endpoint of ENDPOINTS) {
    const a = app.stats.get(endpoint.name);
    const b = bare.stats.get(endpoint.name);
    if (!a || !b) continue;
    const fa = figures(a, app.seconds);
    const fb = figures(b, bare.seconds);
    const rpsRatio = fa.rps / fb.rps;
    const p95Ratio = fa.p95 / fb.p95;
    const read = !['progress save', 'quiz submit'].includes(endpoint.name);
    rows.push({
      endpoint: endpoint.name,
      'app req/s': fa.rps.toFixed(0),
      'app p50/p95/p99 ms': `${fa.p50.toFixed(0)}/${fa.p95.toFixed(0)}/${fa.p99.toFixed(0)}`,
      'app errors': fa.errors,
      'bare req/s': fb.rps.toFixed(0),
      'bare p50/p95/p99 ms': `${fb.p50.toFixed(0)}/${fb.p95.toFixed(0)}/${fb.p99.toFixed(0)}`,
      'bare errors': fb.errors,
      'req/s ratio': rpsRatio.toFixed(2),
      'p95 ratio': p95Ratio.toFixed(2),
      goal: read ? (rpsRatio >= 0.4 && p95Ratio <= 2 && fa.errors === 0 ? 'met' : 'not met') : fa.errors === 0 ? '(write)' : 'errors',
    });
    if (a.sample) console.log(`  app error sample, ${endpoint.name}: ${a.sample}`);
    if (b.sample) console.log(`  bare error sample, ${endpoint.name}: ${b.sample}`);
  }
  console.table(rows);
}


/** Signs people in, starts the bare server beside the API and runs the mix and each endpoint alone. */
async function measure(db) {
  const { people, codes } = await signInPeople(db, PEOPLE);
  people.forEach((p, index) => (p.index = index));
  await db.end();
  console.log(`${people.length} signed-in volunteers in as many organisations, ${codes.length} certificate codes`);

  const barePort = await freePort();
  bare = spawn(process.execPath, [fileURLToPath(new URL('./load-mix/bare-server.mjs', import.meta.url)), api.databaseUrl, String(barePort)], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const bareUrl = `http://127.0.0.1:${barePort}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${bareUrl}/api/verify/none`)).status === 404) break;
    } catch {}
    if (i > 100) throw new Error('the bare server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }

  // Every endpoint once per person type first: warms both servers and proves each route answers.
  for (const endpoint of ENDPOINTS) {
    for (const [label, url] of [['app', api.baseUrl], ['bare', bareUrl]]) {
      const failure = await operate(new Agent(), url, endpoint, people[0], 0, codes);
      if (failure) console.log(`  warm-up ${label} ${endpoint.name}: ${failure}`);
    }
  }
  const totalWeight = ENDPOINTS.reduce((sum, e) => sum + e.weight, 0);
  const weighted = (slot, n) => {
    let x = (slot * 2654435761 + n * 40503) % totalWeight;
    for (const endpoint of ENDPOINTS) if ((x -= endpoint.weight) < 0) return endpoint;
    return ENDPOINTS[0];
  };
  console.log(`\n${CONNECTIONS} connections; load average before: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const mixApp = await load(api.baseUrl, MIX_SECONDS, weighted, people, codes);
  const mixBare = await load(bareUrl, MIX_SECONDS, weighted, people, codes);
  table(`The weighted mix, ${MIX_SECONDS} s each (app, then bare)`, mixApp, mixBare);

  const alone = { app: { stats: new Map(), seconds: SECONDS }, bare: { stats: new Map(), seconds: SECONDS } };
  for (const endpoint of ENDPOINTS) {
    for (const [label, url] of [['app', api.baseUrl], ['bare', bareUrl]]) {
      const run = await load(url, SECONDS, () => endpoint, people, codes);
      alone[label].stats.set(endpoint.name, run.stats.get(endpoint.name) ?? { latencies: [], errors: 0 });
    }
  }
  table(`Each endpoint alone, ${SECONDS} s each (app, then bare)`, alone.app, alone.bare);
  console.log(`\nload average after: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}

const api = await startApi('loadmix', { VERIFY_RATE_LIMIT_PER_MINUTE: '100000000', SEED_DEMO: 'false' });
let bare;
try {
  const db = new pg.Client({ connectionString: api.databaseUrl });
  await db.connect();
  const { rows: [filled] } = await db.query(`SELECT count(*)::int AS n FROM "Network" WHERE slug = 'net-00'`);
  if (filled.n === 0) {
    console.log(`filling at scale ${SCALE}`);
    await fillNetworkScale(db, SCALE);
  } else console.log('reusing the filled database');
  if (FILL_ONLY) await db.end();
  else await measure(db);
} finally {
  bare?.kill('SIGTERM');
  await api.stop();
}
