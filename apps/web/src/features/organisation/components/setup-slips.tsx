import { createPortal } from 'react-dom';
import { Button, Card, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SetupCode } from '@tadamon/shared';
import { useFormatters } from '../../../lib/intl';
import './setup-slips.css';

interface Props {
  codes: SetupCode[];
  onForget: () => void;
}

/**
 * The setup codes handed out during this visit, as slips to print and cut (in the leader's
 * language: the page's). Codes are shown once: they live only in this page's memory and the
 * server keeps only their hash.
 */
export function SetupSlips({ codes, onForget }: Props) {
  const { t } = useTranslation('organisation');
  if (codes.length === 0) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="slips-heading" data-testid="setup-slips">
      <Title order={2} size="h3" id="slips-heading" mb="xs">
        {t('slips.title', { count: codes.length })}
      </Title>
      <Text size="sm" mb="md">
        {t('slips.intro')}
      </Text>
      <Sheet codes={codes} testId="setup-slip" />
      <Group mt="md">
        <Button onClick={() => window.print()}>{t('slips.print')}</Button>
        <Button variant="subtle" onClick={onForget}>
          {t('slips.forget')}
        </Button>
      </Group>
      {/* On paper only this copy is printed, straight under <body> so nothing around it can
          clip or hide it (see setup-slips.css). */}
      {createPortal(
        <div className="setup-slips-print" aria-hidden="true">
          <Sheet codes={codes} testId="print-slip" />
        </div>,
        document.body,
      )}
    </Card>
  );
}

function Sheet({ codes, testId }: { codes: SetupCode[]; testId: string }) {
  const { t } = useTranslation('organisation');
  const format = useFormatters();
  const address = `${window.location.origin}/setup-code`;
  return (
    <div className="setup-slips__sheet">
      {codes.map((slip) => (
        <article key={slip.code} className="setup-slip" data-testid={testId}>
          <Text fw={600}>{slip.organisationName}</Text>
          <Text>{t('slips.hello', { name: slip.name })}</Text>
          <Text size="sm">{t('slips.howTo')}</Text>
          <Text size="sm" dir="ltr" ta="center">
            {address}
          </Text>
          <div className="setup-slip__code" dir="ltr" data-testid={`${testId}-code`}>
            {slip.code}
          </div>
          <Text size="sm">
            {t('slips.signInWith')} <strong dir="ltr">{slip.phone ?? slip.username}</strong>
          </Text>
          <Text size="sm">{t('slips.validUntil', { date: format.date(slip.expiresAt) })}</Text>
        </article>
      ))}
    </div>
  );
}
