import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolLearner } from '../src/modules/learning/enrolment-writer.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createWorld } from './support/factories.js';
import { Author, fieldCodes, singleChoice } from './courses-authoring.support.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
});
afterAll(async () => {
  await t?.close();
});

/** A coordinator's network course with one module, a text lesson and a quiz lesson drawing 2 questions. */
async function draftWithQuiz(author: Author) {
  const tree = await author.createCourse({ networkId: world.network.id });
  const versionId = tree.version.id;
  let next = await author.ok('post', `/versions/${versionId}/modules`, { titles: { en: 'Basics' } });
  const moduleId = next.modules[0]!.id;
  await author.ok('post', `/modules/${moduleId}/lessons`, { titles: { en: 'Call for help' }, bodies: { en: '# Call **112**' } });
  next = await author.ok('post', `/modules/${moduleId}/lessons`, {
    titles: { en: 'Check' },
    estimatedMinutes: 10,
    hasQuiz: true,
    quizPool: 'basics',
    quizQuestionCount: 2,
    quizPassPercent: 80,
    quizAttemptLimit: 3,
    quizRetryWaitMinutes: 30,
  });
  return { courseId: tree.course.id, versionId, moduleId, tree: next };
}

describe('authoring a course from draft to published', () => {
  it('creates a course with draft version 1, builds it, and publishes it once the quiz pool is big enough', async () => {
    const author = await Author.signIn(t, world.coordinator);
    const { courseId, versionId, tree } = await draftWithQuiz(author);
    expect(tree.version).toMatchObject({ number: 1, state: 'DRAFT', languages: ['en'], editable: true });
    expect(tree.modules[0]!.lessons.map((l) => l.titles.en)).toEqual(['Call for help', 'Check']);
    expect(tree.modules[0]!.lessons[1]).toMatchObject({ hasQuiz: true, quizQuestionCount: 2, quizPassPercent: 80, quizAttemptLimit: 3 });

    // An empty pool, then a pool with one question for a draw of two: both refused, with the reason.
    let blocked = await author.send('post', `/versions/${versionId}/publish`);
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe('COURSE_PUBLISH_BLOCKED');
    expect(blocked.body.details.problems).toEqual([expect.objectContaining({ code: 'quizPoolEmpty', pool: 'basics' })]);
    await author.ok('post', `/versions/${versionId}/questions`, { ...singleChoice(), pool: 'basics' });
    blocked = await author.send('post', `/versions/${versionId}/publish`);
    expect(blocked.body.details.problems).toEqual([
      expect.objectContaining({ code: 'quizPoolTooSmall', needed: 2, available: 1 }),
    ]);
    // A question in another pool does not count.
    await author.ok('post', `/versions/${versionId}/questions`, { ...singleChoice('a'), pool: 'other' });
    expect((await author.send('post', `/versions/${versionId}/publish`)).body.details.problems[0].code).toBe('quizPoolTooSmall');
    await author.ok('post', `/versions/${versionId}/questions`, {
      pool: 'basics',
      type: 'TRUE_FALSE',
      prompts: { en: 'An unconscious person breathing normally goes in the recovery position.' },
      options: [
        { id: 'true', correct: true },
        { id: 'false', feedback: { en: 'They do, to keep the airway open.' } },
      ],
    });

    const published = await author.ok('post', `/versions/${versionId}/publish`, undefined, 200);
    expect(published.version).toMatchObject({ state: 'PUBLISHED', editable: false, estimatedMinutes: 15 });
    expect(published.course).toMatchObject({ status: 'PUBLISHED', publishedVersionId: versionId, draftVersionId: null });
    const course = await t.prisma.course.findUniqueOrThrow({ where: { id: courseId } });
    expect(course).toMatchObject({ titles: { en: 'First aid basics' }, summaries: { en: 'What to do first' }, languages: ['en'], estimatedMinutes: 15 });

    // Editors read answers; the published version is frozen.
    const read = await author.get(`/versions/${versionId}`);
    expect(read.body.questions.find((q: { type: string }) => q.type === 'TRUE_FALSE').options[0]).toMatchObject({ id: 'true', correct: true });
    const frozen = await author.send('post', `/versions/${versionId}/modules`, { titles: { en: 'Late' } });
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('COURSE_VERSION_NOT_EDITABLE');

    const actions = await t.prisma.auditEvent.findMany({ where: { actorId: world.coordinator.id, action: { startsWith: 'course.' } } });
    expect(actions.filter((a) => (a.details as { courseId: string }).courseId === courseId).map((a) => a.action).sort()).toEqual([
      'course.created',
      'course.published',
    ]);
  });

  it('lists what stops an empty draft from being published and writes nothing', async () => {
    const author = await Author.signIn(t, world.coordinator);
    const tree = await author.createCourse({ networkId: world.network.id, title: 'Empty course' });
    const before = author.revision;
    const noModules = await author.send('post', `/versions/${tree.version.id}/publish`);
    expect(noModules.body.details.problems).toEqual([{ code: 'noModules' }]);
    const withModule = await author.ok('post', `/versions/${tree.version.id}/modules`, { titles: { en: 'One' } });
    expect((await author.send('post', `/versions/${tree.version.id}/publish`)).body.details.problems).toEqual([
      { code: 'moduleEmpty', moduleId: withModule.modules[0]!.id },
    ]);
    await author.ok('post', `/modules/${withModule.modules[0]!.id}/lessons`, { titles: { en: 'Nothing inside' }, bodies: { en: '   ' } });
    const empty = await author.send('post', `/versions/${tree.version.id}/publish`);
    expect(empty.body.details.problems).toEqual([expect.objectContaining({ code: 'lessonEmpty' })]);
    // A refused publish leaves the revision, the version and the course as they were.
    const current = await author.get(`/courses/${tree.course.id}`);
    expect(current.body.course.revision).toBe(before + 2);
    expect(current.body.version.state).toBe('DRAFT');
    expect((await t.prisma.course.findUniqueOrThrow({ where: { id: tree.course.id } })).status).toBe('DRAFT');
  });

  it('renders lesson Markdown for the preview as sanitised HTML', async () => {
    const author = await Author.signIn(t, world.coordinator);
    const response = await author.client.post('/api/course-authoring/markdown-preview', {
      markdown: '**Press** firmly <script>alert(1)</script> [more](javascript:alert(1)) [guide](https://example.org)',
    });
    expect(response.status).toBe(200);
    expect(response.body.html).toContain('<strong>Press</strong>');
    expect(response.body.html).not.toContain('<script');
    expect(response.body.html).not.toMatch(/href="javascript/i);
    expect(response.body.html).toContain('rel="noopener noreferrer nofollow"');
  });
});

describe('modules and lessons', () => {
  it('reorders, edits and deletes modules and lessons, keeping positions contiguous', async () => {
    const author = await Author.signIn(t, world.coordinator);
    const tree = await author.createCourse({ networkId: world.network.id, title: 'Outline' });
    const versionId = tree.version.id;
    for (const title of ['M1', 'M2', 'M3']) await author.ok('post', `/versions/${versionId}/modules`, { titles: { en: title } });
    const [m1, m2, m3] = author.tree!.modules;
    let next = await author.ok('put', `/versions/${versionId}/module-order`, { ids: [m3!.id, m1!.id, m2!.id] });
    expect(next.modules.map((m) => m.titles.en)).toEqual(['M3', 'M1', 'M2']);
    const wrong = await author.send('put', `/versions/${versionId}/module-order`, { ids: [m1!.id, m2!.id] });
    expect(wrong.status).toBe(400);
    expect(fieldCodes(wrong.body)).toEqual({ ids: ['not_a_permutation'] });

    for (const title of ['L1', 'L2', 'L3']) await author.ok('post', `/modules/${m1!.id}/lessons`, { titles: { en: title }, bodies: { en: title } });
    const lessons = author.tree!.modules.find((m) => m.id === m1!.id)!.lessons;
    next = await author.ok('put', `/modules/${m1!.id}/lesson-order`, { ids: [lessons[2]!.id, lessons[0]!.id, lessons[1]!.id] });
    expect(next.modules.find((m) => m.id === m1!.id)!.lessons.map((l) => l.titles.en)).toEqual(['L3', 'L1', 'L2']);
    next = await author.ok('patch', `/lessons/${lessons[0]!.id}`, { titles: { en: 'L1 renamed' }, requiresPractical: true, practicalInstructions: { en: 'Show the recovery position.' } });
    const renamed = next.modules.find((m) => m.id === m1!.id)!.lessons.find((l) => l.id === lessons[0]!.id)!;
    // Fields not sent stay as they were.
    expect(renamed).toMatchObject({ titles: { en: 'L1 renamed' }, bodies: { en: 'L1' }, requiresPractical: true });
    next = await author.ok('delete', `/lessons/${lessons[2]!.id}`);
    expect(next.modules.find((m) => m.id === m1!.id)!.lessons.map((l) => [l.titles.en, l.position])).toEqual([
      ['L1 renamed', 0],
      ['L2', 1],
    ]);
    next = await author.ok('delete', `/modules/${m3!.id}`);
    expect(next.modules.map((m) => [m.titles.en, m.position])).toEqual([
      ['M1', 0],
      ['M2', 1],
    ]);
    next = await author.ok('patch', `/modules/${m2!.id}`, { titles: { en: 'Second' } });
    expect(next.modules[1]!.titles.en).toBe('Second');
  });

  it('embeds only library material the editor sees and every learner of the course can open', async () => {
    const material = (networkId: string, visibility: 'NETWORK' | 'ORGANISATION', organisationId: string | null = null) =>
      t.prisma.material.create({
        data: {
          networkId,
          organisationId,
          kind: 'LINK',
          standardTopic: 'FIRST_AID',
          audience: 'EVERYONE',
          visibility,
          translations: { create: { language: 'en', title: 'Recovery position video', externalUrl: 'https://example.org/v' } },
        },
      });
    const shared = await material(world.network.id, 'NETWORK');
    const privateToA = await material(world.network.id, 'ORGANISATION', world.orgA.id);
    const foreign = await material(world.otherNetwork.id, 'NETWORK');
    const author = await Author.signIn(t, world.coordinator);
    const tree = await author.createCourse({ networkId: world.network.id, title: 'With video' });
    const moduleId = (await author.ok('post', `/versions/${tree.version.id}/modules`, { titles: { en: 'M' } })).modules[0]!.id;
    const added = await author.ok('post', `/modules/${moduleId}/lessons`, { titles: { en: 'Watch' }, materialId: shared.id });
    expect(added.modules[0]!.lessons[0]!.material).toMatchObject({ id: shared.id, title: 'Recovery position video', kind: 'LINK' });
    const closed = await author.send('post', `/modules/${moduleId}/lessons`, { titles: { en: 'Closed' }, materialId: privateToA.id });
    expect(fieldCodes(closed.body)).toEqual({ materialId: ['material_not_visible_to_learners'] });
    const unseen = await author.send('post', `/modules/${moduleId}/lessons`, { titles: { en: 'Foreign' }, materialId: foreign.id });
    // Material the editor cannot see is as unknown as a made-up id: 404, its title unsaid.
    expect(unseen.status).toBe(404);
    expect(unseen.body.code).toBe('NOT_FOUND');
    // Org A's own course may use org A's material.
    const leader = await Author.signIn(t, world.leaderA);
    const own = await leader.createCourse({ networkId: world.network.id, organisationId: world.orgA.id, enrolmentPolicy: 'ORGANISATION' });
    const ownModule = (await leader.ok('post', `/versions/${own.version.id}/modules`, { titles: { en: 'M' } })).modules[0]!.id;
    await leader.ok('post', `/modules/${ownModule}/lessons`, { titles: { en: 'Ours' }, materialId: privateToA.id });
  });
});

describe('language versions', () => {
  it('requires every listed language to have every text, refuses texts in unlisted languages, and strips a removed language', async () => {
    const author = await Author.signIn(t, world.coordinator);
    const { courseId, versionId, moduleId } = await draftWithQuiz(author);
    await author.ok('post', `/versions/${versionId}/questions`, { ...singleChoice(), pool: 'basics' });
    await author.ok('post', `/versions/${versionId}/questions`, { pool: 'basics', type: 'SHORT_TEXT', prompts: { en: 'Emergency number?' }, acceptedAnswers: { en: ['112'] } });

    const spanish = await author.send('patch', `/versions/${versionId}`, { titles: { en: 'First aid', es: 'Primeros auxilios' } });
    expect(spanish.status).toBe(400);
    expect(fieldCodes(spanish.body)).toEqual({ 'titles.es': ['language_not_in_course'] });

    let tree = await author.ok('post', `/versions/${versionId}/languages`, { language: 'ar' });
    expect(tree.version.languages).toEqual(['en', 'ar']);
    expect((await author.send('post', `/versions/${versionId}/languages`, { language: 'ar' })).status).toBe(400);
    const missing = await author.send('post', `/versions/${versionId}/publish`);
    const arabic = (missing.body.details.problems as { code: string; language: string; field: string }[]).filter((p) => p.language === 'ar');
    expect(new Set(arabic.map((p) => p.field))).toEqual(new Set(['title', 'summary', 'body', 'prompt', 'option', 'answers']));

    await author.ok('patch', `/versions/${versionId}`, { titles: { en: 'First aid basics', ar: 'أساسيات الإسعافات الأولية' }, summaries: { en: 'What to do first', ar: 'ماذا تفعل أولاً' } }, 200);
    await author.ok('patch', `/modules/${moduleId}`, { titles: { en: 'Basics', ar: 'الأساسيات' } }, 200);
    const [text, quiz] = author.tree!.modules[0]!.lessons;
    await author.ok('patch', `/lessons/${text!.id}`, { titles: { en: 'Call for help', ar: 'اطلب المساعدة' }, bodies: { en: '# Call **112**', ar: '# اتصل بـ **112**' } }, 200);
    await author.ok('patch', `/lessons/${quiz!.id}`, { titles: { en: 'Check', ar: 'تحقق' } }, 200);
    for (const q of author.tree!.questions) {
      const arabicQuestion =
        q.type === 'SHORT_TEXT'
          ? { pool: q.pool, type: q.type, prompts: { ...q.prompts, ar: 'رقم الطوارئ؟' }, acceptedAnswers: { en: ['112'], ar: ['112', '١١٢'] } }
          : { pool: q.pool, type: q.type, prompts: { ...q.prompts, ar: 'أي رقم تتصل به؟' }, options: q.options.map((o) => ({ ...o, texts: { ...o.texts, ar: `خيار ${o.id}` } })) };
      await author.ok('put', `/questions/${q.id}`, arabicQuestion, 200);
    }
    await author.ok('post', `/versions/${versionId}/publish`, undefined, 200);
    expect((await t.prisma.course.findUniqueOrThrow({ where: { id: courseId } })).languages).toEqual(['en', 'ar']);

    // On the next version, removing Arabic takes its texts out of every part.
    tree = await author.ok('post', `/courses/${courseId}/versions`);
    tree = await author.ok('delete', `/versions/${tree.version.id}/languages/ar`, undefined, 200);
    expect(tree.version).toMatchObject({ languages: ['en'], titles: { en: 'First aid basics' } });
    expect(JSON.stringify(tree.modules) + JSON.stringify(tree.questions)).not.toMatch(/"ar"/);
    const last = await author.send('delete', `/versions/${tree.version.id}/languages/en`);
    expect(fieldCodes(last.body)).toEqual({ language: ['last_language'] });
    // The published version still has Arabic.
    const published = await author.get(`/versions/${versionId}`);
    expect(published.body.version.languages).toEqual(['en', 'ar']);
    expect(published.body.questions[0].prompts.ar).toBeTruthy();
  });
});

describe('versions', () => {
  it('keeps enrolled learners on their version while new enrolments get the newly published one', async () => {
    const author = await Author.signIn(t, world.coordinator);
    const { courseId, versionId } = await draftWithQuiz(author);
    for (const n of [1, 2]) await author.ok('post', `/versions/${versionId}/questions`, { ...singleChoice(), pool: 'basics', prompts: { en: `Q${n}` } });
    const v1 = await author.ok('post', `/versions/${versionId}/publish`, undefined, 200);
    const early = await t.prisma.$transaction((tx) => enrolLearner(tx, { courseId, userId: world.volunteerA.id, organisationId: world.orgA.id, source: 'SELF' }));
    expect(early.versionId).toBe(versionId);

    const v2 = await author.ok('post', `/courses/${courseId}/versions`);
    expect(v2.version).toMatchObject({ number: 2, state: 'DRAFT' });
    expect(v2.course.draftVersionId).toBe(v2.version.id);
    // A deep copy: the same content under new ids.
    const lessonsOf = (tree: typeof v1) => tree.modules.flatMap((m) => m.lessons);
    expect(lessonsOf(v2).map((l) => l.titles.en)).toEqual(lessonsOf(v1).map((l) => l.titles.en));
    expect(lessonsOf(v2).map((l) => l.id)).not.toContain(lessonsOf(v1)[0]!.id);
    expect(v2.questions.map((q) => q.prompts.en)).toEqual(v1.questions.map((q) => q.prompts.en));
    expect(v2.questions.map((q) => q.id)).not.toContain(v1.questions[0]!.id);

    const again = await author.send('post', `/courses/${courseId}/versions`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('COURSE_DRAFT_EXISTS');
    expect(await t.prisma.courseVersion.count({ where: { courseId } })).toBe(2);

    await author.ok('patch', `/lessons/${lessonsOf(v2)[0]!.id}`, { titles: { en: 'Call for help (2nd edition)' } }, 200);
    const v1Again = await author.get(`/versions/${versionId}`);
    expect(v1Again.body.modules[0].lessons[0].titles.en).toBe('Call for help');

    const published = await author.ok('post', `/versions/${v2.version.id}/publish`, undefined, 200);
    expect(published.course.versions.map((v) => [v.number, v.state])).toEqual([
      [1, 'RETIRED'],
      [2, 'PUBLISHED'],
    ]);
    const kept = await t.prisma.courseEnrolment.findUniqueOrThrow({ where: { id: early.id } });
    expect(kept.versionId).toBe(versionId);
    const late = await t.prisma.$transaction((tx) => enrolLearner(tx, { courseId, userId: world.volunteerB.id, organisationId: world.orgB.id, source: 'SELF' }));
    expect(late.versionId).toBe(v2.version.id);
    const retired = await author.send('patch', `/versions/${versionId}`, { titles: { en: 'Too late' } });
    expect(retired.body.code).toBe('COURSE_VERSION_NOT_EDITABLE');

    // A draft can be discarded when a published version exists; the course keeps its published one.
    const v3 = await author.ok('post', `/courses/${courseId}/versions`);
    const discarded = await author.ok('delete', `/versions/${v3.version.id}`, undefined, 200);
    expect(discarded.version.id).toBe(v2.version.id);
    expect(discarded.course.draftVersionId).toBeNull();

    const audit = await t.prisma.auditEvent.findMany({ where: { action: 'course.version_created' } });
    expect(audit.filter((a) => (a.details as { courseId: string }).courseId === courseId).length).toBe(2);
  });

  it('archives and unarchives a course, auditing both', async () => {
    const author = await Author.signIn(t, world.coordinator);
    const tree = await author.createCourse({ networkId: world.network.id, title: 'To archive' });
    const archived = await author.ok('post', `/courses/${tree.course.id}/archive`, undefined, 200);
    expect(archived.course.status).toBe('ARCHIVED');
    expect((await author.send('post', `/courses/${tree.course.id}/archive`)).body.code).toBe('INVALID_STATUS_TRANSITION');
    const back = await author.ok('post', `/courses/${tree.course.id}/unarchive`, undefined, 200);
    expect(back.course.status).toBe('DRAFT');
    const actions = await t.prisma.auditEvent.findMany({ where: { action: { in: ['course.archived', 'course.unarchived'] } } });
    expect(actions.filter((a) => (a.details as { courseId: string }).courseId === tree.course.id).length).toBe(2);
  });
});

describe('two editors at once', () => {
  it('refuses a change based on an old revision with 409 and the current state, overwriting nothing', async () => {
    const first = await Author.signIn(t, world.coordinator);
    const tree = await first.createCourse({ networkId: world.network.id, title: 'Shared draft' });
    const second = await Author.signIn(t, world.coordinator);
    second.remember((await second.get(`/courses/${tree.course.id}`)).body);
    expect(second.revision).toBe(first.revision);

    await first.ok('patch', `/versions/${tree.version.id}`, { titles: { en: 'Title by first' } }, 200);
    const stale = await second.send('patch', `/versions/${tree.version.id}`, { titles: { en: 'Title by second' } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CONFLICT');
    expect(stale.body.details.currentRevision).toBe(first.revision);
    expect(stale.body.details.current.version.titles).toEqual({ en: 'Title by first' });
    expect((await first.get(`/courses/${tree.course.id}`)).body.version.titles).toEqual({ en: 'Title by first' });
  });

  it('lets exactly one of two simultaneous changes from the same revision land', async () => {
    const a = await Author.signIn(t, world.coordinator);
    const tree = await a.createCourse({ networkId: world.network.id, title: 'Race' });
    const b = await Author.signIn(t, world.coordinator);
    b.revision = a.revision;
    const answers = await Promise.all([
      a.send('post', `/versions/${tree.version.id}/modules`, { titles: { en: 'From A' } }),
      b.send('post', `/versions/${tree.version.id}/modules`, { titles: { en: 'From B' } }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await t.prisma.courseModule.count({ where: { versionId: tree.version.id } })).toBe(1);
  });

  it('needs the revision in If-Match', async () => {
    const author = await Author.signIn(t, world.coordinator);
    const tree = await author.createCourse({ networkId: world.network.id, title: 'No header' });
    const missing = await author.client.post(`/api/course-authoring/versions/${tree.version.id}/modules`, { titles: { en: 'M' } });
    expect(missing.status).toBe(400);
    expect(fieldCodes(missing.body)).toEqual({ 'If-Match': ['revision_required'] });
  });
});

describe('bad input', () => {
  it('answers stable codes for malformed ids, unknown fields, impossible settings and oversized text', async () => {
    const author = await Author.signIn(t, world.coordinator);
    const tree = await author.createCourse({ networkId: world.network.id, title: 'Strict' });
    const moduleId = (await author.ok('post', `/versions/${tree.version.id}/modules`, { titles: { en: 'M' } })).modules[0]!.id;
    expect((await author.get('/courses/not-a-uuid')).status).toBe(400);
    expect((await author.get('/courses/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const cases: [object, string][] = [
      [{ titles: { en: 'x' }, colour: 'red' }, 'colour'],
      [{ titles: { en: 'x' }, quizPassPercent: 101 }, 'quizPassPercent'],
      [{ titles: { en: 'x' }, quizAttemptLimit: 0 }, 'quizAttemptLimit'],
      [{ titles: { en: 'x' }, bodies: { en: 'x'.repeat(20_001) } }, 'bodies.en'],
      [{ titles: {} }, 'titles'],
      [{ titles: { xx: 'x' } }, 'titles.xx'],
    ];
    for (const [body, field] of cases) {
      const answer = await author.send('post', `/modules/${moduleId}/lessons`, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(answer.body.details.fields).join(','), JSON.stringify(body)).toContain(field);
    }
    const both = await author.client.post('/api/course-authoring/courses', {
      networkId: world.network.id, standardTopic: 'FIRST_AID', customTopicId: '00000000-0000-4000-8000-000000000000',
      audience: 'EVERYONE', enrolmentPolicy: 'NETWORK', language: 'en', title: 'Two topics',
    });
    expect(fieldCodes(both.body)).toEqual({ standardTopic: ['oneTopic'] });
    const orgPolicy = await author.client.post('/api/course-authoring/courses', {
      networkId: world.network.id, standardTopic: 'FIRST_AID', audience: 'EVERYONE', enrolmentPolicy: 'ORGANISATION', language: 'en', title: 'No org',
    });
    expect(fieldCodes(orgPolicy.body)).toEqual({ enrolmentPolicy: ['organisation_required'] });
    // Nothing of the refused requests was written.
    expect(await t.prisma.courseLesson.count({ where: { moduleId } })).toBe(0);
    expect(await t.prisma.course.count({ where: { titles: { path: ['en'], equals: 'No org' } } })).toBe(0);
  });
});
