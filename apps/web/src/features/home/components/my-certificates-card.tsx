import { Anchor, Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Certificate } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormatters } from '../../../lib/intl';
import { useMyCertificates } from '../../../api/get-my-certificates';

/** The window in which a valid certificate counts as "about to expire" (the first e-mail reminder). */
const SOON_DAYS = 60;

function pickName(names: Certificate['names'], language: string): string {
  const map = names as Record<string, string>;
  return map[language] || map.en || Object.values(map).find(Boolean) || '';
}

/** How many valid certificates one holds, and the ones about to expire. */
export function MyCertificatesCard() {
  const { t, i18n } = useTranslation('home');
  const format = useFormatters();
  const certificates = useMyCertificates();
  const valid = certificates.data?.items.filter((c) => c.status === 'valid') ?? [];
  const limit = Date.now() + SOON_DAYS * 24 * 3600 * 1000;
  const expiring = valid
    .filter((c) => c.expiresAt && new Date(c.expiresAt).getTime() <= limit)
    .sort((a, b) => a.expiresAt!.localeCompare(b.expiresAt!));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="home-certificates" data-testid="home-certificates">
      <Stack gap="xs">
        <Title order={2} size="h4" id="home-certificates">
          {t('volunteer.certificatesTitle')}
        </Title>
        {certificates.isPending ? (
          <Skeleton height={40} />
        ) : certificates.error ? (
          <ErrorAlert error={certificates.error} onRetry={() => void certificates.refetch()} />
        ) : (
          <>
            <Text>{t('certificates.valid', { count: valid.length })}</Text>
            {expiring.map((c) => (
              <Text key={c.id} size="sm" c="orange.9" dir="auto">
                {t('certificates.expiresSoon', { name: pickName(c.names, i18n.resolvedLanguage ?? 'en'), date: format.date(c.expiresAt!) })}
              </Text>
            ))}
          </>
        )}
        <Anchor component={Link} to="/certificates" size="sm">
          {t('certificates.all')}
        </Anchor>
      </Stack>
    </Card>
  );
}
