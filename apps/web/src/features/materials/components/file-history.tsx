import { Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormatters } from '../../../lib/intl';
import { useFileHistory } from '../api/get-file-history';
import { useRestoreFile } from '../api/restore-file';
import { contentUrl } from './material-viewer';

/** Every version of a language version's file, for editors: open an old one, restore it. */
export function FileHistory({ materialId, translationId, currentFileId }: { materialId: string; translationId: string; currentFileId: string | null }) {
  const { t } = useTranslation('materials');
  const format = useFormatters();
  const history = useFileHistory(materialId, translationId, true);
  const restore = useRestoreFile(materialId, translationId);
  if (history.error) return <ErrorAlert error={history.error} />;
  if (!history.data || history.data.items.length < 2) return null;
  return (
    <>
      <Text fw={600} mt="sm">
        {t('history.title')}
      </Text>
      <Table>
        <Table.Tbody>
          {history.data.items.map((file) => (
            <Table.Tr key={file.id}>
              <Table.Td>{t('history.version', { version: file.version })}</Table.Td>
              <Table.Td>
                <a href={contentUrl(file.id, true)}>{file.originalName}</a>
              </Table.Td>
              <Table.Td>{format.dateTime(file.createdAt)}</Table.Td>
              <Table.Td>
                {file.id === currentFileId ? (
                  <Text size="sm">{t('history.current')}</Text>
                ) : (
                  <Button size="xs" variant="light" loading={restore.isPending} disabled={file.status === 'FAILED'} onClick={() => restore.mutate(file.id)}>
                    {t('history.restore')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {restore.error ? <ErrorAlert error={restore.error} /> : null}
    </>
  );
}
