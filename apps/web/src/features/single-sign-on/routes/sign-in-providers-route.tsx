import { useState } from 'react';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/page-skeleton';
import { useOidcProviders } from '../api/list-oidc-providers';
import { OidcProviderForm } from '../components/oidc-provider-form';
import { PerCoordinatedNetwork } from '../../../components/per-coordinated-network';

/** Coordinators: the OpenID Connect providers people of their network may sign in with. */
export function SignInProvidersRoute() {
  const { t } = useTranslation('singleSignOn');
  return (
    <PerCoordinatedNetwork title={t('title')} intro={t('intro')} noNetwork={t('noNetwork')}>
      {(network) => <NetworkProviders key={network.networkId} networkId={network.networkId} networkName={network.networkName} />}
    </PerCoordinatedNetwork>
  );
}

function NetworkProviders({ networkId, networkName }: { networkId: string; networkName: string }) {
  const { t } = useTranslation('singleSignOn');
  const providers = useOidcProviders(networkId);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  return (
    <Card withBorder padding="lg" component="section" aria-label={networkName}>
      <Title order={2} size="h3" mb="md">
        {networkName}
      </Title>
      {providers.isPending ? (
        <PageSkeleton />
      ) : providers.error ? (
        <ErrorAlert error={providers.error} onRetry={() => void providers.refetch()} />
      ) : (
        <Stack gap="md">
          {providers.data.items.length === 0 ? <Text>{t('empty')}</Text> : null}
          {providers.data.items.map((provider) =>
            editing === provider.id ? (
              <OidcProviderForm key={provider.id} networkId={networkId} provider={provider} onDone={() => setEditing(null)} />
            ) : (
              <Group key={provider.id} justify="space-between" data-testid="oidc-provider">
                <div>
                  <Text fw={600}>{provider.name}</Text>
                  <Text size="sm" dir="ltr" ta="start">
                    {provider.issuer}
                  </Text>
                </div>
                <Button variant="light" onClick={() => setEditing(provider.id)}>
                  {t('edit')}
                </Button>
              </Group>
            ),
          )}
          {editing === 'new' ? (
            <OidcProviderForm networkId={networkId} onDone={() => setEditing(null)} />
          ) : (
            <Button variant="light" onClick={() => setEditing('new')} data-testid="oidc-provider-add" style={{ alignSelf: 'start' }}>
              {t('add')}
            </Button>
          )}
        </Stack>
      )}
    </Card>
  );
}
