import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createUser, createWorld } from './support/factories.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let adminEmail: string;

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
  adminEmail = (await createUser(t.prisma, { role: 'PLATFORM_ADMIN' })).email;
});
afterAll(async () => t?.close());

describe('disabling an account', () => {
  it('ends the person’s open sessions at once and stops them signing in; enabling lets them back', async () => {
    const admin = t.client();
    await admin.signIn(adminEmail, TEST_PASSWORD);
    const volunteer = t.client();
    await volunteer.signIn(world.volunteerB.email, TEST_PASSWORD);
    expect((await volunteer.get('/api/auth/session')).status).toBe(200);

    expect((await admin.post(`/api/accounts/${world.volunteerB.id}/disable`)).status).toBe(204);
    expect((await volunteer.get('/api/auth/session')).status).toBe(401);
    const again = await t.client().post('/api/auth/sign-in', { email: world.volunteerB.email, password: TEST_PASSWORD });
    expect(again.status).toBe(403);
    expect(again.body.code).toBe('ACCOUNT_DISABLED');

    expect((await admin.post(`/api/accounts/${world.volunteerB.id}/enable`)).status).toBe(204);
    await t.client().signIn(world.volunteerB.email, TEST_PASSWORD);
    const audit = await t.prisma.auditEvent.findMany({ where: { subjectUserId: world.volunteerB.id, action: { startsWith: 'account.' } } });
    expect(audit.map((a) => a.action).sort()).toEqual(['account.disabled', 'account.enabled']);
  });

  it('is for platform admins only: a coordinator or leader gets 403 and nothing changes', async () => {
    for (const person of [world.coordinator, world.leaderA]) {
      const client = t.client();
      await client.signIn(person.email, TEST_PASSWORD);
      const res = await client.post(`/api/accounts/${world.volunteerA.id}/disable`);
      expect(res.status).toBe(403);
    }
    const user = await t.prisma.user.findUniqueOrThrow({ where: { id: world.volunteerA.id } });
    expect(user.disabledAt).toBeNull();
  });
});
