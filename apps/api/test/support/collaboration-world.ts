import type { TestApp } from './test-app.js';
import { TEST_PASSWORD, createWorld } from './factories.js';
import type { TestClient } from './test-client.js';

/** Signs a test person in with a fresh cookie jar. */
export async function signedIn(t: TestApp, user: { email: string }): Promise<TestClient> {
  const client = t.client();
  await client.signIn(user.email, TEST_PASSWORD);
  return client;
}

/**
 * createWorld() plus a closed working group for orgs A and B (started by leader A) and a
 * network-wide one (started by the coordinator).
 */
export async function createCollaborationWorld(t: TestApp) {
  const world = await createWorld(t.prisma);
  const leaderA = await signedIn(t, world.leaderA);
  const coordinator = await signedIn(t, world.coordinator);
  const closed = await leaderA.post('/api/groups', {
    networkId: world.network.id,
    name: 'Domestic workers’ rights',
    audience: 'ORGANISATIONS',
    organisationIds: [world.orgB.id],
  });
  if (closed.status !== 201) throw new Error(`group: ${closed.status} ${JSON.stringify(closed.body)}`);
  const open = await coordinator.post('/api/groups', {
    networkId: world.network.id,
    name: 'Social protection',
    description: 'For **everyone** in the network',
    audience: 'NETWORK',
  });
  if (open.status !== 201) throw new Error(`group: ${open.status} ${JSON.stringify(open.body)}`);
  return { ...world, closedGroupId: closed.body.id as string, openGroupId: open.body.id as string };
}
