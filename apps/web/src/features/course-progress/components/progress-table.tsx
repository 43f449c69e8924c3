import { Badge, Button, Group, Table, Text } from '@mantine/core';
import type { ProgressRow } from '@tadamon/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProgressStateBadge } from '../../../components/progress-state-badge';
import { useFormatters } from '../../../lib/intl';

/**
 * Members × courses. Real table semantics (caption, column headers, the member's name as row
 * header) so screen readers — and browser tests — can name every cell by row and column.
 */
export function ProgressTable({
  rows,
  caption,
  onUnassign,
  issueOrganisationId,
  showOrganisation,
}: {
  rows: (ProgressRow & { organisationName?: string })[];
  caption: string;
  onUnassign?: (row: ProgressRow) => void;
  /** Assessors: completed rows link to issuing a certificate in this organisation. */
  issueOrganisationId?: string;
  showOrganisation?: boolean;
}) {
  const { t } = useTranslation(['courseProgress', 'certificates']);
  const withActions = !!onUnassign || !!issueOrganisationId;
  const format = useFormatters();
  if (rows.length === 0) return <Text c="dimmed">{t('table.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover data-testid="progress-table">
        <caption className="course-progress__caption">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('table.member')}</Table.Th>
            {showOrganisation ? <Table.Th scope="col">{t('table.organisation')}</Table.Th> : null}
            <Table.Th scope="col">{t('table.course')}</Table.Th>
            <Table.Th scope="col">{t('table.status')}</Table.Th>
            <Table.Th scope="col">{t('table.progress')}</Table.Th>
            <Table.Th scope="col">{t('table.dueAt')}</Table.Th>
            <Table.Th scope="col">{t('table.completedAt')}</Table.Th>
            <Table.Th scope="col">{t('table.lastActivity')}</Table.Th>
            {withActions ? <Table.Th scope="col" className="course-progress__actions">{t('table.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.enrolmentId}>
              <Table.Th scope="row" fw={500}>
                {row.name}
              </Table.Th>
              {showOrganisation ? <Table.Td>{row.organisationName}</Table.Td> : null}
              <Table.Td>{row.courseTitle}</Table.Td>
              <Table.Td>
                <ProgressStateBadge state={row.status} />
              </Table.Td>
              <Table.Td>{t('table.percent', { value: row.progressPercent })}</Table.Td>
              <Table.Td>
                {row.dueAt ? (
                  <Group gap={4} wrap="nowrap">
                    <time dateTime={row.dueAt}>{format.date(row.dueAt)}</time>
                    {row.overdue ? (
                      <Badge color="red" variant="filled" size="sm" tt="none" className="course-progress__badge">
                        {t('status.OVERDUE')}
                      </Badge>
                    ) : null}
                  </Group>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>{row.completedAt ? <time dateTime={row.completedAt}>{format.date(row.completedAt)}</time> : '—'}</Table.Td>
              <Table.Td>{row.lastActivityAt ? <time dateTime={row.lastActivityAt}>{format.date(row.lastActivityAt)}</time> : '—'}</Table.Td>
              {withActions ? (
                // Kept in view at the inline end (sticky) when the table scrolls sideways.
                <Table.Td className="course-progress__actions">
                  <Group gap={4} wrap="nowrap">
                    {onUnassign && row.source === 'ASSIGNED' && row.status !== 'COMPLETED' ? (
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => onUnassign(row)}>
                        {t('table.unassign', { name: row.name })}
                      </Button>
                    ) : null}
                    {issueOrganisationId && row.status === 'COMPLETED' ? (
                      <Button
                        component={Link}
                        to={`/certificates/issue?organisation=${issueOrganisationId}&holder=${row.userId}`}
                        size="compact-xs"
                        variant="light"
                        data-testid="issue-from-table"
                      >
                        {t('certificates:issue.fromTable', { name: row.name })}
                      </Button>
                    ) : null}
                  </Group>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
