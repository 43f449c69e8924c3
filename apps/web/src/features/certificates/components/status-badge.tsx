import { Badge } from '@mantine/core';
import type { CertificateStatus } from '@tadamon/shared';
import { useTranslation } from 'react-i18next';

const COLOURS: Record<CertificateStatus, string> = { valid: 'green', expired: 'orange', revoked: 'red' };

export function StatusBadge({ status, size = 'md' }: { status: CertificateStatus; size?: 'md' | 'xl' }) {
  const { t } = useTranslation('certificates');
  return (
    <Badge color={COLOURS[status]} size={size} variant="filled" data-testid="certificate-status" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}
