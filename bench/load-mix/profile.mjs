// Where an endpoint's CPU time goes inside the API (issue 18): starts the built API under
// `node --cpu-prof` on a database the load mix kept, sends one endpoint of the mix for a few
// seconds from many signed-in people, stops the API (which writes the profile) and prints the
// profile's self time by layer (framework, Fastify, Prisma, pg, zod, the app's own code,
// serialisation, garbage collection…) and the functions with most self time. Shares of a CPU
// profile hold on a loaded machine far better than timings do.
//
//   BENCH_DATABASE=<kept load-mix database> node bench/load-mix/profile.mjs "<endpoint name>" [--seconds 10] [--connections 50]
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arg, pg, startApi } from '../materials-common.mjs';
import { ENDPOINTS } from './endpoints.mjs';
import { signInPeople } from './people.mjs';

const name = process.argv[2];
const endpoint = ENDPOINTS.find((e) => e.name === name);
if (!endpoint || !process.env.BENCH_DATABASE) {
  throw new Error(`usage: BENCH_DATABASE=<db> node bench/load-mix/profile.mjs "<${ENDPOINTS.map((e) => e.name).join(' | ')}>"`);
}
const SECONDS = arg('seconds', 10);
const CONNECTIONS = arg('connections', 50);

const profileDir = mkdtempSync(join(tmpdir(), 'tadamon-profile-'));
process.env.BENCH_NODE_ARGS = `--cpu-prof --cpu-prof-dir=${profileDir} --cpu-prof-interval=500`;
const api = await startApi('profile', { VERIFY_RATE_LIMIT_PER_MINUTE: '100000000', SEED_DEMO: 'false' });
const window = { start: 0, end: 0 };
let done = 0;
let failures = 0;
let sample = null;
try {
  const db = new pg.Client({ connectionString: api.databaseUrl });
  await db.connect();
  const { people, codes } = await signInPeople(db, 500);
  people.forEach((p, index) => (p.index = index));
  await db.end();

  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const send = ({ method, path, body }, person) =>
    new Promise((resolve, reject) => {
      const headers = { accept: 'application/json', ...(method === 'GET' ? { 'accept-encoding': 'gzip, br' } : {}) };
      if (person) headers.cookie = person.cookie;
      if (method !== 'GET') Object.assign(headers, { 'content-type': 'application/json', 'x-csrf-token': person.csrf });
      const req = request(`${api.baseUrl}${path}`, { agent, method, headers }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end(method === 'GET' ? undefined : JSON.stringify(body ?? {}));
    });
  // The profile covers the whole process (start-up compiles modules and builds the OpenAPI
  // document); only samples taken while the load ran are counted. V8's sample times and
  // process.hrtime both read the system's monotonic clock, in microseconds here.
  window.start = Number(process.hrtime.bigint() / 1000n);
  const deadline = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, slot) => {
      for (let n = 0; performance.now() < deadline; n++) {
        const person = people[(slot * 7919 + n * 104729) % people.length];
        const first = endpoint.request(person, n, codes);
        let answer = await send(first, endpoint.public ? null : person);
        if (answer.status < 400 && endpoint.then) answer = await send(endpoint.then(person, JSON.parse(answer.body.toString())), person);
        if (answer.status >= 400) {
          failures++;
          sample ??= `${answer.status} ${answer.body.toString().slice(0, 200)}`;
        } else done++;
      }
    }),
  );
  window.end = Number(process.hrtime.bigint() / 1000n);
  agent.destroy();
} finally {
  await api.stop();
}
console.log(`${name}: ${done} operations in ${SECONDS} s (${(done / SECONDS).toFixed(0)}/s), ${failures} failures${sample ? ` (${sample})` : ''}`);

const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error(`no profile written in ${profileDir}`);
const profile = JSON.parse(readFileSync(join(profileDir, file), 'utf8'));

/** The layer a function belongs to, from its script's path. */
function layerOf({ url, functionName }) {
  if (!url) return functionName.startsWith('(') ? functionName : `(native) ${functionName || 'anonymous'}`;
  const pkg = url.match(/node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/) ?? url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  if (url.includes('/apps/api/dist/generated/prisma')) return '@prisma/client (generated)';
  if (url.includes('/apps/api/dist/')) return `app: ${url.split('/apps/api/dist/')[1].split('/').slice(0, 2).join('/')}`;
  if (url.includes('/packages/shared/')) return '@tadamon/shared';
  if (url.startsWith('node:')) return `node: ${url.slice(5).split('/')[0]}`;
  return url;
}

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const selfMicros = new Map();
let at = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) {
  at += profile.timeDeltas[i] ?? 0;
  if (at < window.start || at > window.end) continue;
  const id = profile.samples[i];
  selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const byLayer = new Map();
const byFunction = new Map();
let busy = 0;
for (const [id, micros] of selfMicros) {
  const frame = nodes.get(id).callFrame;
  if (frame.functionName === '(idle)') continue;
  busy += micros;
  const layer = layerOf(frame);
  byLayer.set(layer, (byLayer.get(layer) ?? 0) + micros);
  const fn = `${frame.functionName || '(anonymous)'} ${layer}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
}
const perOp = (micros) => (done ? `${(micros / done).toFixed(0)} µs/op` : '');
const top = (map, count) =>
  [...map].sort((a, b) => b[1] - a[1]).slice(0, count).map(([k, v]) => ({ where: k, share: `${((100 * v) / busy).toFixed(1)} %`, 'per operation': perOp(v) }));
console.log(`\nCPU busy (not idle) in the API while the load ran: ${(busy / 1e6).toFixed(1)} s of ${((window.end - window.start) / 1e6).toFixed(1)} s, ${perOp(busy)}; self time by layer:`);
console.table(top(byLayer, 25));
console.log('Functions with most self time:');
console.table(top(byFunction, 30));
console.log(`profile: ${join(profileDir, file)}`);
