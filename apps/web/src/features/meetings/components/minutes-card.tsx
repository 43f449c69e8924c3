import { useState } from 'react';
import { Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/page-skeleton';
import { useMinutes, useSaveMinutes } from '../api/minutes';
import { MarkdownHtml } from '../../../components/markdown-html';

/**
 * Minutes: the host writes Markdown and publishes it to the participants. The HTML comes from
 * the API, sanitised there (markdown-it without raw HTML, then an allow-list), so it is the
 * only HTML this screen sets.
 */
export function MinutesCard({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  const minutes = useMinutes(meeting.id);
  const save = useSaveMinutes(meeting.id);
  const [draft, setDraft] = useState<string | null>(null);
  if (minutes.isPending) return <PageSkeleton lines={3} />;
  if (minutes.error) return <ErrorAlert error={minutes.error} onRetry={() => void minutes.refetch()} />;
  const { minutes: current, canEdit } = minutes.data;
  const text = draft ?? current?.body ?? '';
  const published = !!current?.publishedAt;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="minutes-title" data-testid="minutes-card">
      <Title order={2} size="h4" id="minutes-title" mb="xs">
        {t('minutes.title')}
      </Title>
      <Stack gap="sm">
        {current ? (
          <>
            <Text size="sm" c="dimmed">
              {published ? t('minutes.published') : t('minutes.draft')}
            </Text>
            <MarkdownHtml className="meeting-minutes" testId="minutes-html" html={current.html} />
          </>
        ) : (
          <Text size="sm">{t('minutes.none')}</Text>
        )}
        {canEdit ? (
          <>
            <Textarea
              label={t('minutes.edit')}
              description={t('minutes.markdownHint')}
              autosize
              minRows={6}
              maxRows={20}
              value={text}
              onChange={(e) => setDraft(e.currentTarget.value)}
              data-testid="minutes-editor"
            />
            <ErrorAlert error={save.error} />
            <Group>
              <Button
                loading={save.isPending && save.variables?.publish === true}
                onClick={() => save.mutate({ body: text, publish: true }, { onSuccess: () => setDraft(null) })}
                data-testid="minutes-publish"
              >
                {published ? t('minutes.saveCorrection') : t('minutes.publish')}
              </Button>
              {!published ? (
                <Button variant="default" loading={save.isPending && save.variables?.publish === false} onClick={() => save.mutate({ body: text, publish: false }, { onSuccess: () => setDraft(null) })}>
                  {t('minutes.saveDraft')}
                </Button>
              ) : null}
            </Group>
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
