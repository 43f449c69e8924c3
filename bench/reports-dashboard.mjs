// The reports dashboard (issue 19) over the network-scale data of the load mix
// (bench/load-mix/fill.mjs: 20 networks, 2,000 organisations, 100,000 people, 1,000,000 lesson
// records, 200,000 certificates, 20,000 meetings), plus what that fill leaves out: consented
// demographics for half the people, attendance at past meetings, approved accreditation for a
// third of the organisations, and four targets per network.
//
// Measures, one request at a time through the built API over HTTP, a coordinator's network
// dashboard (last twelve months; and a 24-month period), an organisation's dashboard and the
// CSV export. Goal: network dashboard p95 < 200 ms.
//
//   pnpm run build && node bench/reports-dashboard.mjs [--scale 1] [--requests 60]
//   BENCH_KEEP_DB=1 keeps the database; BENCH_DATABASE=<name> reuses it.
import { createHash, randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { fillNetworkScale } from './load-mix/fill.mjs';
import { SESSION_COOKIE, arg, percentile, pg, startApi } from './materials-common.mjs';

const SCALE = Number(arg('scale', 1));
const REQUESTS = arg('requests', 60);

async function extras(db) {
  const step = async (label, sql) => {
    const t0 = Date.now();
    const result = await db.query(sql);
    console.log(`  ${label}: ${result.rowCount ?? ''} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  };
  await step('demographics', `
    INSERT INTO "PersonDemographics" ("userId", gender, "ageBand", "consentedAt", "consentVersion", "updatedAt")
    SELECT id, (ARRAY['WOMAN','MAN','WOMAN','ANOTHER','PREFER_NOT_TO_SAY'])[1 + abs(hashtext(id::text)) % 5]::"DemographicGender",
           (ARRAY['UNDER_25','AGE_25_34','AGE_35_44','AGE_45_54','AGE_55_PLUS','PREFER_NOT_TO_SAY'])[1 + abs(hashtext(id::text) / 7) % 6]::"DemographicAgeBand",
           now(), '2026-12-07', now()
    FROM "User" WHERE email LIKE 'person%' AND hashtext(id::text) % 2 = 0`);
  await step('attendance', `
    INSERT INTO "MeetingAttendance" ("meetingId", "userId", status, "recordedById")
    SELECT m.id, mb."userId", (ARRAY['PRESENT','PRESENT','ABSENT'])[1 + abs(hashtext(mb."userId"::text)) % 3]::"MeetingAttendanceStatus", m."createdById"
    FROM "Meeting" m JOIN LATERAL (SELECT "userId" FROM "OrganisationMembership" WHERE "organisationId" = m."hostOrganisationId" LIMIT 10) mb ON true
    WHERE m."startsAt" < now() ON CONFLICT DO NOTHING`);
  await step('accreditation', `
    WITH f AS (
      INSERT INTO "AccreditationFramework" (id, "networkId", status, titles, "updatedAt")
      SELECT gen_random_uuid(), id, 'PUBLISHED', '{"en":"Quality"}', now() FROM "Network" RETURNING id, "networkId")
    INSERT INTO "AccreditationAssessment" (id, "organisationId", "frameworkId", status, "decidedAt", "validUntil", "updatedAt")
    SELECT gen_random_uuid(), o.id, f.id, 'APPROVED', now() - (abs(hashtext(o.id::text)) % 300 || ' days')::interval, now() + interval '2 years', now()
    FROM "Organisation" o JOIN f ON f."networkId" = o."networkId" WHERE hashtext(o.id::text) % 3 = 0`);
  await step('targets', `
    INSERT INTO "ReportTarget" (id, "networkId", country, metric, "targetValue", "periodStart", "periodEnd", "updatedAt")
    SELECT gen_random_uuid(), n.id, t.country, t.metric::"ReportMetric", t.value, date_trunc('year', now())::date - interval '1 year', (date_trunc('year', now()) + interval '1 year - 1 day')::date, now()
    FROM "Network" n CROSS JOIN (VALUES (NULL, 'PEOPLE_TRAINED', 5000), (NULL, 'CERTIFIED_VOLUNTEERS', 4000), (NULL, 'SHARE_WOMEN', 50), (NULL, 'SHARE_UNDER_35', 50)) t(country, metric, value)`);
  await db.query('ANALYZE');
}

async function sessionOf(db, userId) {
  const token = randomBytes(32).toString('base64url');
  const tokenHash = createHash('sha256').update(token).digest('base64url');
  await db.query(`INSERT INTO "Session" (id, "tokenHash", "userId", "expiresAt") VALUES (gen_random_uuid(), $1, $2, now() + interval '1 day')`, [tokenHash, userId]);
  return `${SESSION_COOKIE}=${token}`;
}

async function measure(baseUrl, cookie, label, path) {
  const times = [];
  let bytes = 0;
  for (let i = 0; i < REQUESTS + 5; i++) {
    const t0 = performance.now();
    const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
    const body = await response.arrayBuffer();
    const ms = performance.now() - t0;
    if (response.status !== 200) throw new Error(`${label}: ${response.status} ${Buffer.from(body).toString().slice(0, 300)}`);
    bytes = body.byteLength;
    if (i >= 5) times.push(ms); // the first five warm the connection pool and prepared statements
  }
  times.sort((a, b) => a - b);
  return { request: label, n: times.length, 'p50 ms': +percentile(times, 50).toFixed(1), 'p95 ms': +percentile(times, 95).toFixed(1), 'max ms': +times.at(-1).toFixed(1), bytes };
}

const api = await startApi('reports', { SEED_DEMO: 'false' });
try {
  const db = new pg.Client({ connectionString: api.databaseUrl });
  await db.connect();
  const { rows: [filled] } = await db.query(`SELECT count(*)::int AS n FROM "Network" WHERE slug = 'net-00'`);
  if (filled.n === 0) {
    console.log(`filling at scale ${SCALE}`);
    await fillNetworkScale(db, SCALE);
    await extras(db);
  } else console.log('reusing the filled database');
  const { rows: [net] } = await db.query(`
    SELECT n.id, m."userId", (SELECT o.id FROM "Organisation" o WHERE o."networkId" = n.id ORDER BY o.name LIMIT 1) AS "organisationId",
           (SELECT count(*)::int FROM "CourseEnrolment" e JOIN "Organisation" o ON o.id = e."organisationId" WHERE o."networkId" = n.id) AS enrolments,
           (SELECT count(*)::int FROM "Certificate" c WHERE c."networkId" = n.id) AS certificates
    FROM "Network" n JOIN "NetworkMembership" m ON m."networkId" = n.id WHERE n.slug = 'net-00'`);
  const cookie = await sessionOf(db, net.userId);
  await db.end();
  console.log(`network net-00: ${net.enrolments} enrolments, ${net.certificates} certificates; load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const now = new Date();
  const to = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  const from24 = `${now.getUTCFullYear() - 2}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  const rows = [];
  rows.push(await measure(api.baseUrl, cookie, 'network dashboard, 12 months', `/api/networks/${net.id}/dashboard`));
  rows.push(await measure(api.baseUrl, cookie, 'network dashboard, 24 months', `/api/networks/${net.id}/dashboard?from=${from24}&to=${to}`));
  rows.push(await measure(api.baseUrl, cookie, 'organisation dashboard', `/api/organisations/${net.organisationId}/dashboard`));
  rows.push(await measure(api.baseUrl, cookie, 'network CSV', `/api/networks/${net.id}/dashboard.csv`));
  console.table(rows);
  const p95 = rows[0]['p95 ms'];
  console.log(`network dashboard p95 ${p95} ms (goal < 200 ms): ${p95 < 200 ? 'met' : 'NOT met'}; load after ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
} finally {
  await api.stop();
}
