import { useState } from 'react';
import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { Certificate } from '@tadamon/shared';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/intl';
import { credentialUrl, pdfUrl } from '../../../api/get-my-certificates';
import { localisedName } from '../../../lib/localised-name';
import { StatusBadge } from './status-badge';

export const verificationLink = (code: string) => `${window.location.origin}/verify/${code}`;

/** One of "my certificates": what it is, whether it still holds, and how to share it. */
export function CertificateCard({ certificate: c }: { certificate: Certificate }) {
  const { t } = useTranslation('certificates');
  const format = useFormatters();
  const [copied, setCopied] = useState(false);
  const link = verificationLink(c.code);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false); // old browsers: the link stays visible to copy by hand
    }
  };

  return (
    <Card withBorder padding="md" component="article" data-testid="certificate-card">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2} size="h4">
            {localisedName(c.names, format.language)}
          </Title>
          <StatusBadge status={c.status} />
        </Group>
        <Text size="sm">{t('verify.issuer', { organisation: c.organisationName, network: c.networkName })}</Text>
        <Text size="sm">{t('verify.issuedOn', { date: format.date(c.issuedAt) })}</Text>
        {c.revokedAt ? (
          <Text size="sm" c="red">
            {t('verify.revokedOn', { date: format.date(c.revokedAt) })}
          </Text>
        ) : (
          <Text size="sm">{c.expiresAt ? t('verify.validUntil', { date: format.date(c.expiresAt) }) : t('verify.noExpiry')}</Text>
        )}
        <Anchor href={link} size="sm" dir="ltr" style={{ overflowWrap: 'anywhere' }} data-testid="verification-link">
          {link}
        </Anchor>
        <Group gap="xs" mt="xs">
          <Button component="a" href={pdfUrl(c.id)} download size="xs" variant="light">
            {t('mine.downloadPdf')}
          </Button>
          <Button component="a" href={credentialUrl(c.id)} download size="xs" variant="light">
            {t('mine.downloadCredential')}
          </Button>
          <Button size="xs" variant="subtle" onClick={() => void copy()}>
            {copied ? t('mine.copied') : t('mine.copyLink')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
