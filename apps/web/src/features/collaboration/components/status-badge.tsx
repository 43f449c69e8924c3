import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentStatus } from '@tadamon/shared';

const COLOURS: Record<DocumentStatus, string> = {
  DRAFT: 'gray',
  IN_REVIEW: 'yellow',
  OPEN_FOR_SIGNATURE: 'blue',
  PUBLISHED: 'green',
  ARCHIVED: 'dark',
};

export function StatusBadge({ status }: { status: DocumentStatus }) {
  const { t } = useTranslation('collaboration');
  return (
    <Badge color={COLOURS[status]} variant="light" data-testid="document-status">
      {t(`status.${status}`)}
    </Badge>
  );
}
