import { useState } from 'react';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { Certificate } from '@tadamon/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormatters } from '../../../lib/intl';
import { useOrganisationCertificates } from '../api/get-organisation-certificates';
import { localisedName } from '../../../lib/localised-name';
import { RevokeDialog } from './revoke-dialog';
import { StatusBadge } from './status-badge';

/** Certificates issued through one organisation; coordinators may revoke them. */
export function IssuedList({ organisationId, canRevoke }: { organisationId: string; canRevoke: boolean }) {
  const { t } = useTranslation('certificates');
  const format = useFormatters();
  const issued = useOrganisationCertificates(organisationId);
  const [revoking, setRevoking] = useState<Certificate | null>(null);

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('issue.listTitle')}
      </Title>
      <ErrorAlert error={issued.error} />
      {issued.data?.items.length === 0 ? <Text c="dimmed">{t('issue.listEmpty')}</Text> : null}
      {issued.data?.items.map((c) => (
        <Card key={c.id} withBorder padding="sm" data-testid="issued-certificate">
          <Group justify="space-between" wrap="wrap">
            <div>
              <Text fw={600}>{c.holderName}</Text>
              <Text size="sm">
                {localisedName(c.names, format.language)} · {format.date(c.issuedAt)}
              </Text>
            </div>
            <Group gap="xs">
              <StatusBadge status={c.status} />
              {canRevoke && c.status !== 'revoked' ? (
                <Button size="xs" color="red" variant="subtle" onClick={() => setRevoking(c)}>
                  {t('revoke.button')}
                </Button>
              ) : null}
            </Group>
          </Group>
        </Card>
      ))}
      <RevokeDialog certificate={revoking} onClose={() => setRevoking(null)} />
    </Stack>
  );
}
