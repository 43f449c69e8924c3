import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { mediaAnalyseJobId } from '../modules/materials/material-media.processor.js';
import { plannedDerivatives } from '../modules/materials/media/derivative-makers.js';
import { makeDemoVideo } from './demo-video.js';

/**
 * Demo courses: one short network course — a video lesson and a two-question quiz with a
 * 100 % pass mark and no waiting time — enough for a volunteer to take it, fail once, pass,
 * and see it completed (the browser journey e2e/courses-learning.e2e.ts). Runs once, right
 * after the demo network is seeded.
 */

/**
 * The smallest MP4 the library's magic-byte check accepts: an `ftyp` box (brand isom). It has
 * no frames, so browsers show an empty player; a demo needs no real footage.
 */
export function tinyMp4(): Buffer {
  const brands = ['isom', 'isom', 'iso2', 'mp41'];
  const box = Buffer.alloc(8 + 4 * brands.length);
  box.writeUInt32BE(box.length, 0);
  box.write('ftyp', 4, 'ascii');
  box.write(brands[0]!, 8, 'ascii');
  box.writeUInt32BE(0x200, 12);
  brands.slice(1).forEach((brand, i) => box.write(brand, 16 + 4 * i, 'ascii'));
  return box;
}

const texts = (en: string, fr: string, ar: string, es: string, nl: string) => ({ en, fr, ar, es, nl });

export const DEMO_COURSE_TITLE = texts(
  'Welcoming visitors',
  'Accueillir les visiteurs',
  'استقبال الزوار',
  'Acoger a los visitantes',
  'Bezoekers onthalen',
);

export async function seedWelcomeCourse(
  databaseUrl: string,
  dataDir: string,
  logger: Pick<Logger, 'info'>,
  /** FFMPEG_PATH: with ffmpeg the lesson gets a real short video (demo-video.ts). */
  ffmpegPath = 'ffmpeg',
): Promise<void> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    // Once: the other demo courses (seed-courses.ts) come with the demo network, this one after it.
    if ((await prisma.course.count({ where: { titles: { path: ['en'], equals: DEMO_COURSE_TITLE.en } } })) > 0) return;
    const network = await prisma.network.findFirstOrThrow({ orderBy: { createdAt: 'asc' } });
    const coordinator = await prisma.networkMembership.findFirst({ where: { networkId: network.id, role: 'COORDINATOR' } });
    const realVideo = await makeDemoVideo(ffmpegPath);
    const video = realVideo ?? tinyMp4();
    const materialId = crypto.randomUUID();
    const fileId = crypto.randomUUID();
    const storageKey = `${materialId}/${fileId}`;
    // The bytes first, where the library's disk storage reads them (<DATA_DIR>/materials/<key>):
    // a row never points at a file that is not there.
    const path = join(resolve(dataDir, 'materials'), storageKey);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, video);
    await prisma.$transaction(async (tx) => {
      const material = await tx.material.create({
        data: { id: materialId, networkId: network.id, kind: 'VIDEO', standardTopic: 'ORGANISING', audience: 'VOLUNTEERS', visibility: 'NETWORK', createdById: coordinator?.userId ?? null },
      });
      const translation = await tx.materialTranslation.create({
        data: { materialId: material.id, language: 'en', title: 'A first welcome (video)', summary: 'A short video on greeting a visitor.' },
      });
      await tx.materialFile.create({
        data: { id: fileId, translationId: translation.id, version: 1, originalName: 'first-welcome.mp4', mimeType: 'video/mp4', sizeBytes: video.length, storageKey, status: 'READY', processedAt: new Date() },
      });
      // The real media pipeline makes its poster, ~240p copy and audio track once the API (or
      // the worker) runs: listed as being prepared, the job waits in the outbox like any upload's.
      if (realVideo) {
        await tx.materialFileDerivative.createMany({ data: plannedDerivatives('video/mp4').map((kind) => ({ fileId, kind })) });
        await tx.outboxJob.create({ data: { jobId: mediaAnalyseJobId(fileId), name: 'materials.media-analyse', payload: { fileId } } });
      }
      await tx.materialTranslation.update({ where: { id: translation.id }, data: { currentFileId: fileId } });

      const summary = texts(
        'A ten-minute start: greet a visitor well, then check what you remember.',
        'Dix minutes pour bien accueillir un visiteur, puis vérifier ce que vous avez retenu.',
        'عشر دقائق لاستقبال الزائر استقبالًا حسنًا، ثم التحقق مما تذكرته.',
        'Diez minutos para acoger bien a un visitante y comprobar lo que recuerdas.',
        'Tien minuten om een bezoeker goed te onthalen, en dan te toetsen wat je onthoudt.',
      );
      const course = await tx.course.create({
        data: {
          networkId: network.id, standardTopic: 'ORGANISING', audience: 'VOLUNTEERS', enrolmentPolicy: 'NETWORK', status: 'PUBLISHED',
          titles: DEMO_COURSE_TITLE, summaries: summary, languages: ['en', 'fr', 'ar', 'es', 'nl'], estimatedMinutes: 10,
          createdById: coordinator?.userId ?? null,
        },
      });
      const version = await tx.courseVersion.create({
        data: { courseId: course.id, number: 1, state: 'PUBLISHED', titles: DEMO_COURSE_TITLE, summaries: summary, languages: ['en', 'fr', 'ar', 'es', 'nl'], estimatedMinutes: 10, publishedAt: new Date() },
      });
      await tx.course.update({ where: { id: course.id }, data: { publishedVersionId: version.id } });
      const module = await tx.courseModule.create({
        data: { versionId: version.id, position: 0, titles: texts('Getting started', 'Pour commencer', 'البداية', 'Primeros pasos', 'Aan de slag') },
      });
      await tx.courseLesson.create({
        data: {
          moduleId: module.id, versionId: version.id, position: 0, materialId: material.id, estimatedMinutes: 5,
          titles: texts('Watch: a first welcome', 'À voir : un premier accueil', 'شاهد: استقبال أول', 'Para ver: una primera acogida', 'Bekijk: een eerste onthaal'),
          bodies: texts(
            'Watch the video, then remember **three things**: smile, introduce yourself, and ask how you can help.',
            'Regardez la vidéo, puis retenez **trois choses** : sourire, vous présenter, et demander comment vous pouvez aider.',
            'شاهد الفيديو، ثم تذكّر **ثلاثة أشياء**: الابتسامة، وتقديم نفسك، والسؤال عن كيفية المساعدة.',
            'Mira el vídeo y recuerda **tres cosas**: sonreír, presentarte y preguntar cómo puedes ayudar.',
            'Bekijk de video en onthoud **drie dingen**: glimlachen, jezelf voorstellen en vragen hoe je kunt helpen.',
          ),
        },
      });
      await tx.courseLesson.create({
        data: {
          moduleId: module.id, versionId: version.id, position: 1, estimatedMinutes: 5,
          titles: texts('Quiz: welcoming well', 'Quiz : bien accueillir', 'اختبار: الاستقبال الجيد', 'Cuestionario: acoger bien', 'Quiz: goed onthalen'),
          hasQuiz: true, quizPassPercent: 100, quizAttemptLimit: 3, quizRetryWaitMinutes: 0,
        },
      });
      await tx.quizQuestion.create({
        data: {
          versionId: version.id, position: 0, type: 'TRUE_FALSE',
          prompts: texts('Greet a visitor as soon as they arrive.', 'On salue un visiteur dès son arrivée.', 'نحيّي الزائر فور وصوله.', 'Se saluda a un visitante en cuanto llega.', 'Je begroet een bezoeker zodra die binnenkomt.'),
          options: [
            { id: 'true', texts: texts('True', 'Vrai', 'صحيح', 'Verdadero', 'Waar'), correct: true, feedback: texts('Yes: nobody should wait unnoticed.', 'Oui : personne ne doit attendre sans être vu.', 'نعم: لا ينبغي أن ينتظر أحد دون أن يُلاحَظ.', 'Sí: nadie debe esperar sin que se le vea.', 'Ja: niemand mag onopgemerkt wachten.') },
            { id: 'false', texts: texts('False', 'Faux', 'خطأ', 'Falso', 'Niet waar'), correct: false, feedback: texts('A quick greeting reassures people.', 'Un salut rapide rassure.', 'التحية السريعة تطمئن الناس.', 'Un saludo rápido tranquiliza.', 'Een snelle begroeting stelt mensen gerust.') },
          ],
        },
      });
      await tx.quizQuestion.create({
        data: {
          versionId: version.id, position: 1, type: 'SINGLE_CHOICE',
          prompts: texts('What do you ask first?', 'Que demandez-vous en premier ?', 'ما أول ما تسأل عنه؟', '¿Qué preguntas primero?', 'Wat vraag je eerst?'),
          options: [
            { id: 'help', texts: texts('How can we help you today?', 'Comment pouvons-nous vous aider aujourd’hui ?', 'كيف يمكننا مساعدتك اليوم؟', '¿Cómo podemos ayudarte hoy?', 'Hoe kunnen we je vandaag helpen?'), correct: true, feedback: texts('An open question lets the visitor explain.', 'Une question ouverte laisse le visiteur s’expliquer.', 'السؤال المفتوح يتيح للزائر أن يشرح.', 'Una pregunta abierta deja que el visitante se explique.', 'Een open vraag laat de bezoeker uitleggen.') },
            { id: 'papers', texts: texts('Where are your papers?', 'Où sont vos papiers ?', 'أين وثائقك؟', '¿Dónde están tus papeles?', 'Waar zijn je papieren?'), correct: false, feedback: texts('Papers can wait: first listen.', 'Les papiers peuvent attendre : écoutez d’abord.', 'الوثائق يمكن أن تنتظر: استمع أولًا.', 'Los papeles pueden esperar: primero escucha.', 'Papieren kunnen wachten: eerst luisteren.') },
          ],
        },
      });
    });
    logger.info('Seeded the demo course "Welcoming visitors"');
  } finally {
    await prisma.$disconnect();
  }
}
