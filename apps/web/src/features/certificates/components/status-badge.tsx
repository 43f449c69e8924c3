import { Badge } from '@mantine/core';
import type { CertificateStatus } from '@tadamon/shared';
import { useTranslation } from 'react-i18next';

const COLOURS: Record<CertificateStatus, string> = { valid: 'green', expired: 'orange', revoked: 'red' };

export function StatusBadge({ status, size = 'md' }: { status: CertificateStatus; size?: 'md' | 'xl' }) {
  const { t } = useTranslation('certificates');
  return (
    // Never shrunk: beside a long certificate name on a phone it would be cut to "VAL…".
    <Badge color={COLOURS[status]} size={size} variant="filled" data-testid="certificate-status" data-status={status} style={{ flexShrink: 0 }}>
      {t(`status.${status}`)}
    </Badge>
  );
}
