import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPhoneVolunteer } from '../src/seed/demo-data.js';
import { seedDemoIfEmpty } from '../src/seed/seed-demo.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  expect(await seedDemoIfEmpty(t.databaseUrl, { info: () => {} })).toBe(true);
});
afterAll(async () => t?.close());

describe('the demo phone-only volunteer (README)', () => {
  it('signs in with the national number and the PIN printed in the README, and has no e-mail', async () => {
    const client = t.client();
    const response = await client.post('/api/auth/sign-in', { identifier: '06 61 00 07 77', password: '274958', sharedDevice: true });
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({ email: null, phone: demoPhoneVolunteer.phone, name: demoPhoneVolunteer.name });
    expect(response.body.memberships).toEqual([expect.objectContaining({ organisationName: 'Association Al Amal Tanger', role: 'VOLUNTEER' })]);

    // The demo leader sees them with their phone number and can hand them a new setup code.
    const leader = t.client();
    await leader.signIn('leader@example.org', 'tadamon-demo');
    const organisationId = response.body.memberships[0].organisationId;
    const members = await leader.get(`/api/organisations/${organisationId}/members`);
    const member = members.body.items.find((m: { phone: string | null }) => m.phone === demoPhoneVolunteer.phone);
    expect(member).toMatchObject({ email: null, role: 'VOLUNTEER' });
    expect((await leader.post(`/api/organisations/${organisationId}/members/${member.membershipId}/setup-code`)).status).toBe(201);
  });
});
