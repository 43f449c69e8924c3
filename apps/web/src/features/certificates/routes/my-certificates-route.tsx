import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/page-skeleton';
import { useSignedInSession } from '../../../lib/session';
import { useMyCertificates } from '../../../api/get-my-certificates';
import { CertificateCard } from '../components/certificate-card';

export function MyCertificatesRoute() {
  const { t } = useTranslation('certificates');
  const session = useSignedInSession();
  const mine = useMyCertificates();

  return (
    <Stack gap="lg">
      <Title order={1}>{t('mine.title')}</Title>
      <Group gap="md">
        {session.permissions.includes('certificates.issue') ? (
          <Anchor component={Link} to="/certificates/issue">
            {t('issue.link')}
          </Anchor>
        ) : null}
        {session.permissions.includes('certificates.manageTypes') ? (
          <Anchor component={Link} to="/certificates/types">
            {t('types.link')}
          </Anchor>
        ) : null}
      </Group>
      {mine.isPending ? <PageSkeleton lines={4} /> : null}
      {mine.error ? <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      {mine.data?.items.length === 0 ? <Text c="dimmed">{t('mine.empty')}</Text> : null}
      {mine.data?.items.map((certificate) => <CertificateCard key={certificate.id} certificate={certificate} />)}
    </Stack>
  );
}
