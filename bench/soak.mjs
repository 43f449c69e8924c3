// Soak test: simulated people walk the main journeys of a RUNNING system for a while; prints
// every error (goal: none) and the API's resident memory after warm-up and at the end (goal:
// under 10 % growth). Unlike the other benches it starts nothing: point it at a system seeded
// with the demo network (`npm start` seeds it; accounts and password from the README).
//
//   node bench/soak.mjs [--url http://localhost:3000] [--users 200] [--seconds 300]
//                       [--warmup 30] [--pid <API process id>] [--password tadamon-demo]
//                       [--inspect 127.0.0.1:9229]
//
// Memory is read from /proc/<pid>/status: --pid, or the process listening on the URL's port
// (found with `ss -ltnp`, so the API must run as the same user). RSS alone cannot tell a leak
// from V8 and glibc keeping memory they no longer use, so with --inspect (the API started with
// `node --inspect=127.0.0.1:9229 …`) the soak also reads the V8 heap through the inspector,
// after a full garbage collection: heapUsed is then what is still referenced, the figure a
// leak makes grow. Node 20 needs `node --experimental-websocket bench/soak.mjs` for that
// (its WebSocket client is behind a flag until Node 22). Each person signs in once
// (one session each, by e-mail in the identifier field), then repeats: home (session,
// notifications, marking them read), library search, directory, meetings, course catalogue and
// their learning, working groups and a group's threads, now and then a reply in a thread (a
// write whose notifications and mails go through the job outbox), and for leaders and
// coordinators the course-progress report and network figures; with a think time of 0.5–2 s.
// The demo coordinator owes a second factor: its TOTP code is accepted once per 30-second
// step, so everyone simulated as the coordinator shares one signed-in session (as tabs of one
// browser would), signed in with the demo secret from the README.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
const require = createRequire(new URL('../apps/api/package.json', import.meta.url));
const { authenticator } = require('otplib');

const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const BASE = option('url', 'http://localhost:3000').replace(/\/$/, '');
const USERS = Number(option('users', 200));
const SECONDS = Number(option('seconds', 300));
const WARMUP = Math.min(Number(option('warmup', 30)), SECONDS / 2);
const PASSWORD = option('password', 'tadamon-demo');
const ACCOUNTS = ['coordinator@example.org', 'leader@example.org', 'volunteer@example.org', 'leader.bamako@example.org', 'leader.brussels@example.org'];
const COORDINATOR = 'coordinator@example.org';
const COORDINATOR_TOTP_SECRET = option('totp-secret', 'TADAMONDEMOCOORDINATORJ2QK4XVW7A');
/** Share of journeys that end with a reply in a thread. */
const REPLY_SHARE = Number(option('reply-share', 0.05));
const SEARCHES = ['leadership', 'organising', 'fundraising', 'formation', 'droits', 'campa', 'santé', 'تدريب', 'salud', 'vrijwilliger'];

const errors = new Map();
const latencies = [];
let requests = 0;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = (list) => list[Math.floor(Math.random() * list.length)];

function apiPid() {
  if (option('pid')) return Number(option('pid'));
  const port = new URL(BASE).port || (BASE.startsWith('https') ? '443' : '80');
  try {
    const listing = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
    const match = /pid=(\d+)/.exec(listing);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}
function rssMb(pid) {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
  } catch {
    return null;
  }
}

/**
 * The API's V8 heap after a full collection, through the inspector (--inspect): heapUsed is
 * what is still referenced, heapTotal what V8 holds for it, external the Buffers and the like.
 */
async function heapMb() {
  const at = option('inspect');
  if (!at) return null;
  if (typeof WebSocket === 'undefined') throw new Error('--inspect needs a WebSocket client: node --experimental-websocket bench/soak.mjs (Node 20)');
  const [target] = await (await fetch(`http://${at}/json/list`)).json();
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  let nextId = 0;
  const send = (method, params = {}) =>
    new Promise((resolve) => {
      const id = ++nextId;
      socket.addEventListener('message', function answer(event) {
        const message = JSON.parse(event.data);
        if (message.id !== id) return;
        socket.removeEventListener('message', answer);
        resolve(message.result);
      });
      socket.send(JSON.stringify({ id, method, params }));
    });
  try {
    await send('HeapProfiler.collectGarbage');
    const { result } = await send('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true });
    const usage = JSON.parse(result.value);
    const mb = (bytes) => bytes / 1024 / 1024;
    return { heapUsed: mb(usage.heapUsed), heapTotal: mb(usage.heapTotal), external: mb(usage.external), rss: mb(usage.rss) };
  } finally {
    socket.close();
  }
}
const heapLine = (heap) =>
  heap
    ? `after a full GC: heapUsed ${heap.heapUsed.toFixed(1)} MB (heapTotal ${heap.heapTotal.toFixed(1)}, external ${heap.external.toFixed(1)}, RSS ${heap.rss.toFixed(1)})`
    : 'heap: not read (pass --inspect)';

/** One person's browser: a cookie jar and the CSRF token, as the SPA keeps them. */
class Person {
  cookies = new Map();
  csrf = undefined;
  session = undefined;

  async call(method, path, body) {
    const headers = { accept: 'application/json', 'accept-encoding': 'gzip, br' };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const started = performance.now();
    let response;
    try {
      response = await fetch(`${BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (error) {
      record(`${method} ${route(path)} network error: ${error.cause?.code ?? error.message}`);
      return null;
    }
    const text = await response.text();
    latencies.push(performance.now() - started);
    requests++;
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    if (response.status >= 400) {
      record(`${method} ${route(path)} ${response.status} ${text.slice(0, 80)}`);
      return null;
    }
    return text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
  }

  async signIn(email) {
    this.csrf = (await this.call('GET', '/api/auth/csrf'))?.csrfToken;
    const answer = await this.call('POST', '/api/auth/sign-in', { identifier: email, password: PASSWORD });
    if (!answer) return false;
    this.csrf = answer.csrfToken ?? this.csrf;
    if (answer.secondFactorRequired || answer.secondFactor) {
      // 204 on success (an empty body); a refused code is recorded as an error.
      if ((await this.call('POST', '/api/auth/second-factor/verify', { code: authenticator.generate(COORDINATOR_TOTP_SECRET) })) === null) return false;
    }
    this.session = await this.call('GET', '/api/auth/session');
    this.csrf = this.session?.csrfToken ?? this.csrf;
    return !!this.session?.permissions;
  }

  async journey() {
    const organisation = this.session.memberships[0]?.organisationId;
    const network = this.session.networkRoles[0]?.networkId ?? this.session.memberships[0]?.networkId;
    const steps = [
      () => this.call('GET', '/api/auth/session'),
      async () => {
        const inbox = await this.call('GET', '/api/me/notifications');
        const unread = inbox?.items?.filter((n) => !n.read).map((n) => n.id) ?? [];
        if (unread.length) await this.call('POST', '/api/me/notifications/read', { ids: unread.slice(0, 20) });
      },
      () => this.call('GET', `/api/materials?q=${encodeURIComponent(pick(SEARCHES))}`),
      () => this.call('GET', '/api/materials'),
      () => this.call('GET', '/api/directory'),
      () => this.call('GET', '/api/meetings'),
      () => this.call('GET', '/api/learning/catalogue'),
      () => this.call('GET', '/api/me/learning'),
      async () => {
        const groups = await this.call('GET', '/api/groups');
        const group = groups?.items?.find((g) => g.name.startsWith('Soak:')) ?? groups?.items?.[0];
        if (!group?.id) return;
        const threads = await this.call('GET', `/api/groups/${group.id}/threads`);
        const thread = threads?.items?.find((t) => !t.locked);
        if (!thread) return;
        await this.call('GET', `/api/threads/${thread.id}`);
        if (Math.random() < REPLY_SHARE) await this.call('POST', `/api/threads/${thread.id}/posts`, { body: `Soak reply ${Date.now()}` });
      },
    ];
    if (organisation && this.session.permissions.includes('courses.progress')) {
      steps.push(() => this.call('GET', `/api/organisations/${organisation}/course-progress`));
    }
    if (network && this.session.networkRoles.length) steps.push(() => this.call('GET', `/api/networks/${network}/stats`));
    for (const step of steps) {
      if (Date.now() > deadline) return;
      await step();
      await sleep(500 + Math.random() * 1500);
    }
  }
}

function route(path) {
  return path.split('?')[0].replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id');
}
function record(key) {
  errors.set(key, (errors.get(key) ?? 0) + 1);
}
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

/** The demo coordinator's one session (its TOTP code works once per step), shared by all who play them. */
let coordinator;
function coordinatorSession() {
  coordinator ??= (async () => {
    const person = new Person();
    return (await person.signIn(COORDINATOR)) ? person : null;
  })();
  return coordinator;
}

/**
 * A network-wide working group with one discussion, so the group journey has a thread to read
 * and answer: the demo seed has none. Made once by the coordinator (reused on later runs).
 */
async function ensureDiscussion() {
  const person = await coordinatorSession();
  if (!person) {
    console.log('The coordinator could not sign in: no discussion to answer in this run.');
    return;
  }
  const network = person.session.networkRoles[0]?.networkId;
  const groups = await person.call('GET', '/api/groups');
  let group = groups?.items?.find((g) => g.name === 'Soak: volunteers’ corner');
  group ??= await person.call('POST', '/api/groups', { networkId: network, name: 'Soak: volunteers’ corner', audience: 'NETWORK' });
  if (!group?.id) return;
  const threads = await person.call('GET', `/api/groups/${group.id}/threads`);
  if (!threads?.items?.length) await person.call('POST', `/api/groups/${group.id}/threads`, { title: 'How did your week go?', body: 'Tell us in a line.' });
  console.log(`Discussion to read and answer: group ${group.id}`);
}

const pid = apiPid();
const health = await fetch(`${BASE}/api/health/ready`).catch((error) => ({ ok: false, status: error.cause?.code ?? error.message }));
if (!health.ok) {
  console.error(`${BASE}/api/health/ready answers ${health.status}: start the system first (npm start).`);
  process.exit(2);
}
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
console.log(`Soak ${new Date().toISOString()}: ${USERS} people against ${BASE} for ${SECONDS} s (warm-up ${WARMUP} s); API process ${pid ?? 'not found (pass --pid)'}; load average ${load()}`);
console.log(`RSS at start: ${pid ? `${rssMb(pid)?.toFixed(1)} MB` : 'unknown'}; ${heapLine(await heapMb())}`);

await ensureDiscussion();
const started = Date.now();
const deadline = started + SECONDS * 1000;
let rssAfterWarmup = null;
let heapAfterWarmup = null;
const warmupTimer = setTimeout(async () => {
  rssAfterWarmup = pid ? rssMb(pid) : null;
  heapAfterWarmup = await heapMb();
  console.log(`RSS after warm-up (${WARMUP} s): ${rssAfterWarmup?.toFixed(1) ?? 'unknown'} MB; ${heapLine(heapAfterWarmup)}; ${requests} requests so far`);
}, WARMUP * 1000);

await Promise.all(
  Array.from({ length: USERS }, async (_, i) => {
    // Arrivals spread over the first tenth of the run (at most 20 s), as people do.
    await sleep(Math.random() * Math.min(20_000, SECONDS * 100));
    const email = ACCOUNTS[i % ACCOUNTS.length];
    const person = email === COORDINATOR ? await coordinatorSession() : new Person();
    if (email !== COORDINATOR && !(await person.signIn(email))) return;
    if (!person?.session) return;
    while (Date.now() < deadline) await person.journey();
  }),
);
clearTimeout(warmupTimer);

const rssEnd = pid ? rssMb(pid) : null;
const heapEnd = await heapMb();
const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
const seconds = (Date.now() - started) / 1000;
console.log(`\n${requests} requests in ${seconds.toFixed(0)} s (${(requests / seconds).toFixed(1)}/s), p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms`);
console.log(`Errors: ${errorCount} (goal 0); load average at the end ${load()}`);
for (const [key, count] of [...errors].sort((a, b) => b[1] - a[1])) console.log(`  ${count} × ${key}`);
if (rssAfterWarmup && rssEnd) {
  const growth = ((rssEnd - rssAfterWarmup) / rssAfterWarmup) * 100;
  console.log(`RSS after warm-up ${rssAfterWarmup.toFixed(1)} MB, at the end ${rssEnd.toFixed(1)} MB: ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} % (goal < 10 %)`);
} else {
  console.log('RSS: unknown (pass --pid of the API process)');
}
if (heapAfterWarmup && heapEnd) {
  const growth = ((heapEnd.heapUsed - heapAfterWarmup.heapUsed) / heapAfterWarmup.heapUsed) * 100;
  console.log(`heapUsed after a full GC: after warm-up ${heapAfterWarmup.heapUsed.toFixed(1)} MB, at the end ${heapEnd.heapUsed.toFixed(1)} MB: ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} %`);
} else {
  console.log(heapLine(heapEnd));
}
// Once more when the last requests have drained: with nobody connected, RSS shows what the
// process keeps (V8 and malloc give memory back to the system only when idle, and in part).
if (option('inspect')) {
  await sleep(10_000);
  const settled = pid ? rssMb(pid) : null;
  console.log(`10 s after the end: RSS ${settled?.toFixed(1) ?? 'unknown'} MB; ${heapLine(await heapMb())}`);
  if (settled && rssAfterWarmup) {
    const growth = ((settled - rssAfterWarmup) / rssAfterWarmup) * 100;
    console.log(`RSS settled 10 s after the end vs after warm-up: ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} %`);
  }
}
process.exit(errorCount ? 1 : 0);
