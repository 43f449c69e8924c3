// Benchmark: joint documents under co-editing. Starts the built API (apps/api/dist/main.js)
// on a free loopback port against a fresh database of its own (demo data seeded), then
// measures saves with optimistic concurrency, simultaneous conflicting saves, reading a
// document with a long history, word diffs across it, and PDF export in Arabic.
// Bounded: fixed request counts, and the whole run stops after BENCH_LIMIT_S (default 240 s).
// Usage: pnpm build && node bench/collaboration-documents.mjs
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const pg = createRequire(`${repo}apps/api/package.json`)('pg');
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const limitMs = Number(process.env.BENCH_LIMIT_S ?? 240) * 1000;
const started = Date.now();
const SAVES = 200;
const CONFLICT_ROUNDS = 30;
const READS = 200;
const PDFS = 20;

const guard = setTimeout(() => {
  console.error(`Stopped: over ${limitMs / 1000} s`);
  process.exit(2);
}, limitMs);

const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

async function admin(sql) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const summary = (label, ms) =>
  console.log(
    `${label.padEnd(44)} n=${String(ms.length).padStart(4)}  p50=${percentile(ms, 50).toFixed(1)} ms  p95=${percentile(ms, 95).toFixed(1)} ms  max=${Math.max(...ms).toFixed(1)} ms`,
  );

/** A signed-in person: cookies and CSRF token, like the SPA. */
class Client {
  constructor(base) {
    this.base = base;
    this.cookies = new Map();
    this.csrf = '';
  }
  async request(method, path, body) {
    const headers = { accept: 'application/json', cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const response = await fetch(`${this.base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const index = pair.indexOf('=');
      this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
    const type = response.headers.get('content-type') ?? '';
    const data = type.includes('json') ? await response.json() : Buffer.from(await response.arrayBuffer());
    return { status: response.status, data };
  }
  async signIn(email) {
    this.csrf = (await this.request('GET', '/api/auth/csrf')).data.csrfToken;
    const answer = await this.request('POST', '/api/auth/sign-in', { email, password: 'tadamon-demo' });
    if (answer.status !== 200) throw new Error(`sign-in ${email}: ${answer.status}`);
    this.csrf = answer.data.csrfToken;
    return answer.data;
  }
}

async function timed(work) {
  const t0 = performance.now();
  const result = await work();
  return { ms: performance.now() - t0, result };
}

const database = `tadamon_bench_${randomBytes(5).toString('hex')}`;
await admin(`CREATE DATABASE "${database}"`);
const databaseUrl = new URL(adminUrl);
databaseUrl.pathname = `/${database}`;
const port = await freePort();
const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl.toString(), SEED_DEMO: 'true', LOG_LEVEL: 'warn' };
delete env.REDIS_URL;
delete env.SMTP_URL;
const server = spawn(process.execPath, [`${repo}apps/api/dist/main.js`], { cwd: repo, env, stdio: ['ignore', 'ignore', 'pipe'] });
let stderr = '';
server.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
const base = `http://127.0.0.1:${port}`;

try {
  for (let i = 0; ; i++) {
    if (server.exitCode !== null) throw new Error(`API exited: ${stderr}`);
    if ((await fetch(`${base}/api/health/ready`).catch(() => null))?.status === 200) break;
    if (i > 240) throw new Error('API not ready');
    await new Promise((r) => setTimeout(r, 250));
  }
  const owner = new Client(base);
  const partner = new Client(base);
  const session = await owner.signIn('leader@example.org');
  const partnerSession = await partner.signIn('leader.bamako@example.org');
  const networkId = session.memberships[0].networkId;
  const partnerOrg = partnerSession.memberships[0].organisationId;
  const group = await owner.request('POST', '/api/groups', { networkId, name: 'Benchmark group', audience: 'NETWORK' });
  // A realistic letter: ~600 words in English and in Arabic.
  const paragraph = 'We, the undersigned organisations, call on the government to ratify Convention 189 and to extend social protection to domestic workers. ';
  const body = Array.from({ length: 30 }, (_, i) => `${paragraph}(${i})`).join('\n\n');
  const doc = await owner.request('POST', `/api/groups/${group.data.id}/documents`, {
    kind: 'LETTER', ownerOrganisationId: session.memberships[0].organisationId, language: 'en',
    title: 'Benchmark letter', body, signatoryOrganisationIds: [partnerOrg],
  });
  const id = doc.data.id;
  await owner.request('PUT', `/api/documents/${id}/versions/ar`, {
    title: 'رسالة مشتركة', body: Array.from({ length: 30 }, () => 'نحن المنظمات الموقعة أدناه نطالب الحكومة بالمصادقة على الاتفاقية 189 وبتوسيع الحماية الاجتماعية لتشمل العاملات المنزليات.').join('\n\n'), baseRevision: 0,
  });

  console.log(`Collaboration benchmark (loopback, ${SAVES} saves, ${CONFLICT_ROUNDS} conflict rounds, ${READS} reads, ${PDFS} PDFs)`);
  // 1. Sequential saves, each naming the revision it started from.
  const saveMs = [];
  let revision = 1;
  for (let i = 0; i < SAVES; i++) {
    const editor = i % 2 ? partner : owner;
    const { ms, result } = await timed(() =>
      editor.request('PUT', `/api/documents/${id}/versions/en`, { title: 'Benchmark letter', body: `${body}\n\nEdit ${i}`, baseRevision: revision }),
    );
    if (result.status !== 200) throw new Error(`save ${i}: ${result.status}`);
    revision += 1;
    saveMs.push(ms);
  }
  summary('save (PUT version, optimistic concurrency)', saveMs);

  // 2. Both leaders save from the same revision at the same time: exactly one must win.
  let wins = 0;
  let conflicts = 0;
  const raceMs = [];
  for (let round = 0; round < CONFLICT_ROUNDS; round++) {
    const attempt = (client, who) =>
      timed(() => client.request('PUT', `/api/documents/${id}/versions/en`, { title: 'Benchmark letter', body: `${body}\n\n${who} ${round}`, baseRevision: revision }));
    const results = await Promise.all([attempt(owner, 'owner'), attempt(partner, 'partner')]);
    for (const { ms, result } of results) {
      raceMs.push(ms);
      if (result.status === 200) wins += 1;
      else if (result.status === 409 && result.data.details?.theirChanges) conflicts += 1;
    }
    revision += 1;
  }
  summary('simultaneous save pair (one 200, one 409)', raceMs);
  console.log(`  winners=${wins} conflicts-with-diff=${conflicts} (expected ${CONFLICT_ROUNDS} and ${CONFLICT_ROUNDS}) ${wins === CONFLICT_ROUNDS && conflicts === CONFLICT_ROUNDS ? 'OK' : 'LOST UPDATE!'}`);

  // 3. Reading the document (two language versions, rendered Markdown) with ten readers at once.
  const readMs = [];
  for (let i = 0; i < READS / 10; i++) {
    const batch = await Promise.all(Array.from({ length: 10 }, (_, j) => timed(() => (j % 2 ? partner : owner).request('GET', `/api/documents/${id}`))));
    for (const { ms, result } of batch) {
      if (result.status !== 200) throw new Error(`read: ${result.status}`);
      readMs.push(ms);
    }
  }
  summary('read document (10 concurrent readers)', readMs);

  // 4. Word diff between the first and the latest revision, and between neighbours.
  const diffMs = [];
  for (let i = 0; i < 20; i++) {
    const to = revision - i;
    const { ms, result } = await timed(() => owner.request('GET', `/api/documents/${id}/versions/en/diff?from=${i % 2 ? to - 1 : 1}&to=${to}`));
    if (result.status !== 200) throw new Error(`diff: ${result.status}`);
    diffMs.push(ms);
  }
  summary(`word diff (~600 words, up to ${revision} revisions)`, diffMs);

  // 5. PDF export in Arabic (shaped, right to left) with both signatories.
  await owner.request('POST', `/api/documents/${id}/status`, { status: 'IN_REVIEW' });
  await owner.request('POST', `/api/documents/${id}/status`, { status: 'OPEN_FOR_SIGNATURE' });
  await owner.request('POST', `/api/documents/${id}/signatories/${session.memberships[0].organisationId}/decision`, { decision: 'SIGN' });
  await partner.request('POST', `/api/documents/${id}/signatories/${partnerOrg}/decision`, { decision: 'SIGN' });
  const pdfMs = [];
  let bytes = 0;
  for (let i = 0; i < PDFS; i++) {
    const { ms, result } = await timed(() => partner.request('GET', `/api/documents/${id}/versions/${i % 2 ? 'en' : 'ar'}/pdf`));
    if (result.status !== 200) throw new Error(`pdf: ${result.status}`);
    bytes = Math.max(bytes, result.data.length);
    pdfMs.push(ms);
  }
  summary('PDF export (ar/en, 2 signatories)', pdfMs);
  console.log(`  largest PDF ${(bytes / 1024).toFixed(0)} KiB (fonts embedded as subsets)`);
  console.log(`Total ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  clearTimeout(guard);
  server.kill('SIGTERM');
  await new Promise((r) => (server.exitCode !== null ? r() : server.once('exit', r)));
  await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
}
