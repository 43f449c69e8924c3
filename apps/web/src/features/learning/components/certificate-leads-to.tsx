import { Text } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import type { CourseCertificate } from '@tadamon/shared';

/**
 * What a course leads to: the certificate it earns (alone, or with other courses / its path)
 * or renews, how long that certificate is valid, or that it earns none. Certificate names are
 * isolated (<bdi>) so a Latin name keeps its place in an Arabic sentence and the other way round.
 */
export function CertificateLeadsTo({ leadsTo, size = 'sm' }: { leadsTo: CourseCertificate[]; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation('learning');
  if (leadsTo.length === 0) {
    return (
      <Text size={size} c="dimmed" data-testid="leads-to-none">
        {t('leadsTo.none')}
      </Text>
    );
  }
  return (
    <>
      {leadsTo.map((certificate) => {
        const key = certificate.kind === 'RENEWS' ? 'leadsTo.renews' : certificate.withOthers ? 'leadsTo.earnsWithOthers' : 'leadsTo.earns';
        return (
          <Text size={size} key={certificate.typeId} data-testid="leads-to">
            <Trans t={t} i18nKey={key} values={{ name: certificate.name }} components={{ name: <bdi /> }} />
            {certificate.validityMonths ? ` ${t('leadsTo.validity', { count: certificate.validityMonths })}` : ''}
          </Text>
        );
      })}
    </>
  );
}
