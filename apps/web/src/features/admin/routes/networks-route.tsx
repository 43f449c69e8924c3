import { useState } from 'react';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/page-skeleton';
import { LANGUAGE_NAMES, isLanguage } from '../../../lib/languages';
import { useSignedInSession } from '../../../lib/session';
import { useAdminNetworks } from '../api/get-admin-networks';
import { NetworkForm } from '../components/network-form';

/** Platform admins: every network, a new one, and each one's languages and time zone. */
export function NetworksRoute() {
  const { t } = useTranslation('admin');
  const session = useSignedInSession();
  const networks = useAdminNetworks();
  // 'new', a network id being edited, or nothing.
  const [editing, setEditing] = useState<string | null>(null);
  const mayCreate = session.permissions.includes('networks.create');
  const mayCreateOrganisation = session.permissions.includes('organisation.create');

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{t('networks.title')}</Title>
        {mayCreate && editing !== 'new' ? <Button onClick={() => setEditing('new')}>{t('networks.new')}</Button> : null}
      </Group>
      <ErrorAlert error={networks.error} onRetry={() => void networks.refetch()} />
      {editing === 'new' ? (
        <Card withBorder>
          <Title order={2} size="h3" mb="sm">
            {t('networks.new')}
          </Title>
          <NetworkForm onDone={() => setEditing(null)} />
        </Card>
      ) : null}
      {networks.isPending ? <PageSkeleton /> : null}
      {networks.data?.items.length === 0 ? <Text c="dimmed">{t('networks.empty')}</Text> : null}
      {networks.data?.items.map((network) => (
        <Card key={network.id} withBorder data-testid="admin-network">
          {editing === network.id ? (
            <NetworkForm network={network} onDone={() => setEditing(null)} />
          ) : (
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={4} miw={0}>
                <Title order={2} size="h3">
                  {network.name}
                </Title>
                {network.description ? <Text size="sm">{network.description}</Text> : null}
                <Text size="sm" c="dimmed">
                  {t('networks.languagesList', {
                    languages: network.languages.map((l) => (isLanguage(l) ? LANGUAGE_NAMES[l] : l)).join(' → '),
                  })}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('networks.timeZoneIs', { zone: network.timeZone })}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('networks.organisationCount', { count: network.organisationCount })}
                </Text>
              </Stack>
              <Stack gap="xs" style={{ flexShrink: 0 }}>
                <Button
                  variant="light"
                  size="xs"
                  onClick={() => setEditing(network.id)}
                  aria-label={t('networks.editNamed', { name: network.name })}
                >
                  {t('networks.edit')}
                </Button>
                {mayCreateOrganisation ? (
                  <Button
                    component={Link}
                    to={`/admin/organisations/new?network=${network.id}`}
                    variant="subtle"
                    size="xs"
                    aria-label={t('networks.addOrganisationTo', { name: network.name })}
                  >
                    {t('networks.addOrganisation')}
                  </Button>
                ) : null}
              </Stack>
            </Group>
          )}
        </Card>
      ))}
    </Stack>
  );
}
