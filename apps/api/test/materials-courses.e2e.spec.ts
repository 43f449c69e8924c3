import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createWorld } from './support/factories.js';
import { createPublishedCourse } from './support/course-factories.js';
import type { TestClient } from './support/test-client.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
const as: Record<string, TestClient> = {};

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
  for (const who of ['volunteerA', 'volunteerB', 'coordinator'] as const) {
    as[who] = t.client();
    await as[who].signIn(world[who].email, TEST_PASSWORD);
  }
});
afterAll(async () => t?.close());

async function networkMaterial(title: string) {
  const material = await t.prisma.material.create({
    data: {
      networkId: world.network.id,
      kind: 'LINK',
      standardTopic: 'FIRST_AID',
      audience: 'EVERYONE',
      visibility: 'NETWORK',
      translations: { create: { language: 'en', title, externalUrl: 'https://example.org/first-aid' } },
    },
  });
  return material.id;
}

describe('a material page lists the courses that use it', () => {
  it('shows published courses embedding it that the reader could take, and no others', async () => {
    const materialId = await networkMaterial('Recovery position (video)');
    const open = await createPublishedCourse(t.prisma, {
      networkId: world.network.id,
      title: 'First aid basics',
      modules: [[{ title: 'The recovery position', materialId }]],
    });
    // Org A's own course: its members see it, org B's volunteer does not.
    await createPublishedCourse(t.prisma, {
      networkId: world.network.id,
      organisationId: world.orgA.id,
      enrolmentPolicy: 'ORGANISATION',
      title: 'Al Amal volunteer day',
      modules: [[{ title: 'Practice', materialId }]],
    });
    // A course that does not use the material.
    await createPublishedCourse(t.prisma, { networkId: world.network.id, title: 'Fundraising 101' });

    const titles = async (client: TestClient) => {
      const response = await client.get(`/api/materials/${materialId}`);
      expect(response.status).toBe(200);
      return (response.body.courses as { id: string; title: string }[]).map((c) => c.title).sort();
    };
    expect(await titles(as.volunteerA!)).toEqual(['Al Amal volunteer day', 'First aid basics']);
    expect(await titles(as.volunteerB!)).toEqual(['First aid basics']);
    expect(await titles(as.coordinator!)).toEqual(['Al Amal volunteer day', 'First aid basics']);

    // Archived courses drop out.
    await t.prisma.course.update({ where: { id: open.course.id }, data: { status: 'ARCHIVED' } });
    expect(await titles(as.volunteerB!)).toEqual([]);
  });
});
