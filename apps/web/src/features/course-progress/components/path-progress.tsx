import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { usePathProgress } from '../api/get-path-progress';

/** Per learning path: courses done of total for each member who started it. */
export function PathProgress({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation('courseProgress');
  const paths = usePathProgress(organisationId);
  if (paths.error) return <ErrorAlert error={paths.error} onRetry={() => void paths.refetch()} />;
  if (!paths.data) return null;
  if (paths.data.items.length === 0) return <Text c="dimmed">{t('paths.none')}</Text>;
  return (
    <Stack gap="lg">
      {paths.data.items.map((path) => (
        <Stack key={path.pathId} gap="xs">
          <Title order={3} size="h4">
            {path.title}
          </Title>
          {path.members.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('paths.nobody')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={320}>
              <Table>
                <caption className="course-progress__caption">{t('paths.caption', { title: path.title })}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('table.member')}</Table.Th>
                    <Table.Th scope="col">{t('paths.done')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {path.members.map((m) => (
                    <Table.Tr key={m.userId}>
                      <Table.Th scope="row" fw={500}>
                        {m.name}
                      </Table.Th>
                      <Table.Td>{t('paths.doneOf', { done: m.completedCourses, total: path.totalCourses })}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
