import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillNetworkScale } from '../../../bench/load-mix/fill.mjs';
import { signInPeople, type BenchPerson } from '../../../bench/load-mix/people.mjs';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * SQL round trips per request of the main endpoints, counted at node-postgres for the request's
 * own async context (background work such as the outbox relay is not counted), and held to a
 * budget. A list must not issue a query per row: its count stays the same when the list grows.
 */
const perRequest = new AsyncLocalStorage<{ queries: number }>();
const originalQuery = pg.Client.prototype.query;

let t: TestApp;
let person: BenchPerson;
let codes: string[];

async function countQueries(method: 'GET' | 'POST', path: string, body?: object, who: BenchPerson | null = person) {
  const store = { queries: 0 };
  const server = t.app.getHttpServer();
  const enter = () => perRequest.enterWith(store);
  server.prependListener('request', enter);
  try {
    let req = method === 'GET' ? request(server).get(path) : request(server).post(path).set('x-csrf-token', who!.csrf).send(body ?? {});
    if (who) req = req.set('cookie', who.cookie);
    const answer = await req;
    expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBeLessThan(300);
    return { queries: store.queries, body: answer.body };
  } finally {
    server.removeListener('request', enter);
  }
}

beforeAll(async () => {
  pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
    const store = perRequest.getStore();
    if (store) store.queries++;
    return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
  t = await startTestApp();
  const db = new pg.Client({ connectionString: t.databaseUrl });
  await db.connect();
  try {
    // 20 networks, 200 organisations, 2,000 people, 100 courses, 400 meetings…
    await fillNetworkScale(db, 0.02);
    ({ people: [person], codes } = await signInPeople(db, 1, 'tadamon_session'));
  } finally {
    await db.end();
  }
}, 300_000);

afterAll(async () => {
  pg.Client.prototype.query = originalQuery;
  await t?.close();
});

/** Queries per request today, each a ceiling: a change that adds round trips must say why here. */
const BUDGET = {
  session: 1,
  // With the session: enrolments, where each course continues (outlines, progress, passed
  // quizzes), certificates earned and those the courses lead to — whatever the number of courses.
  myLearning: 8,
  catalogue: 3,
  lessonOpen: 6,
  progressSave: 6,
  materials: 3,
  search: 3,
  myCertificates: 2,
  verify: 1,
  meetings: 4,
  meeting: 6,
  threads: 4,
};

describe('SQL round trips per request', () => {
  it('stays within each main endpoint’s budget', async () => {
    const counted = {
      session: await countQueries('GET', '/api/auth/session'),
      myLearning: await countQueries('GET', '/api/me/learning'),
      catalogue: await countQueries('GET', '/api/learning/catalogue'),
      lessonOpen: await countQueries('GET', `/api/learning/enrolments/${person.enrolmentId}/lessons/${person.lessonId}`),
      progressSave: await countQueries('POST', `/api/learning/enrolments/${person.enrolmentId}/lessons/${person.lessonId}/progress`, {
        event: 'position',
        positionSeconds: 12,
      }),
      materials: await countQueries('GET', '/api/materials'),
      search: await countQueries('GET', `/api/materials?q=${encodeURIComponent('santé')}`),
      myCertificates: await countQueries('GET', '/api/me/certificates'),
      verify: await countQueries('GET', `/api/verify/${codes[0]}`, undefined, null),
      meetings: await countQueries('GET', '/api/meetings'),
      meeting: await countQueries('GET', `/api/meetings/${person.meetingId}`),
      threads: await countQueries('GET', `/api/groups/${person.groupId}/threads`),
    };
    const queries = Object.fromEntries(Object.entries(counted).map(([name, c]) => [name, c.queries]));
    console.log('SQL round trips per request:', JSON.stringify(queries));
    for (const [name, count] of Object.entries(queries)) {
      expect(count, name).toBeGreaterThan(0);
      expect(count, name).toBeLessThanOrEqual(BUDGET[name as keyof typeof BUDGET]);
    }
  });

  it('issues no query per row: a list costs the same round trips when it grows', async () => {
    const lists = async () => ({
      myLearning: await countQueries('GET', '/api/me/learning'),
      myCertificates: await countQueries('GET', '/api/me/certificates'),
      meetings: await countQueries('GET', '/api/meetings'),
      threads: await countQueries('GET', `/api/groups/${person.groupId}/threads`),
    });
    const before = await lists();
    const db = new pg.Client({ connectionString: t.databaseUrl });
    await db.connect();
    try {
      // More of each list for the same person: enrolments in the rest of the network's courses,
      // renewed certificates (new cycles), meetings inviting their organisation, new threads.
      await db.query(
        `INSERT INTO "CourseEnrolment" (id, "courseId", "versionId", "userId", "organisationId", source, "totalLessons", "updatedAt")
         SELECT gen_random_uuid(), c.id, c."publishedVersionId", $1, $2, 'SELF', 4, now() FROM "Course" c
          WHERE c."networkId" = $3 AND NOT EXISTS (SELECT 1 FROM "CourseEnrolment" e WHERE e."courseId" = c.id AND e."userId" = $1)`,
        [person.userId, person.organisationId, person.networkId],
      );
      await db.query(
        `INSERT INTO "Certificate" (id, code, "certificateTypeId", "holderUserId", "organisationId", "networkId", cycle, reason, "holderName", language, "statusListIndex")
         SELECT gen_random_uuid(), md5(random()::text), c."certificateTypeId", c."holderUserId", c."organisationId", c."networkId", c.cycle + k,
                c.reason, c."holderName", c.language, 100000 + row_number() OVER ()
           FROM "Certificate" c CROSS JOIN generate_series(1, 3) k WHERE c."holderUserId" = $1`,
        [person.userId],
      );
      await db.query(
        `WITH copies AS (
           INSERT INTO "Meeting" (id, "networkId", "hostOrganisationId", "createdById", title, format, "startsAt", "endsAt", "timeZone", "updatedAt")
           SELECT gen_random_uuid(), m."networkId", m."hostOrganisationId", m."createdById", m.title || ' (follow-up)', m.format,
                  m."startsAt" + interval '1 day', m."endsAt" + interval '1 day', m."timeZone", now()
             FROM "Meeting" m WHERE m."networkId" = $2 AND m."endsAt" > now()
           RETURNING id, "hostOrganisationId")
         INSERT INTO "MeetingInvitedOrganisation" ("meetingId", "organisationId")
         SELECT id, $1 FROM copies WHERE "hostOrganisationId" <> $1`,
        [person.organisationId, person.networkId],
      );
      await db.query(
        `INSERT INTO "DiscussionThread" (id, "groupId", title, "authorId")
         SELECT gen_random_uuid(), t."groupId", t.title || ' (follow-up)', t."authorId" FROM "DiscussionThread" t WHERE t."groupId" = $1`,
        [person.groupId],
      );
    } finally {
      await db.end();
    }
    const after = await lists();
    for (const name of Object.keys(before) as (keyof typeof before)[]) {
      // Every list answer is { items } but "My learning", which groups its items in three lists.
      const rows = ({ body }: { body: Record<string, unknown[]> }) =>
        body.items?.length ?? [body.assigned, body.inProgress, body.completed].reduce((n, list) => n + (list?.length ?? 0), 0);
      expect(rows(after[name]), `${name} has more rows`).toBeGreaterThan(rows(before[name]));
      expect(after[name].queries, name).toBe(before[name].queries);
    }
  });
});
