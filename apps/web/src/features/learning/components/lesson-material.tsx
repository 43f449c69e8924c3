import { useEffect, useRef } from 'react';
import { Skeleton } from '@mantine/core';
import { ErrorAlert } from '../../../components/error-alert';
// The library's own viewer and player: one way to show a material everywhere.
import { useMaterial } from '../../../api/get-material';
import { MaterialViewer } from '../../materials';

/** How often the playing position is saved; a save is one small idempotent request. */
const SAVE_EVERY_SECONDS = 15;

/**
 * The lesson's library material in the library's viewer. For video and audio it resumes at
 * the saved position and reports the position as the learner watches.
 */
export function LessonMaterial({
  materialId,
  resumeAt,
  onPosition,
}: {
  materialId: string;
  resumeAt: number;
  onPosition: (seconds: number) => void;
}) {
  const material = useMaterial(materialId);
  const box = useRef<HTMLDivElement>(null);
  const lastSaved = useRef(resumeAt);

  useEffect(() => {
    const media = box.current?.querySelector('video, audio') as HTMLMediaElement | null;
    if (!media) return;
    const seek = () => {
      if (resumeAt > 0 && media.currentTime < 1 && resumeAt < (media.duration || Infinity)) media.currentTime = resumeAt;
    };
    const report = () => {
      const seconds = Math.floor(media.currentTime);
      if (seconds - lastSaved.current >= SAVE_EVERY_SECONDS || (media.ended && seconds > lastSaved.current)) {
        lastSaved.current = seconds;
        onPosition(seconds);
      }
    };
    if (media.readyState >= 1) seek();
    media.addEventListener('loadedmetadata', seek);
    media.addEventListener('timeupdate', report);
    media.addEventListener('pause', report);
    return () => {
      media.removeEventListener('loadedmetadata', seek);
      media.removeEventListener('timeupdate', report);
      media.removeEventListener('pause', report);
    };
  }, [material.data, resumeAt, onPosition]);

  if (material.isPending) return <Skeleton height={200} aria-busy="true" />;
  if (material.error) return <ErrorAlert error={material.error} onRetry={() => void material.refetch()} />;
  const translation = material.data.translations[0];
  if (!translation) return null;
  return (
    <div ref={box} data-testid="lesson-material">
      <MaterialViewer kind={material.data.kind} translation={translation} />
    </div>
  );
}
