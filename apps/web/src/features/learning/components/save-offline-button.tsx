import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { askPersistentStorage, DeviceFullError, planSave, saveCourse, storageEstimate, type MediaChoice, type SavePlan } from '../offline/save-course';
import { useOfflineUserId, useSavedCourse } from '../offline/use-offline-store';
import { useSize } from '../offline/use-size';

/**
 * "Save for offline" on a course page: shows what it will take (text, quizzes and the chosen
 * light media) and the space left on the device, asks for persistent storage, then saves.
 */
export function SaveOfflineButton({ courseId, size: buttonSize = 'sm' }: { courseId: string; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation('learningOffline');
  const size = useSize();
  const userId = useOfflineUserId();
  const saved = useSavedCourse(courseId).data;
  const [opened, setOpened] = useState(false);
  const [media, setMedia] = useState<MediaChoice>('video');
  const [plan, setPlan] = useState<SavePlan | null>(null);
  const [space, setSpace] = useState<{ usage: number; quota: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!opened) return;
    let live = true;
    setPlan(null);
    setError(null);
    void Promise.all([planSave(courseId, media), storageEstimate()])
      .then(([next, estimate]) => {
        if (!live) return;
        setPlan(next);
        setSpace(estimate);
      })
      .catch((cause) => live && setError(cause));
    return () => {
      live = false;
    };
  }, [opened, courseId, media]);

  const left = space ? Math.max(0, space.quota - space.usage) : null;
  const save = async () => {
    if (!plan) return;
    setBusy(true);
    setError(null);
    try {
      await askPersistentStorage();
      await saveCourse(userId, plan, media, (done, total) => setProgress(t('save.progress', { done, total })));
      setOpened(false);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  return (
    <>
      <Button variant="light" size={buttonSize} onClick={() => setOpened(true)} data-testid="save-offline">
        {saved?.state === 'complete' ? t('save.again') : saved ? t('save.resume') : t('save.button')}
      </Button>
      {saved?.state === 'complete' ? (
        <Text size={buttonSize} c="teal.8" data-testid="saved-offline">
          {t('save.saved')}
        </Text>
      ) : null}
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('save.title')}>
        <Stack gap="sm">
          <Radio.Group label={t('save.mediaLabel')} value={media} onChange={(value) => setMedia(value as MediaChoice)}>
            <Stack gap={6} mt={6}>
              <Radio value="video" label={t('save.media.video')} />
              <Radio value="audio" label={t('save.media.audio')} />
              <Radio value="none" label={t('save.media.none')} />
            </Stack>
          </Radio.Group>
          <Text size="sm" data-testid="save-size">
            {plan ? t('save.size', { size: size(plan.sizeBytes) }) : t('save.measuring')}
          </Text>
          {left !== null ? <Text size="sm" c="dimmed">{t('save.space', { size: size(left) })}</Text> : null}
          {plan && left !== null && plan.sizeBytes > left ? (
            <Alert color="red" role="alert">
              {t('save.full')}
            </Alert>
          ) : null}
          {error instanceof DeviceFullError ? (
            <Alert color="red" role="alert" data-testid="device-full">
              {t('save.full')}
            </Alert>
          ) : (
            <ErrorAlert error={error} />
          )}
          {progress ? <Text size="sm" role="status">{progress}</Text> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t('save.cancel')}
            </Button>
            <Button onClick={() => void save()} loading={busy} disabled={!plan} data-testid="confirm-save-offline">
              {t('save.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
