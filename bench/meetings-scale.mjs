#!/usr/bin/env node
/**
 * Meetings at network scale: a leader schedules 200 meetings (a quarter of them weekly for a
 * year) with the Bamako organisation, whose leader says yes to all of them; then we time the
 * screens and calendar files people open most.
 *
 * Self-contained: creates its own database on the test PostgreSQL (TEST_DATABASE_URL or
 * 127.0.0.1:5432), runs the built API (apps/api/dist/main.js) on a free loopback port with the
 * demo data, and removes both at the end. Bounded: fixed request counts, 5-minute cap.
 *
 *   pnpm build && node bench/meetings-scale.mjs
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const pg = createRequire(`${repo}apps/api/package.json`)('pg');
const MEETINGS = Number(process.env.BENCH_MEETINGS ?? 200);
const HARD_LIMIT_MS = 5 * 60_000;
const started = Date.now();
const hardStop = setTimeout(() => {
  console.error('Benchmark exceeded its time limit; stopping.');
  process.exit(2);
}, HARD_LIMIT_MS);

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

async function admin(sql) {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A signed-in browser-like client: session cookie plus CSRF token. */
class Client {
  constructor(base) {
    this.base = base;
    this.cookies = new Map();
    this.csrf = null;
  }
  async request(method, path, body) {
    const headers = { accept: 'application/json', cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const response = await fetch(`${this.base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair.split('=');
      this.cookies.set(name, value.join('='));
    }
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text.slice(0, 300)}`);
    return response.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : text;
  }
  async signIn(email) {
    this.csrf = (await this.request('GET', '/api/auth/csrf')).csrfToken;
    const session = await this.request('POST', '/api/auth/sign-in', { email, password: 'tadamon-demo' });
    this.csrf = session.csrfToken;
    return session;
  }
}

/** Runs `count` requests, `concurrency` at a time; returns latency percentiles in ms. */
async function measure(label, count, concurrency, run) {
  const times = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        await run(i);
        times.push(performance.now() - t);
      }
    }),
  );
  const wall = performance.now() - t0;
  times.sort((a, b) => a - b);
  const pct = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))].toFixed(1);
  const row = { label, requests: count, concurrency, 'p50 ms': pct(50), 'p95 ms': pct(95), 'max ms': times.at(-1).toFixed(1), 'req/s': ((count / wall) * 1000).toFixed(1) };
  console.log(JSON.stringify(row));
  return row;
}

const database = `tadamon_bench_meetings_${randomBytes(4).toString('hex')}`;
await admin(`CREATE DATABASE "${database}"`);
const databaseUrl = new URL(process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
databaseUrl.pathname = `/${database}`;
const port = await freePort();
const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl.toString(), NODE_ENV: 'test', SEED_DEMO: 'true', LOG_LEVEL: 'warn' };
delete env.REDIS_URL;
delete env.SMTP_URL;
let output = '';
const server = spawn(process.execPath, [`${repo}apps/api/dist/main.js`], { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
server.stdout.on('data', (c) => (output = (output + c).slice(-5000)));
server.stderr.on('data', (c) => (output = (output + c).slice(-5000)));

async function cleanup() {
  if (server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  }
  await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  clearTimeout(hardStop);
}

try {
  const base = `http://127.0.0.1:${port}`;
  for (let ready = false; !ready; ) {
    if (server.exitCode !== null) throw new Error(`API exited:\n${output}`);
    ready = await fetch(`${base}/api/health/ready`).then((r) => r.ok, () => false);
    if (!ready) await new Promise((r) => setTimeout(r, 300));
  }
  const host = new Client(base);
  const hostSession = await host.signIn('leader@example.org');
  const hostOrganisationId = hostSession.memberships[0].organisationId;
  const directory = await host.request('GET', `/api/directory?q=${encodeURIComponent('Mutualité')}&limit=5`);
  const bamakoId = directory.items.find((o) => o.city === 'Bamako').id;
  const guest = new Client(base);
  await guest.signIn('leader.bamako@example.org');

  console.log(`# meetings benchmark: ${MEETINGS} meetings, API on loopback, in-process jobs`);
  const ids = [];
  await measure('POST /api/meetings (create, invite, mail + reminder jobs)', MEETINGS, 4, async (i) => {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
    const meeting = await host.request('POST', '/api/meetings', {
      hostOrganisationId,
      title: `Réunion ${i}`,
      invitedOrganisationIds: [bamakoId],
      format: 'ONLINE',
      onlineUrl: 'https://meet.example.org/bench',
      startLocal: `2027-${month}-${day}T${String(8 + (i % 10)).padStart(2, '0')}:00`,
      endLocal: `2027-${month}-${day}T${String(9 + (i % 10)).padStart(2, '0')}:30`,
      timeZone: 'Africa/Casablanca',
      recurrence: i % 4 === 0 ? 'FREQ=WEEKLY;COUNT=52' : null,
      capacity: 50,
      agenda: [{ title: 'Tour de table', durationMinutes: 20 }],
    });
    ids.push(meeting.id);
  });
  await measure('PUT /api/meetings/:id/registration (yes, seat check under lock)', MEETINGS, 4, (i) =>
    guest.request('PUT', `/api/meetings/${ids[i]}/registration`, { answer: 'YES' }),
  );
  await measure(`GET /api/meetings (list of ${MEETINGS}, next occurrence each)`, 30, 2, () => guest.request('GET', '/api/meetings'));
  await measure('GET /api/meetings/:id (detail with conflicts against all others)', 100, 4, (i) => guest.request('GET', `/api/meetings/${ids[i % ids.length]}`));
  await measure('GET /api/meetings/:id/calendar.ics', 100, 4, (i) => guest.request('GET', `/api/meetings/${ids[i % ids.length]}/calendar.ics`));
  const feed = await guest.request('POST', '/api/me/calendar-feed');
  const feedPath = new URL(feed.url).pathname;
  let size = 0;
  await measure(`GET calendar feed (${MEETINGS} meetings)`, 10, 1, async () => {
    size = (await guest.request('GET', feedPath)).length;
  });
  console.log(JSON.stringify({ label: 'calendar feed size', bytes: size, seconds: ((Date.now() - started) / 1000).toFixed(1) }));
} finally {
  await cleanup();
}
