import { Alert, Card, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/page-skeleton';
import { isApiError } from '../../../lib/api-client';
import { useFormatters } from '../../../lib/intl';
import { useVerifyCertificate } from '../api/verify-certificate';
import { localisedName } from '../components/localised-name';
import { StatusBadge } from '../components/status-badge';

/** Public page behind the QR code: anyone can check a certificate without signing in. */
export function VerifyRoute() {
  const { code = '' } = useParams();
  const { t } = useTranslation('certificates');
  const format = useFormatters();
  const check = useVerifyCertificate(code);

  if (check.isPending) return <PageSkeleton lines={5} />;
  if (check.error) {
    if (isApiError(check.error) && check.error.status === 404) {
      return (
        <Alert color="red" variant="light" role="alert" title={t('verify.notFoundTitle')} data-testid="verify-not-found">
          {t('verify.notFoundBody')}
        </Alert>
      );
    }
    return <ErrorAlert error={check.error} onRetry={() => void check.refetch()} />;
  }
  const c = check.data;
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby="verify-title">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('verify.heading')}
        </Text>
        <StatusBadge status={c.status} size="xl" />
        <Title order={1} size="h2" id="verify-title">
          {localisedName(c.names, format.language)}
        </Title>
        <Text>
          {t('verify.awardedTo')}{' '}
          <strong data-testid="verify-holder">{c.holderErased ? t('verify.holderErased') : c.holderName}</strong>
        </Text>
        <Text>{t('verify.issuer', { organisation: c.organisationName, network: c.networkName })}</Text>
        <Text>{t('verify.issuedOn', { date: format.date(c.issuedAt) })}</Text>
        {c.revokedAt ? (
          <Text c="red" fw={600}>
            {t('verify.revokedOn', { date: format.date(c.revokedAt) })}
          </Text>
        ) : c.expiresAt ? (
          <Text c={c.status === 'expired' ? 'orange' : undefined}>
            {t(c.status === 'expired' ? 'verify.expiredOn' : 'verify.validUntil', { date: format.date(c.expiresAt) })}
          </Text>
        ) : (
          <Text>{t('verify.noExpiry')}</Text>
        )}
        <Text size="xs" c="dimmed">
          {t('verify.code')}:{' '}
          <span dir="ltr" translate="no" style={{ overflowWrap: 'anywhere' }}>
            {c.code}
          </span>
        </Text>
      </Stack>
    </Card>
  );
}
