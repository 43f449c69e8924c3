import { useState } from 'react';
import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/page-skeleton';
import { useSignOffQueue } from '../api/get-sign-off-queue';
import { SignOffCard } from '../components/sign-off-card';
import '../course-progress.css';

/** /sign-offs — leaders and coordinators sign off practical tasks or send them back. */
export function SignOffsRoute() {
  const { t } = useTranslation('courseProgress');
  const queue = useSignOffQueue();
  const [done, setDone] = useState<string | null>(null);

  return (
    <Stack gap="lg">
      <Title order={1}>{t('signOffs.title')}</Title>
      <Text>{t('signOffs.intro')}</Text>
      <div role="status" aria-live="polite">
        {done ? (
          <Alert color="teal" variant="light">
            {done}
          </Alert>
        ) : null}
      </div>
      {queue.isPending ? <PageSkeleton /> : null}
      <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />
      {queue.data && queue.data.items.length === 0 ? <Text>{t('signOffs.empty')}</Text> : null}
      {queue.data?.items.map((item) => (
        <SignOffCard key={`${item.enrolmentId}:${item.lessonId}`} item={item} onDecided={setDone} />
      ))}
    </Stack>
  );
}
