import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/page-skeleton';
import { isApiError } from '../../../lib/api-client';
import { useFormatters } from '../../../lib/intl';
import { useVerifyCertificate } from '../api/verify-certificate';
import { localisedName } from '../../../lib/localised-name';
import { StatusBadge } from '../components/status-badge';
import { CredentialFileCheck } from '../verify-file/credential-file-check';

/**
 * Public page behind the QR code: anyone can check a certificate without signing in, by its
 * code or from the certificate file itself (PDF or credential), checked in the browser.
 */
export function VerifyRoute() {
  const { code } = useParams();
  return (
    <Stack gap="lg">
      {code ? <CodeCheck code={code} /> : <CodeForm />}
      <CredentialFileCheck />
    </Stack>
  );
}

function CodeForm() {
  const { t } = useTranslation('certificates');
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim()) void navigate(`/verify/${encodeURIComponent(code.trim())}`);
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="code-check-title">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={1} size="h3" id="code-check-title">
            {t('verify.heading')}
          </Title>
          <Group align="end" wrap="wrap">
            <TextInput label={t('verify.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} dir="ltr" style={{ flexGrow: 1 }} data-testid="verify-code" />
            <Button type="submit">{t('fileCheck.checkCode')}</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function CodeCheck({ code }: { code: string }) {
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
