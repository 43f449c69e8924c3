// Fills an empty, migrated Tadamon database at network scale with set-based SQL (no row-by-row
// inserts): 20 networks, 2,000 organisations, 100,000 people, 50,000 materials, 5,000 courses,
// about 1,000,000 lesson-progress records, 200,000 certificates, 20,000 meetings, and working
// groups with threads. `scale` shrinks every count for a quick trial (0.05 = one twentieth).
//
// The shapes follow what the API writes (published course versions, READY files, certificates
// with a status-list index), so every endpoint of the load mix reads realistic rows.

const COUNTRIES = ['MA', 'ML', 'BE', 'FR', 'ES', 'NL', 'SN', 'TN', 'DZ', 'EG', 'CM', 'CI', 'BF', 'NE', 'BR', 'PE', 'CO', 'PH', 'IN', 'BO'];
const TOPICS = `ARRAY['LEADERSHIP','ORGANISING','FUNDRAISING','FIRST_AID','HYGIENE','LEGAL_ADVOCACY']`;
const LANGUAGES = `ARRAY['fr','en','es','ar','nl']`;
const WORDS = `ARRAY['santé','protection','sociale','mutuelle','droits','formation','leadership','hygiène','secours','budget',
  'health','rights','union','campaign','volunteer','salud','derechos','protección','الصحة','الحماية']`;

export function sizes(scale = 1) {
  const n = (count, least = 1) => Math.max(least, Math.round(count * scale));
  return {
    networks: 20,
    organisations: n(2_000, 20),
    people: n(100_000, 200),
    materials: n(50_000, 100),
    courses: n(5_000, 20),
    certificates: n(200_000, 100),
    meetings: n(20_000, 20),
    groupsPerNetwork: 5,
    threadsPerGroup: 20,
  };
}

/** Runs every step, printing rows and seconds; answers the counts and the time taken. */
export async function fillNetworkScale(db, scale = 1) {
  const size = sizes(scale);
  const started = Date.now();
  const step = async (label, sql, params = []) => {
    const t0 = Date.now();
    const result = await db.query(sql, params);
    console.log(`  ${label}: ${result.rowCount ?? ''} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  };

  await step('networks', `
    INSERT INTO "Network" (id, slug, name, "fallbackLanguages")
    SELECT gen_random_uuid(), 'net-' || lpad(i::text, 2, '0'), 'Network ' || i,
           (ARRAY['{fr,en}','{en,fr}','{es,en}','{nl,fr}','{ar,fr}'])[1 + i % 5]::text[]
    FROM generate_series(0, ${size.networks - 1}) i`);
  // Organisation k belongs to network k % 20, in that network's country.
  await step('organisations', `
    INSERT INTO "Organisation" (id, "networkId", name, type, country, languages, "updatedAt")
    SELECT gen_random_uuid(), n.id, 'Organisation ' || lpad(k::text, 4, '0'),
           (ARRAY['NGO','UNION','MUTUAL','WOMEN','YOUTH'])[1 + k % 5]::"OrganisationType",
           ($1::text[])[1 + (k % 20)], '{fr,en}', now()
    FROM generate_series(0, ${size.organisations - 1}) k
    JOIN (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS n FROM "Network") n ON n.n = k % 20`, [COUNTRIES]);
  await step('people', `
    INSERT INTO "User" (id, email, name, "preferredLanguage", "timeZone", "updatedAt")
    SELECT gen_random_uuid(), 'person' || i || '@bench.test',
           (ARRAY['Fatima','Youssef','Aïcha','Omar','Sara','Karim','Nadia','Mehdi','Leila','Hamza'])[1 + i % 10] || ' ' ||
           (ARRAY['El Amrani','Benali','Diallo','Traoré','Janssens','Peeters','Martín','García','الزهراء','بنعلي'])[1 + (i / 10) % 10] || ' ' || i,
           (ARRAY['fr','ar','en','es','nl'])[1 + i % 5], 'Africa/Casablanca', now()
    FROM generate_series(0, ${size.people - 1}) i`);
  // Person i is in organisation i % organisations; the first person of each organisation leads it.
  await step('memberships', `
    INSERT INTO "OrganisationMembership" (id, "userId", "organisationId", role)
    SELECT gen_random_uuid(), u.id, o.id, CASE WHEN u.i < ${size.organisations} THEN 'ORG_LEADER' ELSE 'VOLUNTEER' END::"Role"
    FROM (SELECT id, substring(email from 'person(\\d+)@')::int AS i FROM "User") u
    JOIN (SELECT id, substring(name from '(\\d+)$')::int AS k FROM "Organisation") o ON o.k = u.i % ${size.organisations}`);
  await step('coordinators', `
    WITH made AS (
      INSERT INTO "User" (id, email, name, "preferredLanguage", "updatedAt")
      SELECT gen_random_uuid(), 'coordinator-' || n.slug || '@bench.test', 'Coordinator ' || n.name, 'fr', now() FROM "Network" n
      RETURNING id, email)
    INSERT INTO "NetworkMembership" (id, "userId", "networkId", role)
    SELECT gen_random_uuid(), made.id, n.id, 'COORDINATOR' FROM made JOIN "Network" n ON made.email = 'coordinator-' || n.slug || '@bench.test'`);

  // Published from the start: each gets one language version below with a link or a READY file.
  await step('materials', `
    INSERT INTO "Material" (id, "networkId", "organisationId", kind, "standardTopic", audience, visibility, published, "updatedAt")
    SELECT gen_random_uuid(), o."networkId", o.id,
           (ARRAY['DOCUMENT','DOCUMENT','DOCUMENT','VIDEO','LINK'])[1 + i % 5]::"MaterialKind",
           (${TOPICS})[1 + i % 6]::"MaterialStandardTopic",
           (ARRAY['LEADERS','VOLUNTEERS','EVERYONE'])[1 + i % 3]::"MaterialAudience",
           (ARRAY['NETWORK','NETWORK','NETWORK','ORGANISATION','PUBLIC'])[1 + i % 5]::"MaterialVisibility",
           TRUE, now() - (i || ' minutes')::interval
    FROM generate_series(0, ${size.materials - 1}) i
    JOIN (SELECT id, "networkId", substring(name from '(\\d+)$')::int AS k FROM "Organisation") o ON o.k = i % ${size.organisations}`);
  // Language versions and their files in one statement, with the tables' own triggers switched
  // off for it (in a transaction, so a failed fill leaves them on): row by row they would fold
  // every text for the search vector, copy the material's columns, look up the file and update
  // the material once per version, and setting "currentFileId" afterwards would rewrite every
  // version and run them again (149 s + 118 s at full scale). Here each derived column is
  // computed once, by the same functions the triggers call; the foreign keys stay on and are
  // checked at the end of the statement, which is what lets the version and its file point at
  // each other without a second pass.
  await db.query('BEGIN');
  await db.query('ALTER TABLE "MaterialTranslation" DISABLE TRIGGER USER');
  await db.query('ALTER TABLE "MaterialFile" DISABLE TRIGGER USER');
  await step('material versions and files', `
    WITH source AS MATERIALIZED (
      SELECT gen_random_uuid() AS id, m.id AS "materialId", m.n, m.kind, m."updatedAt", m."networkId", m."organisationId",
             m.visibility, m."standardTopic", m."customTopicId", m.audience,
             CASE WHEN m.kind <> 'LINK' THEN gen_random_uuid() END AS "fileId",
             (${LANGUAGES})[1 + m.n % 5] AS language,
             (${WORDS})[1 + m.n % 20] || ' ' || (${WORDS})[1 + (m.n / 20) % 20] || ' ' || m.n AS title,
             'Guide ' || (${WORDS})[1 + (m.n / 7) % 20] || ' ' || md5(m.id::text) AS summary,
             ARRAY[(${WORDS})[1 + m.n % 20]] AS tags,
             CASE WHEN m.kind = 'DOCUMENT' THEN repeat((${WORDS})[1 + (m.n / 3) % 20] || ' ' || md5(m.n::text) || ' ', 30) ELSE '' END AS "extractedText"
      FROM (SELECT *, row_number() OVER (ORDER BY id) AS n FROM "Material") m),
    versions AS (
      INSERT INTO "MaterialTranslation" (id, "materialId", language, title, summary, tags, "externalUrl", "extractedText", "updatedAt",
                                         "currentFileId", "searchVector", published, "scopeNetworkId", "scopeOrganisationId",
                                         "scopeVisibility", "scopePublished", "scopeKind", "scopeStandardTopic", "scopeCustomTopicId", "scopeAudience")
      SELECT id, "materialId", language, title, summary, tags, CASE WHEN kind = 'LINK' THEN 'https://example.org/' || "materialId" END,
             "extractedText", "updatedAt", "fileId", tadamon_material_search_vector(title, summary, tags, "extractedText"), TRUE,
             "networkId", "organisationId", visibility, TRUE, kind, "standardTopic", "customTopicId", audience
      FROM source
      RETURNING id)
    INSERT INTO "MaterialFile" (id, "translationId", version, "originalName", "mimeType", "sizeBytes", "storageKey", status)
    SELECT "fileId", id, 1, 'guide.pdf', 'application/pdf', 250000, 'bench/' || id, 'READY'
    FROM source WHERE "fileId" IS NOT NULL`);
  await db.query('ALTER TABLE "MaterialTranslation" ENABLE TRIGGER USER');
  await db.query('ALTER TABLE "MaterialFile" ENABLE TRIGGER USER');
  // What the switched-off triggers would also have done: the cached library pages are stale.
  await db.query('UPDATE "LibraryGeneration" SET value = value + 1 WHERE id = 1');
  await db.query('COMMIT');

  // Courses: network-wide, four lessons each; the fourth ends with a two-question quiz.
  await step('courses', `
    INSERT INTO "Course" (id, "networkId", "standardTopic", audience, status, titles, summaries, languages, "estimatedMinutes", "updatedAt")
    SELECT gen_random_uuid(), n.id, (${TOPICS})[1 + i % 6]::"MaterialStandardTopic", 'EVERYONE', 'PUBLISHED',
           jsonb_build_object('fr', 'Cours ' || i, 'en', 'Course ' || i, 'ar', 'دورة ' || i),
           jsonb_build_object('en', 'What volunteers need to know, part ' || i), '{fr,en,ar}', 20, now() - (i || ' minutes')::interval
    FROM generate_series(0, ${size.courses - 1}) i
    JOIN (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS n FROM "Network") n ON n.n = i % 20`);
  await step('course versions', `
    INSERT INTO "CourseVersion" (id, "courseId", number, state, titles, summaries, languages, "estimatedMinutes", "publishedAt", "updatedAt")
    SELECT gen_random_uuid(), c.id, 1, 'PUBLISHED', c.titles, c.summaries, c.languages, 20, now(), now() FROM "Course" c`);
  await step('published versions', `UPDATE "Course" c SET "publishedVersionId" = v.id FROM "CourseVersion" v WHERE v."courseId" = c.id`);
  await step('course modules', `INSERT INTO "CourseModule" (id, "versionId", position, titles) SELECT gen_random_uuid(), v.id, 0, '{"fr":"Module 1","en":"Module 1"}' FROM "CourseVersion" v`);
  await step('lessons', `
    INSERT INTO "CourseLesson" (id, "moduleId", "versionId", position, titles, bodies, "hasQuiz")
    SELECT gen_random_uuid(), m.id, m."versionId", p,
           jsonb_build_object('fr', 'Leçon ' || (p + 1), 'en', 'Lesson ' || (p + 1)),
           jsonb_build_object('fr', repeat('Texte de la leçon. ', 40), 'en', repeat('Lesson text. ', 40)), p = 3
    FROM "CourseModule" m CROSS JOIN generate_series(0, 3) p`);
  await step('quiz questions', `
    INSERT INTO "QuizQuestion" (id, "versionId", position, type, prompts, options)
    SELECT gen_random_uuid(), v.id, q, 'SINGLE_CHOICE',
           jsonb_build_object('en', 'Question ' || (q + 1), 'fr', 'Question ' || (q + 1)),
           '[{"id":"a","texts":{"en":"Yes","fr":"Oui"},"correct":true,"feedback":{}},{"id":"b","texts":{"en":"No","fr":"Non"},"correct":false,"feedback":{}}]'::jsonb
    FROM "CourseVersion" v CROSS JOIN generate_series(0, 1) q`);
  // Fresh statistics before the big joins: without them PostgreSQL plans for the empty tables
  // it last saw and joins millions of rows.
  await db.query('ANALYZE');
  // Each person in three courses of their network: course number (i*7 + k*101) mod the
  // network's course count, which never repeats for k = 0..2. Both sides of the join carry the
  // number, so it is one hash join.
  await step('enrolments', `
    WITH numbered AS (
      SELECT id, "publishedVersionId", "networkId", row_number() OVER (PARTITION BY "networkId" ORDER BY id) - 1 AS n FROM "Course"),
    per_network AS (SELECT "networkId", count(*) AS of FROM "Course" GROUP BY "networkId"),
    learners AS (
      SELECT u.id, substring(u.email from 'person(\\d+)@')::int AS i, m."organisationId", o."networkId", pn.of
      FROM "User" u JOIN "OrganisationMembership" m ON m."userId" = u.id JOIN "Organisation" o ON o.id = m."organisationId"
      JOIN per_network pn ON pn."networkId" = o."networkId"),
    picks AS (SELECT l.*, k, (l.i * 7 + k * 101) % l.of AS n FROM learners l CROSS JOIN generate_series(0, 2) k)
    INSERT INTO "CourseEnrolment" (id, "courseId", "versionId", "userId", "organisationId", source, "totalLessons", "dueAt", "enrolledAt", "updatedAt")
    SELECT gen_random_uuid(), c.id, c."publishedVersionId", p.id, p."organisationId",
           (ARRAY['SELF','ASSIGNED','COHORT'])[1 + p.k]::"EnrolmentSource", 4,
           CASE WHEN p.k = 1 THEN now() + ((p.i % 60) - 20 || ' days')::interval END,
           now() - (p.i % 200 || ' days')::interval, now()
    FROM picks p JOIN numbered c ON c."networkId" = p."networkId" AND c.n = p.n`);
  await db.query('ANALYZE "CourseEnrolment"');
  // The first three lessons of every enrolment are done, and the fourth of every third one.
  await step('lesson progress', `
    INSERT INTO "LessonProgress" ("enrolmentId", "lessonId", status, "startedAt", "completedAt", "updatedAt")
    SELECT e.id, l.id, 'COMPLETED', e."enrolledAt", e."enrolledAt" + (l.position || ' days')::interval, e."enrolledAt" + (l.position || ' days')::interval
    FROM (SELECT id, "versionId", "enrolledAt", row_number() OVER (ORDER BY id) AS n FROM "CourseEnrolment") e
    JOIN "CourseLesson" l ON l."versionId" = e."versionId" AND (l.position < 3 OR e.n % 3 = 0)`);
  await step('enrolment counters', `
    UPDATE "CourseEnrolment" e SET "completedLessons" = p.n, "lastLessonId" = p.last,
      status = CASE WHEN p.n = 4 THEN 'COMPLETED'::"EnrolmentStatus" ELSE 'ACTIVE'::"EnrolmentStatus" END,
      "completedAt" = CASE WHEN p.n = 4 THEN p.done END
    FROM (SELECT lp."enrolmentId", count(*)::int AS n, max(lp."completedAt") AS done,
                 (array_agg(lp."lessonId" ORDER BY lp."completedAt" DESC))[1] AS last
          FROM "LessonProgress" lp GROUP BY lp."enrolmentId") p
    WHERE p."enrolmentId" = e.id`);

  await db.query('ANALYZE');
  await step('certificate types', `
    INSERT INTO "CertificateType" (id, "networkId", names, descriptions, "validityMonths", "updatedAt")
    SELECT gen_random_uuid(), n.id, jsonb_build_object('en', t.name, 'fr', t.nom), '{}'::jsonb, t.months, now()
    FROM "Network" n CROSS JOIN (VALUES ('First aid', 'Premiers secours', 24), ('Volunteer leader', 'Responsable bénévole', NULL::int)) t(name, nom, months)`);
  // Two certificates per person (one per type) until the count is reached; codes shaped as the
  // API makes them (26 characters of base32).
  await step('certificates', `
    INSERT INTO "Certificate" (id, code, "certificateTypeId", "holderUserId", "organisationId", "networkId", reason, "holderName", language,
                               "statusListIndex", "issuedAt", "expiresAt", "revokedAt")
    SELECT gen_random_uuid(), translate(substr(md5(random()::text || p.id::text || t.id::text), 1, 26), '0189', 'abcd'),
           t.id, p.id, p."organisationId", p."networkId", 'course-completed', p.name, p."preferredLanguage",
           row_number() OVER (PARTITION BY p."networkId" ORDER BY p.id, t.id),
           now() - (p.i % 700 || ' days')::interval,
           CASE WHEN t."validityMonths" IS NOT NULL THEN now() - (p.i % 700 || ' days')::interval + interval '24 months' END,
           CASE WHEN p.i % 97 = 0 THEN now() END
    FROM (SELECT u.id, u.name, u."preferredLanguage", m."organisationId", o."networkId", substring(u.email from 'person(\\d+)@')::int AS i
          FROM "User" u JOIN "OrganisationMembership" m ON m."userId" = u.id JOIN "Organisation" o ON o.id = m."organisationId") p
    JOIN "CertificateType" t ON t."networkId" = p."networkId"
    WHERE p.i * 2 < ${size.certificates}`);

  // Meetings: hosted by an organisation, half past and half to come, each inviting five
  // organisations of its network; ten people answer each.
  await step('meetings', `
    INSERT INTO "Meeting" (id, "networkId", "hostOrganisationId", "createdById", title, description, format, "onlineUrl", "startsAt", "endsAt", "timeZone", languages, "updatedAt")
    SELECT gen_random_uuid(), o."networkId", o.id, o.leader, 'Network meeting ' || i, 'Agenda to follow.', 'ONLINE', 'https://meet.example.org/' || i,
           date_trunc('hour', now()) + ((i % 360) - 180 || ' days')::interval, date_trunc('hour', now()) + ((i % 360) - 180 || ' days')::interval + interval '90 minutes',
           'Africa/Casablanca', '{fr,en}', now()
    FROM generate_series(0, ${size.meetings - 1}) i
    JOIN (SELECT o.id, o."networkId", substring(o.name from '(\\d+)$')::int AS k,
                 (SELECT m."userId" FROM "OrganisationMembership" m WHERE m."organisationId" = o.id AND m.role = 'ORG_LEADER' LIMIT 1) AS leader
          FROM "Organisation" o) o ON o.k = i % ${size.organisations}`);
  await step('invited organisations', `
    INSERT INTO "MeetingInvitedOrganisation" ("meetingId", "organisationId", response)
    SELECT DISTINCT ON (mt.id, o.id) mt.id, o.id, (ARRAY['PENDING','ACCEPTED','DECLINED'])[1 + j % 3]::"MeetingOrganisationResponse"
    FROM "Meeting" mt CROSS JOIN generate_series(1, 5) j
    JOIN (SELECT id, "networkId", substring(name from '(\\d+)$')::int AS k FROM "Organisation") host ON host.id = mt."hostOrganisationId"
    JOIN (SELECT id, substring(name from '(\\d+)$')::int AS k FROM "Organisation") o ON o.k = (host.k + j * 20) % ${size.organisations}
    WHERE o.id <> mt."hostOrganisationId"`);
  await step('registrations', `
    INSERT INTO "MeetingRegistration" (id, "meetingId", "userId", "organisationId", answer, "updatedAt")
    SELECT gen_random_uuid(), mi."meetingId", m."userId", m."organisationId", 'YES', now()
    FROM "MeetingInvitedOrganisation" mi
    JOIN LATERAL (SELECT "userId", "organisationId" FROM "OrganisationMembership" WHERE "organisationId" = mi."organisationId" LIMIT 2) m ON true
    WHERE mi.response = 'ACCEPTED'`);

  await step('working groups', `
    INSERT INTO "WorkingGroup" (id, "networkId", name, description, audience)
    SELECT gen_random_uuid(), n.id, 'Working group ' || g, 'Joint work on social protection.', 'NETWORK'
    FROM "Network" n CROSS JOIN generate_series(1, ${size.groupsPerNetwork}) g`);
  await step('threads', `
    INSERT INTO "DiscussionThread" (id, "groupId", title, "authorId", "createdAt", "lastPostAt")
    SELECT gen_random_uuid(), g.id, 'Thread ' || t, c."userId", now() - (t || ' days')::interval, now() - (t || ' hours')::interval
    FROM "WorkingGroup" g CROSS JOIN generate_series(1, ${size.threadsPerGroup}) t
    JOIN "NetworkMembership" c ON c."networkId" = g."networkId"`);
  await step('posts', `
    INSERT INTO "DiscussionPost" (id, "threadId", "authorId", body, "createdAt")
    SELECT gen_random_uuid(), t.id, t."authorId", 'We propose a joint letter on health coverage, point ' || p || '.', t."createdAt" + (p || ' hours')::interval
    FROM "DiscussionThread" t CROSS JOIN generate_series(1, 5) p`);

  // What autovacuum does on a live system: bulk updates above left dead row versions.
  await db.query('VACUUM ANALYZE');
  const { rows: [counts] } = await db.query(`SELECT
    (SELECT count(*) FROM "Organisation")::int AS organisations, (SELECT count(*) FROM "User")::int AS people,
    (SELECT count(*) FROM "Material")::int AS materials, (SELECT count(*) FROM "Course")::int AS courses,
    (SELECT count(*) FROM "LessonProgress")::int AS progress, (SELECT count(*) FROM "Certificate")::int AS certificates,
    (SELECT count(*) FROM "Meeting")::int AS meetings`);
  const seconds = (Date.now() - started) / 1000;
  console.log(`filled ${JSON.stringify(counts)} in ${seconds.toFixed(0)} s`);
  return { counts, seconds };
}
