import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateTypeSchema } from '@tadamon/shared';
import { RedisLiveEvents } from '../src/common/events/live-events.js';
import { CertificatesRepository } from '../src/modules/certificates/certificates.repository.js';
import { VerificationCache } from '../src/modules/certificates/verification-cache.js';
import { VerifyRateLimiter } from '../src/modules/certificates/verify-rate-limiter.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_REDIS_URL } from './support/test-env.js';
import { TEST_PASSWORD, createUser, createWorld } from './support/factories.js';

/**
 * The public check of a code behind several API processes: the per-address limit is one
 * count in Redis, and a revocation in one process shows at once in another that had the
 * certificate in its cache. "Another process" is a second limiter or cache built on the same
 * Redis and database, as a second API process would build them.
 */
let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  t = await startTestApp({ VERIFY_RATE_LIMIT_PER_MINUTE: '10' });
  world = await createWorld(t.prisma);
});
afterAll(async () => t?.close());

describe('verification behind several API processes', () => {
  it('counts one address’s checks across processes', async () => {
    const otherProcess = new VerifyRateLimiter(t.config, t.redisPrefix);
    try {
      const address = '203.0.113.7';
      for (let i = 0; i < 5; i++) await t.app.get(VerifyRateLimiter).hit(address);
      for (let i = 0; i < 5; i++) await otherProcess.hit(address);
      // Ten checks in all: the eleventh is refused, whichever process receives it.
      await expect(t.app.get(VerifyRateLimiter).hit(address)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
      await expect(otherProcess.hit(address)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
      // Another address is not affected.
      await expect(otherProcess.hit('203.0.113.8')).resolves.toBeUndefined();
    } finally {
      await otherProcess.onModuleDestroy();
    }
  });

  it('shows a revocation at once, in this process and in another that had cached the code', async () => {
    const coordinator = t.client();
    await coordinator.signIn(world.coordinator.email, TEST_PASSWORD);
    const type = await coordinator.post(`/api/networks/${world.network.id}/certificate-types`, { names: { en: 'Hygiene' }, validityMonths: 12 });
    const typeId = certificateTypeSchema.parse(type.body).id;
    const holder = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: world.orgA.id, name: 'Salma Benali' });
    const issued = await coordinator.post('/api/certificates', { certificateTypeId: typeId, holderUserId: holder.id, organisationId: world.orgA.id });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const code: string = issued.body.code;

    const events = new RedisLiveEvents(TEST_REDIS_URL);
    const otherProcess = new VerificationCache(t.app.get(CertificatesRepository), events);
    await otherProcess.onModuleInit();
    try {
      expect((await t.client().get(`/api/verify/${code}`)).body.status).toBe('valid');
      expect((await otherProcess.find(code))?.revokedAt).toBeNull();
      // That process really keeps the row: a change nobody announces does not show there yet.
      await t.prisma.certificate.update({ where: { code }, data: { holderName: 'Salma Benali-Idrissi' } });
      expect((await otherProcess.find(code))?.holderName).toBe('Salma Benali');

      const revoked = await coordinator.post(`/api/certificates/${issued.body.id}/revoke`, { reason: 'Left the organisation' });
      expect(revoked.status).toBe(200);

      expect((await t.client().get(`/api/verify/${code}`)).body).toMatchObject({ status: 'revoked', revokedAt: revoked.body.revokedAt });
      // The revocation is announced: the other process drops the row and reads it anew.
      await expect.poll(async () => (await otherProcess.find(code))?.revokedAt?.toISOString(), { timeout: 2_000 }).toBe(revoked.body.revokedAt);
      expect((await otherProcess.find(code))?.holderName).toBe('Salma Benali-Idrissi');
    } finally {
      otherProcess.onModuleDestroy();
      await events.close();
    }
  });
});
