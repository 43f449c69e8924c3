import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UploadState } from '../upload/use-resumable-upload';
import { useSizeFormat } from './use-size-format';

/** Progress bar with what a person on a slow line wants to know: how much, how fast, how long. */
export function UploadProgress({ state }: { state: Extract<UploadState, { phase: 'uploading' }> }) {
  const { t } = useTranslation('materials');
  const format = useSizeFormat();
  const percent = state.total > 0 ? Math.floor((state.sent / state.total) * 100) : 0;
  return (
    <Stack gap={4} data-testid="upload-progress">
      <Progress value={percent} size="lg" aria-label={t('upload.progressLabel')} aria-valuenow={percent} animated />
      <Text size="sm" role="status" aria-live="polite">
        {t('upload.progress', { percent, sent: format.bytes(state.sent), total: format.bytes(state.total) })}
        {state.bytesPerSecond !== null ? ` · ${t('upload.speed', { speed: format.speed(state.bytesPerSecond) })}` : ''}
        {state.secondsLeft !== null ? ` · ${t('upload.timeLeft', { time: format.duration(state.secondsLeft) })}` : ''}
      </Text>
      {state.resumedFrom > 0 ? (
        <Text size="xs" c="dimmed">
          {t('upload.resumed', { sent: format.bytes(state.resumedFrom) })}
        </Text>
      ) : null}
    </Stack>
  );
}
