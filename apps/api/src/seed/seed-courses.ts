import type { Prisma } from '../generated/prisma/client.js';
import { enrolLearner } from '../modules/learning/enrolment-writer.js';

type Tx = Prisma.TransactionClient;
type Texts = Partial<Record<'fr' | 'ar' | 'en' | 'es' | 'nl', string>>;

/**
 * Demo courses for a fresh `npm start`: three published courses in French, Arabic and English
 * (topics from the Tangier model: volunteer foundation, first aid, leading a team), two
 * learning paths, assignments with due dates and some progress, so the learner's "My learning"
 * and the leader's "Team learning" show a living intranet. Runs inside the demo seed's
 * transaction, which only ever runs on an empty database.
 */

interface QuestionSeed {
  type: 'SINGLE_CHOICE' | 'MULTIPLE_CHOICE' | 'TRUE_FALSE' | 'SHORT_TEXT';
  prompts: Texts;
  options?: { id: string; texts: Texts; correct: boolean; feedback?: Texts }[];
  accepted?: Record<string, string[]>;
  explanations?: Texts;
}
interface LessonSeed {
  titles: Texts;
  bodies: Texts;
  quiz?: boolean;
  practical?: Texts;
}
interface CourseSeed {
  key: string;
  topic: 'LEADERSHIP' | 'FIRST_AID' | 'ORGANISING';
  audience: 'VOLUNTEERS' | 'LEADERS' | 'EVERYONE';
  titles: Texts;
  summaries: Texts;
  modules: { titles: Texts; lessons: LessonSeed[] }[];
  questions: QuestionSeed[];
}

const yesNo = (correct: boolean): QuestionSeed['options'] => [
  { id: 'true', texts: { fr: 'Vrai', ar: 'صحيح', en: 'True' }, correct },
  { id: 'false', texts: { fr: 'Faux', ar: 'خطأ', en: 'False' }, correct: !correct },
];

const COURSES: CourseSeed[] = [
  {
    key: 'foundation',
    topic: 'ORGANISING',
    audience: 'VOLUNTEERS',
    titles: { fr: 'Fondamentaux du bénévolat', ar: 'أساسيات العمل التطوعي', en: 'Volunteer foundation' },
    summaries: {
      fr: 'Bienvenue, éthique du bénévolat et écoute active : les bases pour accompagner les familles de la médina.',
      ar: 'الترحيب وأخلاقيات التطوع والإصغاء الفعال: الأسس لمرافقة أسر المدينة القديمة.',
      en: 'Welcome, the ethics of volunteering and listening skills: the basics for supporting families in the medina.',
    },
    modules: [
      {
        titles: { fr: 'Bienvenue', ar: 'مرحبًا', en: 'Welcome' },
        lessons: [
          {
            titles: { fr: 'Bienvenue dans le réseau', ar: 'مرحبًا بك في الشبكة', en: 'Welcome to the network' },
            bodies: {
              fr: '## Pourquoi nous sommes là\n\nNos associations de Tanger accompagnent les familles pour leurs droits sociaux, la santé et le travail. Ce cours présente notre manière de travailler.',
              ar: '## لماذا نحن هنا\n\nترافق جمعياتنا في طنجة الأسر في حقوقها الاجتماعية والصحة والعمل. تقدم هذه الدورة طريقتنا في العمل.',
              en: '## Why we are here\n\nOur Tangier associations support families with their social rights, health and work. This course introduces how we work.',
            },
          },
        ],
      },
      {
        titles: { fr: 'Éthique et écoute', ar: 'الأخلاقيات والإصغاء', en: 'Ethics and listening' },
        lessons: [
          {
            titles: { fr: 'L’éthique du bénévolat', ar: 'أخلاقيات التطوع', en: 'The ethics of volunteering' },
            bodies: {
              fr: 'Confidentialité, respect de la dignité, pas de promesse que l’on ne peut tenir. **Ce qu’une famille vous confie reste dans l’association.**',
              ar: 'السرية واحترام الكرامة وعدم تقديم وعود لا يمكن الوفاء بها. **ما تأتمنك عليه الأسرة يبقى داخل الجمعية.**',
              en: 'Confidentiality, respect for dignity, no promises we cannot keep. **What a family tells you stays within the association.**',
            },
          },
          {
            titles: { fr: 'L’écoute active', ar: 'الإصغاء الفعال', en: 'Listening skills' },
            bodies: {
              fr: 'Reformuler, poser des questions ouvertes, laisser des silences. Notez ensuite ce qui a été convenu, pas ce que vous avez pensé.',
              ar: 'أعد الصياغة، واطرح أسئلة مفتوحة، واترك لحظات صمت. دوّن بعد ذلك ما تم الاتفاق عليه، لا ما فكرت فيه.',
              en: 'Rephrase, ask open questions, leave silences. Afterwards, write down what was agreed, not what you thought.',
            },
          },
          {
            titles: { fr: 'Quiz', ar: 'اختبار', en: 'Quiz' },
            bodies: { fr: 'Quatre questions pour vérifier les bases.', ar: 'أربعة أسئلة للتحقق من الأساسيات.', en: 'Four questions to check the basics.' },
            quiz: true,
          },
        ],
      },
    ],
    questions: [
      {
        type: 'SINGLE_CHOICE',
        prompts: { fr: 'Une voisine vous raconte la situation d’une famille suivie. Que faites-vous ?', ar: 'أخبرتك جارة عن وضع أسرة تتابعها الجمعية. ماذا تفعل؟', en: 'A neighbour asks you about a family the association supports. What do you do?' },
        options: [
          { id: 'a', texts: { fr: 'Je ne dis rien de la famille', ar: 'لا أقول شيئًا عن الأسرة', en: 'I say nothing about the family' }, correct: true },
          { id: 'b', texts: { fr: 'Je résume sans donner de noms', ar: 'ألخص دون ذكر أسماء', en: 'I summarise without names' }, correct: false, feedback: { fr: 'Même sans nom, le quartier reconnaît la famille.', ar: 'حتى دون أسماء، يتعرف الحي على الأسرة.', en: 'Even without names, the neighbourhood recognises the family.' } },
        ],
      },
      { type: 'TRUE_FALSE', prompts: { fr: 'Reformuler aide la personne à se sentir comprise.', ar: 'إعادة الصياغة تساعد الشخص على الشعور بأنه مفهوم.', en: 'Rephrasing helps the person feel understood.' }, options: yesNo(true) },
      {
        type: 'MULTIPLE_CHOICE',
        prompts: { fr: 'Lesquelles sont des questions ouvertes ?', ar: 'أي منها أسئلة مفتوحة؟', en: 'Which are open questions?' },
        options: [
          { id: 'a', texts: { fr: 'Comment s’est passée la semaine ?', ar: 'كيف مر الأسبوع؟', en: 'How did the week go?' }, correct: true },
          { id: 'b', texts: { fr: 'Avez-vous un emploi ?', ar: 'هل لديك عمل؟', en: 'Do you have a job?' }, correct: false },
          { id: 'c', texts: { fr: 'Qu’est-ce qui vous inquiète le plus ?', ar: 'ما الذي يقلقك أكثر؟', en: 'What worries you most?' }, correct: true },
        ],
      },
      { type: 'SHORT_TEXT', prompts: { fr: 'Quel mot résume la première règle du bénévolat ?', ar: 'ما الكلمة التي تلخص القاعدة الأولى للتطوع؟', en: 'Which word sums up the first rule of volunteering?' }, accepted: { fr: ['confidentialité'], ar: ['السرية'], en: ['confidentiality'] } },
    ],
  },
  {
    key: 'first-aid',
    topic: 'FIRST_AID',
    audience: 'EVERYONE',
    titles: { fr: 'Premiers secours', ar: 'الإسعافات الأولية', en: 'First aid basics' },
    summaries: {
      fr: 'Protéger, alerter, secourir : les gestes de base, validés par une mise en situation.',
      ar: 'الحماية والإبلاغ والإسعاف: الحركات الأساسية، مع تقييم عملي.',
      en: 'Protect, alert, assist: the basic actions, confirmed in a practical assessment.',
    },
    modules: [
      {
        titles: { fr: 'Les gestes', ar: 'الحركات الأساسية', en: 'The basics' },
        lessons: [
          { titles: { fr: 'Protéger et alerter', ar: 'الحماية والإبلاغ', en: 'Protect and alert' }, bodies: { fr: 'Sécurisez les lieux, puis appelez le **15** (SAMU) ou le **19** (police).', ar: 'أمّن المكان ثم اتصل بالرقم **15** (الإسعاف) أو **19** (الشرطة).', en: 'Make the scene safe, then call **15** (ambulance) or **19** (police) in Morocco.' } },
          { titles: { fr: 'La position latérale de sécurité', ar: 'وضعية الإفاقة', en: 'The recovery position' }, bodies: { fr: 'Une personne inconsciente qui respire se met sur le côté, tête basculée en arrière.', ar: 'يوضع الشخص الفاقد للوعي الذي يتنفس على جنبه مع إمالة الرأس إلى الخلف.', en: 'An unconscious person who is breathing goes on their side, head tilted back.' } },
          { titles: { fr: 'Arrêter un saignement', ar: 'إيقاف النزيف', en: 'Stopping a bleed' }, bodies: { fr: 'Appuyez fort et longtemps avec un tissu propre.', ar: 'اضغط بقوة ولمدة طويلة بقطعة قماش نظيفة.', en: 'Press hard and long with a clean cloth.' } },
          {
            titles: { fr: 'Validation pratique', ar: 'التقييم العملي', en: 'Practical sign-off' },
            bodies: { fr: 'Montrez les gestes à votre responsable lors de la prochaine permanence.', ar: 'اعرض الحركات على مسؤولك في المداومة القادمة.', en: 'Show the actions to your leader at the next drop-in session.' },
            practical: { fr: 'Mise en situation : victime inconsciente qui respire.', ar: 'محاكاة: ضحية فاقدة للوعي تتنفس.', en: 'Scenario: an unconscious casualty who is breathing.' },
          },
        ],
      },
    ],
    questions: [],
  },
  {
    key: 'leading',
    topic: 'LEADERSHIP',
    audience: 'LEADERS',
    titles: { fr: 'Animer une équipe de bénévoles', ar: 'قيادة فريق من المتطوعين', en: 'Leading a volunteer team' },
    summaries: {
      fr: 'Accueillir, répartir les rôles, animer une réunion et reconnaître l’engagement.',
      ar: 'الاستقبال وتوزيع الأدوار وتسيير الاجتماعات وتقدير الالتزام.',
      en: 'Welcoming, sharing roles, running a meeting and recognising commitment.',
    },
    modules: [
      {
        titles: { fr: 'Animer', ar: 'القيادة', en: 'Leading' },
        lessons: [
          { titles: { fr: 'Rôles et attentes', ar: 'الأدوار والتوقعات', en: 'Roles and expectations' }, bodies: { fr: 'Chaque bénévole sait ce qu’on attend de lui et à qui s’adresser.', ar: 'يعرف كل متطوع ما هو متوقع منه وإلى من يتوجه.', en: 'Every volunteer knows what is expected and whom to ask.' } },
          { titles: { fr: 'Animer une réunion', ar: 'تسيير اجتماع', en: 'Running a meeting' }, bodies: { fr: 'Un ordre du jour court, un tour de parole, des décisions écrites.', ar: 'جدول أعمال قصير، وتناوب على الكلمة، وقرارات مكتوبة.', en: 'A short agenda, everyone speaks in turn, decisions in writing.' } },
          { titles: { fr: 'Quiz', ar: 'اختبار', en: 'Quiz' }, bodies: { fr: 'Deux questions.', ar: 'سؤالان.', en: 'Two questions.' }, quiz: true },
        ],
      },
    ],
    questions: [
      { type: 'TRUE_FALSE', prompts: { fr: 'Les décisions d’une réunion doivent être écrites.', ar: 'يجب تدوين قرارات الاجتماع.', en: 'A meeting’s decisions should be written down.' }, options: yesNo(true) },
      { type: 'TRUE_FALSE', prompts: { fr: 'Le responsable parle en premier et en dernier.', ar: 'يتكلم المسؤول أولًا وأخيرًا.', en: 'The leader always speaks first and last.' }, options: yesNo(false) },
    ],
  },
];

export interface CourseSeedContext {
  networkId: string;
  organisationIds: Map<string, string>;
  userIds: Map<string, string>;
  now?: Date;
}

const DAY = 86_400_000;

export async function seedDemoCourses(tx: Tx, context: CourseSeedContext): Promise<void> {
  const now = context.now ?? new Date();
  const coordinatorId = context.userIds.get('coordinator@example.org') ?? null;
  const courses = new Map<string, { id: string; lessonIds: string[] }>();
  for (const seed of COURSES) courses.set(seed.key, await createCourse(tx, context.networkId, coordinatorId, seed, now));
  await tx.coursePrerequisite.create({ data: { courseId: courses.get('leading')!.id, requiredCourseId: courses.get('foundation')!.id } });
  const paths: [Texts, string[]][] = [
    [{ fr: 'Parcours bénévole', ar: 'مسار المتطوع', en: 'Volunteer foundation' }, ['foundation', 'first-aid']],
    [{ fr: 'Parcours responsable', ar: 'مسار المسؤول', en: 'Leader track' }, ['foundation', 'leading']],
  ];
  for (const [titles, keys] of paths) {
    await tx.learningPath.create({
      data: {
        networkId: context.networkId,
        status: 'PUBLISHED',
        titles,
        createdById: coordinatorId,
        courses: { create: keys.map((key, position) => ({ courseId: courses.get(key)!.id, position })) },
      },
    });
  }

  // A few more volunteers in Tangier and Bamako (no password: they only populate the reports).
  const tangier = context.organisationIds.get('tangier')!;
  const bamako = context.organisationIds.get('bamako-mutual')!;
  const extra = async (name: string, email: string, organisationId: string, preferredLanguage: string) => {
    const user = await tx.user.create({ data: { name, email, preferredLanguage, timeZone: 'Africa/Casablanca' } });
    await tx.organisationMembership.create({ data: { userId: user.id, organisationId, role: 'VOLUNTEER' } });
    return user.id;
  };
  const fatima = await extra('فاطمة الزهراء العلمي', 'fatima.zahra@example.org', tangier, 'ar');
  const youssef = await extra('Youssef Benali', 'youssef.benali@example.org', tangier, 'fr');
  const moussa = await extra('Moussa Keïta', 'moussa.keita@example.org', bamako, 'fr');
  const salma = context.userIds.get('volunteer@example.org')!;
  const karim = context.userIds.get('leader@example.org')!;
  const awa = context.userIds.get('leader.bamako@example.org')!;

  const assign = async (key: string, userId: string, organisationId: string, by: string, dueInDays: number | null, lessonsDone: number, completedDaysAgo?: number) => {
    const course = courses.get(key)!;
    const enrolment = await enrolLearner(tx, {
      courseId: course.id,
      userId,
      organisationId,
      source: 'ASSIGNED',
      assignedById: by,
      dueAt: dueInDays === null ? null : new Date(now.getTime() + dueInDays * DAY),
    });
    const done = course.lessonIds.slice(0, lessonsDone);
    for (const [index, lessonId] of done.entries()) {
      const at = new Date(now.getTime() - ((completedDaysAgo ?? 1) + done.length - index) * DAY);
      await tx.lessonProgress.create({ data: { enrolmentId: enrolment.id, lessonId, status: 'COMPLETED', startedAt: at, completedAt: at } });
    }
    const completed = completedDaysAgo !== undefined;
    await tx.courseEnrolment.update({
      where: { id: enrolment.id },
      data: {
        completedLessons: done.length,
        lastLessonId: done.at(-1) ?? null,
        ...(completed ? { status: 'COMPLETED', completedAt: new Date(now.getTime() - completedDaysAgo * DAY) } : {}),
      },
    });
  };
  // The demo volunteer: half-way through the foundation (due in two weeks), first aid to start.
  await assign('foundation', salma, tangier, karim, 14, 2);
  await assign('first-aid', salma, tangier, karim, 30, 0);
  await assign('foundation', youssef, tangier, karim, null, 4, 10);
  await assign('foundation', fatima, tangier, karim, 7, 4, 3);
  await assign('first-aid', fatima, tangier, karim, -5, 1);
  await assign('foundation', moussa, bamako, awa, null, 4, 24);
  await assign('leading', youssef, tangier, karim, 45, 1);

  await tx.courseCohort.create({
    data: {
      courseId: courses.get('first-aid')!.id,
      organisationId: tangier,
      name: 'Premiers secours — printemps',
      startsAt: new Date(now.getTime() + 10 * DAY),
      endsAt: new Date(now.getTime() + 40 * DAY),
      createdById: karim,
    },
  });
}

async function createCourse(tx: Tx, networkId: string, createdById: string | null, seed: CourseSeed, now: Date) {
  const lessonCount = seed.modules.reduce((n, m) => n + m.lessons.length, 0);
  const catalogue = { titles: seed.titles, summaries: seed.summaries, languages: ['ar', 'en', 'fr'], estimatedMinutes: lessonCount * 10 };
  const course = await tx.course.create({
    data: { networkId, standardTopic: seed.topic, audience: seed.audience, enrolmentPolicy: 'NETWORK', status: 'PUBLISHED', createdById, ...catalogue },
  });
  const version = await tx.courseVersion.create({ data: { courseId: course.id, number: 1, state: 'PUBLISHED', publishedAt: now, ...catalogue } });
  await tx.course.update({ where: { id: course.id }, data: { publishedVersionId: version.id } });
  const lessonIds: string[] = [];
  for (const [moduleIndex, module] of seed.modules.entries()) {
    const created = await tx.courseModule.create({ data: { versionId: version.id, position: moduleIndex, titles: module.titles } });
    for (const [position, lesson] of module.lessons.entries()) {
      const row = await tx.courseLesson.create({
        data: {
          moduleId: created.id,
          versionId: version.id,
          position,
          titles: lesson.titles,
          bodies: lesson.bodies,
          estimatedMinutes: 10,
          hasQuiz: !!lesson.quiz,
          quizPassPercent: 75,
          quizAttemptLimit: lesson.quiz ? 3 : null,
          requiresPractical: !!lesson.practical,
          practicalInstructions: lesson.practical ?? {},
        },
      });
      lessonIds.push(row.id);
    }
  }
  for (const [position, q] of seed.questions.entries()) {
    await tx.quizQuestion.create({
      data: {
        versionId: version.id,
        position,
        type: q.type,
        prompts: q.prompts,
        options: (q.options ?? []).map((o) => ({ ...o, feedback: o.feedback ?? {} })),
        acceptedAnswers: q.accepted ?? {},
        explanations: q.explanations ?? {},
      },
    });
  }
  return { id: course.id, lessonIds };
}
