import { useMemo, useState } from 'react';
import { Button, Card, Group, Modal, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { InviteForm } from '../../../components/invite-form';
import { useFormatters } from '../../../lib/intl';
import type { Network } from '../../../lib/types';
import { useCreateInvitation } from '../../../api/create-invitation';
import { useNetworkOrganisations } from '../../../api/get-network-organisations';
import { useNetworks } from '../../../api/get-networks';
import { useNetworkStats } from '../api/get-network-stats';

function NetworkOverview({ network }: { network: Network }) {
  const { t } = useTranslation('home');
  const format = useFormatters();
  const stats = useNetworkStats(network.id);
  const createInvitation = useCreateInvitation();
  const [inviting, setInviting] = useState(false);
  // The full organisation list is only needed by the invite picker: fetch it when opened.
  const organisations = useNetworkOrganisations(network.id, { enabled: inviting });

  const byCountry = useMemo(
    () =>
      (stats.data?.byCountry ?? [])
        .map(({ country, organisations: count }) => ({ code: country, name: format.country(country), count }))
        .sort((a, b) => b.count - a.count || format.compare(a.name, b.name)),
    [stats.data, format],
  );

  const choices = useMemo(
    () =>
      (organisations.data?.items ?? [])
        .map((o) => ({ id: o.id, name: o.name }))
        .sort((a, b) => format.compare(a.name, b.name)),
    [organisations.data, format],
  );

  return (
    <Card withBorder padding="lg" data-testid="network-overview">
      <Group justify="space-between" align="flex-start" mb="md">
        <div>
          <Title order={2} size="h3">
            {network.name}
          </Title>
          <Text size="xl" fw={700}>
            {t('coordinator.organisationCount', { count: network.organisationCount })}
          </Text>
          {stats.data ? <Text c="dimmed">{t('coordinator.memberCount', { count: stats.data.memberCount })}</Text> : null}
        </div>
        <Group>
          <Button onClick={() => setInviting(true)}>
            {t('coordinator.inviteLeader')}
          </Button>
          <Button component={Link} to={`/directory?networkId=${network.id}`} variant="default">
            {t('coordinator.openDirectory')}
          </Button>
        </Group>
      </Group>
      <Title order={3} size="h5" mb="xs">
        {t('coordinator.byCountry')}
      </Title>
      {stats.isPending ? (
        <Skeleton height={80} />
      ) : stats.error ? (
        <ErrorAlert error={stats.error} onRetry={() => void stats.refetch()} />
      ) : byCountry.length === 0 ? (
        <Text c="dimmed">{t('coordinator.noOrganisations')}</Text>
      ) : (
        <Table striped withTableBorder maw={480}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('coordinator.country')}</Table.Th>
              <Table.Th scope="col" ta="end">
                {t('coordinator.organisations')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {byCountry.map((row) => (
              <Table.Tr key={row.code}>
                <Table.Td>
                  <Link to={`/directory?networkId=${network.id}&country=${row.code}`}>{row.name}</Link>
                </Table.Td>
                <Table.Td ta="end">{format.number(row.count)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={inviting} onClose={() => setInviting(false)} title={t('coordinator.inviteLeader')}>
        {organisations.isPending ? (
          <Skeleton height={160} />
        ) : organisations.error ? (
          <ErrorAlert error={organisations.error} onRetry={() => void organisations.refetch()} />
        ) : (
          <>
            {!organisations.data.complete ? (
              <Text size="sm" c="dimmed" mb="xs">
                {t('coordinator.partial')}
              </Text>
            ) : null}
            <InviteForm
              roles={['ORG_LEADER']}
              organisations={choices}
              onSubmit={(values) => createInvitation.mutateAsync(values)}
              onDone={() => setInviting(false)}
            />
          </>
        )}
      </Modal>
    </Card>
  );
}

export function CoordinatorHome() {
  const { t } = useTranslation('home');
  const networks = useNetworks();
  if (networks.isPending) return <Skeleton height={200} />;
  if (networks.error) return <ErrorAlert error={networks.error} onRetry={() => void networks.refetch()} />;
  if (networks.data.items.length === 0) return <Text>{t('coordinator.noNetworks')}</Text>;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={1}>
        {networks.data.items.map((network) => (
          <NetworkOverview key={network.id} network={network} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
