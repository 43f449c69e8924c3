import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentStatus } from '@tadamon/shared';

// Filled and dark: white text on these shades passes WCAG AA contrast.
const COLOURS: Record<DocumentStatus, string> = {
  DRAFT: 'gray.7',
  IN_REVIEW: 'violet.8',
  OPEN_FOR_SIGNATURE: 'blue.8',
  PUBLISHED: 'teal.9',
  ARCHIVED: 'dark.6',
};

export function StatusBadge({ status }: { status: DocumentStatus }) {
  const { t } = useTranslation('collaboration');
  return (
    <Badge color={COLOURS[status]} variant="filled" data-testid="document-status">
      {t(`status.${status}`)}
    </Badge>
  );
}
