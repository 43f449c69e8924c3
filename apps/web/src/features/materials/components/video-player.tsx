import { useRef, useState } from 'react';
import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MaterialFile } from '@tadamon/shared';
import { renditionUrl, thumbnailUrl } from './media-urls';
import { isDataSaverOn } from '../../../lib/data-saver';
import { MediaFallback } from './media-fallback';
import { initialQuality, isSlowConnection, rememberQuality, rememberedQuality, type VideoQuality } from './video-quality';

const isReady = (file: MaterialFile, kind: string) => file.derivatives.some((d) => d.kind === kind && d.status === 'READY');

/**
 * The video of a material in the quality the person can afford: the original, the ~240p
 * data-saver copy (the default on slow lines) or the sound alone. Switching keeps the
 * position; seeking asks the server for byte ranges, so only what is watched is downloaded.
 */
export function VideoPlayer({ file, src, title, downloadUrl }: { file: MaterialFile; src: string; title: string; downloadUrl: string }) {
  const { t } = useTranslation('materials');
  const available: VideoQuality[] = ['original'];
  if (isReady(file, 'VIDEO_LOW')) available.push('data-saver');
  if (isReady(file, 'AUDIO')) available.push('audio');
  const slowLine = isSlowConnection();
  const [start] = useState(() => initialQuality(available, slowLine || isDataSaverOn(), rememberedQuality()));
  const [chosen, setChosen] = useState<VideoQuality>(start.quality);
  const quality = available.includes(chosen) ? chosen : 'original';
  const media = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  const resume = useRef<{ time: number; playing: boolean } | null>(null);
  const slow = start.becauseSlow && quality === 'data-saver' && slowLine;
  // The qualities that failed to play here (a codec the phone lacks, a broken file): say so.
  const [failed, setFailed] = useState<ReadonlySet<VideoQuality>>(() => new Set());
  const fail = () => setFailed((all) => new Set([...all, quality]));

  const choose = (next: string) => {
    const element = media.current;
    if (element) resume.current = { time: element.currentTime, playing: !element.paused };
    setChosen(next as VideoQuality);
    rememberQuality(next as VideoQuality);
  };
  // Continue where the other version was, once the new one knows its length.
  const onLoaded = () => {
    const element = media.current;
    const at = resume.current;
    if (!element || !at) return;
    resume.current = null;
    element.currentTime = at.time;
    if (at.playing) void element.play().catch(() => undefined);
  };

  const poster = isReady(file, 'THUMBNAIL') ? thumbnailUrl(file.id) : undefined;
  // On a slow line (or with the data saver) nothing is fetched before the person presses play.
  const preload = isSlowConnection() || isDataSaverOn() ? 'none' : 'metadata';
  const source = quality === 'original' ? src : renditionUrl(file.id, quality);
  return (
    <Stack gap="xs">
      {available.length > 1 ? (
        <SegmentedControl
          aria-label={t('media.quality')}
          value={quality}
          onChange={choose}
          data={[
            { value: 'original', label: t('media.original') },
            ...(available.includes('data-saver') ? [{ value: 'data-saver', label: t('media.dataSaver') }] : []),
            ...(available.includes('audio') ? [{ value: 'audio', label: t('media.audioOnly') }] : []),
          ]}
          data-testid="video-quality"
        />
      ) : null}
      {failed.has(quality) ? (
        <MediaFallback file={file} kind={quality === 'audio' ? 'AUDIO' : 'VIDEO'} downloadUrl={downloadUrl} />
      ) : quality === 'audio' ? (
        <>
          {poster ? <img src={poster} alt={t('media.thumbnailAlt', { title })} style={{ maxInlineSize: '100%', inlineSize: 320 }} /> : null}
          <audio key={source} ref={media} controls preload={preload} src={source} onLoadedMetadata={onLoaded} onError={fail} style={{ inlineSize: '100%' }} data-testid="audio-player" />
        </>
      ) : (
        <video
          key={source}
          ref={media}
          controls
          preload={preload}
          poster={poster}
          src={source}
          onLoadedMetadata={onLoaded}
          onError={fail}
          style={{ inlineSize: '100%', maxBlockSize: '70vh' }}
          data-testid="video-player"
          data-quality={quality}
        />
      )}
      {slow ? (
        <Text size="xs" c="dimmed" role="status">
          {t('media.slowConnection')}
        </Text>
      ) : null}
    </Stack>
  );
}
