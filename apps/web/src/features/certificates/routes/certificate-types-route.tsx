import { useState } from 'react';
import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormatters } from '../../../lib/intl';
import { useSignedInSession } from '../../../lib/session';
import { useCertificateTypes } from '../../../api/get-certificate-types';
import { CertificateTypeForm } from '../components/certificate-type-form';
import { localisedName } from '../../../lib/localised-name';
import { RuleSummary } from '../components/rule-summary';

/** Coordinators: the certificates their network awards, and what earns and renews each. */
export function CertificateTypesRoute() {
  const { t } = useTranslation('certificates');
  const format = useFormatters();
  const session = useSignedInSession();
  const networkId = session.networkRoles[0]?.networkId ?? null;
  const types = useCertificateTypes(networkId);
  const [editing, setEditing] = useState<string | null>(null);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/certificates" size="sm">
        {t('back')}
      </Anchor>
      <Title order={1}>{t('types.title')}</Title>
      <ErrorAlert error={types.error} />
      {types.data?.items.length === 0 ? <Text c="dimmed">{t('types.empty')}</Text> : null}
      {types.data?.items.map((type) =>
        editing === type.id && networkId ? (
          <CertificateTypeForm key={type.id} networkId={networkId} type={type} onDone={() => setEditing(null)} />
        ) : (
          <Card key={type.id} withBorder padding="sm" data-testid="certificate-type">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={2} flex={1} miw={0}>
                <Text fw={600}>{localisedName(type.names, format.language)}</Text>
                <Text size="sm" c="dimmed">
                  {type.validityMonths ? t('types.validFor', { count: type.validityMonths }) : t('verify.noExpiry')}
                </Text>
                <RuleSummary type={type} />
              </Stack>
              <Button
                variant="light"
                size="xs"
                style={{ flexShrink: 0 }}
                onClick={() => setEditing(type.id)}
                aria-label={t('types.editNamed', { name: localisedName(type.names, format.language) })}
              >
                {t('types.edit')}
              </Button>
            </Group>
          </Card>
        ),
      )}
      {networkId && !editing ? <CertificateTypeForm networkId={networkId} /> : null}
    </Stack>
  );
}
