import { useState } from 'react';
import { Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MATERIAL_EXTENSIONS, type MaterialKind } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { materialQueryKey } from '../../../api/get-material';
import { useResumableUpload } from '../upload/use-resumable-upload';
import { UploadProgress } from './upload-progress';

export const acceptFor = (kind: MaterialKind) =>
  kind === 'LINK' ? '' : MATERIAL_EXTENSIONS[kind].map((extension) => `.${extension}`).join(',');

/** Upload a (new version of the) file of one language version. */
export function FileUpload({ materialId, translationId, kind }: { materialId: string; translationId: string; kind: MaterialKind }) {
  const { t } = useTranslation('materials');
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useResumableUpload();

  const send = async () => {
    if (!file) return;
    try {
      await upload.start(translationId, file);
      setFile(null);
      await queryClient.invalidateQueries({ queryKey: materialQueryKey(materialId) });
    } catch {
      // shown from the upload state
    }
  };

  return (
    <Stack gap="xs">
      <Group align="end" gap="xs">
        <FileInput
          label={t('upload.newVersion')}
          placeholder={t('upload.choose')}
          accept={acceptFor(kind)}
          value={file}
          onChange={setFile}
          clearable
          style={{ flexGrow: 1 }}
        />
        <Button onClick={() => void send()} disabled={!file || upload.state.phase === 'uploading'}>
          {t('upload.start')}
        </Button>
      </Group>
      {upload.state.phase === 'uploading' ? <UploadProgress state={upload.state} /> : null}
      {upload.state.phase === 'done' ? <Text size="sm" role="status">{t('upload.done')}</Text> : null}
      {upload.state.phase === 'failed' ? <ErrorAlert error={upload.state.error} /> : null}
    </Stack>
  );
}
