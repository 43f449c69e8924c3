import { Badge } from '@mantine/core';
import type { AccreditationAssessmentStatus } from '@tadamon/shared';
import { useTranslation } from 'react-i18next';

const COLOURS: Record<AccreditationAssessmentStatus, string> = {
  DRAFT: 'gray',
  SUBMITTED: 'blue',
  CHANGES_REQUESTED: 'orange',
  APPROVED: 'green',
};

export function AssessmentStatusBadge({ status }: { status: AccreditationAssessmentStatus }) {
  const { t } = useTranslation('accreditation');
  return (
    <Badge color={COLOURS[status]} variant="light" style={{ flexShrink: 0 }} data-testid="assessment-status" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}
