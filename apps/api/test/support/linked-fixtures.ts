import { expect } from 'vitest';
import type { TestClient } from './test-client.js';

/**
 * A published library link (readers see it at once, no upload needed). ORGANISATION
 * visibility keeps it to the owner's members and the network's coordinators.
 */
export async function createLinkMaterial(
  client: TestClient,
  input: { networkId: string; organisationId?: string; title: string; visibility: 'ORGANISATION' | 'NETWORK' | 'PUBLIC' },
): Promise<string> {
  const response = await client.post('/api/materials', {
    networkId: input.networkId,
    ...(input.organisationId ? { organisationId: input.organisationId } : {}),
    kind: 'LINK',
    standardTopic: 'LEGAL_ADVOCACY',
    audience: 'EVERYONE',
    visibility: input.visibility,
    translation: { language: 'en', title: input.title, externalUrl: 'https://example.org/guide' },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as string;
}
