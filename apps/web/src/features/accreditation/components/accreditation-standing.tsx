import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/intl';

/**
 * What the directory says about an organisation's quality assurance: accredited until a
 * date, or no longer. Nothing at all for organisations never accredited.
 */
export function AccreditationStanding({ accreditedUntil }: { accreditedUntil: string | null }) {
  const { t } = useTranslation('accreditation');
  const format = useFormatters();
  if (!accreditedUntil) return null;
  const current = new Date(accreditedUntil).getTime() > Date.now();
  return (
    <Badge color={current ? 'green' : 'gray'} variant="light" data-testid="accreditation-standing" style={{ flexShrink: 0 }}>
      {current
        ? t('standing.accredited', { date: format.date(accreditedUntil) })
        : t('standing.expired', { date: format.date(accreditedUntil) })}
    </Badge>
  );
}
