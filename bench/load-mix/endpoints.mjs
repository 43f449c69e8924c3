// The load mix: the main reads and writes people make, with their weight in the mix, how a
// request is built for one signed-in person, and — for the bare baseline — the endpoint's
// primary SQL (run after the same session lookup the API makes).
//
// A step answers { method, path, body? }; `then` (quiz submit) builds a second request from the
// first answer, and the pair is timed as one operation on both servers.

const SEARCH_WORDS = ['santé', 'protection', 'mutuelle', 'droits', 'formation', 'hygiène', 'health', 'rights', 'campaign', 'salud', 'الصحة', 'budget'];
const pick = (list, n) => list[n % list.length];

export const ENDPOINTS = [
  { name: 'session', weight: 10, request: () => ({ method: 'GET', path: '/api/auth/session' }) },
  { name: 'home (my learning)', weight: 10, request: () => ({ method: 'GET', path: '/api/me/learning' }) },
  { name: 'course catalogue', weight: 8, request: () => ({ method: 'GET', path: '/api/learning/catalogue' }) },
  {
    name: 'lesson open',
    weight: 12,
    request: (p) => ({ method: 'GET', path: `/api/learning/enrolments/${p.enrolmentId}/lessons/${p.lessonId}` }),
  },
  {
    name: 'progress save',
    weight: 12,
    request: (p, n) => ({
      method: 'POST',
      path: `/api/learning/enrolments/${p.enrolmentId}/lessons/${p.lessonId}/progress`,
      body: { event: 'position', positionSeconds: 5 + (n % 600) },
    }),
  },
  {
    name: 'quiz submit',
    weight: 4,
    request: (p) => ({ method: 'POST', path: `/api/learning/enrolments/${p.enrolmentId}/lessons/${p.quizLessonId}/attempts`, body: {} }),
    // A wrong answer keeps the course active, so the next attempt is allowed (no limit is set).
    then: (p, attempt) => ({
      method: 'POST',
      path: `/api/learning/enrolments/${p.enrolmentId}/attempts/${attempt.id}/submission`,
      body: { answers: (attempt.questions ?? []).map((q) => ({ questionId: q.id, optionIds: ['b'] })) },
    }),
  },
  { name: 'library list', weight: 8, request: () => ({ method: 'GET', path: '/api/materials' }) },
  {
    name: 'library search',
    weight: 6,
    request: (p, n) => ({ method: 'GET', path: `/api/materials?q=${encodeURIComponent(pick(SEARCH_WORDS, n))}` }),
  },
  { name: 'my certificates', weight: 6, request: () => ({ method: 'GET', path: '/api/me/certificates' }) },
  {
    name: 'certificate verification',
    weight: 4,
    public: true,
    request: (p, n, codes) => ({ method: 'GET', path: `/api/verify/${pick(codes, n * 31 + p.index)}` }),
  },
  { name: 'meetings list', weight: 8, request: () => ({ method: 'GET', path: '/api/meetings' }) },
  { name: 'meeting detail', weight: 6, request: (p) => ({ method: 'GET', path: `/api/meetings/${p.meetingId}` }) },
  { name: "a group's threads", weight: 6, request: (p) => ({ method: 'GET', path: `/api/groups/${p.groupId}/threads` }) },
];

/** The session lookup every signed-in request of the API starts with (session-lookup.ts). */
export const SESSION_SQL = `
  SELECT s.id, s."tokenHash", s."expiresAt", s."lastSeenAt", s."revokedAt", s."sharedDevice", s."secondFactor",
         u.id AS "userId", u.email, u.name, u."preferredLanguage", u."timeZone", u."isPlatformAdmin", u."disabledAt",
         COALESCE((SELECT json_agg(json_build_object('organisationId', m."organisationId", 'role', m.role, 'networkId', o."networkId",
                                                     'name', o.name, 'networkName', n.name))
                     FROM "OrganisationMembership" m JOIN "Organisation" o ON o.id = m."organisationId" JOIN "Network" n ON n.id = o."networkId"
                    WHERE m."userId" = u.id), '[]') AS organisations,
         COALESCE((SELECT json_agg(json_build_object('networkId', nm."networkId", 'role', nm.role, 'name', n.name))
                     FROM "NetworkMembership" nm JOIN "Network" n ON n.id = nm."networkId" WHERE nm."userId" = u.id), '[]') AS networks
    FROM "Session" s JOIN "User" u ON u.id = s."userId"
   WHERE s."tokenHash" = $1`;

/**
 * Each endpoint's primary SQL for the bare server: `params(actor, request)` gives its
 * parameters from the session row (`actor`) and the route's parameters.
 */
export const BARE_SQL = {
  'home (my learning)': {
    sql: `SELECT e.id, e.status, e."completedLessons", e."totalLessons", e."dueAt", e."lastLessonId", c.id AS "courseId", v.titles, v."estimatedMinutes"
            FROM "CourseEnrolment" e JOIN "Course" c ON c.id = e."courseId" JOIN "CourseVersion" v ON v.id = e."versionId"
           WHERE e."userId" = $1 AND e.status <> 'WITHDRAWN' ORDER BY e."updatedAt" DESC LIMIT 50`,
    params: (a) => [a.userId],
  },
  'course catalogue': {
    sql: `SELECT c.id, c.titles, c.summaries, c.languages, c."estimatedMinutes", c."standardTopic", c.audience, c."updatedAt",
                 e.status AS "enrolmentStatus"
            FROM "Course" c LEFT JOIN "CourseEnrolment" e ON e."courseId" = c.id AND e."userId" = $3
           WHERE c."networkId" = ANY($1::uuid[]) AND c.status = 'PUBLISHED' AND (c."organisationId" IS NULL OR c."organisationId" = ANY($2::uuid[]))
           ORDER BY c."updatedAt" DESC, c.id DESC LIMIT 21`,
    params: (a) => [a.networkIds, a.organisationIds, a.userId],
  },
  'lesson open': {
    sql: `SELECT l.id, l.titles, l.bodies, l."hasQuiz", l."materialId", e.id AS "enrolmentId", e.status, p.status AS "progress", p."positionSeconds"
            FROM "CourseEnrolment" e JOIN "CourseLesson" l ON l."versionId" = e."versionId" AND l.id = $3
            LEFT JOIN "LessonProgress" p ON p."enrolmentId" = e.id AND p."lessonId" = l.id
           WHERE e.id = $2 AND e."userId" = $1`,
    params: (a, r) => [a.userId, r.enrolmentId, r.lessonId],
  },
  'progress save': {
    sql: `WITH e AS (SELECT id FROM "CourseEnrolment" WHERE id = $2 AND "userId" = $1 AND status = 'ACTIVE')
          INSERT INTO "LessonProgress" ("enrolmentId", "lessonId", status, "positionSeconds", "updatedAt")
          SELECT e.id, $3, 'STARTED', $4, now() FROM e
          ON CONFLICT ("enrolmentId", "lessonId") DO UPDATE SET "positionSeconds" = excluded."positionSeconds", "updatedAt" = now()
          RETURNING status`,
    params: (a, r, body) => [a.userId, r.enrolmentId, r.lessonId, body.positionSeconds],
  },
  'quiz submit': {
    sql: `WITH e AS (SELECT id FROM "CourseEnrolment" WHERE id = $2 AND "userId" = $1),
               q AS (SELECT array_agg(q.id ORDER BY q.position) AS ids FROM "QuizQuestion" q JOIN "CourseLesson" l ON l."versionId" = q."versionId" WHERE l.id = $3)
          INSERT INTO "QuizAttempt" (id, "enrolmentId", "lessonId", number, "questionIds")
          SELECT gen_random_uuid(), e.id, $3, (SELECT coalesce(max(number), 0) + 1 FROM "QuizAttempt" WHERE "enrolmentId" = e.id AND "lessonId" = $3), q.ids
            FROM e, q RETURNING id, "questionIds"`,
    params: (a, r) => [a.userId, r.enrolmentId, r.lessonId],
    then: {
      sql: `UPDATE "QuizAttempt" a SET answers = $3::jsonb, "submittedAt" = now(), "scorePercent" = 0, passed = false
              FROM "CourseEnrolment" e WHERE a.id = $2 AND e.id = a."enrolmentId" AND e."userId" = $1 RETURNING a.id, a."scorePercent"`,
      params: (a, r, body) => [a.userId, r.attemptId, JSON.stringify(body.answers ?? [])],
    },
  },
  'library list': {
    sql: `SELECT m.id, m.kind, m."standardTopic", m.audience, m.visibility, m."updatedAt", t.language, t.title, t.summary
            FROM "Material" m
            CROSS JOIN LATERAL (SELECT language, title, summary FROM "MaterialTranslation" t WHERE t."materialId" = m.id ORDER BY t."createdAt" LIMIT 1) t
           WHERE m."networkId" = ANY($1::uuid[]) AND (m.visibility <> 'ORGANISATION' OR m."organisationId" = ANY($2::uuid[]))
           ORDER BY m."updatedAt" DESC, m.id DESC LIMIT 21`,
    params: (a) => [a.networkIds, a.organisationIds],
  },
  'library search': {
    sql: `SELECT t."materialId", t.title, t.summary, ts_rank(t."searchVector", to_tsquery('simple', tadamon_fold($3))) AS rank
            FROM "MaterialTranslation" t
           WHERE t."searchVector" @@ to_tsquery('simple', tadamon_fold($3)) AND t."scopeNetworkId" = ANY($1::uuid[]) AND t.published
             AND (t."scopeVisibility" <> 'ORGANISATION' OR t."scopeOrganisationId" = ANY($2::uuid[]))
           ORDER BY t."updatedAt" DESC LIMIT 21`,
    params: (a, r, body, query) => [a.networkIds, a.organisationIds, `${String(query.q ?? '').replace(/[^\p{L}\p{N}]/gu, '')}:*`],
  },
  'my certificates': {
    sql: `SELECT c.id, c.code, c."issuedAt", c."expiresAt", c."revokedAt", c."holderName", t.names, o.name AS "organisationName"
            FROM "Certificate" c JOIN "CertificateType" t ON t.id = c."certificateTypeId" JOIN "Organisation" o ON o.id = c."organisationId"
           WHERE c."holderUserId" = $1 ORDER BY c."issuedAt" DESC`,
    params: (a) => [a.userId],
  },
  'certificate verification': {
    public: true,
    sql: `SELECT c.code, c."holderName", c."issuedAt", c."expiresAt", c."revokedAt", c.language, c.credential, t.names, o.name AS "organisationName", n.name AS "networkName"
            FROM "Certificate" c JOIN "CertificateType" t ON t.id = c."certificateTypeId" JOIN "Organisation" o ON o.id = c."organisationId" JOIN "Network" n ON n.id = c."networkId"
           WHERE c.code = $1`,
    params: (a, r) => [r.code],
  },
  'meetings list': {
    sql: `SELECT m.id, m.title, m."startsAt", m."endsAt", m."timeZone", m.format, m.status, m."hostOrganisationId", ho.name AS "hostName"
            FROM "Meeting" m JOIN "Organisation" ho ON ho.id = m."hostOrganisationId"
           WHERE m."networkId" = ANY($1::uuid[]) AND m."endsAt" >= now()
             AND (m."wholeNetwork" OR m."hostOrganisationId" = ANY($2::uuid[])
                  OR EXISTS (SELECT 1 FROM "MeetingInvitedOrganisation" i WHERE i."meetingId" = m.id AND i."organisationId" = ANY($2::uuid[])))
           ORDER BY m."startsAt" LIMIT 50`,
    params: (a) => [a.networkIds, a.organisationIds],
  },
  'meeting detail': {
    sql: `SELECT m.*, (SELECT json_agg(json_build_object('organisationId', i."organisationId", 'response', i.response, 'name', o.name))
                       FROM "MeetingInvitedOrganisation" i JOIN "Organisation" o ON o.id = i."organisationId" WHERE i."meetingId" = m.id) AS invited,
                 (SELECT json_agg(a ORDER BY a.position) FROM "MeetingAgendaItem" a WHERE a."meetingId" = m.id) AS agenda,
                 (SELECT r.answer FROM "MeetingRegistration" r WHERE r."meetingId" = m.id AND r."userId" = $1) AS "myAnswer"
            FROM "Meeting" m WHERE m.id = $2 AND m."networkId" = ANY($3::uuid[])`,
    params: (a, r) => [a.userId, r.meetingId, a.networkIds],
  },
  "a group's threads": {
    sql: `SELECT t.id, t.title, t."lastPostAt", t."lockedAt", (SELECT count(*) FROM "DiscussionPost" p WHERE p."threadId" = t.id AND p."hiddenAt" IS NULL) AS posts
            FROM "DiscussionThread" t JOIN "WorkingGroup" g ON g.id = t."groupId"
           WHERE t."groupId" = $1 AND g."networkId" = ANY($2::uuid[]) AND t."hiddenAt" IS NULL
           ORDER BY t."lastPostAt" DESC LIMIT 21`,
    params: (a, r) => [r.groupId, a.networkIds],
  },
};
