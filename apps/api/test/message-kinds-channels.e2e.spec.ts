import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageChannel, MessageKind } from '@tadamon/shared';
import { AccreditationNotifier } from '../src/modules/accreditation/accreditation-notifier.js';
import type { StoredAssessment } from '../src/modules/accreditation/assessments.repository.js';
import { NotificationsService } from '../src/modules/notifications/notifications.service.js';
import { createPublishedCourse } from './support/course-factories.js';
import { TEST_PASSWORD, createUser } from './support/factories.js';
import { completeLesson, enrol, signedIn } from './support/learning-fixtures.js';
import { newPhone, startChannelsWorld, type ChannelsWorld } from './support/channels-world.js';

/**
 * Accreditation, collaboration and course-completed messages go through each person's
 * channels for their kind: whoever chose SMS gets the SMS at the stand-in (Twilio-speaking)
 * provider, in their language, and no e-mail.
 */
let world: ChannelsWorld;
let t: ChannelsWorld['t'];

beforeAll(async () => {
  world = await startChannelsWorld();
  t = world.t;
});
afterAll(async () => world?.close());

/** A person of the world's organisation with a phone, who chose only SMS for `kind`. */
async function smsPerson(kind: MessageKind, options: { role?: 'VOLUNTEER' | 'ORG_LEADER'; language?: string; channels?: MessageChannel[] } = {}) {
  const created = await createUser(t.prisma, { role: options.role ?? 'VOLUNTEER', organisationId: world.organisationId });
  const user = await t.prisma.user.update({
    where: { id: created.id },
    data: { preferredLanguage: options.language ?? 'en', phone: newPhone() },
  });
  await world.choose(user, kind, options.channels ?? ['SMS']);
  return user;
}

describe('the profile lists the new kinds', () => {
  it('offers accreditation, collaboration and completed-course messages with the default channels', async () => {
    const user = await smsPerson('MEETING', { channels: ['EMAIL', 'SMS'] });
    const browser = t.client();
    await browser.signIn(user.email!, TEST_PASSWORD);
    const listed = await browser.get('/api/me/channels');
    const kinds = listed.body.preferences.map((p: { kind: string }) => p.kind);
    expect(kinds).toEqual(expect.arrayContaining(['ACCREDITATION', 'COLLABORATION', 'COURSE_COMPLETED']));
    const saved = await browser.put('/api/me/channels', { preferences: [{ kind: 'COLLABORATION', channels: ['WHATSAPP'] }] });
    expect(saved.status).toBe(200);
    expect(saved.body.preferences.find((p: { kind: string }) => p.kind === 'COLLABORATION').channels).toEqual(['WHATSAPP']);
  });
});

describe('messages that reach people by SMS', () => {
  it('a mention in a working group, in the person’s language', async () => {
    const user = await smsPerson('COLLABORATION', { language: 'fr' });
    await t.app.get(NotificationsService).notify({
      eventKey: `mention:${randomUUID()}`,
      kind: 'mention',
      recipients: [user.id],
      data: { actor: 'Fatima', title: 'Salaire minimum', group: 'Droits des travailleurs' },
      link: '/collaboration/threads/1',
    });
    await t.jobs.drain();
    const received = await world.sms.waitFor(user.phone!);
    expect(received.body).toContain('Fatima vous a mentionné');
    expect(received.body).toContain(`${world.apiUrl}/collaboration/threads/1`);
    const message = await t.prisma.outboundMessage.findFirstOrThrow({ where: { userId: user.id }, include: { deliveries: true } });
    expect(message.kind).toBe('COLLABORATION');
    expect(message.deliveries.map((d) => [d.channel, d.status])).toEqual([['SMS', 'SENT']]);
    expect(t.mailbox.for(user.email!)).toHaveLength(0);
  });

  it('still e-mails someone who kept e-mail for collaboration', async () => {
    const user = await smsPerson('COLLABORATION', { channels: ['EMAIL'] });
    await t.app.get(NotificationsService).notify({
      eventKey: `reply:${randomUUID()}`,
      kind: 'reply',
      recipients: [user.id],
      data: { actor: 'Omar', title: 'Minimum wage', group: 'Workers’ rights' },
      link: '/collaboration/threads/2',
    });
    await t.mailbox.waitFor(user.email!, (m) => (m.text ?? '').includes('Omar replied in “Minimum wage”'));
    expect(world.sms.for(user.phone!)).toHaveLength(0);
  });

  it('an accreditation decision to the organisation’s leader', async () => {
    const leader = await smsPerson('ACCREDITATION', { role: 'ORG_LEADER', language: 'ar' });
    const organisation = await t.prisma.organisation.findUniqueOrThrow({ where: { id: world.organisationId } });
    // The notifier needs only these fields of the assessment; the leaders come from the database.
    const assessment = {
      id: randomUUID(),
      revision: 1,
      organisationId: organisation.id,
      organisation: { id: organisation.id, name: organisation.name, country: organisation.country, networkId: world.networkId },
      framework: { titles: { ar: 'إطار الجودة', en: 'Quality framework' } },
    } as unknown as StoredAssessment;
    await t.prisma.$transaction((tx) =>
      t.app.get(AccreditationNotifier).decided(assessment, { kind: 'changes_requested', comment: 'أضيفوا الميزانية' }, tx as never),
    );
    await t.jobs.drain();
    const received = await world.sms.waitFor(leader.phone!);
    expect(received.body).toMatch(/[\u0600-\u06FF]/);
    expect(received.body).toContain(`${world.apiUrl}/accreditation/assessments/${assessment.id}`);
    const message = await t.prisma.outboundMessage.findFirstOrThrow({ where: { userId: leader.id } });
    expect([message.kind, message.networkId]).toEqual(['ACCREDITATION', world.networkId]);
    expect(t.mailbox.for(leader.email!)).toHaveLength(0);
  });

  it('a completed course, after the learner finishes its last lesson', async () => {
    const learner = await smsPerson('COURSE_COMPLETED', { language: 'es' });
    const course = await createPublishedCourse(t.prisma, { networkId: world.networkId, title: 'Primeros auxilios', modules: [[{}]] });
    const client = await signedIn(t, learner.email!);
    const enrolmentId = await enrol(client, course.course.id);
    expect((await completeLesson(client, enrolmentId, course.lessons[0]!.id)).courseCompleted).toBe(true);
    await t.jobs.drain();
    const received = await world.sms.waitFor(learner.phone!);
    expect(received.body).toContain('Primeros auxilios');
    expect(received.body).toContain(`${world.apiUrl}/learning/courses/${course.course.id}`);
    const message = await t.prisma.outboundMessage.findUniqueOrThrow({ where: { reason: `course-completed:${enrolmentId}` } });
    expect([message.kind, message.networkId]).toEqual(['COURSE_COMPLETED', world.networkId]);
    expect(t.mailbox.for(learner.email!)).toHaveLength(0);
  });
});
