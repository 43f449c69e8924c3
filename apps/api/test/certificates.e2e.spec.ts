import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateSchema, certificateTypeSchema, certificateVerificationSchema } from '@tadamon/shared';
import { CertificatesService } from '../src/modules/certificates/certificates.service.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createUser, createWorld } from './support/factories.js';
import type { TestClient } from './support/test-client.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let coordinator: TestClient;
let leaderA: TestClient;
let leaderB: TestClient;
let leaderC: TestClient;
let volunteerA: TestClient;
let typeId: string;

async function signedIn(email: string) {
  const client = t.client();
  await client.signIn(email, TEST_PASSWORD);
  return client;
}

const firstAid = {
  names: { en: 'First aid volunteer', fr: 'Secouriste bénévole', ar: 'متطوع في الإسعافات الأولية' },
  descriptions: { en: 'Practical first-aid skills, assessed on site.' },
  validityMonths: 24,
  signatories: [{ name: 'Amina El Idrissi', title: 'Coordinator' }],
};

beforeAll(async () => {
  t = await startTestApp({ VERIFY_RATE_LIMIT_PER_MINUTE: '30' });
  world = await createWorld(t.prisma);
  coordinator = await signedIn(world.coordinator.email);
  leaderA = await signedIn(world.leaderA.email);
  leaderB = await signedIn(world.leaderB.email);
  leaderC = await signedIn(world.leaderC.email);
  volunteerA = await signedIn(world.volunteerA.email);
  const created = await coordinator.post(`/api/networks/${world.network.id}/certificate-types`, firstAid);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  typeId = certificateTypeSchema.parse(created.body).id;
});
afterAll(async () => t?.close());

const issueTo = (client: TestClient, holderUserId: string, organisationId: string, certificateTypeId = typeId) =>
  client.post('/api/certificates', { certificateTypeId, holderUserId, organisationId });

describe('certificate types', () => {
  it('are defined by coordinators and read by members of the network only', async () => {
    const list = await volunteerA.get(`/api/networks/${world.network.id}/certificate-types`);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: typeId, names: firstAid.names, validityMonths: 24 })]);
    expect((await leaderC.get(`/api/networks/${world.network.id}/certificate-types`)).status).toBe(404);
    const byLeader = await leaderA.post(`/api/networks/${world.network.id}/certificate-types`, firstAid);
    expect([byLeader.status, byLeader.body.code]).toEqual([403, 'FORBIDDEN']);
    const foreign = await coordinator.post(`/api/networks/${world.otherNetwork.id}/certificate-types`, firstAid);
    expect([foreign.status, foreign.body.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('refuse a type with no name, naming the field', async () => {
    const response = await coordinator.post(`/api/networks/${world.network.id}/certificate-types`, { names: {} });
    expect([response.status, response.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(Object.keys(response.body.details.fields)).toContain('names');
  });

  it('can be edited by a coordinator, and the change is audited', async () => {
    const created = await coordinator.post(`/api/networks/${world.network.id}/certificate-types`, { names: { en: 'Draft' } });
    expect(created.body.validityMonths).toBeNull();
    const edited = await coordinator.patch(`/api/certificate-types/${created.body.id}`, { names: { en: 'Listening skills', nl: 'Luistervaardigheden' }, validityMonths: 12 });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ names: { en: 'Listening skills', nl: 'Luistervaardigheden' }, validityMonths: 12 });
    const foreign = await t.client();
    await foreign.signIn(world.otherCoordinator.email, TEST_PASSWORD);
    expect((await foreign.patch(`/api/certificate-types/${created.body.id}`, { validityMonths: 1 })).status).toBe(404);
    const audit = await t.prisma.auditEvent.count({ where: { action: 'certificate_type.updated', actorId: world.coordinator.id } });
    expect(audit).toBe(1);
  });
});

describe('issuing', () => {
  it('a leader issues to a member of their organisation; the holder sees it and anyone can verify it', async () => {
    const response = await issueTo(leaderA, world.volunteerA.id, world.orgA.id);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const certificate = certificateSchema.parse(response.body);
    expect(certificate).toMatchObject({ status: 'valid', holderName: world.volunteerA.name, organisationName: 'Org A', reason: 'assessor' });
    expect(certificate.code).toMatch(/^[a-z2-7]{26}$/);
    const years = (Date.parse(certificate.expiresAt!) - Date.parse(certificate.issuedAt)) / (365.25 * 86_400_000);
    expect(years).toBeCloseTo(2, 1);

    const mine = await volunteerA.get('/api/me/certificates');
    expect(mine.body.items.map((c: { id: string }) => c.id)).toEqual([certificate.id]);
    expect((await leaderA.get('/api/me/certificates')).body.items).toEqual([]);

    const verified = await t.client().get(`/api/verify/${certificate.code.toUpperCase()}`);
    expect(verified.status).toBe(200);
    expect(verified.headers['cache-control']).toBe('no-store');
    expect(certificateVerificationSchema.strict().parse(verified.body)).toEqual({
      code: certificate.code,
      status: 'valid',
      holderName: world.volunteerA.name,
      holderErased: false,
      names: firstAid.names,
      organisationName: 'Org A',
      networkName: world.network.name,
      issuedAt: certificate.issuedAt,
      expiresAt: certificate.expiresAt,
      revokedAt: null,
    });
    const audit = await t.prisma.auditEvent.findFirst({ where: { action: 'certificate.issued', subjectUserId: world.volunteerA.id } });
    expect(audit?.actorId).toBe(world.leaderA.id);
  });

  it('twice for the same current certificate answers 409 and keeps one', async () => {
    const again = await issueTo(coordinator, world.volunteerA.id, world.orgA.id);
    expect([again.status, again.body.code]).toEqual([409, 'CERTIFICATE_ALREADY_HELD']);
    expect(await t.prisma.certificate.count({ where: { holderUserId: world.volunteerA.id } })).toBe(1);
  });

  it('through the service is idempotent under simultaneous duplicates (the path courses will use)', async () => {
    const service = t.app.get(CertificatesService);
    const request = { certificateTypeId: typeId, holderUserId: world.volunteerB.id, organisationId: world.orgB.id, reason: 'course-completed' as const, issuedById: null, cycle: 1 };
    const results = await Promise.all([service.issue(request), service.issue(request), service.issue(request)]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.certificate.id)).size).toBe(1);
    expect(await t.prisma.certificate.count({ where: { holderUserId: world.volunteerB.id } })).toBe(1);
  });

  it('is refused outside the assessor’s scope: sister organisation 403, other network 404, non-member 404', async () => {
    const sister = await issueTo(leaderB, world.volunteerA.id, world.orgA.id);
    expect([sister.status, sister.body.code]).toEqual([403, 'FORBIDDEN']);
    const foreign = await issueTo(leaderC, world.volunteerA.id, world.orgA.id);
    expect([foreign.status, foreign.body.code]).toEqual([404, 'NOT_FOUND']);
    // A leader naming their own organisation but someone else's member.
    const notMember = await issueTo(leaderB, world.volunteerA.id, world.orgB.id);
    expect([notMember.status, notMember.body.code]).toEqual([404, 'NOT_FOUND']);
    const volunteer = await issueTo(volunteerA, world.volunteerA.id, world.orgA.id);
    expect(volunteer.status).toBe(403);
    // A type of another network cannot be issued here.
    const otherType = await t.prisma.certificateType.create({ data: { networkId: world.otherNetwork.id, names: { en: 'Elsewhere' } } });
    const wrongType = await issueTo(leaderA, world.leaderA.id, world.orgA.id, otherType.id);
    expect([wrongType.status, wrongType.body.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('organisation lists are for its assessors only', async () => {
    const own = await leaderA.get(`/api/organisations/${world.orgA.id}/certificates`);
    expect(own.body.items).toHaveLength(1);
    expect((await leaderB.get(`/api/organisations/${world.orgA.id}/certificates`)).status).toBe(403);
    expect((await leaderC.get(`/api/organisations/${world.orgA.id}/certificates`)).status).toBe(404);
    expect((await coordinator.get(`/api/organisations/${world.orgA.id}/certificates`)).body.items).toHaveLength(1);
  });
});

describe('revoking and expiry', () => {
  it('a coordinator revokes with a reason; verification then says revoked, with the date', async () => {
    const holder = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: world.orgA.id, name: 'Zoë Ñúñez' });
    const issued = (await issueTo(leaderA, holder.id, world.orgA.id)).body;
    const byLeader = await leaderA.post(`/api/certificates/${issued.id}/revoke`, { reason: 'Issued by mistake' });
    expect([byLeader.status, byLeader.body.code]).toEqual([403, 'FORBIDDEN']);
    const foreign = await t.client();
    await foreign.signIn(world.otherCoordinator.email, TEST_PASSWORD);
    expect((await foreign.post(`/api/certificates/${issued.id}/revoke`, { reason: 'Issued by mistake' })).status).toBe(404);
    expect((await coordinator.post(`/api/certificates/${issued.id}/revoke`, { reason: '' })).body.code).toBe('VALIDATION_FAILED');

    const revoked = await coordinator.post(`/api/certificates/${issued.id}/revoke`, { reason: 'Issued by mistake' });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', revokedReason: 'Issued by mistake' });
    const verified = (await t.client().get(`/api/verify/${issued.code}`)).body;
    expect(verified).toMatchObject({ status: 'revoked', holderName: 'Zoë Ñúñez', revokedAt: revoked.body.revokedAt });
    const twice = await coordinator.post(`/api/certificates/${issued.id}/revoke`, { reason: 'Again' });
    expect([twice.status, twice.body.code]).toEqual([409, 'CONFLICT']);
    const audit = await t.prisma.auditEvent.findFirst({ where: { action: 'certificate.revoked', subjectUserId: holder.id } });
    expect(audit).toMatchObject({ actorId: world.coordinator.id, details: { certificateId: issued.id, reason: 'Issued by mistake' } });
    // After revocation the assessor may issue anew: a new cycle, a new code.
    const renewed = await issueTo(leaderA, holder.id, world.orgA.id);
    expect(renewed.status).toBe(201);
    expect(renewed.body.code).not.toBe(issued.code);
  });

  it('an expired certificate verifies as expired', async () => {
    const holder = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: world.orgB.id });
    const issued = (await issueTo(leaderB, holder.id, world.orgB.id)).body;
    await t.prisma.certificate.update({ where: { id: issued.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await t.client().get(`/api/verify/${issued.code}`)).body.status).toBe('expired');
  });
});

describe('public verification', () => {
  it('answers 404 for unknown and malformed codes, and lists nothing', async () => {
    for (const code of ['aaaaaaaaaaaaaaaaaaaaaaaaaa', 'not-a-code', "1' OR '1'='1"]) {
      const response = await t.client().get(`/api/verify/${encodeURIComponent(code)}`);
      expect([response.status, response.body.code]).toEqual([404, 'NOT_FOUND']);
    }
    expect((await t.client().get('/api/verify/')).status).toBe(404);
  });

  it('limits checks per address with 429 RATE_LIMITED and Retry-After', async () => {
    let limited;
    for (let i = 0; i < 40 && !limited; i++) {
      const response = await t.client().get('/api/verify/bbbbbbbbbbbbbbbbbbbbbbbbbb');
      if (response.status === 429) limited = response;
    }
    expect(limited?.body.code).toBe('RATE_LIMITED');
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
  });
});
