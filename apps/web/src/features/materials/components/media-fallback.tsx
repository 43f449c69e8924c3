import { Alert, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MaterialFile } from '@tadamon/shared';
import { renditionUrl } from './media-urls';

/**
 * Shown when the player's element reports an error (a codec the phone lacks, a file it cannot
 * decode, a copy that does not load). canPlayType is not asked first: it answers "maybe" or ""
 * for most types and would hide players that work. Instead of a silent dead player: says the file cannot play here and offers what still works —
 * the download, and the sound alone when the server made an audio-only copy.
 */
export function MediaFallback({ file, kind, downloadUrl }: { file: MaterialFile; kind: 'VIDEO' | 'AUDIO'; downloadUrl: string }) {
  const { t } = useTranslation('materials');
  const audioReady = kind === 'VIDEO' && file.derivatives.some((d) => d.kind === 'AUDIO' && d.status === 'READY');
  return (
    <Alert color="orange" role="alert" title={kind === 'VIDEO' ? t('media.cannotPlayVideo') : t('media.cannotPlayAudio')} data-testid="media-fallback">
      {t('media.cannotPlayHelp')}
      <Group gap="xs" mt="xs">
        <Button component="a" href={downloadUrl} download={file.originalName} size="xs">
          {t('media.downloadInstead')}
        </Button>
        {audioReady ? (
          <Button component="a" href={renditionUrl(file.id, 'audio')} size="xs" variant="light" data-testid="audio-only-link">
            {t('media.listenInstead')}
          </Button>
        ) : null}
      </Group>
    </Alert>
  );
}
