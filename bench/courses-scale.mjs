// Courses at network scale (issue 4): bulk-loads 100,000 learners in 200 organisations, 5,000
// published courses (4 lessons each), 300,000 enrolments and 1,000,000 lesson-progress records
// with generate_series (no row-by-row inserts), then measures through the built API over HTTP:
//
//  1. a leader's progress table for an organisation of 500 members (goal p95 < 200 ms), plus
//     the same table filtered (overdue, a name) and the network view by organisation;
//  2. opening a lesson and saving progress with 100 concurrent learners (goal p95 < 50 ms each):
//     100 requests always in flight (the machine's capacity), 100 learners at the lesson
//     player's pace, and requests arriving at fixed rates.
//     These routes belong to the learning module; on a build without them the bench says so
//     and skips them (run it after the merge).
//
//   pnpm run build && node bench/courses-scale.mjs [--learners 100000] [--courses 5000] [--seconds 15]
import { Agent, request } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { SESSION_COOKIE, arg, percentile, pg, repo, startApi } from './materials-common.mjs';

const LEARNERS = arg('learners', 100_000);
const COURSES = arg('courses', 5_000);
const SECONDS = Math.min(arg('seconds', 15), 60);
const ORGANISATIONS = 200;
const BIG_ORGANISATION_MEMBERS = 500;
const ENROLMENTS_PER_LEARNER = 3;
const COUNTRIES = ['MA', 'ML', 'BE', 'FR', 'ES', 'NL', 'SN', 'TN', 'DZ', 'EG', 'LB', 'JO', 'CM', 'CI', 'BF', 'NE', 'MR', 'GN', 'TG', 'BJ'];

async function session(db, userId) {
  const token = randomBytes(32).toString('base64url');
  const hash = createHash('sha256').update(token).digest('base64url');
  await db.query(`INSERT INTO "Session" (id, "tokenHash", "userId", "expiresAt") VALUES (gen_random_uuid(), $1, $2, now() + interval '1 day')`, [hash, userId]);
  return `${SESSION_COOKIE}=${token}`;
}

async function seed(databaseUrl) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const started = Date.now();
  const step = async (label, sql, params = []) => {
    const t0 = Date.now();
    const result = await db.query(sql, params);
    console.log(`  ${label}: ${result.rowCount ?? ''} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return result;
  };
  const { rows: [network] } = await db.query(`INSERT INTO "Network" (id, slug, name, "fallbackLanguages") VALUES (gen_random_uuid(), 'bench', 'Bench network', '{fr,en}') RETURNING id`);
  await step('organisations', `
    INSERT INTO "Organisation" (id, "networkId", name, type, country, "updatedAt")
    SELECT gen_random_uuid(), $1::uuid, 'Organisation ' || lpad(i::text, 3, '0'), 'NGO', ($2::text[])[1 + i % 20], now()
    FROM generate_series(0, ${ORGANISATIONS - 1}) i`, [network.id, COUNTRIES]);
  // Learner i belongs to organisation 000 when i <= 500, else to one of the others.
  await step('learners', `
    INSERT INTO "User" (id, email, name, "preferredLanguage", "updatedAt")
    SELECT gen_random_uuid(), 'learner' || i || '@bench.test',
           (ARRAY['Fatima','Youssef','Aïcha','Omar','Sara','Karim','Nadia','Mehdi','Leila','Hamza'])[1 + i % 10] || ' ' ||
           (ARRAY['El Amrani','Benali','Diallo','Traoré','Janssens','Peeters','Martín','García','الزهراء','بنعلي'])[1 + (i / 10) % 10] || ' ' || i,
           (ARRAY['fr','ar','en','es','nl'])[1 + i % 5], now()
    FROM generate_series(1, ${LEARNERS}) i`);
  await step('memberships', `
    INSERT INTO "OrganisationMembership" (id, "userId", "organisationId", role)
    SELECT gen_random_uuid(), u.id, o.id, 'VOLUNTEER'
    FROM (SELECT id, substring(email from 'learner(\\d+)@')::int AS i FROM "User") u
    JOIN (SELECT id, row_number() OVER (ORDER BY name) - 1 AS n FROM "Organisation") o
      ON o.n = CASE WHEN u.i <= ${BIG_ORGANISATION_MEMBERS} THEN 0 ELSE 1 + u.i % ${ORGANISATIONS - 1} END`);
  await step('courses', `
    INSERT INTO "Course" (id, "networkId", "standardTopic", audience, status, titles, summaries, languages, "estimatedMinutes", "updatedAt")
    SELECT gen_random_uuid(), $1::uuid, 'FIRST_AID', 'EVERYONE', 'PUBLISHED',
           jsonb_build_object('fr', 'Cours ' || i, 'en', 'Course ' || i, 'ar', 'دورة ' || i), '{}'::jsonb, '{fr,en,ar}', 20, now() - (i || ' minutes')::interval
    FROM generate_series(1, ${COURSES}) i`, [network.id]);
  await step('versions', `
    INSERT INTO "CourseVersion" (id, "courseId", number, state, titles, languages, "estimatedMinutes", "publishedAt", "updatedAt")
    SELECT gen_random_uuid(), c.id, 1, 'PUBLISHED', c.titles, c.languages, 20, now(), now() FROM "Course" c`);
  await step('published versions', `UPDATE "Course" c SET "publishedVersionId" = v.id FROM "CourseVersion" v WHERE v."courseId" = c.id`);
  await step('modules', `INSERT INTO "CourseModule" (id, "versionId", position, titles) SELECT gen_random_uuid(), v.id, 0, '{"fr":"Module 1"}' FROM "CourseVersion" v`);
  await step('lessons', `
    INSERT INTO "CourseLesson" (id, "moduleId", "versionId", position, titles, bodies)
    SELECT gen_random_uuid(), m.id, m."versionId", p, jsonb_build_object('fr', 'Leçon ' || (p + 1)), jsonb_build_object('fr', repeat('Texte de la leçon. ', 40))
    FROM "CourseModule" m CROSS JOIN generate_series(0, 3) p`);
  // Each learner in three courses: (i*7 + k*1013) mod COURSES never repeats for k = 0..2.
  await step('enrolments', `
    WITH learners AS (
      SELECT u.id, substring(u.email from 'learner(\\d+)@')::int AS i, m."organisationId"
      FROM "User" u JOIN "OrganisationMembership" m ON m."userId" = u.id),
    courses AS (SELECT id, "publishedVersionId", row_number() OVER (ORDER BY id) - 1 AS n FROM "Course")
    INSERT INTO "CourseEnrolment" (id, "courseId", "versionId", "userId", "organisationId", source, "totalLessons", "dueAt", "enrolledAt", "updatedAt")
    SELECT gen_random_uuid(), c.id, c."publishedVersionId", l.id, l."organisationId",
           (ARRAY['SELF','ASSIGNED','COHORT'])[1 + k]::"EnrolmentSource", 4,
           CASE WHEN k = 1 THEN now() + ((l.i % 60) - 20 || ' days')::interval END,
           now() - (l.i % 200 || ' days')::interval, now()
    FROM learners l CROSS JOIN generate_series(0, ${ENROLMENTS_PER_LEARNER - 1}) k
    JOIN courses c ON c.n = (l.i * 7 + k * 1013) % ${COURSES}`);
  // 1,000,000 progress records: the first three lessons of every enrolment, and the fourth
  // (course completed) for every third enrolment.
  await step('lesson progress', `
    INSERT INTO "LessonProgress" ("enrolmentId", "lessonId", status, "startedAt", "completedAt", "updatedAt")
    SELECT e.id, l.id, 'COMPLETED', e."enrolledAt", e."enrolledAt" + (l.position || ' days')::interval, e."enrolledAt" + (l.position || ' days')::interval
    FROM (SELECT id, "versionId", "enrolledAt", row_number() OVER (ORDER BY id) AS n FROM "CourseEnrolment") e
    JOIN "CourseLesson" l ON l."versionId" = e."versionId" AND (l.position < 3 OR e.n % 3 = 0)
    LIMIT 1000000`);
  await step('enrolment counters', `
    UPDATE "CourseEnrolment" e SET "completedLessons" = p.n, "lastLessonId" = p.last,
      status = CASE WHEN p.n = 4 THEN 'COMPLETED'::"EnrolmentStatus" ELSE 'ACTIVE'::"EnrolmentStatus" END,
      "completedAt" = CASE WHEN p.n = 4 THEN p.done END
    FROM (SELECT lp."enrolmentId", count(*)::int AS n, max(lp."completedAt") AS done,
                 (array_agg(lp."lessonId" ORDER BY lp."completedAt" DESC))[1] AS last
          FROM "LessonProgress" lp GROUP BY lp."enrolmentId") p
    WHERE p."enrolmentId" = e.id`);
  // What autovacuum does on a live system: the bulk UPDATE above left a dead copy of every enrolment.
  await db.query('VACUUM ANALYZE');
  const { rows: [counts] } = await db.query(`SELECT
    (SELECT count(*) FROM "User")::int AS learners, (SELECT count(*) FROM "Course")::int AS courses,
    (SELECT count(*) FROM "CourseEnrolment")::int AS enrolments, (SELECT count(*) FROM "LessonProgress")::int AS progress`);
  console.log(`seeded ${counts.learners} learners, ${counts.courses} courses, ${counts.enrolments} enrolments, ${counts.progress} progress records in ${((Date.now() - started) / 1000).toFixed(0)} s`);

  // The leader of organisation 000 (500 members) and a coordinator.
  const { rows: [big] } = await db.query(`SELECT id FROM "Organisation" ORDER BY name LIMIT 1`);
  const { rows: [leader] } = await db.query(`INSERT INTO "User" (id, email, name, "updatedAt") VALUES (gen_random_uuid(), 'leader@bench.test', 'Bench leader', now()) RETURNING id`);
  await db.query(`INSERT INTO "OrganisationMembership" (id, "userId", "organisationId", role) VALUES (gen_random_uuid(), $1, $2, 'ORG_LEADER')`, [leader.id, big.id]);
  const { rows: [coordinator] } = await db.query(`INSERT INTO "User" (id, email, name, "updatedAt") VALUES (gen_random_uuid(), 'coordinator@bench.test', 'Bench coordinator', now()) RETURNING id`);
  await db.query(`INSERT INTO "NetworkMembership" (id, "userId", "networkId", role) VALUES (gen_random_uuid(), $1, $2, 'COORDINATOR')`, [coordinator.id, network.id]);
  // 100 learners with an unfinished enrolment: each opens its fourth lesson and saves progress.
  const { rows: learners } = await db.query(`
    SELECT DISTINCT ON (e."userId") e."userId", e.id AS "enrolmentId", l.id AS "lessonId"
    FROM "CourseEnrolment" e JOIN "CourseLesson" l ON l."versionId" = e."versionId" AND l.position = 3
    WHERE e.status = 'ACTIVE' AND e."organisationId" <> $1
    ORDER BY e."userId" LIMIT 100`, [big.id]);
  const people = {
    networkId: network.id,
    organisationId: big.id,
    leader: await session(db, leader.id),
    coordinator: await session(db, coordinator.id),
    learners: [],
  };
  for (const l of learners) people.learners.push({ ...l, cookie: await session(db, l.userId) });
  await db.end();
  return people;
}

function send(agent, baseUrl, method, path, cookie, { body, csrf } = {}) {
  return new Promise((resolve, reject) => {
    const headers = { cookie, accept: 'application/json' };
    if (body) headers['content-type'] = 'application/json';
    if (csrf) headers['x-csrf-token'] = csrf;
    const req = request(`${baseUrl}${path}`, { agent, method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks) }));
    });
    req.setTimeout(15_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

/** `connections` loops, one request after another, for `seconds`; latencies sorted. */
async function run(connections, seconds, once) {
  const latencies = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, slot) => {
      let n = 0;
      while (performance.now() < deadline) {
        const started = performance.now();
        try {
          if (await once(slot, n++)) latencies.push(performance.now() - started);
          else errors++;
        } catch {
          errors++;
        }
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), errors };
}

/**
 * `learners` loops that each wait `everyMs` between requests (starting at random moments in
 * the first interval), for `seconds`; latencies sorted.
 */
async function paced(learners, seconds, everyMs, once) {
  const latencies = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: learners }, async (_, slot) => {
      await new Promise((r) => setTimeout(r, Math.random() * everyMs));
      for (let n = 0; performance.now() < deadline; n++) {
        const due = performance.now();
        try {
          if (await once(slot, n)) latencies.push(performance.now() - due);
          else errors++;
        } catch {
          errors++;
        }
        await new Promise((r) => setTimeout(r, Math.max(0, due + everyMs - performance.now())));
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), errors };
}

/** Open loop: `rate` requests a second for `seconds`, round the learners; latency from when due. */
async function atRate(rate, seconds, learners, once) {
  const latencies = [];
  let errors = 0;
  const started = performance.now();
  const pending = [];
  for (let i = 0; i < rate * seconds; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(
      once(i % learners, Math.floor(i / learners)).then(
        (ok) => (ok ? latencies.push(performance.now() - due) : errors++),
        () => errors++,
      ),
    );
  }
  await Promise.all(pending);
  return { latencies: latencies.sort((a, b) => a - b), errors };
}

const fmt = (n) => n.toFixed(1);
function report(label, connections, { latencies, errors }, goalMs, seconds = SECONDS) {
  const p95 = percentile(latencies, 95);
  console.log(
    `${label}: ${typeof connections === 'number' ? `${connections} concurrent` : connections}, ${seconds} s, ${latencies.length} requests (${fmt(latencies.length / seconds)}/s), ${errors} errors\n` +
      `  latency ms: p50 ${fmt(percentile(latencies, 50))}  p95 ${fmt(p95)}  p99 ${fmt(percentile(latencies, 99))}  max ${fmt(latencies.at(-1) ?? NaN)}` +
      (goalMs ? `  (goal p95 < ${goalMs} ms: ${p95 < goalMs ? 'met' : 'NOT met'})` : ''),
  );
}

const api = await startApi('courses');
try {
  const people = await seed(api.databaseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 200 });
  const get = (path, cookie) => send(agent, api.baseUrl, 'GET', path, cookie);

  // The machine's floor: the cheapest signed-in request (session lookup, no feature work).
  const floor = async () => (await get('/api/auth/session', people.leader)).status === 200;
  report('baseline GET /api/auth/session', 10, await run(10, 5, floor), undefined, 5);

  // 1. The leader's progress table (500 members × 3 courses = 1,500 rows, 50 a page).
  // (BENCH_ONLY=learning skips to part 2, BENCH_ONLY=reports stops after part 1, for tuning.)
  if (process.env.BENCH_ONLY !== 'learning') {
  const table = `/api/organisations/${people.organisationId}/course-progress`;
  const first = await get(table, people.leader);
  const page = JSON.parse(first.body.toString());
  if (first.status !== 200 || page.counts.enrolled !== BIG_ORGANISATION_MEMBERS * ENROLMENTS_PER_LEARNER) {
    throw new Error(`progress table answered ${first.status}: ${first.body.toString().slice(0, 300)}`);
  }
  console.log(`progress table: ${page.counts.enrolled} enrolments of ${BIG_ORGANISATION_MEMBERS} members, ${page.items.length} rows a page, ${first.body.length} bytes`);
  const pages = Math.ceil(page.total / page.pageSize);
  const tableRun = (path) => async (_, n) => (await get(`${path}${path.includes('?') ? '&' : '?'}page=${1 + (n % pages)}`, people.leader)).status === 200;
  await run(10, 3, tableRun(table));
  report('leader progress table, 500 members (pages 1..30)', 10, await run(10, SECONDS, tableRun(table)), 200);
  const filtered = async () => (await get(`${table}?status=OVERDUE&q=fatima`, people.leader)).status === 200;
  report('leader progress table filtered (overdue, name)', 10, await run(10, SECONDS, filtered), 200);
  const csv = async () => (await get(`${table}.csv`, people.leader)).status === 200;
  report('leader CSV export, 1,500 rows', 4, await run(4, SECONDS, csv));
  const network = async () => (await get(`/api/networks/${people.networkId}/course-progress`, people.coordinator)).status === 200;
  report('coordinator network view by organisation (200 organisations, 300,000 enrolments)', 4, await run(4, SECONDS, network));

  // The same three queries a table page runs, straight through the API's compiled repository
  // (same SQL and pool, no HTTP, session or JSON), one after another: the database's share.
  const requireFromApi = createRequire(join(repo, 'apps/api/package.json'));
  await import(requireFromApi.resolve('reflect-metadata'));
  const { PrismaService } = await import(join(repo, 'apps/api/dist/common/database/prisma.service.js'));
  const { ProgressReportsRepository } = await import(join(repo, 'apps/api/dist/modules/course-progress/progress-reports.repository.js'));
  const prisma = new PrismaService(api.databaseUrl);
  const reports = new ProgressReportsRepository(prisma);
  const sqlOnly = async (_, n) => {
    const filter = { organisationId: people.organisationId };
    const now = new Date();
    await Promise.all([reports.rows(filter, now, (n % pages) * 50, 50), reports.counts(filter, now), reports.courses(filter)]);
    return true;
  };
  await run(1, 2, sqlOnly);
  report('leader progress table, SQL only (3 queries), 1 at a time', 1, await run(1, SECONDS, sqlOnly), 200);
  await prisma.$disconnect();
  }

  // 2. Lesson player and progress (the learning module's routes) with 100 concurrent learners.
  const routeSets = [
    (e, l) => `/api/enrolments/${e}/lessons/${l}`,
    (e, l) => `/api/learning/enrolments/${e}/lessons/${l}`,
  ];
  const probe = people.learners[0];
  let lessonPath;
  for (const candidate of routeSets) {
    if ((await get(candidate(probe.enrolmentId, probe.lessonId), probe.cookie)).status === 200) lessonPath = candidate;
    if (lessonPath) break;
  }
  if (process.env.BENCH_ONLY === 'reports') {
    // (BENCH_ONLY=reports stops after part 1.)
  } else if (!lessonPath) {
    console.log('lesson player / progress routes: not in this build (the learning module) — skipped; run this bench after the merge');
  } else {
    for (const learner of people.learners) {
      learner.csrf = JSON.parse((await get('/api/auth/session', learner.cookie)).body.toString()).csrfToken;
    }
    const learners = people.learners;
    const open = async (slot) => {
      const l = learners[slot];
      return (await get(lessonPath(l.enrolmentId, l.lessonId), l.cookie)).status === 200;
    };
    await run(learners.length, 3, open);
    report('open a lesson', learners.length, await run(learners.length, SECONDS, open), 50);
    const save = async (slot, n) => {
      const l = learners[slot];
      const answer = await send(agent, api.baseUrl, 'POST', `${lessonPath(l.enrolmentId, l.lessonId)}/progress`, l.cookie, {
        csrf: l.csrf,
        body: { event: 'position', positionSeconds: 10 + n },
      });
      return answer.status === 200 || answer.status === 201;
    };
    const check = await send(agent, api.baseUrl, 'POST', `${lessonPath(probe.enrolmentId, probe.lessonId)}/progress`, probe.cookie, { csrf: probe.csrf, body: { event: 'position', positionSeconds: 5 } });
    if (check.status >= 300) throw new Error(`saving progress answered ${check.status}: ${check.body.toString().slice(0, 300)}`);
    report('save progress', learners.length, await run(learners.length, SECONDS, save), 50);

    // The same routes as the lesson player really calls them. Above, each of the 100 learners
    // fires its next request the moment the last one answers (100 requests always in flight):
    // that measures the machine's capacity. A learner in the player opens a lesson, then saves
    // the video position every 15 s (SAVE_EVERY_SECONDS in lesson-material.tsx).
    const pace = async (slot, n) => (n % 3 === 0 ? open(slot) : save(slot, n));
    report('100 learners at the player’s pace (open, then a save every 15 s)', `${learners.length} learners`, await paced(learners.length, 45, 15_000, pace), 50, 45);
    // Requests arriving at a fixed rate whatever the answers (latency counted from when each
    // was due), one open to two saves: how far the machine stretches before p95 passes 50 ms.
    // At the player's pace a learner makes about 0.07 requests per second.
    for (const rate of [100, 200, 300, 400]) {
      report(`opens and saves arriving at ${rate}/s (≈ ${Math.round(rate / 0.07).toLocaleString('en')} learners at the player’s pace)`, 'open loop', await atRate(rate, 10, learners.length, pace), 50, 10);
    }
  }
  agent.destroy();
} finally {
  await api.stop();
}
