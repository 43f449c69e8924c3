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
//  5. For real, in Chromium over an emulated line (CDP Network.emulateNetworkConditions:
//     400 kbit/s down and up, 300 ms latency), against a running system with the demo data
//     (BASE_URL, default http://127.0.0.1:3000): the volunteer saves each demo course they can
//     enrol in through the course page's "Save for offline", with the 240p video and with audio
//     only, each in a fresh browser (nothing saved before); printed: bytes over the line and
//     seconds from "Save" to "Saved". Then the app's sync request with 100 queued events (one
//     batch, as sync-queue.ts sends them) over the same line, and again (all replays).
//
//   pnpm run build && node bench/learning-offline.mjs [--seconds 180]
//   BASE_URL=http://127.0.0.1:3000 node bench/learning-offline.mjs --browser-only   (part 5 only)
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { arg, pg, seedPeople, startApi } from './materials-common.mjs';

const LINE_BITS_PER_SECOND = 400_000;
const COURSE_VIDEO_SECONDS = 30 * 60;
const LESSONS = 10;
const mb = (bytes) => +(bytes / 1e6).toFixed(2);
const onLine = (bytes) => Math.round((bytes * 8) / LINE_BITS_PER_SECOND);

if (!process.argv.includes('--browser-only')) await computed();
await inBrowser();

async function computed() {
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
}


// 5. In Chromium over an emulated 400 kbit/s line.
async function inBrowser() {
  const baseUrl = (process.env.BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
  const email = process.env.BENCH_EMAIL ?? 'volunteer@example.org';
  const reachable = await fetch(`${baseUrl}/api/health/live`).then(() => true, () => false);
  if (!reachable) {
    console.log(JSON.stringify({ what: 'in Chromium', skipped: `no system answers at ${baseUrl} (start one with SEED_DEMO=true)` }));
    return;
  }
  // playwright-core is a dependency of the browser journeys (e2e/); borrow it from there.
  const { chromium } = createRequire(new URL('../e2e/package.json', import.meta.url))('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const line = { offline: false, latency: 300, downloadThroughput: LINE_BITS_PER_SECOND / 8, uploadThroughput: LINE_BITS_PER_SECOND / 8 };
  // A fresh browser signed in (at full speed), with a CDP session to slow its line down later.
  const signedIn = async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB', serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.locator('input[name=identifier]').fill(email);
    await page.locator('input[type=password]').first().fill(process.env.BENCH_PASSWORD ?? 'tadamon-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('home-title').waitFor({ timeout: 60_000 });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    let bytes = 0;
    cdp.on('Network.loadingFinished', (event) => (bytes += event.encodedDataLength));
    const call = (path, method = 'GET', body) =>
      page.evaluate(
        async ({ path, method, body }) => {
          const session = await (await fetch('/api/auth/session')).json();
          const answer = await fetch(`/api${path}`, {
            method,
            headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          return { status: answer.status, body: await answer.json().catch(() => null) };
        },
        { path, method, body },
      );
    return {
      context,
      page,
      call,
      slow: () => cdp.send('Network.emulateNetworkConditions', line),
      fast: () => cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 }),
      bytes: () => bytes,
      resetBytes: () => (bytes = 0),
    };
  };

  try {
    // The demo courses the volunteer can learn: those already theirs, and those open to them.
    const first = await signedIn();
    const catalogue = (await first.call('/learning/catalogue')).body;
    const courses = (Array.isArray(catalogue) ? catalogue : (catalogue?.items ?? [])).map((c) => ({ id: c.id ?? c.courseId, title: c.title }));
    const saveable = [];
    for (const course of courses) {
      const enrolled = await first.call(`/learning/courses/${course.id}/enrolment`, 'POST', {});
      const pkg = await first.call(`/learning/courses/${course.id}/offline-package`);
      if (pkg.status === 200) saveable.push({ ...course, enrolmentId: pkg.body.enrolmentId, lessons: pkg.body.lessons.map((l) => l.id) });
      else console.log(JSON.stringify({ what: 'demo course not saveable by the volunteer', course: course.title, enrolment: enrolled.status, package: pkg.status }));
    }
    await first.context.close();

    for (const course of saveable) {
      for (const media of ['video', 'audio']) {
        const run = await signedIn();
        await run.page.goto(`${baseUrl}/learning/courses/${course.id}`);
        await run.page.getByTestId('save-offline').waitFor({ timeout: 60_000 });
        await run.slow();
        run.resetBytes();
        // From the first press: the dialog fetches the package to show the size, then saves.
        const started = performance.now();
        await run.page.getByTestId('save-offline').click();
        await run.page.locator(`input[type=radio][value=${media}]`).check();
        await run.page.getByTestId('save-size').filter({ hasText: /\d/ }).waitFor({ timeout: 120_000 });
        const planned = await run.page.getByTestId('save-size').textContent();
        await run.page.getByTestId('confirm-save-offline').click();
        await run.page.getByTestId('saved-offline').waitFor({ timeout: 15 * 60_000 });
        const seconds = +((performance.now() - started) / 1000).toFixed(1);
        console.log(JSON.stringify({ what: 'save for offline over 400 kbit/s, 300 ms (Chromium)', course: course.title, media, shown: planned, kBOverTheLine: Math.round(run.bytes() / 1024), seconds }));
        await run.context.close();
      }
    }

    // The app's sync request with 100 queued events, over the same line.
    const course = saveable.find((c) => c.lessons.length > 1);
    if (course) {
      const run = await signedIn();
      const now = Date.now();
      const events = [];
      for (let i = 0; i < 100; i++) {
        const lessonId = course.lessons[i % course.lessons.length];
        const occurredAt = new Date(now - (200 - i) * 1000).toISOString();
        events.push(
          i < course.lessons.length
            ? { eventId: randomUUID(), type: 'lessonCompleted', occurredAt, enrolmentId: course.enrolmentId, lessonId }
            : { eventId: randomUUID(), type: 'position', occurredAt, enrolmentId: course.enrolmentId, lessonId, positionSeconds: i },
        );
      }
      await run.slow();
      for (const what of ['sync 100 queued events over 400 kbit/s, 300 ms (Chromium)', 'the same 100 again (replay)']) {
        run.resetBytes();
        const started = performance.now();
        const answer = await run.call('/learning/sync', 'POST', { events });
        const ms = Math.round(performance.now() - started);
        const outcomes = (answer.body?.results ?? []).reduce((n, r) => ({ ...n, [r.outcome]: (n[r.outcome] ?? 0) + 1 }), {});
        // The helper also reads the session (for the CSRF token): one more round trip, counted.
        const kBSent = Math.round(Buffer.byteLength(JSON.stringify({ events })) / 1024);
        console.log(JSON.stringify({ what, course: course.title, status: answer.status, ms, kBSent, kBReceived: Math.round(run.bytes() / 1024), outcomes }));
      }
      await run.context.close();
    }
  } finally {
    await browser.close();
  }
}
