// Signed-in people for the load mix, written straight into the database (the bench measures
// the endpoints, not argon2): volunteers spread over every organisation, each with what their
// requests need — an active enrolment and its lessons, a meeting they are invited to, a working
// group of their network — and public certificate codes to verify.
import { createHash, randomBytes } from 'node:crypto';

/** The production cookie name (the API runs with NODE_ENV=production in the bench). */
export const SESSION_COOKIE = '__Host-tadamon_session';

const hash = (text) => createHash('sha256').update(text).digest('base64url');

/** The CSRF token the API derives from a session (see SessionService.csrfToken). */
const csrfFor = (tokenHash) => hash(`csrf:${tokenHash}`);

/** `cookieName`: the API's session cookie (production: `__Host-` prefixed; tests: plain). */
export async function signInPeople(db, count, cookieName = SESSION_COOKIE) {
  const { rows } = await db.query(`
    SELECT DISTINCT ON (e."organisationId") e."userId", e.id AS "enrolmentId", e."organisationId", o."networkId",
           (SELECT l.id FROM "CourseLesson" l WHERE l."versionId" = e."versionId" AND l.position = 0) AS "lessonId",
           (SELECT l.id FROM "CourseLesson" l WHERE l."versionId" = e."versionId" AND l.position = 3) AS "quizLessonId",
           (SELECT mi."meetingId" FROM "MeetingInvitedOrganisation" mi JOIN "Meeting" m ON m.id = mi."meetingId"
             WHERE mi."organisationId" = e."organisationId" AND m."endsAt" > now() ORDER BY m."startsAt" LIMIT 1) AS "meetingId",
           (SELECT g.id FROM "WorkingGroup" g WHERE g."networkId" = o."networkId" ORDER BY g.name LIMIT 1) AS "groupId"
      FROM "CourseEnrolment" e
      JOIN "OrganisationMembership" mb ON mb."userId" = e."userId" AND mb.role = 'VOLUNTEER'
      JOIN "Organisation" o ON o.id = e."organisationId"
     WHERE e.status = 'ACTIVE'
     ORDER BY e."organisationId", e."userId"
     LIMIT $1`, [count]);
  const people = [];
  for (const row of rows) {
    const token = randomBytes(32).toString('base64url');
    const tokenHash = hash(token);
    await db.query(
      `INSERT INTO "Session" (id, "tokenHash", "userId", "expiresAt") VALUES (gen_random_uuid(), $1, $2, now() + interval '1 day')`,
      [tokenHash, row.userId],
    );
    people.push({ ...row, cookie: `${cookieName}=${token}`, csrf: csrfFor(tokenHash) });
  }
  const { rows: codes } = await db.query(`SELECT code FROM "Certificate" ORDER BY md5(id::text) LIMIT 5000`);
  return { people, codes: codes.map((c) => c.code) };
}
