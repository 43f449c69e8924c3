import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { accreditationAssessmentSchema, accreditationFrameworkSchema, type AccreditationAssessment } from '@tadamon/shared';
import { AccreditationClock } from '../src/modules/accreditation/accreditation-clock.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createUser, createWorld } from './support/factories.js';
import type { TestClient } from './support/test-client.js';
import { failOutboxCommits, jobsWrittenBy, recordTransactions, writers } from './support/outbox-probe.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let clock: AccreditationClock;
const realNow = AccreditationClock.prototype.now;
const as: Record<string, TestClient> = {};
let leaderCertificateTypeId: string;
let evidenceId: string;
let otherOrgMaterialId: string;

const ethics = {
  titles: { en: 'Tangier quality framework', fr: 'Référentiel qualité de Tanger' },
  descriptions: { en: 'Quality assurance for social organisations of the network.' },
  validityMonths: 24,
  sections: [
    {
      titles: { en: 'Ethical rules' },
      criteria: [
        {
          titles: { en: 'Written code of ethics for volunteers' },
          guidance: { en: 'Describe how volunteers learn and sign the code.' },
          evidenceDescriptions: { en: 'The signed code of ethics.' },
          evidenceRequired: true,
        },
      ],
    },
    {
      titles: { en: 'Governance' },
      criteria: [
        { titles: { en: 'A general assembly meets every year' } },
      ],
    },
  ],
};

async function createMaterial(organisationId: string, title: string) {
  const material = await t.prisma.material.create({
    data: {
      networkId: world.network.id,
      organisationId,
      kind: 'LINK',
      standardTopic: 'LEADERSHIP',
      audience: 'LEADERS',
      visibility: 'ORGANISATION',
      translations: { create: { language: 'en', title, externalUrl: 'https://example.org/doc' } },
    },
  });
  return material.id;
}

async function createFramework(body: object = ethics) {
  const created = await as.coordinator!.post(`/api/networks/${world.network.id}/accreditation-frameworks`, body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const framework = accreditationFrameworkSchema.parse(created.body);
  const published = await as.coordinator!.post(`/api/accreditation-frameworks/${framework.id}/publish`, {});
  expect(published.status).toBe(200);
  return framework;
}

const criteriaOf = (a: AccreditationAssessment) => a.framework.sections.flatMap((s) => s.criteria.map((c) => c.id));

async function startAssessment(frameworkId: string, client = as.leaderA!, organisationId = world.orgA.id) {
  const started = await client.post(`/api/organisations/${organisationId}/accreditation-assessments`, { frameworkId });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  return accreditationAssessmentSchema.parse(started.body);
}

async function fillIn(assessment: AccreditationAssessment) {
  let current = assessment;
  const [codeOfEthics, assembly] = criteriaOf(assessment);
  for (const [criterionId, body] of [
    [codeOfEthics!, { statement: 'Every volunteer signs the **code** on day one.', evidenceMaterialIds: [evidenceId] }],
    [assembly!, { statement: 'The assembly met on 12 March.', evidenceMaterialIds: [] }],
  ] as const) {
    const answered = await as.leaderA!.put(`/api/accreditation-assessments/${current.id}/answers/${criterionId}`, { ...body, revision: current.revision });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    current = accreditationAssessmentSchema.parse(answered.body);
  }
  return current;
}

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
  clock = t.app.get(AccreditationClock);
  for (const who of ['coordinator', 'otherCoordinator', 'leaderA', 'volunteerA', 'leaderB', 'leaderC'] as const) {
    as[who] = t.client();
    await as[who].signIn(world[who].email, TEST_PASSWORD);
  }
  evidenceId = await createMaterial(world.orgA.id, 'Signed code of ethics');
  otherOrgMaterialId = await createMaterial(world.orgB.id, 'Org B statutes');
  const type = await t.prisma.certificateType.create({
    data: { networkId: world.network.id, names: { en: 'Certified leader' }, validityMonths: 24 },
  });
  leaderCertificateTypeId = type.id;
});
afterEach(() => {
  clock.now = realNow;
});
afterAll(async () => t?.close());

describe('accreditation frameworks', () => {
  it('are written by coordinators, frozen once published, and published ones are read by the network', async () => {
    const created = await as.coordinator!.post(`/api/networks/${world.network.id}/accreditation-frameworks`, ethics);
    expect(created.status).toBe(201);
    const draft = accreditationFrameworkSchema.parse(created.body);
    expect(draft.sections.map((s) => s.criteria.length)).toEqual([1, 1]);

    // Drafts are the coordinators' business.
    expect((await as.leaderA!.get(`/api/accreditation-frameworks/${draft.id}`)).status).toBe(404);
    const changed = await as.coordinator!.put(`/api/accreditation-frameworks/${draft.id}`, { ...ethics, validityMonths: 12 });
    expect([changed.status, changed.body.validityMonths]).toEqual([200, 12]);

    await as.coordinator!.post(`/api/accreditation-frameworks/${draft.id}/publish`, {});
    const frozen = await as.coordinator!.put(`/api/accreditation-frameworks/${draft.id}`, ethics);
    expect([frozen.status, frozen.body.code]).toEqual([409, 'FRAMEWORK_NOT_EDITABLE']);
    const list = await as.volunteerA!.get(`/api/networks/${world.network.id}/accreditation-frameworks`);
    expect(list.body.items.map((f: { id: string }) => f.id)).toContain(draft.id);

    // A new edition starts as a copy with the same criteria.
    const copy = await as.coordinator!.post(`/api/accreditation-frameworks/${draft.id}/copy`, {});
    expect([copy.status, copy.body.status, copy.body.sections[0].criteria[0].titles.en]).toEqual([201, 'DRAFT', 'Written code of ethics for volunteers']);
  });

  it('may only be written by coordinators of the network', async () => {
    const byLeader = await as.leaderA!.post(`/api/networks/${world.network.id}/accreditation-frameworks`, ethics);
    expect([byLeader.status, byLeader.body.code]).toEqual([403, 'FORBIDDEN']);
    const foreign = await as.otherCoordinator!.post(`/api/networks/${world.network.id}/accreditation-frameworks`, ethics);
    expect([foreign.status, foreign.body.code]).toEqual([404, 'NOT_FOUND']);
    const framework = await createFramework();
    expect((await as.otherCoordinator!.get(`/api/accreditation-frameworks/${framework.id}`)).status).toBe(404);
  });

  it('refuse bad input naming the field, and a certificate type of another network', async () => {
    const empty = await as.coordinator!.post(`/api/networks/${world.network.id}/accreditation-frameworks`, { ...ethics, sections: [] });
    expect([empty.status, empty.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(Object.keys(empty.body.details.fields)).toContain('sections');
    const foreignType = await t.prisma.certificateType.create({ data: { networkId: world.otherNetwork.id, names: { en: 'Elsewhere' } } });
    const before = await t.prisma.accreditationFramework.count();
    const bad = await as.coordinator!.post(`/api/networks/${world.network.id}/accreditation-frameworks`, {
      ...ethics,
      sections: [{ titles: { en: 'Leaders' }, criteria: [{ titles: { en: 'Certified leader' }, requiredCertificateTypeId: foreignType.id }] }],
    });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(Object.keys(bad.body.details.fields)).toEqual(['sections.0.criteria.0.requiredCertificateTypeId']);
    expect(await t.prisma.accreditationFramework.count()).toBe(before);
  });
});

describe('the self-assessment and its review', () => {
  it('goes from draft to submitted to changes requested to approved, keeping every decision', async () => {
    const framework = await createFramework();
    const started = await startAssessment(framework.id);
    expect([started.status, started.canEdit, started.answers.length]).toEqual(['DRAFT', true, 2]);

    // A second assessment against the same framework is refused while this one runs.
    const twice = await as.leaderA!.post(`/api/organisations/${world.orgA.id}/accreditation-assessments`, { frameworkId: framework.id });
    expect([twice.status, twice.body.code, twice.body.details.assessmentId]).toEqual([409, 'ACCREDITATION_IN_PROGRESS', started.id]);

    // Submitting with gaps names each criterion and what it lacks.
    const early = await as.leaderA!.post(`/api/accreditation-assessments/${started.id}/submit`, { revision: started.revision });
    expect([early.status, early.body.code]).toEqual([409, 'ACCREDITATION_INCOMPLETE']);
    expect(early.body.details.criteria.map((g: { missing: string }) => g.missing)).toEqual(['statement', 'statement']);

    const filled = await fillIn(started);
    expect(filled.answers[0]!.statementHtml).toContain('<strong>code</strong>');
    expect(filled.answers[0]!.evidence).toEqual([{ materialId: evidenceId, title: 'Signed code of ethics' }]);

    const submitted = await as.leaderA!.post(`/api/accreditation-assessments/${started.id}/submit`, { revision: filled.revision });
    expect([submitted.status, submitted.body.status, submitted.body.canEdit]).toEqual([200, 'SUBMITTED', false]);
    const mail = await t.mailbox.waitFor(world.coordinator.email, (m) => m.subject === `To review: ${world.orgA.name}'s self-assessment`);
    expect(mail.text).toContain(`/accreditation/assessments/${started.id}`);

    // The leader can no longer change answers while the review runs.
    const [codeOfEthics, assembly] = criteriaOf(filled);
    const locked = await as.leaderA!.put(`/api/accreditation-assessments/${started.id}/answers/${assembly}`, { statement: 'x', revision: submitted.body.revision });
    expect([locked.status, locked.body.code]).toEqual([409, 'ACCREDITATION_NOT_EDITABLE']);

    // The coordinator sees it in the queue and reviews criterion by criterion.
    const queue = await as.coordinator!.get(`/api/networks/${world.network.id}/accreditation-assessments?status=SUBMITTED`);
    expect(queue.body.items.map((a: { id: string }) => a.id)).toContain(started.id);
    let review = submitted.body as AccreditationAssessment;
    for (const [criterionId, rating] of [[codeOfEthics, 'MET'], [assembly, 'NOT_MET']] as const) {
      const rated = await as.coordinator!.put(`/api/accreditation-assessments/${started.id}/reviews/${criterionId}`, {
        rating,
        comment: rating === 'NOT_MET' ? 'Attach the minutes of the assembly.' : '',
        revision: review.revision,
      });
      expect(rated.status, JSON.stringify(rated.body)).toBe(200);
      review = rated.body;
    }
    const cannotApprove = await as.coordinator!.post(`/api/accreditation-assessments/${started.id}/decision`, { decision: 'APPROVE', revision: review.revision });
    expect([cannotApprove.status, cannotApprove.body.code, cannotApprove.body.details.criteria]).toEqual([
      409,
      'ACCREDITATION_INCOMPLETE',
      [{ criterionId: assembly, missing: 'notMet' }],
    ]);
    const changes = await as.coordinator!.post(`/api/accreditation-assessments/${started.id}/decision`, {
      decision: 'REQUEST_CHANGES',
      comment: 'Please add the assembly minutes.',
      revision: review.revision,
    });
    expect([changes.status, changes.body.status, changes.body.canEdit]).toEqual([200, 'CHANGES_REQUESTED', false]);
    const changesMail = await t.mailbox.waitFor(world.leaderA.email, (m) => m.subject === 'Changes requested: Tangier quality framework');
    expect(changesMail.text).toContain("Reviewer's comment: Please add the assembly minutes.");

    // The leader answers, resubmits; the reviewer's earlier ratings stay visible to them.
    const reopened = accreditationAssessmentSchema.parse((await as.leaderA!.get(`/api/accreditation-assessments/${started.id}`)).body);
    expect([reopened.canEdit, reopened.answers[1]!.rating, reopened.answers[1]!.reviewComment]).toEqual([true, 'NOT_MET', 'Attach the minutes of the assembly.']);
    const minutes = await createMaterial(world.orgA.id, 'Minutes of the 2026 general assembly');
    const fixed = await as.leaderA!.put(`/api/accreditation-assessments/${started.id}/answers/${assembly}`, {
      statement: 'Minutes attached.',
      evidenceMaterialIds: [minutes],
      revision: reopened.revision,
    });
    const resubmitted = await as.leaderA!.post(`/api/accreditation-assessments/${started.id}/submit`, { revision: fixed.body.revision });
    expect(resubmitted.body.status).toBe('SUBMITTED');
    const rerated = await as.coordinator!.put(`/api/accreditation-assessments/${started.id}/reviews/${assembly}`, {
      rating: 'PARTLY_MET',
      comment: 'Next year, send the invitation earlier.',
      revision: resubmitted.body.revision,
    });
    const approved = await as.coordinator!.post(`/api/accreditation-assessments/${started.id}/decision`, {
      decision: 'APPROVE',
      comment: 'Well done.',
      revision: rerated.body.revision,
    });
    expect([approved.status, approved.body.status]).toEqual([200, 'APPROVED']);
    const validUntil = new Date(approved.body.validUntil).getTime();
    expect(Math.abs(validUntil - (Date.now() + 24 * 30.4375 * 86_400_000))).toBeLessThan(60_000);
    expect(approved.body.events.map((e: { action: string }) => e.action)).toEqual(['submitted', 'changes_requested', 'submitted', 'approved']);
    await t.mailbox.waitFor(world.leaderA.email, (m) => m.subject === `${world.orgA.name} is accredited`);

    // The directory shows the accreditation and its date to everyone in the network.
    const directory = await as.volunteerA!.get(`/api/directory?networkId=${world.network.id}&limit=100`);
    const entry = directory.body.items.find((o: { id: string }) => o.id === world.orgA.id);
    expect(entry.accreditedUntil).toBe(approved.body.validUntil);
    const page = await as.leaderB!.get(`/api/organisations/${world.orgA.id}`);
    expect(page.body.accreditedUntil).toBe(approved.body.validUntil);
  });

  it('answers a stale revision with a conflict and changes nothing', async () => {
    const framework = await createFramework();
    const started = await startAssessment(framework.id, as.leaderA!, world.orgA.id);
    const [first] = criteriaOf(started);
    const one = await as.leaderA!.put(`/api/accreditation-assessments/${started.id}/answers/${first}`, { statement: 'First leader', revision: started.revision });
    expect(one.status).toBe(200);
    const stale = await as.leaderA!.put(`/api/accreditation-assessments/${started.id}/answers/${first}`, { statement: 'Second leader', revision: started.revision });
    expect([stale.status, stale.body.code, stale.body.details.revision]).toEqual([409, 'CONFLICT', one.body.revision]);
    const now = await as.leaderA!.get(`/api/accreditation-assessments/${started.id}`);
    expect(now.body.answers[0].statement).toBe('First leader');
  });

  it('keeps assessments to the organisation and its network coordinators', async () => {
    const framework = await createFramework();
    const started = await startAssessment(framework.id, as.leaderB!, world.orgB.id);
    const [first] = criteriaOf(started);
    // Another organisation's assessment is private to it: not found, in the network or outside.
    expect((await as.leaderA!.get(`/api/accreditation-assessments/${started.id}`)).status).toBe(404);
    expect((await as.leaderC!.get(`/api/accreditation-assessments/${started.id}`)).status).toBe(404);
    expect((await as.otherCoordinator!.get(`/api/accreditation-assessments/${started.id}`)).status).toBe(404);
    expect((await as.volunteerA!.get(`/api/organisations/${world.orgA.id}/accreditation-assessments`)).status).toBe(403);
    expect((await as.leaderA!.get(`/api/organisations/${world.orgB.id}/accreditation-assessments`)).status).toBe(403);
    expect((await as.coordinator!.get(`/api/organisations/${world.orgB.id}/accreditation-assessments`)).body.items).toHaveLength(1);
    // Nobody starts an assessment for another organisation, or reviews without being a coordinator.
    const foreignStart = await as.leaderA!.post(`/api/organisations/${world.orgB.id}/accreditation-assessments`, { frameworkId: framework.id });
    expect(foreignStart.status).toBe(403);
    const selfReview = await as.leaderB!.put(`/api/accreditation-assessments/${started.id}/reviews/${first}`, { rating: 'MET', revision: started.revision });
    expect(selfReview.status).toBe(403);
    // The reviewing coordinator reads the self-assessment but never writes in it.
    const byCoordinator = await as.coordinator!.put(`/api/accreditation-assessments/${started.id}/answers/${first}`, { statement: 'Written for them', revision: started.revision });
    expect([byCoordinator.status, byCoordinator.body.code]).toEqual([403, 'FORBIDDEN']);
    // Evidence must be the organisation's own material, never another's: another organisation's
    // private material is as unknown as a made-up id (404); one it shares with the network is
    // seen, but is not this organisation's (400).
    const borrowed = await as.leaderB!.put(`/api/accreditation-assessments/${started.id}/answers/${first}`, {
      statement: 'See the attached',
      evidenceMaterialIds: [evidenceId],
      revision: started.revision,
    });
    expect([borrowed.status, borrowed.body.code]).toEqual([404, 'NOT_FOUND']);
    const sharedByA = await t.prisma.material.update({ where: { id: await createMaterial(world.orgA.id, 'Org A open guide') }, data: { visibility: 'NETWORK' } });
    const notOwn = await as.leaderB!.put(`/api/accreditation-assessments/${started.id}/answers/${first}`, {
      statement: 'See the attached',
      evidenceMaterialIds: [sharedByA.id],
      revision: started.revision,
    });
    expect([notOwn.status, notOwn.body.code, Object.keys(notOwn.body.details.fields)]).toEqual([400, 'VALIDATION_FAILED', ['evidenceMaterialIds']]);
    const own = await as.leaderB!.put(`/api/accreditation-assessments/${started.id}/answers/${first}`, {
      statement: 'See the attached',
      evidenceMaterialIds: [otherOrgMaterialId],
      revision: started.revision,
    });
    expect(own.status).toBe(200);
  });

  it('checks leader certification itself: a criterion is met only while a leader holds a current certificate', async () => {
    const framework = await createFramework({
      ...ethics,
      sections: [{ titles: { en: 'Leadership' }, criteria: [{ titles: { en: 'A certified leader' }, requiredCertificateTypeId: leaderCertificateTypeId }] }],
    });
    const leader = await createUser(t.prisma, { role: 'ORG_LEADER', organisationId: world.orgB.id });
    const client = t.client();
    await client.signIn(leader.email, TEST_PASSWORD);
    const started = await startAssessment(framework.id, client, world.orgB.id);
    expect(started.answers[0]!.certificateHeld).toBe(false);
    const refused = await client.post(`/api/accreditation-assessments/${started.id}/submit`, { revision: started.revision });
    expect(refused.body.details.criteria).toEqual([{ criterionId: started.answers[0]!.criterionId, missing: 'certificate' }]);

    // An expired certificate does not count; a current one does.
    const certificate = {
      certificateTypeId: leaderCertificateTypeId,
      holderUserId: leader.id,
      organisationId: world.orgB.id,
      networkId: world.network.id,
      reason: 'assessor',
      holderName: leader.name,
      language: 'en',
    };
    await t.prisma.certificate.create({ data: { ...certificate, code: 'EXPIRED-CODE-1', cycle: 1, statusListIndex: 900001, expiresAt: new Date(Date.now() - 86_400_000) } });
    expect((await client.get(`/api/accreditation-assessments/${started.id}`)).body.answers[0].certificateHeld).toBe(false);
    await t.prisma.certificate.create({ data: { ...certificate, code: 'CURRENT-CODE-2', cycle: 2, statusListIndex: 900002, expiresAt: new Date(Date.now() + 86_400_000 * 300) } });
    const submitted = await client.post(`/api/accreditation-assessments/${started.id}/submit`, { revision: started.revision });
    expect([submitted.status, submitted.body.status, submitted.body.answers[0].certificateHeld]).toEqual([200, 'SUBMITTED', true]);
  });
});

describe('re-assessment reminders', () => {
  const reminderJob = async (assessmentId: string, days: number) =>
    (await t.bullQueue()).getJob(`accreditation-reminder-${assessmentId}-${days}d`);

  it('are delayed jobs before validity ends, mailed once, and skipped after a renewal', async () => {
    const framework = await createFramework({ ...ethics, validityMonths: 12 });
    const approvedAt = new Date('2027-01-10T08:00:00Z');
    clock.now = () => approvedAt;
    const started = await fillIn(await startAssessment(framework.id));
    const submitted = await as.leaderA!.post(`/api/accreditation-assessments/${started.id}/submit`, { revision: started.revision });
    let current = submitted.body as AccreditationAssessment;
    for (const criterionId of criteriaOf(current)) {
      current = (await as.coordinator!.put(`/api/accreditation-assessments/${started.id}/reviews/${criterionId}`, { rating: 'MET', revision: current.revision })).body;
    }
    const approved = await as.coordinator!.post(`/api/accreditation-assessments/${started.id}/decision`, { decision: 'APPROVE', revision: current.revision });
    expect(approved.status).toBe(200);
    const validUntil = new Date(approved.body.validUntil).getTime();

    const ninety = await reminderJob(started.id, 90);
    const thirty = await reminderJob(started.id, 30);
    expect(ninety!.delay).toBe(validUntil - 90 * 86_400_000 - approvedAt.getTime());
    expect(thirty!.delay).toBe(validUntil - 30 * 86_400_000 - approvedAt.getTime());

    // When the 30-day reminder runs, the leaders get one mail; a duplicate run sends nothing more.
    clock.now = () => new Date(validUntil - 30 * 86_400_000);
    const subject = `Accreditation of ${world.orgA.name} ends on`;
    await t.jobs.enqueue('accreditation.remind', { assessmentId: started.id, daysBefore: 30 }, { jobId: `run-${started.id}` });
    await t.mailbox.waitFor(world.leaderA.email, (m) => (m.subject ?? '').startsWith(subject));
    await t.jobs.enqueue('accreditation.remind', { assessmentId: started.id, daysBefore: 30 }, { jobId: `rerun-${started.id}` });
    await t.jobs.drain();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(t.mailbox.for(world.leaderA.email).filter((m) => (m.subject ?? '').startsWith(subject))).toHaveLength(1);

    // After a renewal moved the date, the old assessment's reminder stays silent.
    await t.prisma.organisation.update({ where: { id: world.orgA.id }, data: { accreditedUntil: new Date(validUntil + 365 * 86_400_000) } });
    await t.jobs.enqueue('accreditation.remind', { assessmentId: started.id, daysBefore: 90 }, { jobId: `late-${started.id}` });
    await t.jobs.drain();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(t.mailbox.for(world.leaderA.email).filter((m) => (m.subject ?? '').startsWith(subject))).toHaveLength(1);
  });
});

describe('accreditation mails and reminders in the decision’s transaction (outbox)', () => {
  it('a submission or decision whose transaction fails after queueing changes nothing and mails nobody; a committed one writes its jobs in the same transaction', async () => {
    const framework = await createFramework({ ...ethics, validityMonths: 12 });
    const started = await fillIn(await startAssessment(framework.id));
    const accreditedBefore = (await t.prisma.organisation.findUniqueOrThrow({ where: { id: world.orgA.id } })).accreditedUntil;

    let restore = await failOutboxCommits(t.prisma);
    let failed;
    try {
      failed = await as.leaderA!.post(`/api/accreditation-assessments/${started.id}/submit`, { revision: started.revision });
    } finally {
      await restore();
    }
    expect(failed.status).toBe(500);
    expect((await t.prisma.accreditationAssessment.findUniqueOrThrow({ where: { id: started.id } })).status).toBe('DRAFT');
    expect(await t.prisma.outboxJob.count({ where: { jobId: { startsWith: `accreditation:${started.id}:` } } })).toBe(0);

    await recordTransactions(t.prisma, ['AccreditationAssessment']);
    const submitted = await as.leaderA!.post(`/api/accreditation-assessments/${started.id}/submit`, { revision: started.revision });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const submitTx = await writers(t.prisma, 'AccreditationAssessment', started.id);
    expect(await jobsWrittenBy(t.prisma, submitTx)).toContain(`accreditation:${started.id}:submitted:${started.revision}:${world.coordinator.id}`);
    await t.mailbox.waitFor(world.coordinator.email, (m) => (m.text ?? '').includes(`/accreditation/assessments/${started.id}`));

    let current = submitted.body as AccreditationAssessment;
    for (const criterionId of criteriaOf(current)) {
      current = (await as.coordinator!.put(`/api/accreditation-assessments/${started.id}/reviews/${criterionId}`, { rating: 'MET', revision: current.revision })).body;
    }
    restore = await failOutboxCommits(t.prisma);
    try {
      failed = await as.coordinator!.post(`/api/accreditation-assessments/${started.id}/decision`, { decision: 'APPROVE', revision: current.revision });
    } finally {
      await restore();
    }
    expect(failed.status).toBe(500);
    expect((await t.prisma.accreditationAssessment.findUniqueOrThrow({ where: { id: started.id } })).status).toBe('SUBMITTED');
    expect((await t.prisma.organisation.findUniqueOrThrow({ where: { id: world.orgA.id } })).accreditedUntil).toEqual(accreditedBefore);
    expect(await t.prisma.outboxJob.count({ where: { jobId: { startsWith: `accreditation-reminder:${started.id}:` } } })).toBe(0);

    const before = await writers(t.prisma, 'AccreditationAssessment', started.id);
    const approved = await as.coordinator!.post(`/api/accreditation-assessments/${started.id}/decision`, { decision: 'APPROVE', revision: current.revision });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const decisionTx = (await writers(t.prisma, 'AccreditationAssessment', started.id)).filter((id) => !before.includes(id));
    expect(await jobsWrittenBy(t.prisma, decisionTx)).toEqual(
      expect.arrayContaining([
        `accreditation:${started.id}:approved:${world.leaderA.id}`,
        `accreditation-reminder:${started.id}:90d`,
        `accreditation-reminder:${started.id}:30d`,
      ]),
    );
  });
});
