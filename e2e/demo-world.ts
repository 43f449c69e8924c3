import { expect } from 'vitest';
import { request, type APIRequestContext } from 'playwright-core';
import { signedIn } from './api-session';

/** A demo account signed in through the API by e-mail or phone (the phone volunteer has a PIN). */
export type ApiSession = Awaited<ReturnType<typeof signedIn>>;

/** The demo phone-only volunteer (demo data, apps/api/src/seed/demo-data.ts). */
export const DEMO_PHONE_VOLUNTEER = { identifier: '+212661000777', pin: '274958' };

export async function signedInByPhone(baseUrl: string, identifier: string, pin: string): Promise<ApiSession> {
  const api = await request.newContext({ baseURL: baseUrl });
  const { csrfToken } = await (await api.get('/api/auth/csrf')).json();
  const answer = await api.post('/api/auth/sign-in', { data: { identifier, password: pin }, headers: { 'x-csrf-token': csrfToken } });
  expect(answer.status()).toBe(200);
  const session = await answer.json();
  const post = async (path: string, data: object) => {
    const response = await api.post(path, { data, headers: { 'x-csrf-token': session.csrfToken } });
    const body = await response.json();
    expect(response.status(), JSON.stringify(body)).toBeLessThan(300);
    return body;
  };
  return { api, session, post };
}

/** GET through a signed-in API session, failing loudly on an error answer. */
export async function getJson<T = any>(api: APIRequestContext, path: string): Promise<T> {
  const response = await api.get(path);
  const body = await response.json();
  expect(response.status(), `${path}: ${JSON.stringify(body)}`).toBe(200);
  return body as T;
}

/** Saves a demo account's interface language (the SPA opens in it after sign-in). */
export async function setLanguage(who: ApiSession, language: string): Promise<void> {
  const response = await who.api.patch('/api/me/profile', {
    data: { preferredLanguage: language },
    headers: { 'x-csrf-token': who.session.csrfToken },
  });
  expect(response.status()).toBe(200);
}

/**
 * One of everything a parameterised screen shows, made through the API as the demo people
 * would: a working group with a discussion, a French joint letter open for signature by the
 * Bamako organisation, a campaign, a meeting Bamako is invited to, a published accreditation
 * framework with an assessment, a learning path, an issued certificate, and an enrolment of the
 * demo phone volunteer in "Welcoming visitors" (not the e-mail volunteer, whom other journeys
 * expect not to have started it).
 */
export async function buildDemoWorld(baseUrl: string, people: { leader: ApiSession; coordinator: ApiSession; learner: ApiSession }) {
  const { leader, coordinator, learner } = people;
  const stamp = Date.now();
  const membership = leader.session.memberships[0];
  const organisationId: string = membership.organisationId;
  const networkId: string = membership.networkId;

  const directory = await getJson<{ items: { id: string; name: string }[] }>(leader.api, '/api/directory?limit=50');
  const bamako = directory.items.find((o) => o.name === 'Union Technique de la Mutualité Malienne');
  expect(bamako, 'the demo Bamako organisation').toBeTruthy();

  const group = await leader.post('/api/groups', { networkId, name: `Domestic workers ${stamp}`, description: 'Rights of **domestic** workers.', audience: 'NETWORK' });
  const thread = await leader.post(`/api/groups/${group.id}/threads`, { title: 'Where do we start?', body: 'First, the **law**.' });
  const letter = await leader.post(`/api/groups/${group.id}/documents`, {
    kind: 'STATEMENT',
    ownerOrganisationId: organisationId,
    language: 'fr',
    title: 'Lettre commune au ministre du Travail',
    body: 'Nous appelons le ministre à ratifier la convention C189.',
    signatoryOrganisationIds: [bamako!.id],
  });
  await leader.post(`/api/documents/${letter.id}/status`, { status: 'IN_REVIEW' });
  await leader.post(`/api/documents/${letter.id}/status`, { status: 'OPEN_FOR_SIGNATURE' });
  const campaign = await leader.post(`/api/groups/${group.id}/campaigns`, { ownerOrganisationId: organisationId, title: 'Ratify C189', goal: 'Get **C189** ratified.' });

  const meeting = await leader.post('/api/meetings', {
    hostOrganisationId: organisationId,
    title: `Mutuelles de santé ${stamp}`,
    description: 'Retours d’expérience.',
    invitedOrganisationIds: [bamako!.id],
    format: 'ONLINE',
    onlineUrl: 'https://meet.example.org/tadamon',
    startLocal: '2027-06-10T10:00',
    endLocal: '2027-06-10T12:00',
    timeZone: 'Africa/Casablanca',
    languages: ['fr', 'ar'],
    agenda: [{ title: 'Accueil', presenter: 'Nadia', durationMinutes: 15 }],
  });

  const framework = await coordinator.post(`/api/networks/${networkId}/accreditation-frameworks`, {
    titles: { en: `Quality label ${stamp}`, ar: 'علامة الجودة', fr: 'Label qualité' },
    descriptions: { en: 'Quality assurance for social organisations.' },
    validityMonths: 24,
    sections: [{ titles: { en: 'Governance' }, criteria: [{ titles: { en: 'A general assembly meets every year' } }] }],
  });
  await coordinator.post(`/api/accreditation-frameworks/${framework.id}/publish`, {});
  const assessment = await leader.post(`/api/organisations/${organisationId}/accreditation-assessments`, { frameworkId: framework.id });

  const catalogue = await getJson<{ items: { id: string; title: string }[] }>(learner.api, '/api/learning/catalogue?limit=50');
  const welcoming = catalogue.items.find((c) => /Welcoming visitors|استقبال/.test(c.title)) ?? catalogue.items[0]!;
  const { enrolmentId } = await learner.post(`/api/learning/courses/${welcoming.id}/enrolment`, {});
  const course = await getJson<{ modules: { lessons: { id: string; hasQuiz: boolean }[] }[] }>(learner.api, `/api/learning/courses/${welcoming.id}`);
  const lessons = course.modules.flatMap((m) => m.lessons);
  const quizLesson = lessons.find((l) => l.hasQuiz) ?? lessons[0]!;
  // The quiz opens once the lessons before it are done.
  for (const lesson of lessons.slice(0, lessons.indexOf(quizLesson))) {
    await learner.post(`/api/learning/enrolments/${enrolmentId}/lessons/${lesson.id}/progress`, { event: 'completed' });
  }

  const path = await leader.post('/api/course-authoring/paths', {
    networkId,
    organisationId,
    titles: { en: `First steps ${stamp}`, ar: 'الخطوات الأولى' },
    courseIds: [welcoming.id],
  });
  const published = await leader.api.post(`/api/course-authoring/paths/${path.id}/publish`, {
    data: {},
    headers: { 'x-csrf-token': leader.session.csrfToken, 'if-match': `"${path.revision}"` },
  });
  expect(published.status(), await published.text()).toBe(200);
  const authoredCourse = await leader.post('/api/course-authoring/courses', {
    networkId,
    organisationId,
    standardTopic: 'LEADERSHIP',
    audience: 'VOLUNTEERS',
    enrolmentPolicy: 'ORGANISATION',
    language: 'en',
    title: `Recovery position ${stamp}`,
    summary: 'Lie them on their side.',
  });

  const type = await coordinator.post(`/api/networks/${networkId}/certificate-types`, { names: { en: `Listening skills ${stamp}`, ar: 'مهارات الإصغاء' }, validityMonths: 12 });
  const certificate = await leader.post('/api/certificates', { certificateTypeId: type.id, holderUserId: learner.session.user.id, organisationId });

  const materials = await getJson<{ items: { id: string }[] }>(learner.api, '/api/materials?limit=5');
  const publicMaterials = await getJson<{ items: { id: string }[] }>(learner.api, '/api/public/materials?limit=5');

  return {
    organisationId,
    networkId,
    bamakoId: bamako!.id,
    groupId: group.id as string,
    threadId: thread.id as string,
    documentId: letter.id as string,
    campaignId: campaign.id as string,
    meetingId: meeting.id as string,
    frameworkId: framework.id as string,
    assessmentId: assessment.id as string,
    courseId: welcoming.id,
    enrolmentId: enrolmentId as string,
    lessonId: lessons[0]!.id,
    quizLessonId: quizLesson.id,
    pathId: path.id as string,
    authoredCourseId: (authoredCourse.course?.id ?? authoredCourse.id) as string,
    certificateCode: certificate.code as string,
    materialId: materials.items[0]!.id,
    publicMaterialId: publicMaterials.items[0]!.id,
  };
}

export type DemoWorld = Awaited<ReturnType<typeof buildDemoWorld>>;
