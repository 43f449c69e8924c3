import type { ReactNode } from 'react';
import { Stack, Text, Title } from '@mantine/core';
import { useSignedInSession } from '../lib/session';

export interface CoordinatedNetwork {
  networkId: string;
  networkName: string;
}

/**
 * A coordinator's settings screen: its title and introduction, then one section per network the
 * person coordinates (or a line saying there is none). The caller gives the texts, already
 * translated in its own namespace, and draws each network's section.
 */
export function PerCoordinatedNetwork({
  title,
  intro,
  noNetwork,
  children,
}: {
  title: string;
  intro: string;
  noNetwork: string;
  children: (network: CoordinatedNetwork) => ReactNode;
}) {
  const session = useSignedInSession();
  const networks = session.networkRoles.filter((r) => r.role === 'COORDINATOR');
  return (
    <Stack gap="lg">
      <Title order={1}>{title}</Title>
      <Text>{intro}</Text>
      {networks.length === 0 ? <Text>{noNetwork}</Text> : null}
      {networks.map((network) => children(network))}
    </Stack>
  );
}
