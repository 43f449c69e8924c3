import { useState } from 'react';
import { Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SignOffQueueItem } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormatters } from '../../../lib/intl';
import { useRecordSignOff } from '../api/record-sign-off';
import { MarkdownHtml } from '../../../components/markdown-html';

/**
 * One practical task waiting for the assessor: who, which course and lesson, the checklist,
 * and the two decisions. Sending back needs a comment: the learner has to know what to redo.
 */
export function SignOffCard({ item, onDecided }: { item: SignOffQueueItem; onDecided: (message: string) => void }) {
  const { t } = useTranslation('courseProgress');
  const format = useFormatters();
  const record = useRecordSignOff();
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const headingId = `sign-off-${item.enrolmentId}-${item.lessonId}`;

  const decide = (result: 'PASSED' | 'NOT_YET') => {
    if (result === 'NOT_YET' && comment.trim() === '') {
      setCommentError(t('signOffs.commentRequired'));
      return;
    }
    setCommentError(null);
    record.mutate(
      { enrolmentId: item.enrolmentId, lessonId: item.lessonId, result, comment: comment.trim() },
      { onSuccess: () => onDecided(t(result === 'PASSED' ? 'signOffs.passedDone' : 'signOffs.sentBackDone', { name: item.learner.name })) },
    );
  };

  return (
    <Card withBorder padding="md" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={2} size="h4" id={headingId}>
          {item.learner.name}
        </Title>
        <Text size="sm" c="dimmed">
          {item.organisationName}
        </Text>
        <Text>{t('signOffs.task', { course: item.courseTitle, lesson: item.lessonTitle })}</Text>
        <Text size="sm">{t('signOffs.waitingSince', { date: format.date(item.waitingSince) })}</Text>
        {item.lastDecision ? (
          <Text size="sm" className="sign-off__last">
            {t('signOffs.sentBackBefore', { assessor: item.lastDecision.assessorName ?? '—', date: format.date(item.lastDecision.recordedAt) })}
            {item.lastDecision.comment ? ` — ${item.lastDecision.comment}` : ''}
          </Text>
        ) : null}
        <section aria-label={t('signOffs.checklist')}>
          <Title order={3} size="h5">
            {t('signOffs.checklist')}
          </Title>
          {item.instructionsHtml ? (
            <MarkdownHtml className="sign-off__checklist" html={item.instructionsHtml} />
          ) : (
            <Text size="sm">{t('signOffs.noChecklist')}</Text>
          )}
        </section>
        <Textarea
          label={t('signOffs.comment')}
          description={t('signOffs.commentHint')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={commentError}
          maxLength={2000}
          rows={3}
        />
        <ErrorAlert error={record.error} />
        <Group gap="sm">
          <Button onClick={() => decide('PASSED')} loading={record.isPending && record.variables?.result === 'PASSED'} disabled={record.isPending}>
            {t('signOffs.pass')}
          </Button>
          <Button
            variant="outline"
            color="orange"
            onClick={() => decide('NOT_YET')}
            loading={record.isPending && record.variables?.result === 'NOT_YET'}
            disabled={record.isPending}
          >
            {t('signOffs.sendBack')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
