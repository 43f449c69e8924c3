// Memory while a large file arrives through tus: uploads a generated MP4-typed file (default
// 512 MiB; the figure is for `--mib 2048`) in 64 MiB PATCH requests over loopback,
// samples the API process's resident memory every 100 ms, and prints its growth.
// Goal (issue 3): at most 100 MB growth for a 2 GiB upload.
//
//   pnpm run build && node bench/materials-upload-rss.mjs [--mib 512]
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { arg, pg, seedPeople, startApi } from './materials-common.mjs';

const MIB = Math.min(arg('mib', 512), 4096);
const SIZE = MIB * 1024 * 1024;
const CHUNK = 64 * 1024 * 1024;

const rssOf = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;
const mb = (bytes) => (bytes / 1e6).toFixed(1);

// An MP4 'ftyp' box, then zeros: enough for the magic-byte check of a VIDEO material.
const head = Buffer.alloc(32);
head.writeUInt32BE(24, 0);
head.write('ftypisom', 4, 'latin1');
head.writeUInt32BE(0x200, 12);
head.write('isomiso2', 16, 'latin1');
const zeros = Buffer.alloc(1024 * 1024);

function send(agent, url, method, headers, writeBody) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res));
    });
    req.on('error', reject);
    if (writeBody) writeBody(req).then(() => req.end(), reject);
    else req.end();
  });
}

/** Writes `length` bytes of the file starting at `offset`, respecting back-pressure. */
async function writeRange(req, offset, length) {
  let sent = 0;
  if (offset === 0) {
    req.write(head);
    sent = head.length;
  }
  while (sent < length) {
    const piece = zeros.subarray(0, Math.min(zeros.length, length - sent));
    if (!req.write(piece)) await new Promise((r) => req.once('drain', r));
    sent += piece.length;
  }
}

const api = await startApi('upload');
try {
  const db = new pg.Client({ connectionString: api.databaseUrl });
  await db.connect();
  const people = await seedPeople(db);
  await db.end();
  const cookie = people.cookies.COORDINATOR;
  const session = await (await fetch(`${api.baseUrl}/api/auth/session`, { headers: { cookie } })).json();
  const headers = { cookie, 'x-csrf-token': session.csrfToken };
  const created = await fetch(`${api.baseUrl}/api/materials`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({
      networkId: people.networkId, kind: 'VIDEO', standardTopic: 'FIRST_AID', audience: 'EVERYONE', visibility: 'NETWORK',
      translation: { language: 'en', title: 'Large video' },
    }),
  });
  if (created.status !== 201) throw new Error(`Creating the material answered ${created.status}`);
  const translationId = (await created.json()).translations[0].id;

  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const meta = `translationId ${Buffer.from(translationId).toString('base64')},filename ${Buffer.from('large.mp4').toString('base64')}`;
  const creation = await send(agent, `${api.baseUrl}/api/uploads`, 'POST', { ...headers, 'tus-resumable': '1.0.0', 'upload-length': String(SIZE), 'upload-metadata': meta });
  if (creation.statusCode !== 201) throw new Error(`tus creation answered ${creation.statusCode}`);
  const location = `${api.baseUrl}${creation.headers.location}`;

  await new Promise((r) => setTimeout(r, 1000));
  const baseline = rssOf(api.pid);
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(api.pid))), 100);
  const started = performance.now();
  let finalStatus = 0;
  for (let offset = 0; offset < SIZE; offset += CHUNK) {
    const length = Math.min(CHUNK, SIZE - offset);
    const answer = await send(
      agent,
      location,
      'PATCH',
      { ...headers, 'tus-resumable': '1.0.0', 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream', 'content-length': String(length) },
      (req) => writeRange(req, offset, length),
    );
    finalStatus = answer.statusCode;
    if (finalStatus !== 204) throw new Error(`PATCH at ${offset} answered ${finalStatus}`);
  }
  const seconds = (performance.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 500));
  clearInterval(sampler);
  agent.destroy();
  console.log(`materials upload: ${MIB} MiB through tus in ${Math.ceil(SIZE / CHUNK)} PATCH requests, ${seconds.toFixed(1)} s (${(MIB / seconds).toFixed(0)} MiB/s)`);
  console.log(`API resident memory: before ${mb(baseline)} MB, peak ${mb(peak)} MB, growth ${mb(peak - baseline)} MB`);
} finally {
  await api.stop();
}
