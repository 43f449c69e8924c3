import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CertificateClock } from '../src/modules/certificates/certificate-clock.js';
import { CertificatesService } from '../src/modules/certificates/certificates.service.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createUser, createWorld } from './support/factories.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let clock: CertificateClock;
let certificates: CertificatesService;
const realNow = CertificateClock.prototype.now;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
  clock = t.app.get(CertificateClock);
  certificates = t.app.get(CertificatesService);
});
afterEach(() => {
  clock.now = realNow;
});
afterAll(async () => t?.close());

async function issueTo(validityMonths: number | null, name = 'First aid volunteer') {
  const type = await t.prisma.certificateType.create({ data: { networkId: world.network.id, names: { en: name, fr: 'Secouriste' }, validityMonths } });
  const holder = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: world.orgA.id });
  const { certificate } = await certificates.issue({ certificateTypeId: type.id, holderUserId: holder.id, organisationId: world.orgA.id, reason: 'assessor', issuedById: null });
  return { type, holder, certificate };
}

const job = async (certificateId: string, days: number) =>
  (await t.bullQueue()).getJob(`certificate-expiry-${certificateId}-${days}d`);
const run = async (certificateId: string, daysBefore: number, tag: string) => {
  await t.jobs.enqueue('certificate.expiry-reminder', { certificateId, daysBefore }, { jobId: `${tag}-${certificateId}-${daysBefore}` });
  await t.jobs.drain();
  await new Promise((resolve) => setTimeout(resolve, 300));
};
const reminders = (email: string) => t.mailbox.for(email).filter((m) => (m.subject ?? '').startsWith('Your certificate'));

describe('certificate expiry reminders', () => {
  it('are delayed jobs 60 and 14 days before expiry, set when the certificate is issued', async () => {
    const issuedAt = Date.now();
    const { certificate } = await issueTo(12);
    const expiresAt = certificate.expiresAt!.getTime();
    for (const days of [60, 14]) {
      const delayed = await job(certificate.id, days);
      expect(Math.abs(delayed!.delay - (expiresAt - days * DAY - issuedAt))).toBeLessThan(5000);
    }
  });

  it('skip a reminder whose moment lies before the issue, and set none for a certificate that never expires', async () => {
    const { certificate } = await issueTo(1);
    expect(await job(certificate.id, 60)).toBeUndefined();
    expect(await job(certificate.id, 14)).toBeDefined();
    const forever = await issueTo(null, 'Founding member');
    expect(await job(forever.certificate.id, 60)).toBeUndefined();
    expect(await job(forever.certificate.id, 14)).toBeUndefined();
  });

  it('mail the holder once, in their language, even when the job runs twice', async () => {
    const { holder, certificate } = await issueTo(12);
    clock.now = () => new Date(certificate.expiresAt!.getTime() - 60 * DAY);
    await run(certificate.id, 60, 'first');
    const mail = await t.mailbox.waitFor(holder.email, (m) => (m.subject ?? '').startsWith('Your certificate “First aid volunteer” expires on'));
    expect(mail.text).toContain('complete the refresher course');
    await run(certificate.id, 60, 'again');
    expect(reminders(holder.email)).toHaveLength(1);
  });

  it('stay silent for a revoked, expired or renewed certificate', async () => {
    const revoked = await issueTo(12);
    await t.prisma.certificate.update({ where: { id: revoked.certificate.id }, data: { revokedAt: new Date(), revokedReason: 'test' } });
    await run(revoked.certificate.id, 14, 'revoked');

    const expired = await issueTo(12);
    clock.now = () => new Date(expired.certificate.expiresAt!.getTime() + DAY);
    await run(expired.certificate.id, 14, 'expired');
    clock.now = realNow;

    const renewed = await issueTo(12);
    await certificates.issue({
      certificateTypeId: renewed.type.id,
      holderUserId: renewed.holder.id,
      organisationId: world.orgA.id,
      reason: 'course-completed',
      issuedById: null,
      cycle: 2,
    });
    await run(renewed.certificate.id, 14, 'renewed');

    for (const { holder } of [revoked, expired, renewed]) expect(reminders(holder.email)).toEqual([]);
  });
});
