// Learning offline (issue 14): what saving a course costs a learner on a slow line, and how long
// the server takes to replay a queue of offline events.
//
//  1. Media: a lecture-like test video (default 3 min, 1280×720, moving test card + tone) made
//     with ffmpeg, turned into the ~240p data-saver copy and the audio track by the API's own
//     makers; sizes scaled to a 10-lesson course with 30 minutes of video (goal: < 40 MB with
//     240p, < 15 MB with audio only).
//  2. Package: a 10-lesson course (one lesson ~2,000 characters of Markdown, a 10-question quiz)
//     through the built API: JSON bytes as stored and as sent (gzip).
//  3. Time to save over a 400 kbit/s line: bytes × 8 / 400,000 (the line is the bottleneck; the
//     API answers the package in milliseconds).
//  4. Sync: 100 queued events (10 lessons done + 90 positions) in one POST /api/learning/sync,
//     then the same queue again (every event a replay).
//
//   pnpm run build && node bench/learning-offline.mjs [--seconds 180]
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { arg, pg, seedPeople, startApi } from './materials-common.mjs';

const LINE_BITS_PER_SECOND = 400_000;
const COURSE_VIDEO_SECONDS = 30 * 60;
const LESSONS = 10;
const mb = (bytes) => +(bytes / 1e6).toFixed(2);
const onLine = (bytes) => Math.round((bytes * 8) / LINE_BITS_PER_SECOND);

// 1. Media.
const seconds = Math.min(arg('seconds', 180), 900);
const api = new URL('../apps/api/dist/modules/materials/media/', import.meta.url);
const { MediaTools } = await import(new URL('media-tools.js', api));
const { lowVideo, audioTrack } = await import(new URL('derivative-makers.js', api));
const dir = mkdtempSync(join(tmpdir(), 'tadamon-bench-offline-'));
let perSecond;
try {
  const input = join(dir, 'lecture.mp4');
  execFileSync('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=1280x720:rate=25:duration=${seconds}`,
    '-f', 'lavfi', '-i', `sine=frequency=300:duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '2500k', '-c:a', 'aac', '-b:a', '128k', '-shortest', input,
  ]);
  const tools = new MediaTools({ FFMPEG_PATH: 'ffmpeg', PDFTOPPM_PATH: 'pdftoppm', MEDIA_CONCURRENCY: 1 });
  const probe = await tools.probe(input);
  await lowVideo(tools, input, join(dir, 'low.mp4'), probe);
  await audioTrack(tools, input, join(dir, 'audio.m4a'), probe);
  perSecond = {
    original: statSync(input).size / seconds,
    video: statSync(join(dir, 'low.mp4')).size / seconds,
    audio: statSync(join(dir, 'audio.m4a')).size / seconds,
  };
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// 2–4. Through the API.
const { baseUrl, databaseUrl, stop } = await startApi('offline');
try {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const people = await seedPeople(db);
  const cookie = people.cookies.VOLUNTEER;
  const text = (en) => JSON.stringify({ en });
  const { rows: [course] } = await db.query(
    `INSERT INTO "Course" (id, "networkId", audience, "enrolmentPolicy", status, titles, languages, "updatedAt")
     VALUES (gen_random_uuid(), $1, 'VOLUNTEERS', 'NETWORK', 'PUBLISHED', $2, '{en}', now()) RETURNING id`,
    [people.networkId, text('Bench course')],
  );
  const { rows: [version] } = await db.query(
    `INSERT INTO "CourseVersion" (id, "courseId", number, state, titles, "publishedAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, 1, 'PUBLISHED', $2, now(), now()) RETURNING id`,
    [course.id, text('Bench course')],
  );
  await db.query(`UPDATE "Course" SET "publishedVersionId" = $1 WHERE id = $2`, [version.id, course.id]);
  const { rows: [module] } = await db.query(
    `INSERT INTO "CourseModule" (id, "versionId", position, titles) VALUES (gen_random_uuid(), $1, 0, $2) RETURNING id`,
    [version.id, text('Module')],
  );
  const body = '## A lesson\n\n' + 'Listen first, then write down what was agreed. **Confidentiality** comes first. '.repeat(25);
  const lessons = [];
  for (let i = 0; i < LESSONS; i++) {
    const quiz = i === LESSONS - 1;
    const { rows: [lesson] } = await db.query(
      `INSERT INTO "CourseLesson" (id, "moduleId", "versionId", position, titles, bodies, "estimatedMinutes", "hasQuiz", "quizPassPercent")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, 3, $6, 70) RETURNING id`,
      [module.id, version.id, i, text(`Lesson ${i + 1}`), text(body), quiz],
    );
    lessons.push(lesson.id);
  }
  for (let q = 0; q < 10; q++) {
    await db.query(
      `INSERT INTO "QuizQuestion" (id, "versionId", position, type, prompts, options) VALUES (gen_random_uuid(), $1, $2, 'SINGLE_CHOICE', $3, $4)`,
      [version.id, q, text(`Question ${q + 1}: what do you do first?`), JSON.stringify(['a', 'b', 'c', 'd'].map((id) => ({ id, texts: { en: `Answer ${id}` }, correct: id === 'a', feedback: {} })))],
    );
  }
  await db.end();

  const session = await (await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie } })).json();
  const headers = { cookie, 'content-type': 'application/json', 'x-csrf-token': session.csrfToken, origin: baseUrl };
  const enrolled = await (await fetch(`${baseUrl}/api/learning/courses/${course.id}/enrolment`, { method: 'POST', headers, body: '{}' })).json();
  const pkgAnswer = await fetch(`${baseUrl}/api/learning/courses/${course.id}/offline-package`, { headers: { cookie } });
  const pkgText = await pkgAnswer.text();
  const packageBytes = Buffer.byteLength(pkgText);
  const packageGzip = gzipSync(pkgText).length;
  const videoBytes = perSecond.video * COURSE_VIDEO_SECONDS;
  const audioBytes = perSecond.audio * COURSE_VIDEO_SECONDS;
  console.log(JSON.stringify({ what: 'test video', seconds, kbitPerSecond: { original: Math.round((perSecond.original * 8) / 1000), dataSaver240p: Math.round((perSecond.video * 8) / 1000), audio: Math.round((perSecond.audio * 8) / 1000) } }));
  console.log(JSON.stringify({ what: 'package (10 lessons, 10-question quiz)', bytes: packageBytes, gzipBytes: packageGzip, secondsAt400kbit: +((packageGzip * 8) / LINE_BITS_PER_SECOND).toFixed(1) }));
  for (const [what, media] of [['10 lessons + 30 min video, 240p', videoBytes], ['10 lessons + 30 min video, audio only', audioBytes]]) {
    const total = packageGzip + media;
    console.log(JSON.stringify({ what, MB: mb(total), secondsAt400kbit: onLine(total), goalMB: media === videoBytes ? 40 : 15, withinGoal: mb(total) < (media === videoBytes ? 40 : 15) }));
  }

  // 4. Sync 100 events.
  const now = Date.now();
  const events = [];
  for (let i = 0; i < LESSONS - 1; i++) {
    events.push({ eventId: randomUUID(), type: 'lessonCompleted', occurredAt: new Date(now - (200 - i) * 1000).toISOString(), enrolmentId: enrolled.enrolmentId, lessonId: lessons[i] });
  }
  while (events.length < 100) {
    const i = events.length;
    events.push({ eventId: randomUUID(), type: 'position', occurredAt: new Date(now - (100 - i) * 1000).toISOString(), enrolmentId: enrolled.enrolmentId, lessonId: lessons[i % (LESSONS - 1)], positionSeconds: i });
  }
  const send = async () => {
    const started = performance.now();
    const answer = await fetch(`${baseUrl}/api/learning/sync`, { method: 'POST', headers, body: JSON.stringify({ events }) });
    const { results } = await answer.json();
    return { ms: Math.round(performance.now() - started), outcomes: results.reduce((n, r) => ({ ...n, [r.outcome]: (n[r.outcome] ?? 0) + 1 }), {}) };
  };
  console.log(JSON.stringify({ what: 'sync 100 queued events', ...(await send()) }));
  console.log(JSON.stringify({ what: 'the same 100 again (replay)', ...(await send()) }));
} finally {
  await stop();
}
