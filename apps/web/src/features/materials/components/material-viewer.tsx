import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MaterialFile, MaterialKind, MaterialTranslation } from '@tadamon/shared';
import { LoadOnRequest } from '../../../components/load-on-request';
import { useMediaFacts } from './use-media-facts';
import { useSizeFormat } from './use-size-format';
import { thumbnailUrl } from './media-urls';
import { VideoPlayer } from './video-player';
import { isDataSaverOn, isSlowConnection, useDataSaver } from '../../../lib/data-saver';
import { MediaFallback } from './media-fallback';
import { useState } from 'react';

export const contentUrl = (fileId: string, download = false) =>
  `/api/material-files/${fileId}/content${download ? '?download=1' : ''}`;

/**
 * Shows one language version: a player for audio and video (seeking uses Range requests, so
 * only the part watched is downloaded), the browser's own viewer for PDFs and images, and
 * always a plain download.
 */
export function MaterialViewer({ kind, translation }: { kind: MaterialKind; translation: MaterialTranslation }) {
  const { t } = useTranslation('materials');
  const format = useSizeFormat();
  const facts = useMediaFacts();
  if (translation.externalUrl) {
    return (
      <Button component="a" href={translation.externalUrl} target="_blank" rel="noopener noreferrer" variant="light">
        {t('viewer.openLink')}
      </Button>
    );
  }
  const file = translation.currentFile;
  if (!file) return <Text c="dimmed">{t('viewer.noFile')}</Text>;
  if (file.status === 'PROCESSING') return <Text role="status">{t('status.PROCESSING')}</Text>;
  if (file.status === 'FAILED') {
    return (
      <Text c="red" role="alert">
        {t('viewer.failed', { reason: t(`failure.${file.failureReason ?? 'UNKNOWN'}`, { defaultValue: t('failure.UNKNOWN') }) })}
      </Text>
    );
  }
  const src = contentUrl(file.id);
  return (
    <Stack gap="sm">
      {kind === 'VIDEO' ? (
        // Data saver: the player (and its poster) only once asked; the size said is the lightest copy's.
        <LoadOnRequest kind="video" size={format.bytes(lightestVideoBytes(file))}>
          <VideoPlayer file={file} src={src} title={translation.title} downloadUrl={contentUrl(file.id, true)} />
        </LoadOnRequest>
      ) : kind === 'AUDIO' ? (
        <LoadOnRequest kind="audio" size={format.bytes(file.sizeBytes)}>
          <AudioPlayer file={file} src={src} />
        </LoadOnRequest>
      ) : kind === 'IMAGE' ? (
        <ImageView file={file} src={src} title={translation.title} size={format.bytes(file.sizeBytes)} />
      ) : file.mimeType === 'application/pdf' ? (
        <Anchor href={src} target="_blank" rel="noopener" data-testid="open-pdf">
          {file.pageCount ? t('viewer.openPdf', { count: file.pageCount }) : t('viewer.openPdfPlain')}
        </Anchor>
      ) : null}
      <Group gap="xs">
        <Button component="a" href={contentUrl(file.id, true)} variant="default" download={file.originalName}>
          {t('viewer.download', { size: format.bytes(file.sizeBytes) })}
        </Button>
        <Text size="xs" c="dimmed" dir="auto">
          {file.originalName}
        </Text>
        {/* Pages are in the PDF link already; the length of audio and video is said here. */}
        {facts({ pageCount: null, durationMs: file.durationMs }) ? (
          <Text size="xs" c="dimmed" data-testid="media-facts">
            {facts({ pageCount: null, durationMs: file.durationMs })}
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}

/** What a video costs at least: its 240p copy when there is one, else the file itself. */
function lightestVideoBytes(file: MaterialFile): number {
  const low = file.derivatives.find((d) => d.kind === 'VIDEO_LOW' && d.status === 'READY' && d.sizeBytes);
  return low?.sizeBytes ?? file.sizeBytes;
}

/**
 * On a slow line an image opens as its small thumbnail; the full picture is one tap away.
 * With the data saver on, a large image waits to be asked for (its small thumbnail shows).
 */
function ImageView({ file, src, title, size }: { file: MaterialFile; src: string; title: string; size: string }) {
  const dataSaver = useDataSaver();
  const thumbnail = file.derivatives.find((d) => d.kind === 'THUMBNAIL' && d.status === 'READY');
  if (dataSaver && !thumbnail) {
    return (
      <LoadOnRequest kind="image" sizeBytes={file.sizeBytes} size={size}>
        <img src={src} alt={title} style={{ maxInlineSize: '100%' }} />
      </LoadOnRequest>
    );
  }
  return <ImageOrThumbnail file={file} src={src} title={title} />;
}

function ImageOrThumbnail({ file, src, title }: { file: MaterialFile; src: string; title: string }) {
  const small = (isSlowConnection() || isDataSaverOn()) && file.derivatives.some((d) => d.kind === 'THUMBNAIL' && d.status === 'READY');
  const image = <img src={small ? thumbnailUrl(file.id) : src} alt={title} style={{ maxInlineSize: '100%' }} />;
  return small ? (
    <a href={src} target="_blank" rel="noopener">
      {image}
    </a>
  ) : (
    image
  );
}

/** A recording, or — when this device cannot play it — what to do instead. */
function AudioPlayer({ file, src }: { file: MaterialFile; src: string }) {
  const [failed, setFailed] = useState(false);
  if (failed) return <MediaFallback file={file} kind="AUDIO" downloadUrl={contentUrl(file.id, true)} />;
  return <audio controls preload="metadata" src={src} onError={() => setFailed(true)} style={{ inlineSize: '100%' }} data-testid="audio-player" />;
}
